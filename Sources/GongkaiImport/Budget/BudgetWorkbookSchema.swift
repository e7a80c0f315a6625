import GongkaiCore

/// The sheets and columns of the budget workbook that `gongkai template` writes and
/// `BudgetWorkbookReader` reads: one sheet per kind of data, a header row, one record per row.
enum BudgetWorkbookSchema {
    /// A data sheet: its name and column headers, and for a list sheet the example row the empty
    /// template shows under the header (its first cell beginning ``exampleMarker``).
    struct Sheet {
        let name: String
        let columns: [String]
        let widths: [Double]
        var example: [String]? = nil
    }

    /// What begins the first cell of a template's example row, which the reader passes over.
    static let exampleMarker = "示例："

    static let unit = Sheet(name: "单位信息", columns: ["项目", "内容"], widths: [22, 80])
    static let duties = Sheet(name: "职能与机构", columns: ["类别", "内容"], widths: [12, 100],
                              example: ["示例：职能", "负责本单位职责范围内的组织、协调和服务工作（填写时可删去本行）"])
    static let income = Sheet(name: "收入", columns: ["收入来源", "金额（元）", "结转资金来源"], widths: [22, 18, 22],
                              example: ["示例：一般公共预算", "1909800.00", ""])
    static let expenditure = Sheet(name: "支出明细", columns: ["功能分类科目编码", "经济分类科目编码", "支出类型", "资金来源", "金额（元）", "项目编号"],
                                   widths: [18, 18, 12, 22, 18, 14],
                                   example: ["示例：2013201", "30101", "人员经费", "一般公共预算", "346700.00", ""])
    static let comparison = Sheet(name: "上年对比", columns: ["项目", "上年数（元）", "增减原因"], widths: [26, 18, 80])
    static let subjects = Sheet(name: "科目说明", columns: ["功能分类科目编码", "上年执行数（元）", "主要用途", "增减原因", "科目名称（目录外科目）",
                                                          "年初预算数（决算用，元）", "决算与预算差异原因（决算用）"],
                                widths: [18, 18, 50, 50, 30, 20, 40],
                                example: ["示例：2013201", "1224400.00", "保障机关日常运转", "人员工资调标", "", "", ""])
    static let costs = Sheet(name: "三公与运行经费", columns: ["项目", "本年（元）", "上年（元）", "增减原因", "主要用途", "年初预算（决算用，元）"],
                             widths: [24, 16, 16, 60, 40, 20])
    static let performance = Sheet(name: "绩效管理", columns: ["项目", "内容（决算用）"], widths: [40, 80])
    static let carryoverOut = Sheet(name: "年末结转", columns: ["资金来源", "年末结转和结余（元）"], widths: [22, 20],
                                    example: ["示例：一般公共预算", "0.00"])
    static let assets = Sheet(name: "采购与资产", columns: ["项目", "数值", "说明"], widths: [30, 18, 40])
    static let projects = Sheet(name: "项目", columns: ["项目编号", "项目名称", "项目分类", "业务主管部门", "编制单位", "上级统一预算金额（元）",
                                                       "预算执行率权重", "项目概述", "立项依据", "当年绩效目标"],
                                widths: [12, 28, 14, 24, 24, 18, 14, 50, 50, 50],
                                example: ["示例：P001", "示例专项经费", "专项资金", "示例主管部门", "示例单位", "", "", "项目概述", "立项依据", "当年绩效目标"])
    static let indicators = Sheet(name: "绩效指标", columns: ["项目编号", "一级指标", "二级指标", "三级指标", "指标权重", "计量单位", "指标性质", "指标值", "是否核心指标"],
                                  widths: [12, 14, 14, 32, 10, 12, 10, 14, 12],
                                  example: ["示例：P001", "产出指标", "数量指标", "举办培训班次数", "10", "次", "≥", "2", "是"])

    /// Rows of the 单位信息 sheet: label and the field it fills.
    static let unitFields: [(label: String, field: String)] = [
        ("单位名称", "unit.name"), ("单位编码", "unit.code"), ("层级（单位/部门）", "unit.level"), ("主管部门", "unit.parentDepartment"),
        ("实有人员（人）", "unit.staffCount"), ("单位性质", "unit.category"), ("所在地区", "unit.region"), ("联系人及电话", "unit.contact"),
        ("预算年度", "year"), ("阶段（预算/决算）", "phase"),
    ]

    /// Rows of the 上年对比 sheet: label, the prior-year field and the reason field.
    static let comparisonFields: [(label: String, amount: String, reason: String?)] = [
        ("收支总额", "comparison.total", "comparison.totalReason"),
        ("财政拨款", "comparison.fiscalAppropriation", "comparison.fiscalReason"),
        ("一般公共预算财政拨款", "comparison.generalBudget", nil),
        ("政府性基金预算财政拨款", "comparison.governmentFunds", nil),
        ("国有资本经营预算财政拨款", "comparison.stateCapital", nil),
        ("基本支出（一般公共预算）", "comparison.basic", "comparison.basicReason"),
        ("人员经费（一般公共预算）", "comparison.personnel", "comparison.personnelReason"),
        ("公用经费（一般公共预算）", "comparison.publicCosts", "comparison.publicCostsReason"),
        ("项目支出（一般公共预算）", "comparison.project", "comparison.projectReason"),
        ("年初预算：一般公共预算财政拨款（决算用）", "comparison.budgetedGeneralBudget", "comparison.budgetReason"),
    ]

