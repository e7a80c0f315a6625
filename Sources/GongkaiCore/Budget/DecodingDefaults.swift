import Foundation

extension KeyedDecodingContainer {
    /// The value under `key`, or `fallback` when the key is absent or null, so budget files may leave
    /// out what a unit does not have (no projects, no reasons) without spelling out empty values.
    func value<T: Decodable>(_ key: Key, or fallback: T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? fallback
    }
}

extension KeyedDecodingContainer {
    /// Text under `key`, accepting a JSON number as its decimal text (an indicator target of `90`).
    func textOrNumber(_ key: Key) throws -> String {
        if let text = try? decode(String.self, forKey: key) { return text }
        return "\(try decode(Decimal.self, forKey: key))"
    }
}
