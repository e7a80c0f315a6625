/// Collects the distinct styles used while writing and produces `xl/styles.xml` for them.
///
/// Index 0 of every table is Excel's default, so unstyled cells need no `s` attribute. Styles
/// must have passed `StyleRules` first.
struct StyleSheetRegistry {
    private struct Font: Hashable {
        let bold: Bool
        let size: Double
    }

    private struct CellFormat {
        let style: XLSXStyle
        let numberFormatID: Int
        let fontID: Int
        let fillID: Int
        let borderID: Int
    }

    /// Fills 0 and 1 are the two that SpreadsheetML reserves (none and gray125).
    private static let reservedFillCount = 2
    private static let defaultFontSize = 11.0

    private var cellFormats: [CellFormat] = []
    private var indexByStyle: [XLSXStyle: Int] = [:]
    private var fonts = UniqueList<Font>()
    private var fillColors = UniqueList<String>()
    private var numberFormats = UniqueList<String>()

    /// The font family every cell is set in.
    private let fontName: String

    init(fontName: String = "Calibri") {
        self.fontName = fontName
        _ = index(for: .plain)
    }

    /// The `s` index of `style`, adding it on first use.
    mutating func index(for style: XLSXStyle) -> Int {
        if let index = indexByStyle[style] { return index }
        let font = Font(bold: style.bold, size: style.fontSize ?? Self.defaultFontSize)
        let fillID = style.fillColor.flatMap(StyleRules.normalizedColor)
            .map { Self.reservedFillCount + fillColors.index(for: $0) } ?? 0
        var numberFormatID = 0
        if let code = style.numberFormat, code.caseInsensitiveCompare("General") != .orderedSame {
            numberFormatID = BuiltinNumberFormats.firstCustomID + numberFormats.index(for: code)
        }
        let format = CellFormat(style: style, numberFormatID: numberFormatID, fontID: fonts.index(for: font),
                                fillID: fillID, borderID: style.border ? 1 : 0)
        cellFormats.append(format)
        indexByStyle[style] = cellFormats.count - 1
        return cellFormats.count - 1
    }

    /// The complete `xl/styles.xml`.
    func xml() -> String {
        var xml = XMLHeader.declaration
        xml += "<styleSheet xmlns=\"\(XMLHeader.spreadsheetNamespace)\">"
        if !numberFormats.items.isEmpty {
            xml += "<numFmts count=\"\(numberFormats.items.count)\">"
            for (offset, code) in numberFormats.items.enumerated() {
                let id = BuiltinNumberFormats.firstCustomID + offset
                xml += "<numFmt numFmtId=\"\(id)\" formatCode=\"\(XMLEscaping.escape(code))\"/>"
            }
            xml += "</numFmts>"
        }
        xml += "<fonts count=\"\(fonts.items.count)\">"
        for font in fonts.items {
            xml += "<font>\(font.bold ? "<b/>" : "")<sz val=\"\(XMLNumber.format(font.size))\"/>"
            xml += "<name val=\"\(XMLEscaping.escape(fontName))\"/><family val=\"2\"/>"
            xml += fontName.unicodeScalars.contains { $0.value >= 0x2E80 } ? "<charset val=\"134\"/></font>" : "</font>"
        }
        xml += "</fonts>"
        xml += "<fills count=\"\(Self.reservedFillCount + fillColors.items.count)\">"
        xml += "<fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        for color in fillColors.items {
            xml += "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"\(color)\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        }
        xml += "</fills>"
        let thin = ["left", "right", "top", "bottom"].map { "<\($0) style=\"thin\"><color indexed=\"64\"/></\($0)>" }.joined()
        xml += "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
        xml += "<border>\(thin)<diagonal/></border></borders>"
        xml += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        xml += "<cellXfs count=\"\(cellFormats.count)\">"
        for format in cellFormats { xml += Self.cellFormatXML(format) }
        xml += "</cellXfs>"
        xml += "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        xml += "</styleSheet>"
        return xml
    }

    private static func cellFormatXML(_ format: CellFormat) -> String {
        var xml = "<xf numFmtId=\"\(format.numberFormatID)\" fontId=\"\(format.fontID)\" fillId=\"\(format.fillID)\""
        xml += " borderId=\"\(format.borderID)\" xfId=\"0\""
        if format.numberFormatID != 0 { xml += " applyNumberFormat=\"1\"" }
        if format.fontID != 0 { xml += " applyFont=\"1\"" }
        if format.fillID != 0 { xml += " applyFill=\"1\"" }
        if format.borderID != 0 { xml += " applyBorder=\"1\"" }
        var alignment = ""
        if format.style.horizontal != .general { alignment += " horizontal=\"\(format.style.horizontal.rawValue)\"" }
        if format.style.verticalCenter { alignment += " vertical=\"center\"" }
        if format.style.wrapText { alignment += " wrapText=\"1\"" }
        guard !alignment.isEmpty else { return xml + "/>" }
        return xml + " applyAlignment=\"1\"><alignment\(alignment)/></xf>"
    }
}

/// Distinct values in first-use order, each with a stable index.
struct UniqueList<Item: Hashable> {
    private(set) var items: [Item] = []
    private var indexByItem: [Item: Int] = [:]

    /// The index of `item`, appending it on first use.
    mutating func index(for item: Item) -> Int {
        if let index = indexByItem[item] { return index }
        items.append(item)
        indexByItem[item] = items.count - 1
        return items.count - 1
    }
}
