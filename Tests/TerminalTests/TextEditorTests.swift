import Testing
@testable import Terminal

@Suite("The multi-line text editor")
struct TextEditorTests {
    static func lines(_ editor: TextEditor, width: Int) -> [String] {
        TextEditor.layout(editor.characters, width: width).map { String(editor.characters[$0.start..<$0.end]) }
    }

    @Test("Soft word wrap by display width, with één, ë, €, a CJK character and an emoji")
    func wrap() {
        // widths: "één" 3, "€" 1, "李" 2, "😀" 2
        let editor = TextEditor(text: "één ë € 李伟 😀 einde")
        #expect(Self.lines(editor, width: 10) == ["één ë € ", "李伟 😀 ", "einde"])
        #expect(Self.lines(editor, width: 7) == ["één ë ", "€ 李伟 ", "😀 ", "einde"])
        // a wide character never straddles the edge: 4 columns hold 李伟, not 李伟 plus half of 😀
        #expect(Self.lines(TextEditor(text: "李伟😀"), width: 4) == ["李伟", "😀"])
        // a word longer than the line breaks inside the word
        #expect(Self.lines(TextEditor(text: "beschermingsbewind"), width: 8) == ["bescherm", "ingsbewi", "nd"])
        // hard line breaks stay, empty lines included
        #expect(Self.lines(TextEditor(text: "a\n\nb"), width: 8) == ["a", "", "b"])
    }

    @Test("The cursor moves by grapheme, by visual line keeping its column, and by word")
    func cursor() {
        var editor = TextEditor(text: "één ë € 李伟 😀 einde")
        #expect(editor.cursor == editor.count)
        #expect(editor.cursorPosition(width: 10) == (row: 2, column: 5))
        _ = editor.handle(.up, width: 10)
        // row 1 is "李伟 😀 " (7 columns): column 5 lands after 😀 (李2 伟2 space1 = 5)
        #expect(editor.cursorPosition(width: 10) == (row: 1, column: 5))
        _ = editor.handle(.up, width: 10)
        #expect(editor.cursorPosition(width: 10) == (row: 0, column: 5))
        _ = editor.handle(.home, width: 10)
        #expect(editor.cursor == 0)
        _ = editor.handle(.wordRight, width: 10)
        #expect(editor.cursor == 3)          // after "één"
        _ = editor.handle(.right, width: 10)
        _ = editor.handle(.right, width: 10)
        #expect(editor.characters[editor.cursor - 1] == "ë")
        _ = editor.handle(.end, width: 10)
        #expect(editor.cursorPosition(width: 10).row == 0)
        _ = editor.handle(.pageDown, width: 10, pageHeight: 5)
        #expect(editor.cursor == editor.count)
        _ = editor.handle(.wordLeft, width: 10)
        #expect(String(editor.characters[editor.cursor...]) == "einde")
    }

    @Test("Backspace and Delete remove a combining sequence whole")
    func combining() {
        var editor = TextEditor(text: "cafe\u{301}!")     // é as e + combining acute: one Character
        #expect(editor.count == 5)
        _ = editor.handle(.left, width: 20)
        _ = editor.handle(.backspace, width: 20)
        #expect(editor.text == "caf!")
        editor = TextEditor(text: "e\u{301}x")
        editor.cursor = 0
        _ = editor.handle(.delete, width: 20)
        #expect(editor.text == "x")
        // an emoji with a skin tone is one Character too
        editor = TextEditor(text: "ok👍🏽")
        _ = editor.handle(.backspace, width: 20)
        #expect(editor.text == "ok")
    }

    @Test("A paste of 10,000 characters goes in at once, line breaks normalised")
    func largePaste() {
        var editor = TextEditor(text: "Begin: ")
        // 9,991 characters of sentences, then "\r\n" (one Character), "Klaar", a tab and "nu": 10,000
        let block = String(String(repeating: "Zoë betaalt de huur op tijd. ", count: 345).prefix(9_991)) + "\r\nKlaar\tnu"
        #expect(block.count == 10_000)
        let complete = editor.insert(block)
        #expect(complete)
        #expect(editor.count == 7 + 10_000 + 3)   // the tab became four spaces
        #expect(editor.text.hasSuffix("\nKlaar    nu"))
        #expect(editor.cursor == editor.count)
        let lines = TextEditor.layout(editor.characters, width: 60)
        #expect(lines.count > 160)
        #expect(lines.allSatisfy { line in DisplayWidth.of(String(editor.characters[line.start..<line.end])) <= 60 })
        #expect(editor.groupedCount(separator: ".") == "10.010")
        #expect(editor.groupedCount(separator: ",") == "10,010")
    }

    @Test("A maximum length cuts a paste and says so")
    func maximum() {
        var editor = TextEditor(text: "abc", maxLength: 5)
        let complete = editor.insert("defg")
        #expect(!complete)
        #expect(editor.text == "abcde")
    }

    @Test("Rendering keeps the cursor visible and places it by display width")
    func render() {
        var editor = TextEditor(text: "regel een\nregel twee\n李伟")
        var buffer = ScreenBuffer(size: Size(width: 12, height: 2))
        let top = editor.scroll(width: 12, height: 2, from: 0)
        #expect(top == 1)
        editor.render(into: &buffer, rect: Rect(x: 0, y: 0, width: 12, height: 2), focused: true, top: top)
        #expect(buffer.lines == ["regel twee  ", "李伟        "])
        #expect(buffer.cursor == Point(x: 4, y: 1))
        _ = editor.handle(.up, width: 12)
        #expect(editor.cursorPosition(width: 12) == (row: 1, column: 4))
    }
}
