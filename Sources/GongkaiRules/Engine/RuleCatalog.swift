/// Every rule Gongkai has, in the order reports list their categories.
public enum RuleCatalog {
    /// All rules.
    public static let all: [any Rule] = [
        // Structure and completeness
        RequiredTableMissingRule(), RequiredSectionMissingRule(), EmptyTableUnexplainedRule(), EmptyTableNoteContradictsRule(),
        ContentsEntryMissingRule(), BlankPageRule(), TableUnrecognizedRule(), TableUnreadableRule(), DocumentPartAbsentRule(), MoneyUnitMissingRule(),
        // Arithmetic within a table
        HierarchySumRule(), RowSumRule(), ColumnTotalRule(), RoundingNoteRule(), BalanceMismatchRule(), InvalidAmountRule(), NegativeAmountRule(),
        // Cross-table
        CrossTableMismatchRule(), CodeSetMismatchRule(),
        // Narrative and tables
        NarrativeAmountMismatchRule(), NarrativePercentageMismatchRule(), NarrativeInternalContradictionRule(),
        NarrativeChangeMismatchRule(), NarrativeBreakdownMismatchRule(), FinalVersusBudgetWrongRule(),
        // Classification
        CodeUnknownRule(), CodeNameMismatchRule(), CodeHierarchyBrokenRule(), CodeMalformedRule(), CodeSchemeMismatchRule(),
        // Year on year
        YearInconsistentRule(), ChangeReasonMissingRule(),
        // 三公 and operating costs
        SangongSumRule(), SangongChangeUnexplainedRule(), OperatingCostMismatchRule(), VehiclePurchaseInconsistentRule(),
        // Performance goals
        PerfWeightsSumRule(), PerfIndicatorIncompleteRule(), PerfMalformedRowRule(), PerfTargetVagueRule(), PerfComparisonInvalidRule(),
        // Presentation
        MoneyUnitInconsistentRule(), PlaceholderTextRule(), UnitNameInconsistentRule(), LevelWordingInconsistentRule(),
        TextNotDisplayableRule(), PunctuationDefectRule(), DecimalPlacesInconsistentRule(), InvisibleCharactersRule(),
    ]

    /// The rule with `id`, or nil.
    public static func rule(_ id: String) -> (any Rule)? {
        all.first { $0.description.id == id }
    }
}
