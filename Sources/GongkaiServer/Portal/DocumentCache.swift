import Foundation
import GongkaiCore
import GongkaiRender
import GongkaiReport
import Vapor

/// Rendered packages of public versions, kept for the portal's pages. A public version never
/// changes, so an entry never goes stale; the least recently used ones are dropped past `capacity`.
actor DocumentCache {
    private var documents: [UUID: RenderedDocument] = [:]
    private var order: [UUID] = []
    let capacity: Int

    init(capacity: Int = 256) {
        self.capacity = capacity
    }

    /// The version's package, rendered on the work threads the first time.
    func document(for versionID: UUID, budget: Budget, threads: NIOThreadPool) async throws -> RenderedDocument {
        if let document = documents[versionID] {
            order.removeAll { $0 == versionID }
            order.append(versionID)
            return document
        }
        let document = try await threads.runIfActive { try RenderRunner.document(for: budget).document }
        // Another request may have rendered it while this one waited.
        if let cached = documents[versionID] { return cached }
        documents[versionID] = document
        order.append(versionID)
        if order.count > capacity { documents[order.removeFirst()] = nil }
        return document
    }
}

extension Application {
    private struct DocumentCacheKey: StorageKey {
        typealias Value = DocumentCache
    }

    /// The portal's cache of rendered packages.
    var documentCache: DocumentCache {
        get {
            guard let cache = storage[DocumentCacheKey.self] else { fatalError("GongkaiApp.configure was not called") }
            return cache
        }
        set { storage[DocumentCacheKey.self] = newValue }
    }
}
