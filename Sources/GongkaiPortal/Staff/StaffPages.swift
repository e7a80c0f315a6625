import Foundation
import GongkaiCore
import GongkaiRender
import GongkaiStore
import GongkaiWorkflow
import Plot

/// A rule's finding on a budget, as the editor shows it beside the cell it is about.
public struct FieldFinding: Sendable, Equatable {
    /// The field it is about (`expenditure[3].amount`), nil for the budget as a whole.
    public var field: String?
    /// 错误 or 警告.
    public var isError: Bool
    /// What the rule says.
    public var message: String
    /// The rule's id.
    public var rule: String

    /// Creates a finding.
    public init(field: String?, isError: Bool, message: String, rule: String) {
        self.field = field
        self.isError = isError
        self.message = message
        self.rule = rule
    }
}

/// What the budget editor shows: the version, what the viewer may do with it, the rules' findings,
/// and, after a save that could not be read, the typed values with what was wrong.
public struct EditorContext: Sendable {
    /// The unit.
    public var unit: StoredUnit
    /// The version.
    public var version: StoredVersion
    /// Whether the viewer may edit the data now.
    public var canEdit: Bool
    /// The steps the viewer may take now.
    public var actions: [WorkflowAction]
    /// The rules' findings on the stored data.
    public var findings: [FieldFinding]
    /// Values typed that could not be read, by field, with what was expected.
    public var inputErrors: [String: String]
    /// The values typed, by field (shown instead of the stored ones after a failed save).
    public var typed: [String: String]
    /// A message after a step (保存成功 …).
    public var notice: String?
    /// Names of 科目 by code.
    public var catalog: Catalog

    /// Creates the context.
    public init(unit: StoredUnit, version: StoredVersion, canEdit: Bool, actions: [WorkflowAction], findings: [FieldFinding],
                inputErrors: [String: String] = [:], typed: [String: String] = [:], notice: String? = nil, catalog: Catalog) {
        self.unit = unit
        self.version = version
        self.canEdit = canEdit
        self.actions = actions
        self.findings = findings
        self.inputErrors = inputErrors
        self.typed = typed
        self.notice = notice
        self.catalog = catalog
    }
}

/// The pages staff sign in to: sign-in, the worklist, and the budget editor with its workflow steps.
public enum StaffPages {
    /// The sign-in form.
    public static func signIn(error: String?, username: String = "") -> String {
        Layout.page(title: "工作人员登录", crumbs: [Layout.Crumb("首页", "/"), Layout.Crumb("工作人员登录")],
            .h1(.escaped("工作人员登录")),
            .unwrap(error) { .p(.class("notice"), .attribute(named: "role", value: "alert"), .escaped($0)) },
            .raw("""
            <form method="post" action="/staff/sign-in">
            <p><label for="username">用户名</label><br><input id="username" name="username" autocomplete="username" required value="\(HTMLEscaping.escape(username))"></p>
            <p><label for="password">密码</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
            <p><button type="submit">登录</button></p></form>
            <p class="muted">单位财务人员、主管部门和财政局审核人员使用分配的账号登录。公众查阅无需登录。</p>
            """))
    }

    /// The worklist: the versions in the viewer's scope that are not yet public, then the latest published ones.
    public static func worklist(viewer: Layout.Viewer, role: Role, items: [WorkItem], notice: String? = nil) -> String {
        let rows = items.map { item -> [DataTable.Cell] in
            [.text(item.unit.name, href: "/staff/versions/\(item.versionID.uuidString.lowercased())"), .text("\(item.year)年\(item.phase.chineseName)"),
             .text("第 \(item.number) 版"), .text(item.state.chineseName), .text(PortalFormat.day(item.updatedAt)), .text(item.lastComment ?? "")]
        }
        let checks = [.bureauReviewer, .bureauAdministrator].contains(role)
            ? "<p><a href=\"/desk\">财政局看板</a>　<a href=\"/desk/checks\">上传已公开文件批量检查</a></p>" : ""
        return Layout.page(title: "工作台", crumbs: [Layout.Crumb("首页", "/"), Layout.Crumb("工作台")], viewer: viewer,
            .h1(.escaped("工作台")),
            .unwrap(notice) { .p(.class("notice"), .attribute(named: "role", value: "status"), .escaped($0)) },
            .p(.escaped("\(viewer.displayName ?? "")（\(role.chineseName)）")),
            .raw(checks),
            .h2(.escaped("待办和近期版本")),
            .raw(rows.isEmpty ? "<p>您的范围内没有版本。</p>"
                              : DataTable(caption: "您范围内的预算和决算版本", columns: ["单位", "年度和种类", "版本", "状态", "更新日期", "退回意见"], rows: rows).html))
    }

