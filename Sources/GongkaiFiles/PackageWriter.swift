import CGongkaiSystem
import Foundation
import GongkaiCore
#if canImport(Glibc)
import Glibc
#endif

/// One file of a package: its path inside the package folder and its bytes.
public struct PackageFile: Sendable {
    /// The path inside the package folder, e.g. `csv/表一.csv`.
    public var path: String
    /// The content.
    public var data: Data

    /// Creates a file.
    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}

/// The list of a package's files with their sizes and SHA-256 digests, written as `manifest.json`
/// inside the package folder. It says which files belong to the package, and lets anyone check that
/// a package is complete and unaltered.
public struct PackageManifest: Codable, Sendable, Equatable {
    /// One file.
    public struct Entry: Codable, Sendable, Equatable {
        /// The path inside the package folder.
        public var path: String
        /// The size in bytes.
        public var bytes: Int
        /// The SHA-256 digest, hex.
        public var sha256: String
    }

    /// The file name of the manifest inside a package folder.
    public static let fileName = "manifest.json"

    /// The package's name (its folder's name).
    public var package: String
    /// The files, in path order.
    public var files: [Entry]

    /// The manifest of `files`.
    public init(package: String, files: [PackageFile]) {
        self.package = package
        self.files = files.map { Entry(path: $0.path, bytes: $0.data.count, sha256: SHA256.hex($0.data)) }.sorted { $0.path < $1.path }
    }

    /// The manifest's JSON.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// The manifest of the package folder at `folder`, or nil when it has none that can be read.
    public static func read(folder: String) -> PackageManifest? {
        guard let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(fileName)) else { return nil }
        return try? JSONDecoder().decode(PackageManifest.self, from: data)
    }

    /// Whether the folder holds exactly the manifest's files with the manifest's digests.
    public static func verify(folder: String) -> Bool {
        guard let manifest = read(folder: folder) else { return false }
        var expected = Set(manifest.files.map(\.path))
        expected.insert(fileName)
        for entry in manifest.files {
            guard let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(entry.path)),
                  data.count == entry.bytes, SHA256.hex(data) == entry.sha256 else { return false }
        }
        let present = Set((FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter { relative in
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(relative), isDirectory: &isDirectory)
            return exists && !isDirectory.boolValue
        })
        return present == expected
    }
}

/// Writes packages — the files of one disclosure — into an output folder as units: each package is a
/// folder `OUT/NAME/` with a `manifest.json`, built complete in a staging folder beside it and then
/// switched in with one atomic exchange of the two folders. A reader sees the old package or the new
/// one, never a mix; files of the old package that the new one lacks disappear with it; a run killed
/// at any point leaves the old package or the new one, and its staging folder is cleaned (or, when
/// the switch was half done, finished) by the next run.
public struct PackageWriter: Sendable {
    /// The output folder (`--out`).
    public var directory: String

    /// A writer into `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    /// Creates the output folder when needed and cleans leftovers of interrupted runs; call once
    /// before writing a run's packages. Throws when the folder cannot be made or is a file.
    public func prepare() throws {
        try makeDirectory()
        Leftovers.sweep(folder: directory)
    }

    /// Writes the package `name` with `files` and returns the package folder's path.
    @discardableResult
    public func write(name: String, files: [PackageFile]) throws -> String {
        try makeDirectory()
        let target = (directory as NSString).appendingPathComponent(name)
        try refuseForeign(target)
        let staging = (directory as NSString).appendingPathComponent(TemporaryName.make(prefix: ".", suffix: "-staging"))
        guard mkdir(staging, 0o755) == 0 else { throw FileSystemFailure.error("创建临时文件夹", path: staging, errno: errno) }
        let token = Interruption.removeOnInterrupt(staging)
        defer {
            Interruption.release(token)
            try? FileManager.default.removeItem(atPath: staging)
        }
        let package = (staging as NSString).appendingPathComponent(PackageStaging.packageFolder)
        try Self.makeFolders(package)
        var folders: Set<String> = [package]
        for file in files {
            let url = URL(fileURLWithPath: package).appendingPathComponent(file.path)
            let folder = url.deletingLastPathComponent().path
            if !folders.contains(folder) {
                try Self.makeFolders(folder)
                folders.insert(folder)
            }
            try Self.writeDurably(file.data, to: url.path, reportedAs: (target as NSString).appendingPathComponent(file.path))
        }
        try Self.writeDurably(try PackageManifest(package: name, files: files).json(),
                              to: (package as NSString).appendingPathComponent(PackageManifest.fileName),
                              reportedAs: (target as NSString).appendingPathComponent(PackageManifest.fileName))
        for folder in folders { FolderSync.sync(folder) }
        try Self.writeDurably(Data(name.utf8), to: (staging as NSString).appendingPathComponent(PackageStaging.targetFile), reportedAs: target)
        FolderSync.sync(staging)
        try PackageStaging.switchIn(package, to: target)
        FolderSync.sync(directory)
        return target
    }

