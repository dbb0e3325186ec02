import Testing
@testable import Terminal

@Suite struct BufferTests {
    @Test func putWritesAndClipsAtTheRightEdge() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        #expect(buffer.put("Keukentafel", x: 1, y: 0) == 5)
        #expect(buffer.lines == [" Keuke"])
    }

    @Test func wideCharacterThatDoesNotFitLeavesASpace() {
        var buffer = ScreenBuffer(size: Size(width: 5, height: 1))
        #expect(buffer.put("李李", x: 2, y: 0) == 3)
        #expect(buffer.lines == ["  李 "])
        #expect(buffer[2, 0] == Cell(text: "李", width: 2, role: .normal))
        #expect(buffer[3, 0].isContinuation)
        #expect(buffer[4, 0] == Cell.blank)
    }

    @Test func wideCharacterThatDoesNotFitTheGivenWidthLeavesASpace() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        buffer.put("......", x: 0, y: 0)
        #expect(buffer.put("a李", x: 1, y: 0, width: 2, role: .title) == 2)
        #expect(buffer.lines == [".a ..."])
        #expect(buffer.styledLines == [".{title:a }..."])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = ScreenBuffer(size: Size(width: 5, height: 1))
        buffer.put("李", x: 0, y: 0)
        buffer.put("a", x: 1, y: 0)
        #expect(buffer.lines == [" a   "])

        buffer.put("李", x: 2, y: 0)
        buffer.put("b", x: 2, y: 0)
        #expect(buffer.lines == [" ab  "])
        #expect(!buffer[3, 0].isContinuation)

        buffer.put("小", x: 3, y: 0)
        buffer.put("龙", x: 2, y: 0)
        #expect(buffer.lines == [" a龙 "])
    }

    @Test func controlCharactersAreDropped() {
        var buffer = ScreenBuffer(size: Size(width: 4, height: 1))
        buffer.put("a\u{1B}b\tc", x: 0, y: 0)
        #expect(buffer.lines == ["abc "])
    }

    @Test func combiningSequenceStaysOneCell() {
        var buffer = ScreenBuffer(size: Size(width: 4, height: 1))
        #expect(buffer.put("e\u{301}x", x: 0, y: 0) == 2)
        #expect(buffer[0, 0].text == "e\u{301}")
        #expect(buffer.lines == ["e\u{301}x  "])
    }

    @Test func asciiModeDropsAccentsAndKeepsTheEuroAsE() {
        var buffer = ScreenBuffer(size: Size(width: 8, height: 1), ascii: true)
        buffer.put("Noëlle €", x: 0, y: 0)
        #expect(buffer.lines == ["Noelle E"])
    }

    @Test func asciiModeShowsWideCharactersAsTwoQuestionMarks() {
        var buffer = ScreenBuffer(size: Size(width: 7, height: 1), ascii: true)
        buffer.put("李👍🏽é…", x: 0, y: 0)
        #expect(buffer.lines == ["????e~ "])
    }

    @Test func asciiModeBoxUsesPlusMinusAndBar() {
        var buffer = ScreenBuffer(size: Size(width: 12, height: 3), ascii: true)
        buffer.box(Rect(x: 0, y: 0, width: 12, height: 3), title: "Één")
        #expect(buffer.lines == ["+- Een ----+", "|          |", "+----------+"])
    }

    @Test func unicodeBoxWithTitle() {
        var buffer = ScreenBuffer(size: Size(width: 10, height: 3))
        buffer.box(Rect(x: 0, y: 0, width: 10, height: 3), title: "Hulp")
        #expect(buffer.styledLines == ["{border:┌─}{title: Hulp }{border:─┐}", "{border:│}        {border:│}",
                                       "{border:└────────┘}"])
    }

    @Test func fillAndPaintStayInsideTheScreen() {
        var buffer = ScreenBuffer(size: Size(width: 4, height: 2))
        buffer.put("abcd", x: 0, y: 0)
        buffer.paint(Rect(x: 2, y: -1, width: 10, height: 2), role: .selection)
        buffer.fill(Rect(x: -3, y: 1, width: 5, height: 5), role: .dim)
        #expect(buffer.styledLines == ["ab{selection:cd}", "{dim:  }  "])
    }

    @Test func styledLinesMarkRunsThatAreNotNormal() {
        var buffer = ScreenBuffer(size: Size(width: 9, height: 1))
        buffer.put("ab", x: 0, y: 0, role: .title)
        buffer.put("李", x: 3, y: 0, role: .warning)
        buffer.put("!", x: 5, y: 0, role: .warning)
        #expect(buffer.styledLines == ["{title:ab} {warning:李!}   "])
        #expect(buffer.text == "ab 李!")
    }
}
