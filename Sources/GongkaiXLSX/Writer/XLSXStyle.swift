/// How the writer formats a cell: font weight and size, alignment, number format, border and fill.
public struct XLSXStyle: Sendable, Hashable {
    /// Horizontal alignment of the cell's content.
    public enum Alignment: String, Sendable {
        /// Excel's default: text to the left, numbers to the right.
        case general
        /// Flush left.
        case left
        /// Centred.
        case center
        /// Flush right.
        case right
    }

    /// Bold font.
    public var bold: Bool
    /// Wrap long text onto several lines inside the cell.
    public var wrapText: Bool
    /// Horizontal alignment.
    public var horizontal: Alignment
    /// Centre the content vertically (Excel's default is the bottom).
    public var verticalCenter: Bool
    /// A number format code such as `"#,##0.00"`; nil (or `"General"`) for General.
    public var numberFormat: String?
    /// A thin border on all four sides.
    public var border: Bool
    /// The font size in points; nil for 11.
    public var fontSize: Double?
    /// A solid background colour as ARGB (`"FFEFEFEF"`) or RGB (`"EFEFEF"`) hex; nil for none.
    public var fillColor: String?

    /// Creates a style; every argument defaults to Excel's plain cell.
    public init(bold: Bool = false, wrapText: Bool = false, horizontal: Alignment = .general,
                verticalCenter: Bool = false, numberFormat: String? = nil, border: Bool = false,
                fontSize: Double? = nil, fillColor: String? = nil) {
        self.bold = bold
        self.wrapText = wrapText
        self.horizontal = horizontal
        self.verticalCenter = verticalCenter
        self.numberFormat = numberFormat
        self.border = border
        self.fontSize = fontSize
        self.fillColor = fillColor
    }

    /// Excel's default cell style.
    public static let plain = XLSXStyle()
}