    private func makeDirectory() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw GongkaiError(.writeFailed, "输出位置已是一个文件，不是文件夹：--out 应指定一个文件夹", path: directory)
            }
        } else {
            try Self.makeFolders(directory)
        }
    }

    /// A folder in the way that Gongkai did not write is never replaced.
    private func refuseForeign(_ target: String) throws {
        var info = stat()
        guard lstat(target, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw GongkaiError(.writeFailed, "已有同名的文件，不是 gongkai 生成的文件包，未覆盖：请移走它或换一个输出文件夹", path: target)
        }
        guard PackageManifest.read(folder: target) != nil else {
            throw GongkaiError(.writeFailed, "已有同名的文件夹，但其中没有 \(PackageManifest.fileName)，不是 gongkai 生成的文件包，未覆盖：请移走它或换一个输出文件夹",
                               path: target)
        }
    }

    /// `mkdir -p`, with the failing part and its reason in the error.
    static func makeFolders(_ path: String) throws {
        var current = ""
        for component in path.split(separator: "/") {
            current = current.isEmpty ? (path.hasPrefix("/") ? "/" : "") + component : current + "/" + component
            var info = stat()
            if stat(current, &info) == 0 {
                guard (info.st_mode & S_IFMT) == S_IFDIR else { throw FileSystemFailure.error("创建文件夹", path: current, errno: ENOTDIR) }
                continue
            }
            if mkdir(current, 0o755) != 0, errno != EEXIST { throw FileSystemFailure.error("创建文件夹", path: current, errno: errno) }
        }
    }

    static func writeDurably(_ data: Data, to path: String, reportedAs shown: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileSystemFailure.error("写入", path: shown, errno: errno) }
        defer { close(descriptor) }
        do {
            try FileDescriptorWriter.writeAll(data, to: descriptor)
        } catch let failure as FileDescriptorWriter.Failure {
            throw FileSystemFailure.error("写入", path: shown, errno: failure.code)
        }
        if fsync(descriptor) != 0 { throw FileSystemFailure.error("写入", path: shown, errno: errno) }
    }
}

/// The switch of a staged package into place, and the recovery of one interrupted.
enum PackageStaging {
    /// The package's folder inside a staging folder.
    static let packageFolder = "package"
    /// The file inside a staging folder naming the package it replaces.
    static let targetFile = "target"

    /// Puts the complete package folder `package` at `target`, atomically.
    static func switchIn(_ package: String, to target: String) throws {
        for _ in 0..<100 {
            var info = stat()
            if lstat(target, &info) != 0 {
                if gongkai_rename_noreplace(package, target) == 0 { return }
                switch errno {
                case EEXIST: continue
                case EINVAL, ENOSYS:
                    if rename(package, target) == 0 { return }
                    if errno == ENOTEMPTY || errno == EEXIST { continue }
                    throw FileSystemFailure.error("写入", path: target, errno: errno)
                default: throw FileSystemFailure.error("写入", path: target, errno: errno)
                }
            }
            if gongkai_rename_exchange(package, target) == 0 { return }
            switch errno {
            case ENOENT: continue
            case EINVAL, ENOSYS:
                // No atomic exchange on this file system: move the old package aside, then the new in.
                // A run killed between the two is finished by the next (`finishOrRemove`).
                let aside = (package as NSString).deletingLastPathComponent + "/old"
                if rename(target, aside) != 0 { throw FileSystemFailure.error("写入", path: target, errno: errno) }
                if rename(package, target) != 0 { throw FileSystemFailure.error("写入", path: target, errno: errno) }
                return
            default: throw FileSystemFailure.error("写入", path: target, errno: errno)
            }
        }
        throw GongkaiError(.writeFailed, "另有程序在同时改写同一个文件包，未能换入；请稍后重试", path: target)
    }

    /// For the leftover `path` of a killed run inside `folder`: when it is a staging folder whose
    /// package is complete and whose target is missing, moves the package into place; removes the rest.
    static func finishOrRemove(_ path: String, in folder: String) {
        let package = (path as NSString).appendingPathComponent(packageFolder)
        if let name = (try? String(contentsOfFile: (path as NSString).appendingPathComponent(targetFile), encoding: .utf8)),
           !name.isEmpty, !name.contains("/") {
            let target = (folder as NSString).appendingPathComponent(name)
            var info = stat()
            if lstat(target, &info) != 0, PackageManifest.verify(folder: package) {
                _ = gongkai_rename_noreplace(package, target) == 0 || rename(package, target) == 0
            }
        }
        try? FileManager.default.removeItem(atPath: path)
    }
}
