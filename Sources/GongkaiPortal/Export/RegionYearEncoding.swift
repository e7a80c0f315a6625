import GongkaiXLSX

/// Writes a region-year's records (as `RegionYearExport.records` gives them) as one file, piece by
/// piece: its beginning, each page of records as it is read, its end. Each call returns the bytes
/// ready to send.
public protocol RegionYearEncoding {
    /// The file's first bytes.
    func begin() throws -> [UInt8]
    /// The bytes of a page of records.
    func encode(_ records: [[String]]) throws -> [UInt8]
    /// The file's last bytes.
    func end() throws -> [UInt8]
}

extension RegionYearExport {
    /// CSV: UTF-8 with a byte-order mark (so spreadsheet programs read it as UTF-8), CRLF lines,
    /// text that a spreadsheet would take for a formula prefixed with an apostrophe.
    public struct CSVEncoding: RegionYearEncoding {
        /// Creates the encoding.
        public init() {}

        public func begin() throws -> [UInt8] {
            Array(("\u{FEFF}" + line(columns.map(\.name))).utf8)
        }

        public func encode(_ records: [[String]]) throws -> [UInt8] {
            Array(records.map { line(Array($0.dropLast()), amount: $0.last) }.joined().utf8)
        }

        public func end() throws -> [UInt8] { [] }
    }

    /// An XLSX workbook: the lines' sheet “支出明细” (amounts as numbers, continued on further
    /// sheets past Excel's row limit), then the data dictionary's sheet.
    public final class WorkbookEncoding: RegionYearEncoding {
        private let workbook = XLSXStreamWriter()

        /// Creates the encoding.
        public init() {}

        public func begin() throws -> [UInt8] {
            try workbook.beginTable("支出明细", columns: columns.map(\.workbookColumn))
        }

        public func encode(_ records: [[String]]) throws -> [UInt8] {
            var bytes: [UInt8] = []
            for record in records { bytes += try workbook.append(record) }
            return bytes
        }

        public func end() throws -> [UInt8] {
            var bytes = try workbook.beginTable("数据字典", columns: [.init("列", width: 16), .init("含义", width: 60), .init("类型", width: 10)])
            for column in columns { bytes += try workbook.append([column.name, column.meaning, column.type]) }
            return bytes + (try workbook.finish())
        }
    }
}
