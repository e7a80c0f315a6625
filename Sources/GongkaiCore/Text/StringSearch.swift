/// Substring search on UTF-8 bytes.
///
/// On Linux, Foundation's `contains` and `range(of:)` go through `NSString` and Unicode folding and
/// cost over a microsecond per call; the rules search short Chinese phrases thousands of times per
/// document. These non-generic overloads are preferred by the compiler over Foundation's generic
/// ones and compare bytes: a valid UTF-8 needle can only match at scalar boundaries.
extension String {
    /// Whether `other` occurs in the string (an empty `other` always does).
    @inlinable
    public func contains(_ other: String) -> Bool {
        other.isEmpty || range(of: other) != nil
    }

    /// The first range where `other` occurs, compared byte by byte.
    public func range(of other: String) -> Range<String.Index>? {
        var haystack = self
        var needle = other
        return haystack.withUTF8 { hay in
            needle.withUTF8 { pin -> Range<String.Index>? in
                let n = pin.count, h = hay.count
                guard n > 0, n <= h, let first = pin.first else { return nil }
                var start = 0
                while start <= h - n {
                    guard hay[start] == first else {
                        start += 1
                        continue
                    }
                    var offset = 1
                    while offset < n, hay[start + offset] == pin[offset] { offset += 1 }
                    if offset == n {
                        let lower = utf8.index(utf8.startIndex, offsetBy: start)
                        return lower..<utf8.index(lower, offsetBy: n)
                    }
                    start += 1
                }
                return nil
            }
        }
    }
}
