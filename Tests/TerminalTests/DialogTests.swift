import Testing
@testable import Terminal

@Suite struct DialogTests {
    @Test func centredBoxWithWrappedMessageAndButtons() {
        var buffer = ScreenBuffer(size: Size(width: 40, height: 12))
        for y in 0..<12 { buffer.put(String(repeating: "x", count: 40), x: 0, y: y) }
        let dialog = Dialog(title: "Regel verwijderen",
                            message: "Weet u zeker dat u de regel Huur € 650,00 per maand wilt verwijderen?",
                            buttons: [KeyHint(keys: "Enter", label: "Ja"), KeyHint(keys: "Esc", label: "Nee")], maxWidth: 30)
        #expect(dialog.frame(in: buffer.bounds) == Rect(x: 5, y: 2, width: 30, height: 8))
        dialog.render(into: &buffer, bounds: buffer.bounds)
        #expect(buffer.lines == [
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "xxxxx┌─ Regel verwijderen ────────┐xxxxx",
            "xxxxx│                            │xxxxx",
            "xxxxx│ Weet u zeker dat u de      │xxxxx",
            "xxxxx│ regel Huur € 650,00 per    │xxxxx",
            "xxxxx│ maand wilt verwijderen?    │xxxxx",
            "xxxxx│                            │xxxxx",
            "xxxxx│   [Enter] Ja   [Esc] Nee   │xxxxx",
            "xxxxx└────────────────────────────┘xxxxx",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        ])
        #expect(buffer.styledLines[8] == "xxxxx{border:│}{dialog:   }{keyName:[Enter]}{dialog: Ja   }{keyName:[Esc]}{dialog: Nee   }{border:│}xxxxx")
    }

    @Test func aShortMessageGivesANarrowBox() {
        var buffer = ScreenBuffer(size: Size(width: 30, height: 7))
        Dialog(title: "Let op", message: "Opgeslagen.", buttons: [KeyHint(keys: "Enter", label: "OK")])
            .render(into: &buffer, bounds: buffer.bounds)
        #expect(buffer.lines == [
            "   ┌─ Let op ─────────────┐   ",
            "   │                      │   ",
            "   │ Opgeslagen.          │   ",
            "   │                      │   ",
            "   │      [Enter] OK      │   ",
            "   └──────────────────────┘   ",
            "                              ",
        ])
    }

    @Test func aMessageTooLongForTheScreenIsCutButTheButtonsStay() {
        var buffer = ScreenBuffer(size: Size(width: 24, height: 7))
        Dialog(title: "Fout", message: "een twee drie vier vijf zes zeven acht negen tien",
               buttons: [KeyHint(keys: "Esc", label: "Terug")]).render(into: &buffer, bounds: buffer.bounds)
        #expect(buffer.lines == [
            "┌─ Fout ───────────────┐",
            "│                      │",
            "│ een twee drie vier   │",
            "│ vijf zes zeven acht… │",
            "│                      │",
            "│     [Esc] Terug      │",
            "└──────────────────────┘",
        ])
    }
}

@Suite struct HelpOverlayTests {
    let sections: [HelpOverlay.Section] = [
        (title: "Caseload", rows: [(keys: "F1 ?", text: "Deze hulp"), (keys: "Enter", text: "Open het gekozen huishouden")]),
        (title: "Bewegen", rows: [(keys: "↑ ↓ j k", text: "Regel omhoog / omlaag")]),
    ]

