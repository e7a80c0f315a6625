import Foundation
import GongkaiWorkflow

/// Why a store operation failed; `message` is the Chinese text a user reads.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The object asked for does not exist (or is not visible to the actor).
    case notFound(String)
    /// The workflow refused the step.
    case refused(WorkflowRefusal)
    /// Someone else changed the object first; reload and try again.
    case conflict(String)
    /// The input is not acceptable (duplicate code, malformed date …).
    case invalid(String)
    /// The database is neither SQLite nor PostgreSQL.
    case unsupportedDatabase
    /// The database location could not be understood.
    case badLocation(String)

    /// What the user reads.
    public var message: String {
        switch self {
        case .notFound(let what): "未找到\(what)"
        case .refused(let refusal): refusal.message
        case .conflict(let what): what
        case .invalid(let what): what
        case .unsupportedDatabase: "只支持 SQLite 和 PostgreSQL 数据库"
        case .badLocation(let what): what
        }
    }

    public var description: String { message }
}
