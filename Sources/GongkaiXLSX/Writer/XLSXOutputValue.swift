/// A value the writer puts into a cell.
public enum XLSXOutputValue: Sendable, Hashable {
    /// Text, stored as a shared string.
    case text(String)
    /// A number in plain decimal lexical form such as `"-1234.50"`, written into `<v>` exactly as
    /// given so that no binary rounding creeps in. Checked when the file is built.
    case number(String)
    /// No value; useful to give an empty cell a style (a border around a merged area, say).
    case blank
}
