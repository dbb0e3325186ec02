import Testing
@testable import Terminal

/// Curses input → `Key`, without a terminal: characters from `wget_wch` and key codes by
/// their `keyname()`.
@Suite struct KeyDecodingTests {
    func char(_ value: UInt32) -> DecodedInput { KeyDecoding.decode(.character(value)) }
    func code(_ name: String) -> DecodedInput { KeyDecoding.decode(.keyCode(0, name: name)) }
    func scalar(_ c: Unicode.Scalar) -> UInt32 { c.value }

    @Test func printableUnicodeIsACharacter() {
        #expect(char(scalar("a")) == .key(.character("a")))
        #expect(char(scalar("ë")) == .key(.character("ë")))
        #expect(char(scalar("€")) == .key(.character("€")))
        #expect(char(scalar("李")) == .key(.character("李")))
        #expect(char(scalar(" ")) == .key(.character(" ")))
        #expect(char(scalar("?")) == .key(.character("?")))
    }

    @Test func enterTabEscapeAndBackspace() {
        #expect(char(13) == .key(.enter))
        #expect(char(10) == .key(.enter))
        #expect(code("KEY_ENTER") == .key(.enter))
        #expect(char(9) == .key(.tab))
        #expect(code("KEY_BTAB") == .key(.backTab))
        #expect(char(27) == .escape)
        #expect(char(127) == .key(.backspace))
        #expect(char(8) == .key(.backspace))
        #expect(code("KEY_BACKSPACE") == .key(.backspace))
    }

    @Test func controlLettersExceptTabAndEnter() {
        #expect(char(1) == .key(.control("a")))
        #expect(char(3) == .key(.control("c"))) // raw mode: Ctrl-C is a key, not SIGINT
        #expect(char(5) == .key(.control("e")))
        #expect(char(26) == .key(.control("z")))
        #expect(char(19) == .key(.control("s"))) // raw mode: no XON/XOFF
    }

    @Test func controlCharactersWithoutAMeaningAreIgnored() {
        #expect(char(0) == .ignored)
        #expect(char(28) == .ignored)
        #expect(char(31) == .ignored)
        #expect(char(0x85) == .ignored)
        #expect(char(0xD800) == .ignored) // not a scalar
    }

    @Test func functionKeysOneToTwelve() {
        #expect(code("KEY_F(1)") == .key(.function(1)))
        #expect(code("KEY_F(10)") == .key(.function(10)))
        #expect(code("KEY_F(12)") == .key(.function(12)))
        #expect(code("KEY_F(15)") == .ignored) // Shift-F3
        #expect(code("KEY_F(0)") == .ignored)
    }

    @Test func navigationKeys() {
        let expected: [String: Key] = [
            "KEY_UP": .up, "KEY_DOWN": .down, "KEY_LEFT": .left, "KEY_RIGHT": .right,
            "KEY_HOME": .home, "KEY_END": .end, "KEY_PPAGE": .pageUp, "KEY_NPAGE": .pageDown,
            "KEY_DC": .delete, "KEY_IC": .insert, "KEY_A1": .home, "KEY_C1": .end,
        ]
        for (name, key) in expected { #expect(code(name) == .key(key), "\(name)") }
    }

    @Test func modifiedArrowsByName() {
        #expect(code("kLFT5") == .key(.wordLeft))
        #expect(code("kRIT5") == .key(.wordRight))
        #expect(code("kLFT3") == .key(.wordLeft))
        #expect(code("kUP5") == .key(.up))
        #expect(code("kDN3") == .key(.down))
        #expect(code("kDC5") == .key(.delete))
        #expect(code("kHOM5") == .key(.home))
        #expect(code("KEY_SLEFT") == .key(.left))
        #expect(code("kFOO5") == .ignored)
        #expect(code("kUP") == .ignored)
    }

    @Test func resizeMouseAndUnknownCodes() {
        #expect(code("KEY_RESIZE") == .resize)
        #expect(code("KEY_MOUSE") == .mouse)
        #expect(code("KEY_PRINT") == .ignored)
        #expect(code("") == .ignored)
    }

    @Test func whatFollowsAnEscape() {
        #expect(KeyDecoding.afterEscape(nil) == .escape)
        #expect(KeyDecoding.afterEscape(.character(scalar("x"))) == .alt("x"))
        #expect(KeyDecoding.afterEscape(.character(scalar("ë"))) == .alt("ë"))
        #expect(KeyDecoding.afterEscape(.character(13)) == .escapeThen(.character(13)))
        #expect(KeyDecoding.afterEscape(.character(27)) == .escapeThen(.character(27)))
        #expect(KeyDecoding.afterEscape(.keyCode(259, name: "KEY_UP")) == .escapeThen(.keyCode(259, name: "KEY_UP")))
    }

    @Test func keyLabelsStayAsTheyWere() {
        #expect(Key.control("e").label == "Ctrl-E")
        #expect(Key.function(10).label == "F10")
    }
}

/// Bytes in a locale that is not UTF-8 (see ByteInput): UTF-8 assembled, anything else dropped.
@Suite struct ByteInputTests {
    @Test func leadBytesTellTheLength() {
        #expect(ByteInput.sequenceLength(lead: 0xC3) == 2)   // ë é ï
        #expect(ByteInput.sequenceLength(lead: 0xE2) == 3)   // € …
        #expect(ByteInput.sequenceLength(lead: 0xF0) == 4)   // emoji
        #expect(ByteInput.sequenceLength(lead: 0xAB) == 0)   // a continuation byte
        #expect(ByteInput.sequenceLength(lead: 0xC0) == 0)   // never in UTF-8
        #expect(ByteInput.sequenceLength(lead: 0xEB) == 3)   // Latin-1 ë looks like a lead; its continuation check fails
    }

    @Test func wholeSequencesBecomeTheirScalar() {
        #expect(ByteInput.scalar([0xC3, 0xAB]) == 0xEB)             // ë
        #expect(ByteInput.scalar([0xE2, 0x82, 0xAC]) == 0x20AC)     // €
        #expect(ByteInput.scalar([0xF0, 0x9F, 0x91, 0x8D]) == 0x1F44D)
    }

    @Test func brokenSequencesAreRefused() {
        #expect(ByteInput.scalar([0xC3]) == nil)                    // cut short
        #expect(ByteInput.scalar([0xEB]) == nil)                    // Latin-1 ë alone
        #expect(ByteInput.scalar([0xC0, 0x80]) == nil)              // overlong NUL
        #expect(ByteInput.scalar([0xED, 0xA0, 0x80]) == nil)        // a surrogate
        #expect(ByteInput.scalar([0x61, 0x62]) == nil)              // two characters, not one
        #expect(ByteInput.scalar([]) == nil)
        #expect(!ByteInput.isContinuation(0x6B) && ByteInput.isContinuation(0xAB))
    }
}
