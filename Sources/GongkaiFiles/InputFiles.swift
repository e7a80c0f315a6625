import Foundation
import GongkaiCore
#if canImport(Glibc)
import Glibc
#endif

/// What a named path or a folder walk yields: a regular file to read, or a path that was found but
/// cannot be read, with the reason.
public enum InputEntry: Sendable {
    /// A regular file.
    case file(String)
    /// Something that is reported and skipped: not a regular file, a broken link, an unreadable folder.
    case skipped(String, GongkaiError)

    /// The path.
    public var path: String {
        switch self {
        case let .file(path), let .skipped(path, _): path
        }
    }
}

/// Expands the paths given on the command line into the files to read. Folders are walked
/// recursively in name order; only regular files with one of the wanted extensions are taken.
/// Pipes, sockets and devices are reported and never opened (opening a pipe would wait forever);
/// links that point nowhere, link loops and folders that cannot be opened are reported too. Links to
/// folders are not followed, so a link loop cannot make the walk endless. Hidden entries are skipped.
public enum InputFiles {
    /// The entries for `paths`.
    public static func expand(_ paths: [String], extensions: Set<String>) -> [InputEntry] {
        var result: [InputEntry] = []
        for path in paths {
            var info = stat()
            if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                var found: [InputEntry] = []
                walk(path, extensions: extensions, into: &found)
                result += found.sorted { $0.path < $1.path }
            } else {
                result.append(entry(for: path))
            }
        }
        return result
    }

    /// Why `path` is not a regular file that can be read, or nil when it is one.
    public static func problem(with path: String) -> GongkaiError? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            var linkInfo = stat()
            if lstat(path, &linkInfo) == 0, (linkInfo.st_mode & S_IFMT) == S_IFLNK {
                return GongkaiError(.notRegularFile, code == ELOOP ? "符号链接形成循环，无法读取" : "符号链接指向的文件不存在", path: path)
            }
            return GongkaiError(.fileNotFound, code == EACCES ? "文件无法访问（权限不足）" : "文件不存在或无法访问，请检查路径", path: path)
        }
        let kind: String
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return GongkaiError(.fileNotFound, "这是一个文件夹，不是文件", path: path)
        case S_IFIFO: kind = "是命名管道 FIFO"
        case S_IFSOCK: kind = "是套接字"
        case S_IFCHR, S_IFBLK: kind = "是设备文件"
        default: kind = "类型未知"
        }
        return GongkaiError(.notRegularFile, "不是普通文件（\(kind)），未打开，已跳过：请指定保存在磁盘上的文件", path: path)
    }

    private static func entry(for path: String) -> InputEntry {
        problem(with: path).map { .skipped(path, $0) } ?? .file(path)
    }

    private static func walk(_ folder: String, extensions: Set<String>, into result: inout [InputEntry]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            result.append(.skipped(folder, GongkaiError(.fileNotFound, "文件夹无法打开（权限不足？），其中的文件未检查", path: folder)))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let full = (folder as NSString).appendingPathComponent(name)
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR {
                walk(full, extensions: extensions, into: &result)
                continue
            }
            guard extensions.contains((name as NSString).pathExtension.lowercased()) else { continue }
            if type == S_IFLNK {
                var target = stat()
                // A link to a folder is not followed (no loops); a link to a file is read.
                if stat(full, &target) == 0, (target.st_mode & S_IFMT) == S_IFDIR { continue }
            }
            result.append(entry(for: full))
        }
    }
}
