import Foundation
import GongkaiCore

/// The budget editor's form: fields named by their path in the budget (`expenditure[3].amount`),
/// applied to the stored budget. A line whose amount is sent empty is removed, one whose fields are
/// not sent stays as stored; a filled last row is added. Whatever cannot be read is returned by field, with what was expected, and nothing is saved.
struct BudgetForm {
    /// The fields as posted.
    let fields: [String: String]

    /// Reads `application/x-www-form-urlencoded` text (a field sent twice keeps its last value).
    init(urlEncoded text: String) {
        var fields: [String: String] = [:]
        for (name, value) in Self.pairs(text) where !name.isEmpty { fields[name] = value.trimmingCharacters(in: .whitespaces) }
        self.fields = fields
    }

    /// The name–value pairs of url-encoded text (a form's body or a URL's query), in order.
    static func pairs(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            return (parts[0], parts.count > 1 ? parts[1] : "")
        }
    }

    /// The budget with the form applied, or the fields that could not be read.
    func apply(to stored: Budget) -> Result<Budget, FieldErrors> {
        var errors: [String: String] = [:]
        var budget = stored
        /// A field's amount: absent (keep what is stored), emptied (remove), a value, or unreadable (nil).
        func amount(_ field: String) -> Typed? {
            guard let text = fields[field] else { return .absent }
            if text.isEmpty { return .emptied }
            // Thousands separators are accepted where they belong (1,234,567.50), nowhere else.
            guard text.range(of: #"^-?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.[0-9]+)?$"#, options: .regularExpression) != nil else {
                errors[field] = "应为以元为单位的金额，最多两位小数，如 1234.50"
                return nil
            }
            let plain = text.replacingOccurrences(of: ",", with: "")
            guard (plain.split(separator: ".").dropFirst().first?.count ?? 0) <= 2, let figure = AmountParser.parse(plain, unit: .yuan) else {
                errors[field] = "金额最多两位小数（到分）"
                return nil
            }
            return .value(figure.amount)
        }
        var income: [IncomeLine] = []
        for index in 0...stored.income.count {
            let prefix = "income[\(index)]"
            let old = index < stored.income.count ? stored.income[index] : nil
            guard let typed = amount("\(prefix).amount") else { continue }
            let value: Amount
            switch typed {
            case .absent: guard let old else { continue }; value = old.amount
            case .emptied: continue
            case .value(let amount): value = amount
            }
            guard let source = IncomeSource(rawValue: fields["\(prefix).source"] ?? old?.source.rawValue ?? "") else {
                errors["\(prefix).source"] = "请选择收入来源"
                continue
            }
            // The money carried over is kept as stored (nil included: the rules read that as their own).
            income.append(IncomeLine(source: source, amount: value, fund: source == .carryoverIn ? (old?.source == .carryoverIn ? old?.fund : .generalBudget) : nil))
        }
        var expenditure: [ExpenditureLine] = []
        for index in 0...stored.expenditure.count {
            let prefix = "expenditure[\(index)]"
            let old = index < stored.expenditure.count ? stored.expenditure[index] : nil
            let typed = amount("\(prefix).amount")
            // An emptied line goes, and an unsent new row is no line; every other line's cells are all read.
            if case .emptied? = typed {
                if old == nil, !(fields["\(prefix).function"] ?? "").isEmpty || !(fields["\(prefix).economic"] ?? "").isEmpty {
                    errors["\(prefix).amount"] = "新增的一行请填写金额（不新增则清空该行的代码）"
                }
                continue
            }
            if case .absent? = typed, old == nil { continue }
            let functionText = fields["\(prefix).function"] ?? old?.function.digits ?? ""
            let economicText = fields["\(prefix).economic"] ?? old?.economic.digits ?? ""
            let function = FunctionCode(functionText)
            let economic = EconomicCode(economicText)
            if function == nil || functionText.count != 7 { errors["\(prefix).function"] = "功能分类应为 7 位代码（项），以 2 开头，如 2081002" }
            if economic == nil || economicText.count != 5 { errors["\(prefix).economic"] = "经济分类应为 5 位代码（款），如 30101" }
            let kind = SpendingKind(rawValue: fields["\(prefix).kind"] ?? old?.kind.rawValue ?? "")
            if kind == nil { errors["\(prefix).kind"] = "请选择支出类型" }
            let fundText = fields["\(prefix).fund"].flatMap { $0.isEmpty ? nil : $0 }
            let fund = fundText.flatMap(IncomeSource.init(rawValue:)) ?? old?.fund ?? .generalBudget
            if let fundText, IncomeSource(rawValue: fundText) == nil { errors["\(prefix).fund"] = "请选择资金来源" }
            let project = fields["\(prefix).project"].map { $0.isEmpty ? nil : $0 } ?? old?.project
            guard let typed, let function, let economic, let kind, functionText.count == 7, economicText.count == 5 else { continue }
            let value: Amount
            switch typed {
            case .value(let amount): value = amount
            case .absent, .emptied: value = old?.amount ?? .zero
            }
            expenditure.append(ExpenditureLine(function: function, economic: economic, kind: kind, fund: fund, amount: value, project: project))
        }
        budget.income = income
        budget.expenditure = expenditure
        let costs: [(String, WritableKeyPath<ThreePublicCosts, CostItem>)] = [
            ("threePublicCosts.travelAbroad.amount", \.travelAbroad), ("threePublicCosts.vehiclePurchase.amount", \.vehiclePurchase),
            ("threePublicCosts.vehicleOperation.amount", \.vehicleOperation), ("threePublicCosts.reception.amount", \.reception),
        ]
        for (field, path) in costs {
            switch amount(field) {
            case .value(let value)?: budget.threePublicCosts[keyPath: path].amount = value
            case .emptied?: budget.threePublicCosts[keyPath: path].amount = .zero
            case .absent?, nil: break
            }
        }
        switch amount("operatingCosts.amount") {
        case .value(let value)?:
            var operating = stored.operatingCosts ?? OperatingCosts(amount: value)
            operating.amount = value
            budget.operatingCosts = operating
        case .emptied?: budget.operatingCosts = nil
        case .absent?, nil: break
        }
        return errors.isEmpty ? .success(budget) : .failure(FieldErrors(byField: errors))
    }

    /// What a form gives for an amount.
    enum Typed {
        /// The field was not sent: what is stored stays.
        case absent
        /// The field was sent empty: the line goes.
        case emptied
        /// A value.
        case value(Amount)
    }

    /// What could not be read, by field.
    struct FieldErrors: Error {
        let byField: [String: String]
    }
}
