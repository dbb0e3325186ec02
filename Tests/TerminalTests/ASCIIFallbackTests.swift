import Testing
@testable import Terminal

/// The table of ASCII stand-ins for a locale that is not UTF-8 (LANG=C): what each character
/// becomes, and that a layout measured on the Unicode text holds.
@Suite struct ASCIIFallbackTests {
    @Test("Each character's short form takes its own columns; the long form is the clearest ASCII",
          arguments: [
              ("€", "E", "EUR"), ("…", "~", "..."), ("ë", "e", "e"), ("Ë", "E", "E"), ("é", "e", "e"), ("ï", "i", "i"),
              ("ü", "u", "u"), ("ó", "o", "o"), ("ç", "c", "c"), ("ø", "o", "o"), ("ß", "s", "ss"), ("ĳ", "i", "ij"),
              ("─", "-", "-"), ("│", "|", "|"), ("┌", "+", "+"), ("┘", "+", "+"), ("├", "+", "+"), ("═", "-", "-"),
              ("║", "|", "|"), ("→", ">", "->"), ("←", "<", "<-"), ("↑", "^", "^"), ("↓", "v", "v"), ("›", ">", ">"),
              ("▸", ">", ">"), ("·", "-", "-"), ("•", "*", "*"), ("—", "-", "-"), ("–", "-", "-"), ("×", "x", "x"),
              ("’", "'", "'"), ("„", "\"", "\""), ("█", "#", "#"), ("▁", "_", "_"), ("\u{00A0}", " ", " "),
              ("陈", "??", "??"), ("👍", "??", "??"), ("e\u{301}", "e", "e"),
          ] as [(Character, String, String)])
    func forms(character: Character, short: String, long: String) {
        #expect(ASCIIFallback.short(character) == short)
        #expect(ASCIIFallback.long(character) == long)
        #expect(DisplayWidth.of(ASCIIFallback.short(character)) == DisplayWidth.of(character))
    }

    @Test func namesLoseTheirAccentsOnly() {
        #expect(ASCIIFallback.long("Noëlle Verbeek") == "Noelle Verbeek")
        #expect(ASCIIFallback.long("Naïma Bakkal & René Zijlstra") == "Naima Bakkal & Rene Zijlstra")
        #expect(ASCIIFallback.long("Jürgen Mulder, Hélène, Loïs, Chen Xiùlán") == "Jurgen Mulder, Helene, Lois, Chen Xiulan")
        #expect(ASCIIFallback.long("Ĳsselmeer Œuvre Straße") == "IJsselmeer OEuvre Strasse")
    }

    @Test func sameWidthUsesTheLongFormWherePaddingMakesRoom() {
        // a right-aligned amount: its padding takes "EUR"
        #expect(ASCIIFallback.sameWidth("  € 1.234,56") == "EUR 1.234,56")
        // a left-aligned one: its trailing padding does
        #expect(ASCIIFallback.sameWidth("€ 5,00    ") == "EUR 5,00  ")
        // padding on both sides: the larger run is the alignment, the separator stays
        #expect(ASCIIFallback.sameWidth("  € 1.234,56 ") == "EUR 1.234,56 ")
        // no room: the short form, never a cut amount
        #expect(ASCIIFallback.sameWidth("€ 12.345,67") == "E 12.345,67")
        #expect(ASCIIFallback.sameWidth(" € 12.345,67") == " E 12.345,67")
        #expect(ASCIIFallback.sameWidth("Wacht…   ") == "Wacht... ")
        #expect(ASCIIFallback.sameWidth("Zoë") == "Zoe")
        #expect(ASCIIFallback.sameWidth("plain ASCII") == "plain ASCII")
        for text in ["  € 1.234,56", "€ 12.345,67", "陈秀兰 ", "Noëlle …", "→ verder  ", "┌──┐"] {
            #expect(DisplayWidth.of(ASCIIFallback.sameWidth(text)) == DisplayWidth.of(text), "\(text)")
            #expect(ASCIIFallback.sameWidth(text).allSatisfy { $0.isASCII }, "\(text)")
        }
    }

    @Test func theBufferWritesASCIIInTheSameColumns() {
        var buffer = ScreenBuffer(size: Size(width: 24, height: 3), ascii: true)
        buffer.put("│Noëlle", x: 0, y: 0)
        buffer.put("│", x: 23, y: 0)
        buffer.put("  € 650,00", x: 10, y: 1, width: 10)
        buffer.put("€ 650,00", x: 0, y: 2, width: 8)
        #expect(buffer.lines == ["|Noelle                |", "          EUR 650,00    ", "E 650,00                "])
        #expect(buffer.cells.allSatisfy { $0.text.allSatisfy { $0.isASCII } })
    }

    @Test func aTableWidensItsAmountColumnForEUR() {
        let columns = [TableColumn(title: "Naam", width: .flexible(minimum: 8, weight: 1)),
                       TableColumn(title: "Bedrag", width: .fixed(10), alignment: .right)]
        let rows: [[Span]] = [[Span(text: "Noëlle Verbeek"), Span(text: "€ 6.500,00")], [Span(text: "René"), Span(text: "€ 5,00")]]
        var buffer = ScreenBuffer(size: Size(width: 30, height: 3), ascii: true)
        Table.render(into: &buffer, rect: buffer.bounds, columns: columns, state: ListState(), rowCount: 2,
                     focused: false, emptyText: "") { rows[$0] }
        #expect(buffer.lines == ["  Naam                  Bedrag",
                                 "> Noelle Verbeek  EUR 6.500,00",
                                 "  Rene                EUR 5,00"])
    }
}
