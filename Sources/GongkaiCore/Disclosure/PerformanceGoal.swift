import Foundation

/// One indicator of a project's performance goals (绩效指标).
public struct PerformanceIndicator: Hashable, Sendable {
    /// 一级指标 (产出指标, 效益指标 ...), when the layout has levels.
    public var level1: String?
    /// 二级指标 (数量指标, 质量指标 ...).
    public var level2: String?
    /// The indicator itself (指标 / 三级指标).
    public var name: String
    /// 指标权重.
    public var weight: Decimal?
    /// The weight cell as published.
    public var weightText: String?
    /// 计量单位.
    public var unit: String?
    /// 指标性质: ≥ ≤ = > < or 定性.
    public var comparison: String?
    /// 指标值.
    public var target: String?
    /// 是否核心指标.
    public var isCore: String?
    /// Where.
    public var location: SourceLocation

    /// Creates an indicator.
    public init(level1: String? = nil, level2: String? = nil, name: String, weight: Decimal? = nil, weightText: String? = nil,
                unit: String? = nil, comparison: String? = nil, target: String? = nil, isCore: String? = nil, location: SourceLocation) {
        self.level1 = level1
        self.level2 = level2
        self.name = name
        self.weight = weight
        self.weightText = weightText
        self.unit = unit
        self.comparison = comparison
        self.target = target
        self.isCore = isCore
        self.location = location
    }
}

/// A row inside the indicator block that is not a complete indicator (a stray value, a lone operator).
public struct MalformedIndicatorRow: Hashable, Sendable {
    /// The non-empty cells of the row.
    public var cells: [String]
    /// Where.
    public var location: SourceLocation

    /// Creates a record.
    public init(cells: [String], location: SourceLocation) {
        self.cells = cells
        self.location = location
    }
}

/// A project's performance goals as published in a 绩效目标表.
public struct PerformanceGoal: Hashable, Sendable {
    /// 项目名称 / 专项资金名称.
    public var projectName: String?
    /// 业务主管部门 / 主管部门.
    public var department: String?
    /// 当年预算 / 项目资金总额.
    public var budget: CellFigure?
    /// 预算执行率 weight, when the template gives it separately.
    public var executionRateWeight: Decimal?
    /// Whether the table's header has a weight column.
    public var hasWeightColumn: Bool
    /// The indicators.
    public var indicators: [PerformanceIndicator]
    /// Rows that are not complete indicators.
    public var malformedRows: [MalformedIndicatorRow]
    /// Where the goal's table starts.
    public var location: SourceLocation

    /// Creates a goal.
    public init(projectName: String? = nil, department: String? = nil, budget: CellFigure? = nil, executionRateWeight: Decimal? = nil,
                hasWeightColumn: Bool = false, indicators: [PerformanceIndicator] = [], malformedRows: [MalformedIndicatorRow] = [],
                location: SourceLocation) {
        self.projectName = projectName
        self.department = department
        self.budget = budget
        self.executionRateWeight = executionRateWeight
        self.hasWeightColumn = hasWeightColumn
        self.indicators = indicators
        self.malformedRows = malformedRows
        self.location = location
    }
}
