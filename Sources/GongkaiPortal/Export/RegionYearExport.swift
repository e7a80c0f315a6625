import Foundation
import GongkaiCore
import GongkaiStore
import GongkaiXLSX

/// A region-year as one table: every expenditure line of every current publication, one row each,
/// with who published it and its classification, as CSV or as an XLSX workbook. The columns are the
/// data dictionary's; either file is written publication by publication, so any number of them
/// streams without being held in memory.
public enum RegionYearExport {
    /// One column: its heading and what it holds.
    public struct Column: Sendable {
        /// The heading.
        public var name: String
        /// What it holds, for the data dictionary.
        public var meaning: String
        /// Its type in the data package.
        public var type: String
        /// Its width in a workbook, in characters.
        public var width: Double

        init(name: String, meaning: String, type: String, width: Double = 12) {
            self.name = name
            self.meaning = meaning
            self.type = type
            self.width = width
        }

        /// The column in a workbook: integers and amounts as numbers, the rest as text.
        public var workbookColumn: XLSXStreamWriter.Column {
            XLSXStreamWriter.Column(name, width: width, kind: type == "integer" ? .number : type == "number" ? .amount : .text)
        }
    }

    /// The columns, in order.
    public static let columns: [Column] = [
        Column(name: "地区代码", meaning: "地区的行政区划代码或财政局自定代码", type: "string"),
        Column(name: "地区", meaning: "地区名称", type: "string", width: 16),
        Column(name: "主管部门编码", meaning: "主管部门在预算系统中的编码", type: "string"),
        Column(name: "主管部门", meaning: "主管部门名称", type: "string", width: 28),
        Column(name: "单位编码", meaning: "单位在预算系统中的编码", type: "string"),
        Column(name: "单位", meaning: "单位名称", type: "string", width: 32),
        Column(name: "年度", meaning: "预算年度", type: "integer"),
        Column(name: "种类", meaning: "预算或决算", type: "string"),
        Column(name: "版本", meaning: "现行公开版本的序号（更正后递增）", type: "integer"),
        Column(name: "公开日期", meaning: "该版本公开的日期（协调世界时）", type: "date", width: 12),
        Column(name: "功能分类代码", meaning: "支出功能分类科目代码（项，7 位）", type: "string"),
        Column(name: "功能分类名称", meaning: "支出功能分类科目名称", type: "string", width: 24),
        Column(name: "经济分类代码", meaning: "部门预算支出经济分类科目代码（款，5 位）", type: "string"),
        Column(name: "经济分类名称", meaning: "部门预算支出经济分类科目名称", type: "string", width: 20),
        Column(name: "支出类型", meaning: "基本支出（人员经费、公用经费）或项目支出", type: "string", width: 18),
        Column(name: "资金来源", meaning: "支付该支出的资金（一般公共预算拨款、政府性基金预算拨款、事业收入等）", type: "string", width: 22),
        Column(name: "项目", meaning: "项目支出所属项目的名称，基本支出为空", type: "string", width: 30),
        Column(name: "金额（元）", meaning: "金额，单位元，两位小数，为公开数据的精确值", type: "number", width: 16),
    ]

    /// Who published a version, for its rows.
    public struct Publisher: Sendable {
        /// The region.
        public var region: StoredRegion
        /// The 主管部门.
        public var department: StoredDepartment
        /// The unit.
        public var unit: StoredUnit

        /// Creates the publisher's description.
        public init(region: StoredRegion, department: StoredDepartment, unit: StoredUnit) {
            self.region = region
            self.department = department
            self.unit = unit
        }
    }

    /// The rows of one version, one text per column, the amount last.
    public static func records(_ version: StoredVersion, by publisher: Publisher, catalog: Catalog) -> [[String]] {
        let budget = version.budget
        let projects = Dictionary(budget.projects.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let kinds: [SpendingKind: String] = [.personnel: "基本支出-人员经费", .publicCosts: "基本支出-公用经费", .project: "项目支出"]
        return budget.expenditure.map { line in
            [
                publisher.region.code, publisher.region.name, publisher.department.code, publisher.department.name, publisher.unit.code, publisher.unit.name,
                String(version.fiscalYear), version.phase.chineseName, String(version.number), PortalFormat.day(version.publishedAt ?? ""),
                line.function.digits, budget.name(of: .function(line.function), in: catalog) ?? "",
                line.economic.digits, budget.name(of: .economic(line.economic), in: catalog) ?? "",
                kinds[line.kind] ?? "", line.fund.chineseName, line.project.flatMap { projects[$0] } ?? "", line.amount.description,
            ]
        }
    }

    /// One CSV line: text fields quoted where needed, and a text field that a spreadsheet would take
    /// for a formula (starting with = + - @) prefixed with an apostrophe; the amount as it is.
    static func line(_ fields: [String], amount: String? = nil) -> String {
        var cells = fields.map { field -> String in
            var value = field
            if let first = value.first, "=+-@".contains(first) { value = "'" + value }
            guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        if let amount { cells.append(amount) }
        return cells.joined(separator: ",") + "\r\n"
    }

    /// The Fiscal Data Package descriptor of a region-year's CSV at `csvURL`.
    public static func dataPackage(region: StoredRegion, year: Int, csvURL: String) throws -> Data {
        let fields: [[String: String]] = columns.map { ["name": $0.name, "type": $0.type, "description": $0.meaning] }
        let descriptor: [String: Any] = [
            "profile": "fiscal-data-package",
            "name": "gongkai-\(region.code)-\(year)",
            "title": "\(region.name)\(year)年预算和决算支出明细",
            "resources": [[
                "name": "expenditure", "path": csvURL, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                "schema": ["fields": fields],
            ] as [String: Any]],
            "model": [
                "measures": ["amount": ["source": "金额（元）", "currency": "CNY"]],
                "dimensions": [
                    "unit": ["attributes": ["code": ["source": "单位编码"], "name": ["source": "单位"]], "primaryKey": "code", "dimensionType": "entity"] as [String: Any],
                    "functional": ["attributes": ["code": ["source": "功能分类代码"], "name": ["source": "功能分类名称"]], "primaryKey": "code",
                                   "dimensionType": "classification", "classificationType": "functional"] as [String: Any],
                    "economic": ["attributes": ["code": ["source": "经济分类代码"], "name": ["source": "经济分类名称"]], "primaryKey": "code",
                                 "dimensionType": "classification", "classificationType": "economic"] as [String: Any],
                    "date": ["attributes": ["year": ["source": "年度"]], "primaryKey": "year", "dimensionType": "datetime"] as [String: Any],
                ] as [String: Any],
            ] as [String: Any],
        ]
        return try JSONSerialization.data(withJSONObject: descriptor, options: [.sortedKeys, .prettyPrinted])
    }
}
