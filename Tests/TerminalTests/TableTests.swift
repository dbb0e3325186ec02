import Testing
@testable import Terminal

@Suite struct TableTests {
    let fourColumns = [
        TableColumn(title: "Datum", width: .fixed(10)),
        TableColumn(title: "Omschrijving", width: .flexible(minimum: 5, weight: 1)),
        TableColumn(title: "Toelichting", width: .flexible(minimum: 5, weight: 3)),
        TableColumn(title: "Bedrag", width: .fixed(8), alignment: .right),
    ]

    @Test func layoutGivesFixedWidthsAndSharesTheRestByWeight() {
        // 60 − 10 − 8 − minimums 5 + 5 − 3 separators = 29 to share: 7 and 21, one left over.
        #expect(Table.layout(fourColumns, width: 60) == [10, 13, 26, 8])
    }

    @Test func layoutHidesColumnsFromTheRight() {
        #expect(Table.layout(fourColumns, width: 30) == [10, 7, 11, 0])
        #expect(Table.layout(fourColumns, width: 22) == [10, 5, 5, 0])
        #expect(Table.layout(fourColumns, width: 21) == [10, 10, 0, 0])
        #expect(Table.layout(fourColumns, width: 15) == [10, 0, 0, 0])
    }

    @Test func layoutNarrowsAFirstColumnThatDoesNotFitAlone() {
        #expect(Table.layout(fourColumns, width: 6) == [6, 0, 0, 0])
        #expect(Table.layout(fourColumns, width: 0) == [0, 0, 0, 0])
        #expect(Table.layout([], width: 40) == [])
    }

    let columns = [
        TableColumn(title: "Naam", width: .flexible(minimum: 8, weight: 1)),
        TableColumn(title: "Bedrag", width: .fixed(10), alignment: .right),
    ]
    let rows: [[Span]] = [
        [Span(text: "Jansen"), Span(text: "€ 1.250,00")],
        [Span(text: "Noëlle de Vries-Bakker"), Span(text: "-€ 45,50", role: .negative)],
        [Span(text: "李小龙"), Span(text: "€ 5,00", role: .positive)],
    ]

