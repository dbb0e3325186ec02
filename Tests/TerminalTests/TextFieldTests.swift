import Testing
@testable import Terminal

@Suite struct TextFieldTests {
    /// The field after `keys`, and whether every key was handled.
    func typed(_ keys: [Key], into field: TextField = TextField()) -> (TextField, Bool) {
        var field = field
        var all = true
        for key in keys where !field.handle(key) { all = false }
        return (field, all)
    }

    func keys(_ text: String) -> [Key] { text.map(Key.character) }

    @Test func typingInsertsAtTheCursorInCharacters() {
        let (field, handled) = typed(keys("Noë李"))
        #expect(handled)
        #expect(field.text == "Noë李")
        #expect(field.cursor == 4)
        let (edited, _) = typed([.left, .character("x"), .home, .character("¡")], into: field)
        #expect(edited.text == "¡Noëx李")
        #expect(edited.cursor == 1)
    }

    @Test func aCombiningMarkJoinsTheLetterBeforeIt() {
        let (field, _) = typed(keys("Re") + [.character("\u{301}")] + keys("my"))
        #expect(field.text == "Re\u{301}my")
        #expect(field.text.count == 4)
        #expect(field.cursor == 4)
    }

    @Test func backspaceAndDeleteRemoveACombiningSequenceWhole() {
        let start = TextField(text: "Re\u{301}my")
        #expect(start.cursor == 4)
        let (back, _) = typed([.left, .left, .backspace], into: start)
        #expect(back.text == "Rmy")
        #expect(back.cursor == 1)
        let (forward, _) = typed([.home, .right, .delete], into: start)
        #expect(forward.text == "Rmy")
        #expect(forward.cursor == 1)
    }

    @Test func backspaceRemovesAWideCharacterAndAnEmojiWhole() {
        let (field, _) = typed([.backspace, .backspace], into: TextField(text: "a李👍🏽"))
        #expect(field.text == "a")
        #expect(field.cursor == 1)
    }

    @Test func editingAtTheEdgesChangesNothing() {
        let (field, handled) = typed([.home, .backspace, .left, .end, .delete, .right], into: TextField(text: "ab"))
        #expect(handled)
        #expect(field.text == "ab")
        #expect(field.cursor == 2)
    }

    @Test func controlUClears() {
        let (field, _) = typed([.control("u")], into: TextField(text: "Huur"))
        #expect(field.text.isEmpty)
        #expect(field.isEmpty)
        #expect(field.cursor == 0)
    }

    @Test func controlArrowsMoveByWord() {
        let start = TextField(text: "huur en gas")
        let (a, _) = typed([.wordLeft], into: start)
        #expect(a.cursor == 8)
        let (b, _) = typed([.wordLeft], into: a)
        #expect(b.cursor == 5)
        let (c, _) = typed([.wordLeft, .wordLeft], into: b)
        #expect(c.cursor == 0)
        let (d, _) = typed([.wordRight], into: c)
        #expect(d.cursor == 5)
        let (e, _) = typed([.wordRight, .wordRight, .wordRight], into: d)
        #expect(e.cursor == 11)
    }

    @Test func anAmountFieldRefusesLettersButConsumesThem() {
        let (field, handled) = typed(keys("€ 12a,5q0"), into: TextField(kind: .amount))
        #expect(handled)
        #expect(field.text == "€ 12,50")
        let (negative, _) = typed(keys("-1.234,50"), into: TextField(kind: .amount))
        #expect(negative.text == "-1.234,50")
    }

    @Test func dateAndDigitFieldsAcceptOnlyTheirCharacters() {
        let (date, _) = typed(keys("31-12-2025x/"), into: TextField(kind: .date))
        #expect(date.text == "31-12-2025")
        let (digits, _) = typed(keys("1234 56a-7"), into: TextField(kind: .digits))
        #expect(digits.text == "1234 567")
        let (arabic, _) = typed(keys("١٢"), into: TextField(kind: .digits))
        #expect(arabic.text.isEmpty)
    }

