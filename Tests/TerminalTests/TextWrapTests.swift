import Testing
@testable import Terminal

@Suite struct TextWrapTests {
    @Test func breaksAtSpacesByDisplayWidth() {
        #expect(TextWrap.wrap("Weet u zeker dat u de regel Huur € 650,00 per maand wilt verwijderen?", width: 26) == [
            "Weet u zeker dat u de",
            "regel Huur € 650,00 per",
            "maand wilt verwijderen?",
        ])
    }

    @Test func breaksWordsLongerThanALine() {
        #expect(TextWrap.wrap("Arbeidsongeschiktheidsverzekering is lang", width: 10) == [
            "Arbeidsong", "eschikthei", "dsverzeker", "ing is", "lang",
        ])
    }

    @Test func wideCharactersCountTwoAndAreNeverSplit() {
        #expect(TextWrap.wrap("李小龙李小龙", width: 5) == ["李小", "龙李", "小龙"])
        #expect(TextWrap.wrap("李a", width: 1) == ["李", "a"])
        #expect(TextWrap.wrap("Noe\u{308}lle de Vries", width: 6) == ["Noe\u{308}lle", "de", "Vries"])
    }

    @Test func keepsLineBreaksAndEmptyLines() {
        #expect(TextWrap.wrap("Eerste\n\nDerde  regel", width: 20) == ["Eerste", "", "Derde regel"])
        #expect(TextWrap.wrap("a\r\nb", width: 5) == ["a", "b"])
        #expect(TextWrap.wrap("", width: 5) == [""])
    }

    @Test func noLinesWithoutWidth() {
        #expect(TextWrap.wrap("tekst", width: 0) == [])
    }
}

@Suite struct StyledTextTests {
    let line = StyledLine([Span(text: "Huur ", role: .normal), Span(text: "€ 650,00", role: .negative)])

    @Test func widthAndText() {
        #expect(line.width == 13)
        #expect(line.text == "Huur € 650,00")
        let literal: StyledLine = "李小龙"
        #expect(literal == StyledLine([Span(text: "李小龙")]))
        #expect(literal.width == 6)
    }

    @Test func renderClipsByDisplayWidth() {
        var buffer = ScreenBuffer(size: Size(width: 12, height: 2))
        let written = line.render(into: &buffer, at: Point(x: 1, y: 0), maxWidth: 9)
        #expect(written == 9)
        StyledLine([Span(text: "ab"), Span(text: "李小", role: .title)]).render(into: &buffer, at: Point(x: 0, y: 1), maxWidth: 5)
        #expect(buffer.styledLines == [" Huur {negative:€ 65}  ", "ab{title:李 }       "])
    }

    @Test func paddedCutsOrFillsToAnExactWidth() {
        #expect(line.padded(to: 15).text == "Huur € 650,00  ")
        #expect(line.padded(to: 7) == StyledLine([Span(text: "Huur "), Span(text: "€ ", role: .negative)]))
        #expect(StyledLine("李小").padded(to: 3).text == "李 ")
    }

    @Test func truncatedEndsInAnEllipsis() {
        #expect(line.truncated(to: 8) == StyledLine([Span(text: "Huur "), Span(text: "€ ", role: .negative),
                                                     Span(text: "…", role: .negative)]))
        #expect(line.truncated(to: 20) == line)
        #expect(StyledLine("李小龙").truncated(to: 4, ascii: true).text == "李~")
    }

    @Test func linesJoin() {
        let joined = StyledLine("a") + StyledLine("b", role: .dim)
        #expect(joined.spans == [Span(text: "a"), Span(text: "b", role: .dim)])
    }
}
