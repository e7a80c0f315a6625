import Testing
@testable import GongkaiXLSX

@Suite("The _xHHHH_ character escapes")
struct CharacterEscapeTests {
    @Test(arguments: ["plain", "回车\r换行\n", "\u{0}\u{1}\u{1F}", "_x0041_", "__x0041__", "_x004", "tail_", "\u{FFFE}"])
    func encodingThenDecodingGivesTheTextBack(text: String) {
        #expect(OOXMLCharacterEscapes.decode(OOXMLCharacterEscapes.encode(text)) == text)
    }

    @Test func decodingLeavesEscapesOfInvalidCharactersAlone() {
        #expect(OOXMLCharacterEscapes.decode("_xD800_ _xZZZZ_ _x41_") == "_xD800_ _xZZZZ_ _x41_")
        #expect(OOXMLCharacterEscapes.decode("_x4E2D__x6587_") == "中文")
    }

    @Test func numberLexicalFormsAreRecognized() {
        for valid in ["0", "-1234.50", "190.97999999999999", "1.5E-3", "1e+20", ".5", "5."] {
            #expect(NumberLexicalForm.isValid(valid), "\(valid)")
        }
        for invalid in ["", "-", ".", "+1", "1,0", "1e", "0x1p3", "nan", "inf", " 1", "1E400"] {
            #expect(!NumberLexicalForm.isValid(invalid), "\(invalid)")
        }
    }
}
