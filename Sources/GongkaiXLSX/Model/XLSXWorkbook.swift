/// A workbook as read from an `.xlsx` file: its worksheets in tab order.
///
/// Chart sheets and dialog sheets are not part of `sheets`; they hold no cells.
public struct XLSXWorkbook: Sendable {
    /// The worksheets in the order the workbook lists them (the tab order a person sees), hidden
    /// ones included.
    public var sheets: [XLSXSheet]

    /// Creates a workbook from already built sheets.
    public init(sheets: [XLSXSheet]) {
        self.sheets = sheets
    }

    /// The first sheet whose name equals `name` exactly, or nil.
    public func sheet(named name: String) -> XLSXSheet? {
        sheets.first { $0.name == name }
    }
}
