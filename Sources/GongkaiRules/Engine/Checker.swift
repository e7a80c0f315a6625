import GongkaiCore

/// Runs the rule catalog on a disclosure.
public struct Checker: Sendable {
    /// The rules to run.
    public var rules: [any Rule]

    /// Creates a checker with the given rules (all bundled rules by default).
    public init(rules: [any Rule] = RuleCatalog.all) {
        self.rules = rules
    }

    /// The findings for one document, in document order (page, line), errors first on the same line.
    ///
    /// A document read by OCR is judged with less confidence: a recognised figure may be misread, so
    /// what would be an error is a warning that asks for the original to be compared.
    public func check(_ disclosure: Disclosure, profile: Profile, catalog: Catalog) -> [Diagnostic] {
        // Without a deadline nothing throws.
        (try? check(disclosure, profile: profile, catalog: catalog, within: .none)) ?? []
    }

    /// The findings for one document, or a `timedOut` error when `deadline` passes before the rules
    /// are through (looked at before the shared analyses and before each rule).
    public func check(_ disclosure: Disclosure, profile: Profile, catalog: Catalog, within deadline: Deadline) throws -> [Diagnostic] {
        try deadline.check(path: disclosure.path, stage: "检查之前")
        let context = CheckContext(disclosure: disclosure, profile: profile, catalog: catalog)
        var diagnostics: [Diagnostic] = []
        for rule in rules {
            try deadline.check(path: disclosure.path, stage: "规则 \(rule.description.id)")
            diagnostics += rule.check(context)
        }
        if disclosure.metadata.readByOCR {
            diagnostics = diagnostics.map { finding in
                guard finding.severity == .error else { return finding }
                var lowered = finding
                lowered.severity = .warning
                lowered.message += "（文字经 OCR 识别，可能是识别错误，请对照原件核实）"
                return lowered
            }
        }
        return Self.ordered(diagnostics)
    }

    static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let a = lhs.element.location
            let b = rhs.element.location
            let keyA = (a?.sheet ?? "", a?.page ?? 0, a?.line ?? 0)
            let keyB = (b?.sheet ?? "", b?.page ?? 0, b?.line ?? 0)
            if keyA != keyB { return keyA < keyB }
            if lhs.element.severity != rhs.element.severity { return lhs.element.severity > rhs.element.severity }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
