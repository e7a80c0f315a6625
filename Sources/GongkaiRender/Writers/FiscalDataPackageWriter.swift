import Foundation
import GongkaiCore

/// Writes a budget as an OpenSpending Fiscal Data Package: `datapackage.json` describing two CSV
/// resources — the expenditure lines (功能分类 × 经济分类 × 基本/项目 × fund) and the income lines —
/// with a model that names the amount measure and the classification dimensions.
public enum FiscalDataPackageWriter {
    /// The package files: (file name, contents).
    public static func files(_ budget: Budget, catalog: Catalog) throws -> [(name: String, contents: String)] {
        let phase = budget.phase == .budget ? "approved" : "executed"
        var expenditure = ["fiscal_year,function_code,function_name,function_class,function_section,economic_code,economic_name,economic_class,spending_kind,fund,project,amount"]
        for line in budget.expenditure {
            let function = line.function
            let name = { (code: ClassificationCode?) in code.flatMap { budget.name(of: $0, in: catalog) } ?? "" }
            let fields = [String(budget.year), function.digits, name(.function(function)), name(.function(function.classCode)),
                          name(FunctionCode(String(function.digits.prefix(5))).map { .function($0) }),
                          line.economic.digits, name(.economic(line.economic)), name(line.economic.parent.map { .economic($0) }),
                          line.kind.rawValue, line.fund.rawValue, line.project ?? "", line.amount.formatted(in: .yuan, decimals: 2)]
            expenditure.append(fields.map(csvField).joined(separator: ","))
        }
        var income = ["fiscal_year,source,source_name,fund,amount"]
        for line in budget.income {
            income.append([String(budget.year), line.source.rawValue, line.source.chineseName, line.fund?.rawValue ?? "",
                           line.amount.formatted(in: .yuan, decimals: 2)].map(csvField).joined(separator: ","))
        }
        let descriptor = descriptorJSON(budget, phase: phase)
        return [("datapackage.json", descriptor), ("expenditure.csv", expenditure.joined(separator: "\n") + "\n"),
                ("income.csv", income.joined(separator: "\n") + "\n")]
    }

    private static func csvField(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    private static func descriptorJSON(_ budget: Budget, phase: String) -> String {
        func field(_ name: String, _ type: String, _ title: String) -> [String: Any] { ["name": name, "type": type, "title": title] }
        let expenditureFields = [field("fiscal_year", "integer", "预算年度"), field("function_code", "string", "功能分类科目编码"),
                                 field("function_name", "string", "功能分类科目名称"), field("function_class", "string", "功能分类（类）"),
                                 field("function_section", "string", "功能分类（款）"), field("economic_code", "string", "经济分类科目编码"),
                                 field("economic_name", "string", "经济分类科目名称"), field("economic_class", "string", "经济分类（类）"),
                                 field("spending_kind", "string", "支出类型（personnel 人员经费 / publicCosts 公用经费 / project 项目支出）"),
                                 field("fund", "string", "资金来源"), field("project", "string", "项目"),
                                 ["name": "amount", "type": "number", "title": "金额（元）", "decimalChar": "."]]
        let incomeFields = [field("fiscal_year", "integer", "预算年度"), field("source", "string", "收入来源"), field("source_name", "string", "收入来源名称"),
                            field("fund", "string", "结转资金来源"), ["name": "amount", "type": "number", "title": "金额（元）"]]
        let descriptor: [String: Any] = [
            "profile": "fiscal-data-package",
            "name": "gongkai-\(budget.unit.code ?? "unit")-\(budget.year)-\(budget.phase.rawValue)".lowercased(),
            "title": "\(budget.unit.name)\(budget.year)年\(budget.unit.level.chineseName)\(budget.phase.chineseName)",
            "countryCode": "CN",
            "fiscalPeriod": ["start": "\(budget.year)-01-01", "end": "\(budget.year)-12-31"],
            "resources": [
                ["name": "expenditure", "path": "expenditure.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                 "schema": ["fields": expenditureFields, "primaryKey": []]],
                ["name": "income", "path": "income.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                 "schema": ["fields": incomeFields]],
            ],
            "model": [
                "measures": [
                    "amount": ["source": "amount", "resource": "expenditure", "currency": "CNY", "factor": 1, "direction": "expenditure", "phase": phase],
                    "income": ["source": "amount", "resource": "income", "currency": "CNY", "factor": 1, "direction": "revenue", "phase": phase],
                ],
                "dimensions": [
                    "date": ["dimensionType": "datetime", "primaryKey": ["fiscal_year"], "attributes": ["fiscal_year": ["source": "fiscal_year"]]],
                    "functional-classification": [
                        "dimensionType": "classification", "classificationType": "functional", "primaryKey": ["function_code"],
                        "attributes": ["function_code": ["source": "function_code"], "function_name": ["source": "function_name", "labelfor": "function_code"],
                                       "function_class": ["source": "function_class"], "function_section": ["source": "function_section"]]],
                    "economic-classification": [
                        "dimensionType": "classification", "classificationType": "economic", "primaryKey": ["economic_code"],
                        "attributes": ["economic_code": ["source": "economic_code"], "economic_name": ["source": "economic_name", "labelfor": "economic_code"],
                                       "economic_class": ["source": "economic_class"]]],
                    "spending-kind": ["dimensionType": "classification", "primaryKey": ["spending_kind"],
                                      "attributes": ["spending_kind": ["source": "spending_kind"]]],
                    "fund": ["dimensionType": "classification", "primaryKey": ["fund"], "attributes": ["fund": ["source": "fund"]]],
                    "project": ["dimensionType": "activity", "primaryKey": ["project"], "attributes": ["project": ["source": "project"]]],
                ],
            ],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: descriptor, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