    @Test func maxLengthCountsCharacters() {
        let (field, _) = typed(keys("abcd"), into: TextField(maxLength: 3))
        #expect(field.text == "abc")
        let (accent, _) = typed(keys("ab") + [.character("\u{301}"), .character("c")], into: TextField(maxLength: 2))
        #expect(accent.text == "ab\u{301}")
    }

    @Test func keysForTheCallerAreNotHandled() {
        for key in [Key.enter, .escape, .tab, .backTab, .up, .down, .pageDown, .function(1), .control("e"), .character("\u{0}")] {
            let (field, handled) = typed([key], into: TextField(text: "x"))
            #expect(!handled)
            #expect(field == TextField(text: "x"))
        }
    }

    @Test func pasteInsertsWhatTheKindAccepts() {
        var field = TextField(text: "€ ", kind: .amount)
        let inserted = field.insert("12,50\neuro")
        #expect(inserted)
        #expect(field.text == "€ 12,50")
        #expect(field.cursor == 7)
        let refused = field.insert("abc")
        #expect(!refused)
    }

    @Test func rendersFocusedWithTheCursor() {
        var buffer = ScreenBuffer(size: Size(width: 10, height: 1))
        TextField(text: "Huur", cursor: 2).render(into: &buffer, rect: Rect(x: 1, y: 0, width: 8, height: 1), focused: true, error: nil)
        #expect(buffer.styledLines == [" {fieldActive:Huur    } "])
        #expect(buffer.cursor == Point(x: 3, y: 0))
    }

    @Test func rendersUnfocusedCutWithAnEllipsisAndNoCursor() {
        var buffer = ScreenBuffer(size: Size(width: 5, height: 1))
        TextField(text: "abcdefgh").render(into: &buffer, rect: buffer.bounds, focused: false, error: nil)
        #expect(buffer.styledLines == ["{field:abcd…}"])
        #expect(buffer.cursor == nil)
    }

    @Test func rendersAnErrorWithAMarkNotOnlyColour() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        TextField(text: "12,5x", kind: .amount).render(into: &buffer, rect: buffer.bounds, focused: false, error: "Geen bedrag")
        #expect(buffer.styledLines == ["{fieldInvalid:12,5x!}"])
    }

    @Test func scrollsHorizontallyToKeepTheCursorVisible() {
        var buffer = ScreenBuffer(size: Size(width: 5, height: 1))
        TextField(text: "abcdefgh").render(into: &buffer, rect: buffer.bounds, focused: true, error: nil)
        #expect(buffer.lines == ["efgh "])
        #expect(buffer.cursor == Point(x: 4, y: 0))

        TextField(text: "abcdefgh", cursor: 0).render(into: &buffer, rect: buffer.bounds, focused: true, error: nil)
        #expect(buffer.lines == ["abcde"])
        #expect(buffer.cursor == Point(x: 0, y: 0))
    }

    @Test func scrollingCountsWideCharactersAsTwoColumns() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        TextField(text: "李小龙abc").render(into: &buffer, rect: buffer.bounds, focused: true, error: nil)
        #expect(buffer.lines == ["龙abc "])
        #expect(buffer.cursor == Point(x: 5, y: 0))

        var narrow = ScreenBuffer(size: Size(width: 4, height: 1))
        let onWide = TextField(text: "ab李小龙", cursor: 4)
        #expect(onWide.scroll(width: 4) == (start: 3, cursorColumn: 2))
        onWide.render(into: &narrow, rect: narrow.bounds, focused: true, error: nil)
        #expect(narrow.lines == ["小龙"])
        #expect(narrow.cursor == Point(x: 2, y: 0))

        TextField(text: "ab李小龙", cursor: 0).render(into: &narrow, rect: narrow.bounds, focused: true, error: nil)
        #expect(narrow.lines == ["ab李"])
    }
}
