import Testing
@testable import Terminal

/// Colours: names, palette numbers on smaller terminals, and the colour pairs a theme needs.
@Suite struct ThemeColorTests {
    @Test func namesAndNumbers() {
        #expect(ThemeColor(name: "Cyan") == .cyan)
        #expect(ThemeColor(name: "default") == .default)
        #expect(ThemeColor(name: "purple") == nil)
        #expect(ThemeColor(index: 3) == .yellow)
        #expect(ThemeColor(index: 208) == .index(208))
        #expect(ThemeColor(index: 256) == nil)
        #expect(ThemeColor(index: -1) == nil)
        #expect(ThemeColor.default.number == nil)
    }

    @Test func paletteColoursBecomeTheNearestBasicColourOnEightColourTerminals() {
        #expect(ThemeColor.index(9).number(forColors: 8) == 1) // bright red → red
        #expect(ThemeColor.index(15).number(forColors: 8) == 7) // bright white → white
        #expect(ThemeColor.index(196).number(forColors: 8) == 1) // cube red
        #expect(ThemeColor.index(21).number(forColors: 8) == 4) // cube blue
        #expect(ThemeColor.index(226).number(forColors: 8) == 3) // cube yellow
        #expect(ThemeColor.index(235).number(forColors: 8) == 0) // dark grey → black
        #expect(ThemeColor.index(250).number(forColors: 8) == 7) // light grey → white
        #expect(ThemeColor.index(9).number(forColors: 256) == 9)
        #expect(ThemeColor.cyan.number(forColors: 8) == 6)
    }

    @Test func monochromeNeedsNoColourPairs() {
        let plan = ColorPlan(theme: BuiltInThemes.monochrome, colors: 256, defaultColors: true, maxPairs: 256)
        #expect(plan.pairs.isEmpty)
        #expect(StyleRole.allCases.allSatisfy { plan.look(for: $0).pair == 0 })
        #expect(plan.look(for: .selection).reverse)
        #expect(plan.look(for: .title).bold)
    }

    @Test func withoutColoursEveryRoleKeepsOnlyItsAttributes() {
        let plan = ColorPlan(theme: BuiltInThemes.default, colors: 0, defaultColors: false, maxPairs: 0)
        #expect(plan.pairs.isEmpty)
        #expect(plan.look(for: .selection) == ColorPlan.Look(pair: 0, bold: false, reverse: true, underline: false, dim: false))
    }

    @Test func onePairPerDistinctCombination() {
        let plan = ColorPlan(theme: BuiltInThemes.default, colors: 256, defaultColors: true, maxPairs: 256)
        let combinations = Set(plan.pairs.map { [$0.foreground, $0.background] })
        #expect(combinations.count == plan.pairs.count)
        #expect(plan.pairs.map(\.number) == Array(1...plan.pairs.count))
        // normal keeps the terminal's colours: pair 0.
        #expect(plan.look(for: .normal).pair == 0)
        // title (cyan on the terminal's background) and selection (cyan, reversed) share a pair.
        #expect(plan.look(for: .title).pair == plan.look(for: .selection).pair)
        let title = plan.pairs[plan.look(for: .title).pair - 1]
        #expect(title.foreground == 6 && title.background == -1)
    }

    @Test func rolesWithoutColoursTakeNormalsColours() {
        let plan = ColorPlan(theme: BuiltInThemes.highContrast, colors: 256, defaultColors: true, maxPairs: 256)
        let title = plan.pairs[plan.look(for: .title).pair - 1]
        #expect(title.foreground == 14 && title.background == 0) // bg from normal: black
    }

    @Test func withoutDefaultColoursWhiteOnBlackStandsIn() {
        let plan = ColorPlan(theme: BuiltInThemes.default, colors: 8, defaultColors: false, maxPairs: 64)
        let title = plan.pairs[plan.look(for: .title).pair - 1]
        #expect(title.foreground == 6 && title.background == 0)
        #expect(!plan.pairs.contains { $0.foreground == -1 || $0.background == -1 })
    }

    @Test func rolesBeyondTheAvailablePairsFallBackToPairZero() {
        let plan = ColorPlan(theme: BuiltInThemes.default, colors: 8, defaultColors: true, maxPairs: 3)
        #expect(plan.pairs.count == 2)
        #expect(StyleRole.allCases.contains { plan.look(for: $0).pair == 0 && BuiltInThemes.default[$0].usesColor })
    }
}
