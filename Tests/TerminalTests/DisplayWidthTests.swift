import Testing
@testable import Terminal

/// The one source of display width: every widget and both backends count with it.
@Suite struct DisplayWidthTests {
    @Test func asciiTakesOneColumn() {
        #expect(DisplayWidth.of("a" as Character) == 1)
        #expect(DisplayWidth.of("Keukentafel") == 11)
    }

    /// A text of ASCII only is counted by its bytes, without finding its characters: the
    /// same as character by character, control characters and "\r\n" (one character of
    /// two bytes) included.
    @Test func asciiTextCountedByBytesAgreesWithCharacters() {
        #expect(DisplayWidth.of("a\r\nb\u{7F}\tc") == 3)
        // Every text of two ASCII bytes, and of three from the bytes that combine or count 0.
        let all = (0...0x7F).map { Character(Unicode.Scalar(UInt8($0))) }
        let tricky: [Character] = ["\r", "\n", "\u{7F}", "\u{0}", "\t", "a", " "]
        var texts = all.flatMap { a in all.map { b in String([a, b]) } }
        texts += tricky.flatMap { a in tricky.flatMap { b in tricky.map { c in String([a, b, c]) } } }
        for text in texts {
            #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) }, "\(Array(text.utf8))")
        }
    }

    @Test func accentedLettersTakeOneColumnComposedOrNot() {
        #expect(DisplayWidth.of("é" as Character) == 1)            // U+00E9, precomposed
        #expect(DisplayWidth.of("e\u{301}" as Character) == 1)     // e + combining acute
        #expect(DisplayWidth.of("Noëlle") == 6)
        #expect(DisplayWidth.of("Noe\u{308}lle") == 6)
    }

    @Test func euroSignTakesOneColumn() {
        #expect(DisplayWidth.of("€" as Character) == 1)
        #expect(DisplayWidth.of("€ 1.234,50") == 10)
    }

    @Test func cjkAndEmojiTakeTwoColumns() {
        #expect(DisplayWidth.of("李" as Character) == 2)
        #expect(DisplayWidth.of("😀" as Character) == 2)
        #expect(DisplayWidth.of("👍🏽" as Character) == 2)          // with skin-tone modifier
        #expect(DisplayWidth.of("❤️" as Character) == 2)            // text symbol + emoji selector
        #expect(DisplayWidth.of("李小龙") == 6)
    }

    @Test func zeroWidthJoinerSequencesAreOneWideCharacter() {
        let family = "👨\u{200D}👩\u{200D}👧"
        #expect(family.count == 1)
        #expect(DisplayWidth.of(family) == 2)
        #expect(DisplayWidth.of("👩\u{200D}💻") == 2)
        #expect(DisplayWidth.of("a\u{200D}b") == 2)
    }

    @Test func controlAndZeroWidthCharactersTakeNone() {
        #expect(DisplayWidth.of("\u{7}" as Character) == 0)
        #expect(DisplayWidth.of("\t" as Character) == 0)
        #expect(DisplayWidth.of("\u{1B}" as Character) == 0)
        #expect(DisplayWidth.of("\r\n" as Character) == 0)
        #expect(DisplayWidth.of("\u{7F}" as Character) == 0)
        #expect(DisplayWidth.of("\u{200B}" as Character) == 0)
        #expect(DisplayWidth.of("a\u{7}b") == 2)
    }

    @Test func prefixTruncateAndFitCountColumns() {
        #expect(DisplayWidth.prefix("李小龙", fitting: 3) == "李")
        #expect(DisplayWidth.truncate("Noëlle de Vries", to: 7) == "Noëlle…")
        #expect(DisplayWidth.truncate("李小龙", to: 4) == "李…")
        #expect(DisplayWidth.truncate("abc", to: 3) == "abc")
        #expect(DisplayWidth.fit("€ 5,00", to: 9, alignRight: true) == "   € 5,00")
        #expect(DisplayWidth.fit("李", to: 3) == "李 ")
    }
}
