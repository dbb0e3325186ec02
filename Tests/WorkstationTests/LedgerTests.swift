import CaseStore
import Casework
import Foundation
import Terminal
import Testing
@testable import Workstation

/// The ledger tab: figures equal to `overview --json` after every edit, goldens, and the
/// keystroke budget of entering a household's finances.
@Suite("The ledger")
struct LedgerTests {
    /// The JSON the CLI prints for the household as stored, and the one for the screen's figures.
    static func figures(_ app: App) throws -> (screen: String, store: String) {
        let household = try #require(app.state.household)
        let screen = try #require(LedgerScreen.overview(household, ctx: app.context()))
        let stored = try app.env.store.caseFile(household.id).overview(today: referenceDay).get()
        return (JSONWriter.write(OverviewReport.json(screen, householdID: household.id)),
                JSONWriter.write(OverviewReport.json(stored, householdID: household.id)))
    }

    static func type(_ text: String, into app: App) { for c in text { app.handle(.key(.character(c))) } }

    @Test("The figures on the screen equal overview --json after every add, edit, delete and undo")
    func figuresFollowEveryEdit() throws {
        try withDemoApp { app in
            try open("hh-demo-0001", in: app)
            app.handle(.key(.character("2")))
            #expect(app.state.household?.tab == .ledger)
            var checks = 0
            func check(_ sourceLocation: SourceLocation = #_sourceLocation) throws {
                let (screen, store) = try Self.figures(app)
                #expect(screen == store, sourceLocation: sourceLocation)
                checks += 1
            }
            try check()
            // add: 1.234,56 per four weeks → 1.337,44 a month (1234.56 × 13 / 12 = 1337.44)
            app.handle(.key(.character("a")))
            Self.type("Bijbaan", into: app)
            app.handle(.key(.tab))
            Self.type("1.234,56", into: app)
            app.handle(.key(.tab))
            app.handle(.key(.character("v")))  // vier weken
            app.handle(.key(.enter))
            app.handle(.key(.escape))
            try check()
            let household = try #require(app.state.household)
            #expect(household.ledger?.lines(in: .income).last?.entry.monthly == Money(cents: 133_744))
            // income 2162.00 + 1337.44 = 3499.44
            #expect(LedgerScreen.overview(household, ctx: app.context())?.totals.income == Money(cents: 349_944))

            // edit the selected (new) line: amount 1.300,00 per month
            app.handle(.key(.enter))
            app.handle(.key(.tab))
            for _ in 0..<10 { app.handle(.key(.backspace)) }
            Self.type("1300", into: app)
            app.handle(.key(.tab))
            app.handle(.key(.character("m")))
            app.handle(.key(.enter))
            #expect(app.state.household?.ledger?.form == nil)
            try check()

            // a refused amount is never saved
            app.handle(.key(.character("a")))
            Self.type("Fout", into: app)
            app.handle(.key(.tab))
            Self.type("12,345.6", into: app)
            app.handle(.key(.enter))
            #expect(app.state.message?.isError == true)
            #expect(app.state.message?.text.contains("12,345.6") == true)
            app.handle(.key(.escape))
            #expect(try app.env.store.ledgerLines(household: "hh-demo-0001").count == 8)
            try check()

            // delete, then undo
            app.handle(.key(.end))
            app.handle(.key(.delete))
            app.handle(.key(.enter))
            #expect(try app.env.store.ledgerLines(household: "hh-demo-0001").count == 7)
            try check()
            app.handle(.key(.character("u")))
            #expect(try app.env.store.ledgerLines(household: "hh-demo-0001").count == 8)
            try check()
            #expect(checks == 6)
            let actions = try app.env.store.auditTrail(household: "hh-demo-0001").map(\.action)
            #expect(actions.suffix(4) == ["ledger.add", "ledger.update", "ledger.delete", "ledger.add"])
        }
    }

