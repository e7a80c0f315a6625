import GongkaiCore

/// Writes a check report document by document as the run goes, in text, JSON or CSV, to any
/// destination (standard output, a staged file). The output is the same as the formatters' for the
/// whole report, but only one document is held at a time.
public struct ReportStream {
    /// The formats that can be streamed.
    public enum Format: Sendable {
        case text, json, csv
    }

    private let format: Format
    private let write: (String) throws -> Void
    private var count = 0

    /// A stream of `format` written through `write`.
    public init(format: Format, write: @escaping (String) throws -> Void) {
        self.format = format
        self.write = write
    }

    /// Starts the report.
    public mutating func begin() throws {
        if format == .csv { try write(CSVReportFormatter.headerText) }
    }

    /// Writes one document's part.
    public mutating func add(_ document: DocumentReport) throws {
        switch format {
        case .text: try write(TextReportFormatter.document(document))
        case .json: try write(JSONReportFormatter.prefix(forDocumentAt: count) + JSONReportFormatter.streamed(document))
        case .csv: try write(CSVReportFormatter.rows(document))
        }
        count += 1
    }

    /// Ends the report.
    public mutating func finish(_ summary: CheckSummary) throws {
        switch format {
        case .text: try write(TextReportFormatter.summary(summary))
        case .json: try write(JSONReportFormatter.suffix(documentCount: count))
        case .csv: break
        }
    }
}