    /// Rows of the 三公与运行经费 sheet.
    static let costRows: [(label: String, field: String)] = [
        ("因公出国（境）费", "threePublicCosts.travelAbroad"), ("公务用车购置费", "threePublicCosts.vehiclePurchase"),
        ("公务用车运行费", "threePublicCosts.vehicleOperation"), ("公务接待费", "threePublicCosts.reception"),
        ("“三公”经费合计（只填原因）", "threePublicCosts"), ("机关运行经费", "operatingCosts"),
    ]

    /// Rows of the 三公与运行经费 sheet below the costs, for final accounts: the counts the template asks
    /// for (in the 本年 column).
    static let costCounts: [(label: String, field: String, keyPath: WritableKeyPath<ThreePublicCostsCounts, Int?> & Sendable)] = [
        ("因公出国（境）团组数（个，决算用）", "threePublicCosts.counts.delegations", \.delegations),
        ("因公出国（境）人次（决算用）", "threePublicCosts.counts.travellers", \.travellers),
        ("公务用车购置数量（辆，决算用）", "threePublicCosts.counts.vehiclesBought", \.vehiclesBought),
        ("公务用车保有量（辆，决算用）", "threePublicCosts.counts.vehiclesHeld", \.vehiclesHeld),
        ("国内公务接待批次（决算用）", "threePublicCosts.counts.receptionBatches", \.receptionBatches),
        ("国内公务接待人次（决算用）", "threePublicCosts.counts.receptionGuests", \.receptionGuests),
        ("其中外宾接待批次（决算用）", "threePublicCosts.counts.foreignBatches", \.foreignBatches),
        ("其中外宾接待人次（决算用）", "threePublicCosts.counts.foreignGuests", \.foreignGuests),
    ]
    /// The 三公与运行经费 row of 外宾接待支出 (元, 决算用).
    static let foreignReception = "其中外宾接待支出（元，决算用）"

    /// Rows of the 绩效管理 sheet (final accounts): one 制度 per row, the 工作机制, then the figures.
    static let performanceRule = "预算绩效管理制度（每行一项）"
    static let performanceMechanism = "预算绩效管理工作机制"
    static let performanceCounts: [(label: String, keyPath: WritableKeyPath<PerformanceManagement, Int?> & Sendable)] = [
        ("编报绩效目标的项目（个）", \.goalProjects), ("绩效跟踪评价的项目（个）", \.trackedProjects), ("绩效自评的项目（个）", \.evaluatedProjects),
        ("自评为“优”的项目（个）", \.ratedExcellent), ("自评为“良”的项目（个）", \.ratedGood), ("自评为“合格”的项目（个）", \.ratedPass),
        ("自评为“不合格”的项目（个）", \.ratedFail), ("自评发现问题（个）", \.problemsFound), ("已完成整改（个）", \.problemsFixed),
        ("正在整改（个）", \.problemsBeingFixed),
    ]
    static let performanceAmounts: [(label: String, keyPath: WritableKeyPath<PerformanceManagement, Amount?> & Sendable)] = [
        ("编报绩效目标涉及预算金额（元）", \.goalAmount), ("绩效跟踪评价涉及预算金额（元）", \.trackedAmount), ("绩效自评涉及预算金额（元）", \.evaluatedAmount),
    ]
    static let performanceScore = "绩效自评平均得分（分）"

    /// Rows of the 采购与资产 sheet with a single value.
    static let assetFields: [(label: String, field: String)] = [
        ("政府采购货物（元）", "procurement.goods"), ("政府采购工程（元）", "procurement.works"), ("政府采购服务（元）", "procurement.services"),
        ("面向中小企业预留（元）", "procurement.reservedForSmallBusiness"), ("其中预留小微企业（元）", "procurement.reservedForMicroBusiness"),
        ("资产统计截止日期", "stateAssets.asOf"), ("单价100万元以上设备现有（台套）", "stateAssets.largeEquipment"),
        ("单价100万元以上设备拟购置（台套）", "stateAssets.largeEquipmentToBuy"),
    ]

    /// Rows of the 采购与资产 sheet for final accounts: what small businesses won, in 元.
    static let procurementAwards: [(label: String, field: String, keyPath: WritableKeyPath<Procurement, Amount?> & Sendable)] = [
        ("预留中小企业项目中由中小企业中标或成交（元，决算用）", "procurement.awardedInReserved", \.awardedInReserved),
        ("预留小微企业项目中由小微企业中标或成交（元，决算用）", "procurement.awardedInMicroReserved", \.awardedInMicroReserved),
        ("其他项目中由中小企业中标或成交（元，决算用）", "procurement.awardedInOthers", \.awardedInOthers),
    ]

    /// Prefixes of 采购与资产 rows that count vehicles: `现有车辆：一般公务用车`, `拟购车辆：执法执勤用车`.
    static let vehiclesHeld = "现有车辆："
    static let vehiclesToBuy = "拟购车辆："

    /// The Chinese choices of the income-source columns.
    static let sourceNames: [(String, IncomeSource)] = IncomeSource.allCases.map { ($0.chineseName, $0) }
    /// The choices of the 支出类型 column.
    static let kindNames: [(String, SpendingKind)] = [("人员经费", .personnel), ("公用经费", .publicCosts), ("项目支出", .project)]
    /// The choices of the 指标性质 column.
    static let comparisons = ["≥", "≤", "=", ">", "<", "定性"]
    /// The choices of the 一级指标 column.
    static let levelOneIndicators = ["产出指标", "效益指标", "满意度指标", "成本指标"]
}