    @Test("The rent typed as 1.850 is € 1.850,00, shown back as it is read before it is saved")
    func dutchThousands() throws {
        try withDemoApp { app in
            try open("hh-demo-0001", in: app)
            app.handle(.key(.character("2")))
            app.handle(.key(.tab))            // Uitgaven
            app.handle(.key(.character("a")))
            Self.type("Huur nieuwe woning", into: app)
            app.handle(.key(.tab))
            Self.type("1.850", into: app)
            #expect(app.render().text.contains("€ 1.850,00 per maand"))
            app.handle(.key(.tab))
            app.handle(.key(.character("k")))  // kwartaal: 1.850,00 / 3 = 616,666… → 616,67
            #expect(app.render().text.contains("€ 1.850,00 → € 616,67 p/m"))
            app.handle(.key(.enter))
            let saved = try app.env.store.ledgerLines(household: "hh-demo-0001").map(\.entry).first { $0.label == "Huur nieuwe woning" }
            #expect(saved?.amount == Money(cents: 185_000) && saved?.monthly == Money(cents: 61_667))
        }
    }

    @Test("x explains a total: every line with its monthly equivalent, and what does not count for the norm test")
    func explain() throws {
        try withDemoApp(size: Size(width: 100, height: 30)) { app in
            try open("hh-demo-0001", in: app)
            app.handle(.key(.character("2")))
            app.handle(.key(.character("x")))
            let text = app.render().text
            #expect(text.contains("Uitleg — Inkomsten"))
            #expect(text.contains("€ 306,00 kwartaal → € 102,00 per maand"))
            #expect(text.contains("Totaal"))
            #expect(text.contains("€ 2.162,00 per maand"))
            #expect(text.contains("kinderbijslag telt niet als inkomen voor de normtoets"))
            #expect(text.contains("inkomsten die tellen min inhoudingen = € 1.600,00"))
            app.handle(.key(.escape))
            #expect(app.state.household?.ledger?.explaining == nil)
            #expect(app.state.screen == .household)
        }
    }

    @Test("A save against a line another caseworker changed is refused; their change is kept and shown")
    func conflictShown() throws {
        try withDemoApp { app in
            try open("hh-demo-0001", in: app)
            app.handle(.key(.character("2")))
            // Another caseworker changes the first income line meanwhile.
            let line = try #require(try app.env.store.ledgerLines(household: "hh-demo-0001").first)
            guard case .income(var theirs) = line.entry else { Issue.record("not income"); return }
            theirs.amount = Money(cents: 170_000)
            _ = try app.env.store.updateLedgerLine(line, to: .income(theirs), by: Actor(user: "s.elidrissi", role: .caseworker))
            // We edit the same line from our stale copy.
            app.handle(.key(.enter))
            app.handle(.key(.tab))
            for _ in 0..<10 { app.handle(.key(.backspace)) }
            Self.type("1800", into: app)
            app.handle(.key(.enter))
            let message = try #require(app.state.message)
            #expect(message.isError)
            #expect(message.text == "Niet bewaard: Samira El Idrissi wijzigde \"Salaris\" om 09:00.")
            // their value is kept and on the screen; what we typed is still in the form
            #expect(try app.env.store.ledgerLines(household: "hh-demo-0001").first?.entry.amount == Money(cents: 170_000))
            #expect(app.state.household?.ledger?.lines.first?.entry.amount == Money(cents: 170_000))
            #expect(app.state.household?.ledger?.form?.amount.text == "1800")
            // a second Enter saves ours on top of theirs, knowingly
            app.handle(.key(.enter))
            #expect(try app.env.store.ledgerLines(household: "hh-demo-0001").first?.entry.amount == Money(cents: 180_000))
        }
    }

    @Test("Golden ledger of hh-demo-0007: four sections, a negative bottom line", arguments: [Language.nl, .en], ScreenTests.sizes)
    func golden(language: Language, size: Size) throws {
        try withDemoApp(user: "r.westra", language: language, size: size) { app in
            try open("hh-demo-0007", in: app)
            app.handle(.key(.character("2")))
            try assertGolden(app, "ledger-0007-\(language.rawValue)-\(size.width)x\(size.height)")
        }
    }

    @Test("Golden line form with an amount refused as it is typed")
    func goldenForm() throws {
        try withDemoApp(size: Size(width: 80, height: 24)) { app in
            try open("hh-demo-0007", in: app)
            app.handle(.key(.character("2")))
            app.handle(.key(.character("a")))
            Self.type("Kinderopvangtoeslag Zoë (één maand)", into: app)
            app.handle(.key(.tab))
            Self.type("12,345.6", into: app)
            try assertGolden(app, "ledger-form-nl-80x24")
        }
    }

