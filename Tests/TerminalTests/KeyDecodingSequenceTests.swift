import Testing
@testable import Terminal

/// Escape sequences curses did not decode itself, and bracketed paste.
@Suite struct KeyDecodingSequenceTests {
    func sequence(_ text: String) -> KeyDecoding.Sequence {
        KeyDecoding.escapeSequence(text.unicodeScalars.map(\.value))
    }

    @Test func vt220AndXtermKeysWhenTermDoesNotMatch() {
        #expect(sequence("[1~") == .key(.home)) // tmux's Home under TERM=xterm-256color
        #expect(sequence("[4~") == .key(.end))
        #expect(sequence("[7~") == .key(.home)) // rxvt
        #expect(sequence("[8~") == .key(.end))
        #expect(sequence("[2~") == .key(.insert))
        #expect(sequence("[3~") == .key(.delete))
        #expect(sequence("[3;5~") == .key(.delete))
        #expect(sequence("[5~") == .key(.pageUp))
        #expect(sequence("[6~") == .key(.pageDown))
        #expect(sequence("[A") == .key(.up))
        #expect(sequence("[1;2B") == .key(.down))
        #expect(sequence("[1;5C") == .key(.wordRight))
        #expect(sequence("[1;5D") == .key(.wordLeft))
        #expect(sequence("[D") == .key(.left))
        #expect(sequence("[H") == .key(.home))
        #expect(sequence("[F") == .key(.end))
        #expect(sequence("[Z") == .key(.backTab))
        #expect(sequence("[15~") == .key(.function(5)))
        #expect(sequence("[24~") == .key(.function(12)))
        #expect(sequence("OP") == .key(.function(1)))
        #expect(sequence("OA") == .key(.up))
    }

    @Test func sequencesWithoutAMeaningAreDropped() {
        #expect(sequence("[15;2~") == .unknown) // Shift-F5
        #expect(sequence("[I") == .unknown) // focus in
        #expect(sequence("[99~") == .unknown)
        #expect(sequence("[" + String(repeating: "1", count: 20) + "~") == .unknown)
    }

    @Test func incompleteOrNoSequence() {
        #expect(sequence("") == .incomplete)
        #expect(sequence("[") == .incomplete)
        #expect(sequence("[20") == .incomplete)
        #expect(sequence("O") == .incomplete)
        #expect(sequence("Ox") == .notASequence)
        #expect(sequence("x") == .notASequence)
        #expect(sequence("[1\u{1B}") == .notASequence)
    }

    @Test func pasteStartMarker() {
        #expect(sequence("[200~") == .pasteStart)
        #expect(sequence("[201~") == .unknown) // an end marker outside a paste
    }

    func collect(_ text: String) -> BracketedPaste.Collector {
        var collector = BracketedPaste.Collector()
        for scalar in text.unicodeScalars { collector.feed(scalar.value) }
        return collector
    }

    @Test func pasteIsCollectedUpToTheEndMarker() {
        let collector = collect("Hoofdstraat 12\r1234 AB Utrecht\u{1B}[201~")
        #expect(collector.isComplete)
        #expect(collector.text == "Hoofdstraat 12\n1234 AB Utrecht")
    }

    @Test func pasteNormalisesLineEndsAndDropsControls() {
        #expect(collect("a\r\nb\nc\td\u{07}e").text == "a\nb\nc\td" + "e")
        #expect(!collect("a\r\nb").isComplete)
    }

    @Test func aPartialMarkerInsideThePasteIsText() {
        let collector = collect("x\u{1B}[20y\u{1B}\u{1B}[201~")
        #expect(collector.isComplete)
        #expect(collector.text == "x[20y") // the Escapes themselves are dropped
    }

    @Test func unicodeSurvivesAPaste() {
        #expect(collect("Noëlle € 李\u{1B}[201~").text == "Noëlle € 李")
    }

    @Test func charactersAfterTheEndAreNotTaken() {
        var collector = collect("ab\u{1B}[201~")
        let complete = collector.feed(UInt32(UInt8(ascii: "c")))
        #expect(complete)
        #expect(collector.text == "ab")
    }
}