    /// The budget editor: income, spending lines, “三公” and 机关运行经费 as the tables finance staff
    /// fill them, each cell with what it must look like (the browser checks it as it is typed) and the
    /// rules' findings beside it; then the workflow steps the viewer may take.
    public static func editor(_ context: EditorContext, viewer: Layout.Viewer) -> String {
        let version = context.version
        let budget = version.budget
        let title = "\(context.unit.name)\(version.fiscalYear)年\(version.phase.chineseName) 第 \(version.number) 版"
        var findingsByField: [String: [FieldFinding]] = [:]
        for finding in context.findings { if let field = finding.field { findingsByField[Self.cellField(field), default: []].append(finding) } }
        let general = context.findings.filter { $0.field.map { !Self.shownFields(budget).contains(Self.cellField($0)) } ?? true }
        let errors = context.findings.filter(\.isError).count
        var parts: [String] = []
        parts.append("<p class=\"meta\">状态：<strong id=\"state\">\(version.state.chineseName)</strong>　更新：\(PortalFormat.day(version.updatedAt))</p>")
        if let comment = version.lastComment { parts.append("<p class=\"notice\" id=\"return-comment\">退回意见：\(HTMLEscaping.escape(comment))</p>") }
        if let notice = context.notice { parts.append("<p class=\"notice\" role=\"status\">\(HTMLEscaping.escape(notice))</p>") }
        parts.append("<h2>检查结果</h2><p id=\"finding-count\">\(errors == 0 ? "没有错误" : "有 \(errors) 个错误，修改后才能报送")；警告 \(context.findings.count - errors) 个。</p>")
        if !general.isEmpty { parts.append("<ul>" + general.map { "<li>\(Self.findingHTML($0))</li>" }.joined() + "</ul>") }
        let disabled = context.canEdit ? "" : " disabled"
        parts.append("<form method=\"post\" action=\"/staff/versions/\(version.id.uuidString.lowercased())/budget\" novalidate>"
                     + "<input type=\"hidden\" name=\"contentSHA256\" value=\"\(version.contentSHA256)\">")
        parts.append(Self.incomeTable(budget, context: context, findings: findingsByField, disabled: disabled))
        parts.append(Self.expenditureTable(budget, context: context, findings: findingsByField, disabled: disabled))
        parts.append(Self.costsTable(budget, context: context, findings: findingsByField, disabled: disabled))
        parts.append(context.canEdit ? "<p><button type=\"submit\">保存并检查</button></p></form>" : "<p class=\"muted\">当前状态不能修改数据。</p></form>")
        parts.append(Self.actionForms(context))
        return Layout.page(title: title, crumbs: [Layout.Crumb("首页", "/"), Layout.Crumb("工作台", "/staff"), Layout.Crumb(title)], viewer: viewer,
                           .h1(.escaped(title)), .raw(parts.joined()))
    }

    // MARK: - Tables

    private static func incomeTable(_ budget: Budget, context: EditorContext, findings: [String: [FieldFinding]], disabled: String) -> String {
        var rows: [String] = []
        for (index, line) in withBlankRow(budget.income) {
            let prefix = "income[\(index)]"
            let source = context.typed["\(prefix).source"] ?? line?.source.rawValue ?? ""
            let options = ([""] + IncomeSource.allCases.map(\.rawValue)).map { value in
                "<option value=\"\(value)\"\(value == source ? " selected" : "")>\(value.isEmpty ? "（新增一行时选择）" : IncomeSource(rawValue: value)?.chineseName ?? value)</option>"
            }.joined()
            rows.append("<tr><td><label class=\"sr\" for=\"\(prefix).source\">第 \(index + 1) 行来源</label><select id=\"\(prefix).source\" name=\"\(prefix).source\"\(disabled)>\(options)</select></td>"
                        + Self.amountCell("\(prefix).amount", line?.amount, label: "第 \(index + 1) 行金额", context: context, findings: findings, disabled: disabled) + "</tr>")
        }
        return "<h2>收入</h2><div class=\"scroll\"><table><caption>收入预算（元）</caption><thead><tr><th scope=\"col\">收入来源</th><th scope=\"col\">金额（元）</th></tr></thead><tbody>"
            + rows.joined() + "</tbody></table></div>"
    }

