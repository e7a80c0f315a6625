import GongkaiCore

/// 三公 total = 因公出国 + 公务用车购置及运行 + 公务接待; 公务用车购置及运行 = 购置 + 运行.
public struct SangongSumRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "sangong-sum",
        title: "“三公”经费合计不等于各项之和",
        category: .threePublicCosts,
        severity: .error,
        rationale: "“三公”经费合计应等于因公出国（境）费、公务用车购置及运行费、公务接待费之和，公务用车购置及运行费应等于购置费与运行费之和。",
        triggering: [
            RuleExample("""
            ## 2026年部门“三公”经费和机关运行经费预算表
            单位:万元
            “三公”经费预算数\t\t\t\t\t\t机关运行经费预算数
            合计\t因公出国(境)费\t公务接待费\t公务用车购置及运行费\t\t\t
            \t\t\t小计\t购置费\t运行费\t
            ↓11.81\t0\t0.83\t9.98\t0\t9.98\t217.83
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 2026年部门“三公”经费和机关运行经费预算表
            单位:万元
            “三公”经费预算数\t\t\t\t\t\t机关运行经费预算数
            合计\t因公出国(境)费\t公务接待费\t公务用车购置及运行费\t\t\t
            \t\t\t小计\t购置费\t运行费\t
            10.81\t0\t0.83\t9.98\t0\t9.98\t217.83
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        mismatchedSums(context, kind: .threePublicCosts)
    }
}
