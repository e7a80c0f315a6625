import NIOPosix
import Vapor

extension Application {
    private struct WorkThreadsKey: StorageKey {
        typealias Value = NIOThreadPool
    }

    /// Threads for the server's long work — rendering a package, running the rules, checking an
    /// uploaded file — kept apart from `threadPool`, on which the SQLite driver runs every query:
    /// a batch of slow checks then never holds up a page. Started by `GongkaiApp.configure`, shut
    /// down with the application.
    var workThreads: NIOThreadPool {
        guard let pool = storage[WorkThreadsKey.self] else { fatalError("GongkaiApp.configure was not called") }
        return pool
    }

    /// Starts the work threads (once).
    func startWorkThreads(count: Int) async {
        guard storage[WorkThreadsKey.self] == nil else { return }
        let pool = NIOThreadPool(numberOfThreads: count)
        pool.start()
        await storage.setWithAsyncShutdown(WorkThreadsKey.self, to: pool, onShutdown: { try await $0.shutdownGracefully() })
    }
}