    private static func expenditureTable(_ budget: Budget, context: EditorContext, findings: [String: [FieldFinding]], disabled: String) -> String {
        var rows: [String] = []
        let kinds: [(SpendingKind, String)] = [(.personnel, "人员经费"), (.publicCosts, "公用经费"), (.project, "项目支出")]
        for (index, line) in withBlankRow(budget.expenditure) {
            let prefix = "expenditure[\(index)]"
            func typed(_ name: String, _ stored: String?) -> String { context.typed["\(prefix).\(name)"] ?? stored ?? "" }
            let function = typed("function", line?.function.digits)
            let economic = typed("economic", line?.economic.digits)
            let kind = typed("kind", line?.kind.rawValue)
            let fund = typed("fund", line?.fund.rawValue)
            let kindOptions = ([("", "—")] + kinds.map { ($0.0.rawValue, $0.1) }).map { "<option value=\"\($0.0)\"\($0.0 == kind ? " selected" : "")>\($0.1)</option>" }.joined()
            let fundOptions = ([""] + IncomeSource.allCases.map(\.rawValue)).map { value in
                "<option value=\"\(value)\"\(value == fund ? " selected" : "")>\(value.isEmpty ? "—" : IncomeSource(rawValue: value)?.chineseName ?? value)</option>"
            }.joined()
            let name = FunctionCode(function).flatMap { budget.name(of: .function($0), in: context.catalog) } ?? ""
            var row = "<tr>"
            row += Self.codeCell("\(prefix).function", function, pattern: "2[0-9]{6}", hint: "7 位功能分类代码，如 2081002", label: "第 \(index + 1) 行功能分类",
                                 context: context, findings: findings, disabled: disabled, after: name)
            row += Self.codeCell("\(prefix).economic", economic, pattern: "3[0-9]{4}", hint: "5 位经济分类代码，如 30101", label: "第 \(index + 1) 行经济分类",
                                 context: context, findings: findings, disabled: disabled, after: "")
            row += "<td><label class=\"sr\" for=\"\(prefix).kind\">第 \(index + 1) 行支出类型</label><select id=\"\(prefix).kind\" name=\"\(prefix).kind\"\(disabled)>\(kindOptions)</select>\(Self.findingsHTML(findings["\(prefix).kind"]))</td>"
            row += "<td><label class=\"sr\" for=\"\(prefix).fund\">第 \(index + 1) 行资金</label><select id=\"\(prefix).fund\" name=\"\(prefix).fund\"\(disabled)>\(fundOptions)</select></td>"
            row += Self.amountCell("\(prefix).amount", line?.amount, label: "第 \(index + 1) 行金额", context: context, findings: findings, disabled: disabled)
            let project = typed("project", line?.project)
            row += "<td><label class=\"sr\" for=\"\(prefix).project\">第 \(index + 1) 行项目</label><input id=\"\(prefix).project\" name=\"\(prefix).project\" size=\"8\" value=\"\(HTMLEscaping.escape(project))\"\(disabled)>\(Self.findingsHTML(findings["\(prefix).project"]))</td>"
            rows.append(row + "</tr>")
        }
        return "<h2>支出明细</h2><p class=\"muted\">每行一个功能分类（项）× 经济分类（款）。清空金额即删除该行；最后一行用于新增。</p>"
            + "<div class=\"scroll\"><table id=\"expenditure\"><caption>支出预算明细（元）</caption><thead><tr><th scope=\"col\">功能分类（项）</th><th scope=\"col\">经济分类（款）</th><th scope=\"col\">支出类型</th><th scope=\"col\">资金来源</th><th scope=\"col\">金额（元）</th><th scope=\"col\">项目编号</th></tr></thead><tbody>"
            + rows.joined() + "</tbody></table></div>"
    }

    private static func costsTable(_ budget: Budget, context: EditorContext, findings: [String: [FieldFinding]], disabled: String) -> String {
        let costs = budget.threePublicCosts
        let items: [(String, String, Amount?)] = [
            ("threePublicCosts.travelAbroad.amount", "因公出国（境）费", costs.travelAbroad.amount),
            ("threePublicCosts.vehiclePurchase.amount", "公务用车购置费", costs.vehiclePurchase.amount),
            ("threePublicCosts.vehicleOperation.amount", "公务用车运行维护费", costs.vehicleOperation.amount),
            ("threePublicCosts.reception.amount", "公务接待费", costs.reception.amount),
            ("operatingCosts.amount", "机关运行经费（无则留空）", budget.operatingCosts?.amount),
        ]
        let rows = items.map { field, label, amount in
            "<tr><th scope=\"row\">\(label)</th>" + Self.amountCell(field, amount, label: label, context: context, findings: findings, disabled: disabled) + "</tr>"
        }
        return "<h2>“三公”经费和机关运行经费</h2><div class=\"scroll\"><table><caption>“三公”经费和机关运行经费（元）</caption><thead><tr><th scope=\"col\">项目</th><th scope=\"col\">金额（元）</th></tr></thead><tbody>"
            + rows.joined() + "</tbody></table></div>"
    }