    /// Keys that are not characters of a label or an amount.
    @Test("Twelve lines across the four sections, each at most six keystrokes besides labels and amounts")
    func keystrokeBudget() throws {
        try withDemoApp { app in
            let bare = #"{ "format": "keukentafel-case/1", "referenceDate": "2026-11-23", "household": { "id": "hh-test-aalbers", "name": "Huishouden Aalbers", "caseworker": "r.westra", "members": [ { "name": "Eva Aalbers", "birthDate": "1985-03-02", "role": "applicant" } ] } }"#
            _ = try app.env.store.importCaseFiles([CaseFileSource(name: "aalbers.json", bytes: Array(bare.utf8))],
                                                  by: Actor(user: "r.westra", role: .caseworker))
            for _ in 0..<3 { app.handle(.key(.function(4))) }  // round the three lists back to "mine": read again
            try open("hh-test-aalbers", in: app)
            app.handle(.key(.character("2")))
            let keys = KeyCounter(app)
            var perLine: [Int] = []
            func line(_ body: () -> Void) { let before = keys.count; body(); perLine.append(keys.count - before) }

            line { keys.press(.character("a")); keys.type("Loon"); keys.press(.tab); keys.type("2.100,00"); keys.press(.enter) }
            line { keys.type("Kinderbijslag"); keys.press(.tab); keys.type("306,00"); keys.press(.tab, .character("k"), .character("k"), .enter) }
            line { keys.type("Zorgtoeslag"); keys.press(.tab); keys.type("123"); keys.press(.tab, .character("m"), .character("z"), .enter) }
            line { keys.press(.pageDown); keys.type("Huur"); keys.press(.tab); keys.type("875,00"); keys.press(.enter) }
            line { keys.type("Energie"); keys.press(.tab); keys.type("140"); keys.press(.tab, .character("m"), .character("e"), .enter) }
            line { keys.type("Zorgverzekering"); keys.press(.tab); keys.type("290"); keys.press(.tab, .character("m"), .character("v"), .enter) }
            line { keys.type("Boodschappen"); keys.press(.tab); keys.type("600"); keys.press(.tab, .character("m"), .character("h"), .enter) }
            line { keys.type("Telefoon"); keys.press(.tab); keys.type("45"); keys.press(.tab, .character("m"), .character("t"), .enter) }
            line { keys.press(.pageDown); keys.type("Belastingdienst"); keys.press(.tab); keys.type("4.200,00"); keys.press(.tab); keys.type("50")
                   keys.press(.tab, .character("r"), .enter) }
            line { keys.type("CJIB"); keys.press(.tab); keys.type("310"); keys.press(.enter) }
            line { keys.press(.pageDown); keys.type("Beslag loon"); keys.press(.tab); keys.type("150"); keys.press(.enter) }
            line { keys.type("Alimentatie ex"); keys.press(.tab); keys.type("80"); keys.press(.tab, .character("m"), .character("m"), .enter, .escape) }

            #expect(perLine.count == 12)
            #expect(perLine.allSatisfy { $0 <= 6 }, "keystrokes per line: \(perLine)")
            let stored = try app.env.store.caseFile("hh-test-aalbers")
            #expect(stored.finances.income.map(\.kind) == [.salary, .childBenefit, .healthAllowance])
            #expect(stored.finances.expenses.map(\.category) == [.wonen, .energieWater, .verzekeringen, .huishouden, .telefoonInternet])
            #expect(stored.finances.debts.map(\.status) == [.regeling, .open])
            #expect(stored.finances.deductions.map(\.kind) == [.beslag, .minnelijk])
            // income 2100 + 306/3 + 123 = 2325.00; expenses 875 + 140 + 290 + 600 + 45 = 1950.00;
            // debt payments 50.00; deductions 150 + 80 = 230.00; left 2325 − 1950 − 50 − 230 = 95.00
            let overview = try stored.overview(today: referenceDay).get()
            #expect(overview.totals.income == Money(cents: 232_500))
            #expect(overview.totals.expenses == Money(cents: 195_000))
            #expect(overview.totals.debtPayments == Money(cents: 5_000))
            #expect(overview.totals.deductions == Money(cents: 23_000))
            #expect(overview.totals.remaining == Money(cents: 9_500))
        }
    }
}
