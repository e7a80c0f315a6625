import Foundation
import GongkaiCore

/// What a public version's figures and texts are, for the portal: derived from its content when it
/// is published (see `Store.publish`), read by the portal's pages without decoding budgets.
public struct PublicationIndex: Sendable, Equatable {
    /// Its figures.
    public var figures: [IndexedFigure]
    /// Its searchable texts.
    public var texts: [IndexedText]

    /// Creates an index.
    public init(figures: [IndexedFigure], texts: [IndexedText]) {
        self.figures = figures
        self.texts = texts
    }
}

/// Which figure of a document an amount is: the one it states for its year (预算数 in a budget,
/// 决算数 in final accounts) or, in final accounts, the initial budget it compares with.
public enum FigureBasis: String, Sendable, Codable, CaseIterable {
    /// The document's own figure for the year.
    case stated
    /// Final accounts: the initial budget (年初预算数) the document states beside it.
    case budgeted
}

/// One figure of a publication: a measure (`expenditure`, `function:208`, `sangong` …), its name as
/// shown, and the amount.
public struct IndexedFigure: Sendable, Equatable, Codable {
    /// The measure's key.
    public var measure: String
    /// Its name (社会保障和就业支出).
    public var label: String
    /// Stated or budgeted.
    public var basis: FigureBasis
    /// The amount.
    public var amount: Amount

    /// Creates a figure.
    public init(measure: String, label: String, basis: FigureBasis = .stated, amount: Amount) {
        self.measure = measure
        self.label = label
        self.basis = basis
        self.amount = amount
    }
}

/// What a searchable text is.
public enum IndexedTextKind: String, Sendable, Codable, CaseIterable {
    /// A 科目: its code and name.
    case subject
    /// A project's name.
    case project
    /// A sentence of the narrative.
    case sentence
}

/// One searchable text of a publication and where on its page it is.
public struct IndexedText: Sendable, Equatable, Codable {
    /// Its kind.
    public var kind: IndexedTextKind
    /// The text.
    public var text: String
    /// The id of the element on the publication's page that holds it (`table-3`, `section-2`).
    public var anchor: String

    /// Creates a text.
    public init(kind: IndexedTextKind, text: String, anchor: String) {
        self.kind = kind
        self.text = text
        self.anchor = anchor
    }
}

/// A figure as the portal reads it back: with the unit, year, phase and version it belongs to.
public struct PublishedFigure: Sendable, Equatable {
    /// The unit.
    public var unitID: UUID
    /// The version.
    public var versionID: UUID
    /// The fiscal year.
    public var year: Int
    /// 预算 or 决算.
    public var phase: DocumentKind
    /// The figure.
    public var figure: IndexedFigure
}

/// A search hit.
public struct SearchHit: Sendable, Equatable {
    /// The unit.
    public var unit: StoredUnit
    /// What matched: the unit's name, or one of its publications' texts.
    public var kind: IndexedTextKind?
    /// The matching text (the unit's name for a unit).
    public var text: String
    /// The publication, for a text hit.
    public var year: Int?
    /// Its phase.
    public var phase: DocumentKind?
    /// Where on the publication's page.
    public var anchor: String?
}

/// A published version without its budget data, with its unit: the home page's latest publications,
/// the sitemap and the index of every publication.
public struct PublicationSummary: Sendable, Equatable {
    /// The unit.
    public var unit: StoredUnit
    /// The version's id.
    public var versionID: UUID
    /// The fiscal year.
    public var year: Int
    /// 预算 or 决算.
    public var phase: DocumentKind
    /// The version's number.
    public var number: Int
    /// Published or superseded.
    public var state: String
    /// The 批复 date.
    public var approvalDate: String?
    /// When it was published.
    public var publishedAt: String
    /// 支出合计.
    public var totalExpenditure: Amount

    /// Creates a summary.
    public init(unit: StoredUnit, versionID: UUID, year: Int, phase: DocumentKind, number: Int, state: String, approvalDate: String?,
                publishedAt: String, totalExpenditure: Amount) {
        self.unit = unit
        self.versionID = versionID
        self.year = year
        self.phase = phase
        self.number = number
        self.state = state
        self.approvalDate = approvalDate
        self.publishedAt = publishedAt
        self.totalExpenditure = totalExpenditure
    }
}
