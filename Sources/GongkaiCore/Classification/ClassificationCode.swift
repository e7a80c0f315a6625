/// The classification schemes a code can belong to.
public enum ClassificationScheme: String, Sendable, Codable, CaseIterable {
    /// 支出功能分类科目.
    case functional
    /// 部门预算支出经济分类科目 (301 ...).
    case economicDepartment = "economic-department"
    /// 政府预算支出经济分类科目 (501 ...).
    case economicGovernment = "economic-government"
}

/// A functional or economic classification code found in a table row.
public enum ClassificationCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// 功能分类.
    case function(FunctionCode)
    /// 经济分类.
    case economic(EconomicCode)

    /// Reads a code from its digits: 2xx codes are functional, 3xx and 5xx economic.
    public init?(digits: String) {
        if let code = FunctionCode(digits) {
            self = .function(code)
        } else if let code = EconomicCode(digits) {
            self = .economic(code)
        } else {
            return nil
        }
    }

    /// The digits of the code.
    public var digits: String {
        switch self {
        case let .function(code): code.digits
        case let .economic(code): code.digits
        }
    }

    /// The level of the code.
    public var level: ClassificationLevel {
        switch self {
        case let .function(code): code.level
        case let .economic(code): code.level
        }
    }

    /// The parent code, nil for a 类.
    public var parent: ClassificationCode? {
        switch self {
        case let .function(code): code.parent.map(ClassificationCode.function)
        case let .economic(code): code.parent.map(ClassificationCode.economic)
        }
    }

    /// The scheme of the code.
    public var scheme: ClassificationScheme {
        switch self {
        case .function: .functional
        case let .economic(code): code.scheme
        }
    }

    public var description: String { digits }

    public static func < (lhs: ClassificationCode, rhs: ClassificationCode) -> Bool { lhs.digits < rhs.digits }
}
