import Testing
@testable import Terminal

@Suite struct BarTests {
    let tabs = ["1 Overzicht", "2 Financiën", "3 Gesprekken", "4 Besluiten"]

    @Test func tabBarAt80Columns() {
        var buffer = ScreenBuffer(size: Size(width: 80, height: 1))
        TabBar.render(into: &buffer, rect: buffer.bounds, titles: tabs, active: 1)
        #expect(buffer.lines == [" 1 Overzicht │[2 Financiën]│ 3 Gesprekken │ 4 Besluiten " + String(repeating: " ", count: 24)])
        #expect(buffer.styledLines == ["{tabInactive: 1 Overzicht }{border:│}{tabActive:[2 Financiën]}{border:│}"
            + "{tabInactive: 3 Gesprekken }{border:│}{tabInactive: 4 Besluiten }" + String(repeating: " ", count: 24)])
    }

    @Test func tabBarAt40ColumnsShortensTitles() {
        var buffer = ScreenBuffer(size: Size(width: 40, height: 1))
        TabBar.render(into: &buffer, rect: buffer.bounds, titles: tabs, active: 1)
        #expect(buffer.lines == [" 1 Over… │[2 Fina…]│ 3 Gesp… │ 4 Besl…  "])
        #expect(buffer.styledLines == ["{tabInactive: 1 Over… }{border:│}{tabActive:[2 Fina…]}{border:│}"
            + "{tabInactive: 3 Gesp… }{border:│}{tabInactive: 4 Besl… } "])
    }

    @Test func tabBarInAsciiMode() {
        var buffer = ScreenBuffer(size: Size(width: 30, height: 1), ascii: true)
        TabBar.render(into: &buffer, rect: buffer.bounds, titles: ["1 Overzicht", "2 Financiën"], active: 0)
        #expect(buffer.lines == ["[1 Overzicht]| 2 Financien    "])
    }

    @Test func tabBarStaysInItsRect() {
        var buffer = ScreenBuffer(size: Size(width: 12, height: 2))
        buffer.put("xxxxxxxxxxxx", x: 0, y: 0)
        buffer.put("xxxxxxxxxxxx", x: 0, y: 1)
        TabBar.render(into: &buffer, rect: Rect(x: 1, y: 1, width: 10, height: 1), titles: tabs, active: 0)
        #expect(buffer.lines == ["xxxxxxxxxxxx", "x[1]│ 2 │ 3x"])
    }

    let hints = [
        KeyHint(keys: "F1", label: "Help"),
        KeyHint(keys: "/", label: "Zoeken"),
        KeyHint(keys: "Enter", label: "Openen"),
        KeyHint(keys: "F4/m", label: "Mijn/alle"),
        KeyHint(keys: "n", label: "Nieuw"),
        KeyHint(keys: "F10/q", label: "Stoppen"),
    ]

    @Test func keyBarAt80Columns() {
        var buffer = ScreenBuffer(size: Size(width: 80, height: 1))
        KeyBar.render(into: &buffer, rect: buffer.bounds, hints: hints)
        #expect(buffer.lines == [" F1 Help  / Zoeken  Enter Openen  F4/m Mijn/alle  n Nieuw  F10/q Stoppen        "])
        #expect(buffer.styledLines == [" {keyName:F1}{keyHint: Help}  {keyName:/}{keyHint: Zoeken}  {keyName:Enter}{keyHint: Openen}  "
            + "{keyName:F4/m}{keyHint: Mijn/alle}  {keyName:n}{keyHint: Nieuw}  {keyName:F10/q}{keyHint: Stoppen}        "])
    }

    @Test func keyBarAt40ColumnsDropsHintsFromTheEnd() {
        var buffer = ScreenBuffer(size: Size(width: 40, height: 1))
        KeyBar.render(into: &buffer, rect: buffer.bounds, hints: hints)
        #expect(buffer.lines == [" F1 Help  / Zoeken  Enter Openen        "])
    }

    @Test func keyBarAlwaysKeepsTheFirstHint() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        KeyBar.render(into: &buffer, rect: buffer.bounds, hints: hints)
        #expect(buffer.styledLines == [" {keyName:F1}{keyHint: He}"])
    }
}
