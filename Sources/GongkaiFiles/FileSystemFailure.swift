import Foundation
import GongkaiCore
#if canImport(Glibc)
import Glibc
#endif

/// Turns a failed system call on a file into a `GongkaiError` whose Chinese message says what could
/// not be done, why (from `errno`), and what to do about it — never a raw Foundation error dump.
public enum FileSystemFailure {
    /// The error for `action` ("写入", "创建文件夹" …) on `path` failing with `code` (an errno value).
    public static func error(_ action: String, path: String, errno code: Int32) -> GongkaiError {
        GongkaiError(.writeFailed, "无法\(action)：\(reason(code))", path: path)
    }

    /// Why an errno value happened and what to do, in Chinese.
    public static func reason(_ code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT: return "磁盘空间不足；请清理空间或换一个输出位置后重试"
        case EROFS: return "所在的文件系统是只读的；请换一个可写的输出位置"
        case EACCES, EPERM: return "权限不足；请检查文件夹的写入权限，或换一个输出位置"
        case ENOENT: return "所在的文件夹不存在；请先创建它，或检查路径是否写错"
        case ENOTDIR: return "路径中有一部分不是文件夹；请检查路径"
        case EISDIR: return "这是一个文件夹，不是文件；请指定一个文件名"
        case ENAMETOOLONG: return "文件名或路径过长；请缩短名称或换一个较短的输出位置"
        case EEXIST: return "已存在同名的文件或文件夹"
        case ENOTEMPTY: return "同名文件夹不为空"
        case EXDEV: return "临时文件与目标不在同一个文件系统上"
        case EPIPE: return "接收输出的管道已关闭（例如 | head 提前结束）"
        case EBADF: return "输出已关闭"
        case EIO: return "磁盘读写错误；请检查磁盘"
        case EMFILE, ENFILE: return "同时打开的文件过多；请稍后重试"
        case ELOOP: return "符号链接循环；请检查路径"
        case EFBIG: return "文件超过了文件系统允许的大小"
        default: return "系统错误 \(code)（\(String(cString: strerror(code)))）"
        }
    }
}
