import Foundation

/// Where a printed title, table header or subject name may break across lines: between words,
/// never inside one. Words are the disclosure vocabulary of `Resources/words.txt` (longest match
/// first), the names given (the unit's: whole when it fits a line, else cut after each part of an
/// organisation's name — 上海市 / 普陀区 / …中心), and numbers with their unit (`2024年`, `12.5%`); other
/// characters stand alone; a table's number (表十六) is one word. Closing punctuation stays with the word before it, opening punctuation
/// with the word after it, as Chinese typesetting requires.
struct LineBreaks: Sendable {
    /// The bundled vocabulary.
    static let standard = LineBreaks(vocabulary: loadVocabulary())

    private let vocabulary: Set<String>
    private let longest: Int

    init(vocabulary: Set<String>) {
        self.vocabulary = vocabulary
        self.longest = vocabulary.map(\.count).max() ?? 1
    }

    /// `text` cut into the pieces a line may break between; joined, they are `text` again.
    func words(in text: String, names: [String] = []) -> [String] {
        let characters = Array(text)
        let names = names.filter { $0.count > 1 }.map(Array.init).sorted { $0.count > $1.count }
        var pieces: [String] = []
        var index = 0
        while index < characters.count {
            if let name = names.first(where: { characters[index...].starts(with: $0) }) {
                pieces += nameWords(name)
                index += name.count
                continue
            }
            let length = numberLength(characters, at: index)
                ?? tableNumberLength(characters, at: index)
                ?? vocabularyLength(characters, at: index)
                ?? 1
            pieces.append(String(characters[index..<(index + length)]))
            index += length
        }
        return attachingPunctuation(pieces)
    }

    /// Names up to this many characters are never broken.
    private static let wholeName = 16
    /// Characters that end a part of an organisation's name (上海市, 普陀区, 民政局, …中心).
    private static let nameEnds: Set<Character> = ["省", "市", "区", "县", "旗", "镇", "乡", "街", "局", "委", "厅", "办", "院", "所", "站", "队",
                                                  "馆", "处", "部", "会", "心", "校", "室", "团", "社", "和", "与", "及"]

    /// A name as the pieces a line may break between: whole when short, else cut after each part.
    private func nameWords(_ name: [Character]) -> [String] {
        guard name.count > Self.wholeName else { return [String(name)] }
        var pieces: [String] = []
        var current: [Character] = []
        for character in name {
            current.append(character)
            if current.count >= 2, Self.nameEnds.contains(character) {
                pieces.append(String(current))
                current = []
            }
        }
        if !current.isEmpty { pieces.append(String(current)) }
        return pieces.flatMap { $0.count > Self.wholeName ? words(in: $0) : [$0] }
    }

    private func vocabularyLength(_ characters: [Character], at index: Int) -> Int? {
        let available = min(longest, characters.count - index)
        guard available >= 2 else { return nil }
        for length in stride(from: available, through: 2, by: -1) where vocabulary.contains(String(characters[index..<(index + length)])) {
            return length
        }
        return nil
    }

    /// A run of digits (with `.`, `,`, `-`) and the unit that follows it: `2024年`, `37,151.47万元`, `12%`.
    private func numberLength(_ characters: [Character], at index: Int) -> Int? {
        guard characters[index].isASCII, characters[index].isNumber else { return nil }
        var end = index
        while end < characters.count, characters[end].isASCII, characters[end].isNumber || ".,-".contains(characters[end]) { end += 1 }
        for unit in ["万元", "年", "元", "%", "月", "日", "个", "人"] where characters[end...].starts(with: Array(unit)) {
            return end - index + unit.count
        }
        return end - index
    }

    /// A table's number: 表 and its Chinese numeral (表十六).
    private func tableNumberLength(_ characters: [Character], at index: Int) -> Int? {
        guard characters[index] == "表" else { return nil }
        var end = index + 1
        while end < characters.count, Self.numerals.contains(characters[end]) { end += 1 }
        return end - index > 1 ? end - index : nil
    }

    private static let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    private static let closing: Set<Character> = ["）", ")", "，", "、", "。", "：", "；", "”", "’", "》", "〉", "】", "%", "！", "？"]
    private static let opening: Set<Character> = ["（", "(", "“", "‘", "《", "〈", "【"]

    private func attachingPunctuation(_ pieces: [String]) -> [String] {
        var result: [String] = []
        var pendingOpening = ""
        for piece in pieces {
            if piece.count == 1, let character = piece.first, Self.opening.contains(character) {
                pendingOpening += piece
            } else if piece.count == 1, let character = piece.first, Self.closing.contains(character), !result.isEmpty, pendingOpening.isEmpty {
                result[result.count - 1] += piece
            } else {
                result.append(pendingOpening + piece)
                pendingOpening = ""
            }
        }
        if !pendingOpening.isEmpty { result.append(pendingOpening) }
        return result
    }

    private static func loadVocabulary() -> Set<String> {
        guard let url = Bundle.module.url(forResource: "words", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return Set(text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }
}
