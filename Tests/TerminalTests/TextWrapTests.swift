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

    @Test func aCurrencySignGoesWithItsAmount() {
        // "de huurachterstand is €" fits 23 columns; the amount would then start the next line.
        #expect(TextWrap.wrap("de huurachterstand is € 1.234,56.", width: 24) == ["de huurachterstand is", "€ 1.234,56."])
        #expect(TextWrap.wrap("tekort (€ 12,00) nu", width: 8) == ["tekort", "(€", "12,00)", "nu"])
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

/// A line of figures that does not fit wraps, word by word, each word keeping its role;
/// an amount is never split from its currency sign.
@Suite("Styled lines that wrap")
struct StyledWrapTests {
    @Test("Words move to the next line with their roles, under the indent")
    func wraps() {
        let line = StyledLine([Span(text: "  grens 110% € 2.114,28 · "), Span(text: "binnen de norm (€ 24,28 eronder)", role: .success)])
        let lines = line.wrapped(width: 40, indent: 2)
        #expect(lines.map(\.text) == ["  grens 110% € 2.114,28 · binnen de norm", "  (€ 24,28 eronder)"])
        #expect(lines[1].spans.filter { !$0.text.allSatisfy { $0 == " " } }.allSatisfy { $0.role == .success })
        #expect(lines.allSatisfy { $0.width <= 40 })
    }

    @Test("A currency sign stays with its amount, also after a parenthesis or a minus")
    func currencyGlue() {
        for text in ["aaaaaaaaa € 12,50", "aaaaaaaaa -€ 12,50", "aaaaaaaa (€ 12,50)"] {
            let lines = StyledLine(text).wrapped(width: 12)
            #expect(!lines.contains { $0.text.hasSuffix("€") }, "\(lines.map(\.text))")
        }
    }

    @Test("A word longer than a line is broken inside, and nothing is lost")
    func longWord() {
        let lines = StyledLine("ab 1234567890abcdef").wrapped(width: 8)
        #expect(lines.map(\.text).joined().replacingOccurrences(of: " ", with: "") == "ab1234567890abcdef")
        #expect(lines.allSatisfy { $0.width <= 8 })
    }

    @Test("Cuts are found as the layout check sees them: inside a number, or a figure line losing its amount")
    func cutKinds() {
        func cut(_ text: String, _ shown: String) -> CutText.Cut { CutText.Cut(text: text, shown: shown, isMessage: false) }
        #expect(cut("binnen de norm (€ 24,28 eronder)", "binnen de norm (€ 24,2").cutsAFigure)
        #expect(cut("tabel 01-01-2025", "tabel 01-01-20").cutsAFigure)
        #expect(cut("€ 58,78 p/m · 12 mnd € 705,36", "€ 58,78 p/m · 12 mn").cutsAFigure)
        #expect(cut("€ 3.161,88", "€ 3.").cutsAFigure)
        // words may be cut, also in text that has numbers further on
        #expect(!cut("Loon Xiùlán (restaurantkeuken, 16 uur)", "Loon Xiùlán (restauran…").cutsAFigure)
        #expect(!cut("Zwaluwstraat 64, 1505 NH Zaandam", "Zwaluwstraat 64…").cutsAFigure)
        #expect(!cut("Noëlle vraagt hulp omdat € 4.930 open staat", "Noëlle vraagt hulp omda…").cutsAFigure)
    }

    @Test("A buffer's clip is recorded only while a log is set, with what was shown")
    func recording() {
        var buffer = ScreenBuffer(size: Size(width: 10, height: 1))
        buffer.put("€ 1.234,56 per maand", x: 0, y: 0)   // no log: nothing to record into
        let log = CutText()
        CutText.$log.withValue(log) { buffer.put("€ 1.234,56", x: 2, y: 0) }
        #expect(log.cuts == [CutText.Cut(text: "€ 1.234,56", shown: "€ 1.234,", isMessage: false)])
        #expect(log.cuts.first?.cutsAFigure == true)
    }
}
