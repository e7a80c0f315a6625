import Foundation
import GongkaiCore
#if canImport(Glibc)
import Glibc
#endif

/// Checks an `--output` file before anything is read or written, so that a report can never take
/// the place of a folder, of an input, or of anything that is not an ordinary file.
public enum OutputTarget {
    /// The path to write the report to (a symbolic link is followed to the file it names).
    /// Throws, with a message saying what to do, when `output` is a folder, a device or pipe, one of
    /// `inputs`, inside a folder of `inputs` that is being walked, or in a folder that does not exist.
    public static func reportFile(_ output: String, inputs: [String], example: String = "report.json") throws -> String {
        guard !output.isEmpty else { throw GongkaiError(.writeFailed, "--output 不能为空：请指定报告文件名") }
        if output.hasSuffix("/") {
            throw GongkaiError(.writeFailed, "--output 应是一个文件名，不能是文件夹：请写成例如 \(output)\(example)", path: output)
        }
        var info = stat()
        var resolved = output
        if stat(output, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                throw GongkaiError(.writeFailed, "--output 指向一个已有的文件夹，不能写成文件夹：请指定文件名，例如 \((output as NSString).appendingPathComponent(example))",
                                   path: output)
            case S_IFREG:
                resolved = realPath(output) ?? output
            default:
                throw GongkaiError(.writeFailed, "--output 指向的不是普通文件（可能是设备或管道）；要输出到屏幕请不要指定 --output", path: output)
            }
        } else {
            let folder = (output as NSString).deletingLastPathComponent
            var folderInfo = stat()
            guard stat(folder.isEmpty ? "." : folder, &folderInfo) == 0, (folderInfo.st_mode & S_IFMT) == S_IFDIR else {
                throw GongkaiError(.writeFailed, "要写入的文件夹不存在：请先创建 \(folder)，或检查路径", path: output)
            }
            resolved = ((realPath(folder.isEmpty ? "." : folder) ?? folder) as NSString).appendingPathComponent((output as NSString).lastPathComponent)
        }
        for input in inputs {
            guard let inputPath = realPath(input) else { continue }
            if inputPath == resolved {
                throw GongkaiError(.writeFailed, "--output 与要检查的文件 \(input) 是同一个文件，写入报告会覆盖它：请换一个报告文件名", path: output)
            }
            var inputInfo = stat()
            if stat(inputPath, &inputInfo) == 0, (inputInfo.st_mode & S_IFMT) == S_IFDIR, resolved.hasPrefix(inputPath == "/" ? "/" : inputPath + "/") {
                throw GongkaiError(.writeFailed, "--output 位于要检查的文件夹 \(input) 之内：请把报告写到该文件夹之外", path: output)
            }
        }
        return resolved
    }

    /// The absolute path with symbolic links resolved, or nil when it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