    @Test func rendersHeaderRowsAlignedAmountsAndTheSelection() {
        var buffer = ScreenBuffer(size: Size(width: 30, height: 5))
        Table.render(into: &buffer, rect: buffer.bounds, columns: columns, state: ListState(selected: 1, offset: 0),
                     rowCount: 3, focused: true, emptyText: "Leeg") { rows[$0] }
        #expect(buffer.lines == [
            "  Naam                  Bedrag",
            "  Jansen            € 1.250,00",
            "› Noëlle de Vries-…   -€ 45,50",
            "  李小龙                € 5,00",
            "                              ",
        ])
        #expect(buffer.styledLines == [
            "{header:  Naam                  Bedrag}",
            "  Jansen            € 1.250,00",
            "{selection:› Noëlle de Vries-…   -€ 45,50}",
            "  李小龙                {positive:€ 5,00}",
            "                              ",
        ])
    }

    @Test func withoutFocusTheSelectionKeepsOnlyItsMarker() {
        var buffer = ScreenBuffer(size: Size(width: 30, height: 4))
        Table.render(into: &buffer, rect: buffer.bounds, columns: columns, state: ListState(selected: 1, offset: 0),
                     rowCount: 3, focused: false, emptyText: "Leeg") { rows[$0] }
        #expect(buffer.styledLines[2] == "{dim:›} Noëlle de Vries-…   {negative:-€ 45,50}")
    }

    @Test func asciiModeMarksTheSelectionWithAGreaterThanSign() {
        var buffer = ScreenBuffer(size: Size(width: 30, height: 4), ascii: true)
        Table.render(into: &buffer, rect: buffer.bounds, columns: columns, state: ListState(selected: 1, offset: 0),
                     rowCount: 3, focused: true, emptyText: "Leeg") { rows[$0] }
        // the amount column grows by two for "EUR" (ASCIIFallbackTests); the name gives way
        #expect(buffer.lines[2] == "> Noelle de Vrie~   -EUR 45,50")
        #expect(buffer.lines[3] == "  ??????              EUR 5,00")
    }

    @Test func showsWhereTheSelectionIsWhenNotAllRowsFit() {
        var buffer = ScreenBuffer(size: Size(width: 30, height: 5))
        Table.render(into: &buffer, rect: buffer.bounds, columns: columns, state: ListState(selected: 11, offset: 9),
                     rowCount: 340, focused: true, emptyText: "Leeg") { [Span(text: "Rij \($0)"), Span(text: "\($0),00")] }
        // The columns make room for the position: it covers no title ("Bedrag" stays).
        #expect(buffer.lines == [
            "  Naam          Bedrag  12/340",
            "  Rij 9           9,00        ",
            "  Rij 10         10,00        ",
            "› Rij 11         11,00        ",
            "  Rij 12         12,00        ",
        ])
    }

    @Test func showsTheEmptyTextWhenThereAreNoRows() {
        var buffer = ScreenBuffer(size: Size(width: 30, height: 3))
        var called = false
        Table.render(into: &buffer, rect: buffer.bounds, columns: columns, state: ListState(), rowCount: 0,
                     focused: true, emptyText: "Geen huishoudens gevonden voor deze zoekopdracht.") { _ in
            called = true
            return []
        }
        #expect(!called)
        #expect(buffer.styledLines == [
            "{header:  Naam                  Bedrag}",
            "  {dim:Geen huishoudens gevonden}   ",
            "  {dim:voor deze zoekopdracht.}     ",
        ])
    }

    @Test func asksOnlyForTheVisibleRowsOfAHugeTable() {
        var buffer = ScreenBuffer(size: Size(width: 40, height: 12))
        let rect = Rect(x: 0, y: 1, width: 40, height: 11)
        #expect(Table.visibleRows(rect: rect) == 10)
        var asked: [Int] = []
        Table.render(into: &buffer, rect: rect, columns: columns, state: ListState(selected: 50_000, offset: 49_995),
                     rowCount: 100_000, focused: true, emptyText: "") { index in
            asked.append(index)
            return [Span(text: "Huishouden \(index)"), Span(text: "1,00")]
        }
        #expect(asked == Array(49_995..<50_005))
        #expect(buffer.lines[1].hasSuffix("50001/100000"))
        #expect(buffer.lines[7].hasPrefix("› Huishouden 5…       1,00"))
    }

    @Test func aStateForAnotherPageSizeIsClampedSoTheSelectionShows() {
        var buffer = ScreenBuffer(size: Size(width: 30, height: 4))
        var asked: [Int] = []
        Table.render(into: &buffer, rect: buffer.bounds, columns: columns, state: ListState(selected: 20, offset: 0),
                     rowCount: 100, focused: true, emptyText: "") { index in
            asked.append(index)
            return [Span(text: "Rij \(index)")]
        }
        #expect(asked == [18, 19, 20])
        #expect(buffer.lines[3] == "› Rij 20                      ")
    }

    @Test func neverDrawsOutsideItsRect() {
        var buffer = ScreenBuffer(size: Size(width: 20, height: 5))
        for y in 0..<5 { buffer.put(String(repeating: "x", count: 20), x: 0, y: y) }
        Table.render(into: &buffer, rect: Rect(x: 2, y: 1, width: 15, height: 3), columns: columns,
                     state: ListState(), rowCount: 3, focused: true, emptyText: "") { rows[$0] }
        #expect(buffer.lines == [
            "xxxxxxxxxxxxxxxxxxxx",
            "xx  Naam      1/3xxx",
            "xx› Jansen       xxx",
            "xx  Noëlle d…    xxx",
            "xxxxxxxxxxxxxxxxxxxx",
        ])
    }
}