    func render(scroll: Int) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: Size(width: 30, height: 10))
        HelpOverlay.render(into: &buffer, bounds: buffer.bounds, title: "Help", sections: sections, scroll: scroll, footer: "Esc sluiten")
        return buffer
    }

    @Test func linesAlignKeysAndWrapTextUnderItself() {
        #expect(HelpOverlay.lines(sections, width: 22).map(\.text) == [
            "Caseload",
            "  F1 ?     Deze hulp",
            "  Enter    Open het",
            "           gekozen",
            "           huishouden",
            "",
            "Bewegen",
            "  ↑ ↓ j k  Regel",
            "           omhoog /",
            "           omlaag",
        ])
        #expect(HelpOverlay.maxScroll(bounds: Rect(x: 0, y: 0, width: 30, height: 10), sections: sections) == 5)
    }

    @Test func showsTheTopWithAScrollIndicator() {
        #expect(render(scroll: 0).lines == [
            "                              ",
            "  ┌─ Help ─────────────────┐  ",
            "  │ Caseload               │  ",
            "  │   F1 ?     Deze hulp   │  ",
            "  │   Enter    Open het    │  ",
            "  │            gekozen     │  ",
            "  │            huishouden  │  ",
            "  │ Esc sluiten   1–5/10 ▼ │  ",
            "  └────────────────────────┘  ",
            "                              ",
        ])
    }

    @Test func scrollsAndMarksBothDirections() {
        let lines = render(scroll: 3).lines
        #expect(Array(lines[2...7]) == [
            "  │            gekozen     │  ",
            "  │            huishouden  │  ",
            "  │                        │  ",
            "  │ Bewegen                │  ",
            "  │   ↑ ↓ j k  Regel       │  ",
            "  │ Esc sluiten ▲ 4–8/10 ▼ │  ",
        ])
    }

    @Test func scrollIsClampedToTheEnd() {
        let lines = render(scroll: 99).lines
        #expect(Array(lines[2...7]) == [
            "  │                        │  ",
            "  │ Bewegen                │  ",
            "  │   ↑ ↓ j k  Regel       │  ",
            "  │            omhoog /    │  ",
            "  │            omlaag      │  ",
            "  │ Esc sluiten  ▲ 6–10/10 │  ",
        ])
        #expect(render(scroll: 99) == render(scroll: 5))
    }

    @Test func styledKeysAndFooter() {
        let styled = render(scroll: 0).styledLines
        #expect(styled[2] == "  {border:│}{dialog: }{header:Caseload}{dialog:               }{border:│}  ")
        #expect(styled[3] == "  {border:│}{dialog:   }{keyName:F1 ?   }{dialog:  Deze hulp   }{border:│}  ")
        #expect(styled[7] == "  {border:│}{dialog: }{keyHint:Esc sluiten}{dialog:   }{dim:1–5/10 ▼}{dialog: }{border:│}  ")
    }
}

@Suite struct ActionTableTests {
    enum ID: Hashable, Sendable { case help, search, clear, quit, tab(Int) }

    let table = ActionTable<ID>(actions: [
        Action(id: .help, keys: [.function(1), .character("?")], barLabel: "Help", help: "Deze hulp"),
        Action(id: .search, keys: [.character("/"), .function(3)], barLabel: "Zoeken", help: "Zoek in de lijst"),
        Action(id: .clear, keys: [.escape], barLabel: nil, help: "Wis de zoekopdracht"),
        Action(id: .tab(1), keys: [.function(2), .character("1")], barLabel: "Overzicht", help: "Tab Overzicht"),
        Action(id: .quit, keys: [.function(10), .character("q"), .character("?")], barLabel: "Stoppen", help: "Sluit af"),
    ])

    @Test func findsTheActionForAKey() {
        #expect(table.action(for: .character("?")) == .help)
        #expect(table.action(for: .function(3)) == .search)
        #expect(table.action(for: .escape) == .clear)
        #expect(table.action(for: .character("1")) == .tab(1))
        #expect(table.action(for: .character("q")) == .quit)
        #expect(table.action(for: .character("x")) == nil)
        #expect(table.action(.clear)?.help == "Wis de zoekopdracht")
    }

    @Test func keyHintsComeFromBarLabels() {
        #expect(table.keyHints == [
            KeyHint(keys: "F1", label: "Help"),
            KeyHint(keys: "/", label: "Zoeken"),
            KeyHint(keys: "F2", label: "Overzicht"),
            KeyHint(keys: "F10", label: "Stoppen"),
        ])
    }

    @Test func helpRowsListEveryAction() {
        let rows = table.helpRows
        #expect(rows.map(\.keys) == ["F1 ?", "/ F3", "Esc", "F2 1", "F10 q ?"])
        #expect(rows.map(\.text) == ["Deze hulp", "Zoek in de lijst", "Wis de zoekopdracht", "Tab Overzicht", "Sluit af"])
    }
}