    private static func amountCell(_ field: String, _ amount: Amount?, label: String, context: EditorContext, findings: [String: [FieldFinding]], disabled: String) -> String {
        let value = context.typed[field] ?? amount?.description ?? ""
        let error = context.inputErrors[field]
        return "<td><label class=\"sr\" for=\"\(field)\">\(HTMLEscaping.escape(label))</label><input id=\"\(field)\" name=\"\(field)\" inputmode=\"decimal\" size=\"12\" "
            + "pattern=\"-?[0-9]+(\\.[0-9]{1,2})?\" title=\"金额，元，最多两位小数，如 1234.50\" value=\"\(HTMLEscaping.escape(value))\"\(error != nil ? " aria-invalid=\"true\"" : "")\(disabled)>"
            + (error.map { "<div class=\"finding\">\(HTMLEscaping.escape($0))</div>" } ?? "") + Self.findingsHTML(findings[field]) + "</td>"
    }

    private static func codeCell(_ field: String, _ value: String, pattern: String, hint: String, label: String, context: EditorContext,
                                 findings: [String: [FieldFinding]], disabled: String, after: String) -> String {
        let error = context.inputErrors[field]
        return "<td><label class=\"sr\" for=\"\(field)\">\(HTMLEscaping.escape(label))</label><input id=\"\(field)\" name=\"\(field)\" inputmode=\"numeric\" size=\"8\" pattern=\"\(pattern)\" "
            + "title=\"\(hint)\" value=\"\(HTMLEscaping.escape(value))\"\(error != nil ? " aria-invalid=\"true\"" : "")\(disabled)> <span class=\"muted\">\(HTMLEscaping.escape(after))</span>"
            + (error.map { "<div class=\"finding\">\(HTMLEscaping.escape($0))</div>" } ?? "") + Self.findingsHTML(findings[field]) + "</td>"
    }

    private static func actionForms(_ context: EditorContext) -> String {
        guard !context.actions.isEmpty else { return "" }
        let id = context.version.id.uuidString.lowercased()
        var parts = ["<h2>审核和公开</h2>"]
        for action in context.actions {
            let transition = Workflow.transition(action)
            var fields = ""
            if transition.needsComment || action == .submit {
                let required = transition.needsComment ? " required" : ""
                fields += "<p><label for=\"comment-\(action.rawValue)\">\(transition.needsComment ? "退回意见（必填）" : "报送说明（可不填）")</label><br>"
                    + "<textarea id=\"comment-\(action.rawValue)\" name=\"comment\" rows=\"2\" cols=\"60\"\(required)></textarea></p>"
            }
            if action == .publish {
                fields += "<p><label for=\"approvalDate\">财政批复日期</label><br><input id=\"approvalDate\" name=\"approvalDate\" type=\"date\" required></p>"
            }
            parts.append("<form method=\"post\" action=\"/staff/versions/\(id)/actions/\(action.rawValue)\" class=\"card\">\(fields)<button type=\"submit\" id=\"action-\(action.rawValue)\">\(action.chineseName)</button></form>")
        }
        return parts.joined()
    }

    private static func findingsHTML(_ findings: [FieldFinding]?) -> String {
        (findings ?? []).map { "<div class=\"finding\(($0.isError ? "" : " warning"))\">\(Self.findingHTML($0))</div>" }.joined()
    }

    private static func findingHTML(_ finding: FieldFinding) -> String {
        "<strong>\(finding.isError ? "错误" : "警告")</strong> \(HTMLEscaping.escape(finding.message)) <span class=\"muted\">[\(HTMLEscaping.escape(finding.rule))]</span>"
    }

    /// Each item with its index, then an empty row for a new one.
    private static func withBlankRow<T>(_ items: [T]) -> [(Int, T?)] {
        items.enumerated().map { ($0.offset, Optional($0.element)) } + [(items.count, nil)]
    }

    /// The cell a finding's field is shown in: `expenditure[3].amount`; a finding on a whole line is shown at its amount.
    static func cellField(_ field: String) -> String {
        if field.hasPrefix("expenditure["), !field.contains("]."), field.hasSuffix("]") { return field + ".amount" }
        if field.hasPrefix("income["), field.hasSuffix("]") { return field + ".amount" }
        return field
    }

    /// Every field whose cell shows its findings.
    static func shownFields(_ budget: Budget) -> Set<String> {
        var fields: Set<String> = ["threePublicCosts.travelAbroad.amount", "threePublicCosts.vehiclePurchase.amount", "threePublicCosts.vehicleOperation.amount",
                                   "threePublicCosts.reception.amount", "operatingCosts.amount"]
        // Only the cells that show findings: one on a line's source or fund is listed above the tables.
        for index in budget.income.indices { fields.insert("income[\(index)].amount") }
        for index in budget.expenditure.indices {
            fields.formUnion(["function", "economic", "kind", "amount", "project"].map { "expenditure[\(index)].\($0)" })
        }
        return fields
    }
}
