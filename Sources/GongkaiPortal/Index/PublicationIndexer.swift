import Foundation
import GongkaiCore
import GongkaiRender
import GongkaiStore

/// What the portal stores of a publication: its figures (the measures `Measures` names) and its
/// searchable texts (科目 with code and name, project names, narrative sentences), each text with
/// the anchor of the element of the publication's page that shows it.
public enum PublicationIndexer {
    /// The index of a budget as `document` renders it, with 科目 names from `catalog`.
    public static func index(_ budget: Budget, document: RenderedDocument, catalog: Catalog) -> PublicationIndex {
        PublicationIndex(figures: figures(budget, catalog: catalog), texts: texts(budget, document: document, catalog: catalog))
    }

    /// The figures of a budget.
    public static func figures(_ budget: Budget, catalog: Catalog) -> [IndexedFigure] {
        let sums = budget.expenditureSums
        var figures = [
            IndexedFigure(measure: Measures.expenditure, label: "支出合计", amount: sums.total),
            IndexedFigure(measure: Measures.income, label: "收入合计", amount: budget.totalIncome),
            IndexedFigure(measure: Measures.fiscal, label: "财政拨款收入", amount: budget.fiscalIncome),
            IndexedFigure(measure: Measures.generalBudget, label: "一般公共预算财政拨款支出", amount: sums.fund(.generalBudget)),
            IndexedFigure(measure: Measures.basic, label: "基本支出", amount: sums.basic),
            IndexedFigure(measure: Measures.personnel, label: "人员经费", amount: sums.personnel),
            IndexedFigure(measure: Measures.publicCosts, label: "公用经费", amount: sums.publicCosts),
            IndexedFigure(measure: Measures.project, label: "项目支出", amount: sums.project),
        ]
        let costs = budget.threePublicCosts
        figures.append(IndexedFigure(measure: Measures.threePublicCosts, label: "“三公”经费", amount: costs.total))
        for (key, label, item) in [("travelAbroad", "因公出国（境）费", costs.travelAbroad), ("vehiclePurchase", "公务用车购置费", costs.vehiclePurchase),
                                   ("vehicleOperation", "公务用车运行维护费", costs.vehicleOperation), ("reception", "公务接待费", costs.reception)] {
            figures.append(IndexedFigure(measure: Measures.threePublicCosts + "." + key, label: label, amount: item.amount))
            if let budgeted = item.budgeted {
                figures.append(IndexedFigure(measure: Measures.threePublicCosts + "." + key, label: label, basis: .budgeted, amount: budgeted))
            }
        }
        let budgetedItems = [costs.travelAbroad, costs.vehiclePurchase, costs.vehicleOperation, costs.reception].compactMap(\.budgeted)
        if budgetedItems.count == 4 {
            figures.append(IndexedFigure(measure: Measures.threePublicCosts, label: "“三公”经费", basis: .budgeted, amount: Amount.sum(budgetedItems)))
        }
        if let operating = budget.operatingCosts {
            figures.append(IndexedFigure(measure: Measures.operatingCosts, label: "机关运行经费", amount: operating.amount))
        }
        if let budgeted = budget.comparison.budgetedGeneralBudget {
            figures.append(IndexedFigure(measure: Measures.generalBudget, label: "一般公共预算财政拨款支出", basis: .budgeted, amount: budgeted))
        }
        var byClass: [FunctionCode: Amount] = [:]
        for line in budget.expenditure { byClass[line.function.classCode, default: .zero] = byClass[line.function.classCode, default: .zero] + line.amount }
        var budgetedByClass: [FunctionCode: Amount] = [:]
        for (digits, amount) in budget.comparison.budgetedByFunction {
            guard let code = FunctionCode(digits) else { continue }
            budgetedByClass[code.classCode, default: .zero] = budgetedByClass[code.classCode, default: .zero] + amount
        }
        for code in Set(byClass.keys).union(budgetedByClass.keys).sorted() {
            let label = budget.name(of: .function(code), in: catalog) ?? code.digits
            figures.append(IndexedFigure(measure: Measures.function(code), label: label, amount: byClass[code] ?? .zero))
            if let budgeted = budgetedByClass[code] {
                figures.append(IndexedFigure(measure: Measures.function(code), label: label, basis: .budgeted, amount: budgeted))
            }
        }
        return figures
    }

    static func texts(_ budget: Budget, document: RenderedDocument, catalog: Catalog) -> [IndexedText] {
        var tableOfCode: [String: Int] = [:]
        var tableTexts: [(index: Int, text: String)] = []
        for (index, table) in document.tables.enumerated() {
            for row in table.rows {
                for cell in row.cells {
                    switch cell.content {
                    case .code(let digits): if tableOfCode[digits] == nil { tableOfCode[digits] = index }
                    case .text(let text): tableTexts.append((index, text))
                    default: break
                    }
                }
            }
        }
        var texts: [IndexedText] = []
        var codes = Set<String>()
        for line in budget.expenditure {
            var code: FunctionCode? = line.function
            while let current = code {
                codes.insert(current.digits)
                code = current.parent
            }
            codes.insert(line.economic.digits)
            if let parent = line.economic.parent { codes.insert(parent.digits) }
        }
        for digits in codes.sorted() {
            guard let code = ClassificationCode(digits: digits), let name = budget.name(of: code, in: catalog) else { continue }
            // Codes printed whole are found by their digits; codes split into 类/款/项 columns by their name.
            let table = tableOfCode[digits] ?? tableTexts.first { $0.text == name || $0.text.hasSuffix("、" + name) }?.index
            texts.append(IndexedText(kind: .subject, text: "\(digits) \(name)", anchor: table.map(PageAnchors.table) ?? PageAnchors.tables))
        }
        for project in budget.projects {
            let table = tableTexts.first { $0.text.contains(project.name) }?.index
            texts.append(IndexedText(kind: .project, text: project.name, anchor: table.map(PageAnchors.table) ?? PageAnchors.tables))
        }
        for (index, section) in document.sections.enumerated() {
            for paragraph in section.paragraphs {
                for sentence in sentences(of: paragraph.text) {
                    texts.append(IndexedText(kind: .sentence, text: sentence, anchor: PageAnchors.section(index)))
                }
            }
        }
        return texts
    }

    /// A paragraph's sentences, each with its closing mark (。！？；).
    static func sentences(of text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if "。！？；".contains(character) {
                let sentence = current.trimmingCharacters(in: .whitespaces)
                if sentence.count > 1 { sentences.append(sentence) }
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespaces)
        if rest.count > 1 { sentences.append(rest) }
        return sentences
    }
}

/// The ids of a publication page's elements that search results and the 目录 link to.
public enum PageAnchors {
    /// The narrative's section at `index`.
    public static func section(_ index: Int) -> String { "section-\(index + 1)" }
    /// The table at `index`.
    public static func table(_ index: Int) -> String { "table-\(index + 1)" }
    /// The heading over the tables.
    public static let tables = "tables"
}
