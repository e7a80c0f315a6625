import Foundation
import GongkaiXLSX

/// A small two-sheet workbook written with the writer, used by round-trip and fuzz tests.
enum SampleWorkbook {
    static let title = "2026年部门收入预算表"
    static let amountFormat = "#,##0.00"
    static let notes = "  第一行\n第二行\t制表 "
    static let specialCharacters = "A&B <c> \"引号\" _x0041_ 控制\u{01}字符 回车\r\n换行"

    static func writer() -> XLSXWriter {
        var budget = XLSXSheetBuilder(name: "收入预算")
        let header = XLSXStyle(bold: true, horizontal: .center, verticalCenter: true, border: true,
                               fontSize: 16, fillColor: "FFEFEFEF")
        let amount = XLSXStyle(horizontal: .right, numberFormat: amountFormat, border: true)
        budget.set(row: 1, column: 1, .text(title), style: header)
        for column in 2...4 { budget.set(row: 1, column: column, .blank, style: header) }
        budget.merge(XLSXRange(reference: "A1:D1")!)
        budget.set(row: 2, column: 1, .text("科目"), style: XLSXStyle(bold: true, border: true))
        budget.set(row: 2, column: 2, .text("金额"), style: XLSXStyle(bold: true, border: true))
        budget.set(row: 2, column: 4, .text("是否公开"))
        budget.set(row: 3, column: 1, .text("一般公共预算拨款"))
        budget.set(row: 3, column: 2, .number("1234.50"), style: amount)
        budget.set(row: 4, column: 1, .text("事业收入"))
        budget.set(row: 4, column: 2, .number("-0.25"), style: amount)
        budget.set(row: 4, column: 3, .number("1.5E-3"))
        budget.addListValidation(XLSXRange(reference: "D3:D10")!, options: ["是", "否", "说\"明\""])
        budget.setColumnWidth(1, 30)
        budget.setColumnWidth(2, 14.5)
        budget.setRowHeight(1, 28)
        budget.freezePanes(rows: 2, columns: 1)
        budget.setPrintLandscape(true)
        budget.fitToPageWidth()
        budget.repeatRowsOnEveryPage(1...2)

        var notesSheet = XLSXSheetBuilder(name: "说明")
        notesSheet.set(row: 1, column: 1, .text(notes), style: XLSXStyle(wrapText: true))
        notesSheet.set(row: 2, column: 1, .text(specialCharacters))
        notesSheet.set(row: 3, column: 2, .text(title))

        var writer = XLSXWriter(fontName: "宋体")
        writer.add(budget)
        writer.add(notesSheet)
        return writer
    }

    static func data() throws -> Data {
        try writer().data()
    }
}
