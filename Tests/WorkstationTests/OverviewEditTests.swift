import CaseStore
import Casework
import Foundation
import Terminal
import Testing
@testable import Workstation

/// The overview changed where it is shown, through the app: a member (the norm follows at
/// once), a score and its undo, an agreement, a signal; a save over someone else's change
/// shows both; closing and reopening.
@Suite("Editing the overview")
struct OverviewEditTests {
    static func type(_ app: App, _ text: String) { for c in text { app.handle(.key(.character(c))) } }
    static func keys(_ app: App, _ keys: Key...) { for key in keys { app.handle(.key(key)) } }

    /// Chooses the first item of the overview that `matches`.
    static func choose(_ app: App, _ matches: (OverviewItem) -> Bool) throws {
        let household = try #require(app.state.household)
        let items = HouseholdOverview.items(HouseholdOverview.rows(household, ctx: app.context(), width: app.state.size.width - 3))
        let found = items.firstIndex(where: matches)
        let index = try #require(found, "no such item in \(items)")
        keys(app, .home)
        for _ in 0..<index { keys(app, .down) }
        #expect(app.state.household?.overview.selected == items[index])
    }

    @Test("A partner added: the norm category and the figures change at once; the audit trail has it")
    func memberChangesNorm() throws {
        try withDemoApp(user: "s.elidrissi") { app in
            try open("hh-demo-0004", in: app)
            let before = try #require(app.state.household?.file.overview(today: app.env.today).get().normTest?.category)
            #expect(before == .single18to20)
            try Self.choose(app) { if case .member = $0 { true } else { false } }
            Self.keys(app, .character("a"))
            Self.type(app, "Daan Smit"); Self.keys(app, .tab); Self.type(app, "01-01-2000"); Self.keys(app, .tab, .character("p"))
            Self.keys(app, .function(2))
            #expect(app.state.household?.edit == nil, "\(app.render().text)")
            #expect(app.state.message?.text == "Daan Smit toegevoegd.")
            let after = try #require(app.state.household?.file.overview(today: app.env.today).get().normTest?.category)
            #expect(after == .coupleMixed)
            #expect(try app.env.store.auditTrail(household: "hh-demo-0004").last?.action == "member.add")
            // A second partner is refused in the form, with the rule.
            Self.keys(app, .character("a"))
            Self.type(app, "Kees Smit"); Self.keys(app, .tab); Self.type(app, "01-01-1999"); Self.keys(app, .tab, .character("p"))
            Self.keys(app, .function(2))
            #expect(app.state.household?.edit?.form.problem?.message == "Er is al een partner; kies een andere rol.")
        }
    }

    @Test("A score given in the overview, with its note; u takes it back")
    func scoreAndUndo() throws {
        try withDemoApp(user: "r.westra") { app in
            try open("hh-demo-0001", in: app)
            let count = try #require(app.state.household?.file.lifeDomains.count)
            try Self.choose(app) { if case .score(.financien) = $0 { true } else { false } }
            Self.keys(app, .enter, .tab, .character("3"))   // the score field: 3 beperkt zelfredzaam
            Self.keys(app, .tab); Self.type(app, "Regeling met de Belastingdienst loopt")
            Self.keys(app, .function(2))
            let scores = try #require(app.state.household?.file.lifeDomains)
            #expect(scores.count == count + 1)
            #expect(scores.last == LifeDomainScore(domain: .financien, score: 3, date: app.env.today, note: "Regeling met de Belastingdienst loopt"))
            #expect(app.render().text.contains("u Score terug"))
            Self.keys(app, .character("u"))
            #expect(app.state.household?.file.lifeDomains.count == count)
            #expect(try app.env.store.auditTrail(household: "hh-demo-0001").suffix(2).map(\.action) == ["lifeDomain.score", "lifeDomain.score.undo"])
        }
    }

    @Test("An agreement marked done and moved; a signal added by hand")
    func agreementAndSignal() throws {
        try withDemoApp(user: "r.westra") { app in
            try open("hh-demo-0001", in: app)
            try Self.choose(app) { if case .agreement = $0 { true } else { false } }
            Self.keys(app, .enter, .character("j"))   // done: ja
            Self.keys(app, .end); for _ in 0..<10 { Self.keys(app, .backspace) }
            Self.type(app, "15-12-2026"); Self.keys(app, .function(2))
            #expect(app.state.message?.text == "Afspraak opgeslagen.")
            let stored = try app.env.store.householdRows("hh-demo-0001").agreements
            #expect(stored.contains { $0.row.value.done && $0.row.value.due?.iso == "2026-12-15" })
            try Self.choose(app) { if case .signal = $0 { true } else { false } }
            Self.keys(app, .character("a"), .character("w"))   // waterbedrijf
            Self.type(app, "PWN"); Self.keys(app, .tab); Self.type(app, "84,20"); Self.keys(app, .function(2))
            #expect(app.state.household?.file.signals.last?.creditor == "PWN")
            #expect(app.state.household?.file.signals.last?.amount == Money(cents: 8_420))
            #expect(app.state.household?.file.signals.last?.received == app.env.today)
        }
    }

    @Test("A member removed after a question; the choice moves to one still there")
    func removeMember() throws {
        try withDemoApp(user: "r.westra") { app in
            try open("hh-demo-0001", in: app)
            try Self.choose(app) { $0 == .member(1) }
            Self.keys(app, .delete)
            #expect(app.render().text.contains("Mila Jansen uit dit huishouden halen?"))
            Self.keys(app, .escape)
            #expect(app.state.household?.file.household.members.count == 2)
            Self.keys(app, .delete, .enter)
            #expect(app.state.household?.file.household.members.map(\.name) == ["Sanne Jansen"])
            #expect(app.state.household?.overview.selected == .member(0))
            #expect(app.state.message?.text == "Mila Jansen is uit het huishouden gehaald.")
            // The applicant stays, and says why.
            Self.keys(app, .delete)
            #expect(app.state.message?.text == "De aanvrager blijft; maak eerst iemand anders aanvrager.")
        }
    }

    @Test("A caseworker takes over a household nobody holds; a held one only a team leader assigns")
    func takeOver() throws {
        try withDemoApp(user: "r.westra") { app in
            let file = #"{ "format": "keukentafel-case/1", "household": { "id": "hh-test-los", "name": "Huishouden Los", "members": [ { "name": "Ria Los", "birthDate": "1970-03-03", "role": "applicant" } ] } }"#
            _ = try app.env.store.importCaseFiles([CaseFileSource(name: "los.json", bytes: Array(file.utf8))],
                                                  by: Actor(user: "j.bakker", role: .teamleader))
            try open("hh-test-los", in: app)
            #expect(app.render().text.contains("regisseur nog niemand"))
            Self.keys(app, .character("o"))
            #expect(app.render().text.contains("Neemt u het over"))
            Self.keys(app, .enter)
            #expect(app.state.household?.file.household.caseworker == "r.westra")
            #expect(app.state.household?.rows?.record.team == "Wijkteam Zaandam-Oost")
            // Now held: another `o` is a team leader's.
            Self.keys(app, .character("o"))
            #expect(app.state.message?.text == "Toewijzen en overdragen doet een teamleider.")
            #expect(try app.env.store.auditTrail(household: "hh-test-los").last?.detail
                    == "assigned from nobody (team -) to r.westra (team Wijkteam Zaandam-Oost)")
        }
    }

    @Test("Someone else saved the member first: refused, their values beside mine; F2 saves mine over it, audited")
    func conflict() throws {
        try withDemoApp(user: "r.westra") { app in
            try open("hh-demo-0001", in: app)
            try Self.choose(app) { $0 == .member(1) }
            Self.keys(app, .enter)
            // Meanwhile the team leader renames her on another workstation.
            let other = App(envFor: app, user: "j.bakker")
            try open("hh-demo-0001", in: other)
            try Self.choose(other) { $0 == .member(1) }
            Self.keys(other, .enter, .end); Self.type(other, " Jansen"); Self.keys(other, .function(2))
            #expect(other.state.message?.text.hasSuffix("opgeslagen.") == true)
            // Mine now: a birth date typo fixed.
            Self.keys(app, .end); Self.type(app, "-Bakker"); Self.keys(app, .function(2))
            let edit = try #require(app.state.household?.edit, "the form closed on a refused save")
            #expect(edit.overwriting)
            #expect(edit.form.theirs?["name"]?.hasSuffix(" Jansen") == true)
            #expect(app.state.message?.text.contains("intussen gewijzigd door j.bakker") == true)
            #expect(app.render().text.contains("hun: "))
            Self.keys(app, .function(2))
            #expect(app.state.household?.edit == nil)
            let last = try #require(try app.env.store.auditTrail(household: "hh-demo-0001").last)
            #expect(last.action == "member.update" && last.detail.contains("saved knowingly over version 2 by j.bakker"))
        }
    }

    @Test("Closing with a reason goes back to the caseload; the closed household is on F4's third list and reopens")
    func closeAndReopen() throws {
        try withDemoApp(user: "r.westra") { app in
            try open("hh-demo-0009", in: app)
            Self.keys(app, .character("s"), .character("v"))   // verhuisd
            Self.type(app, "Naar Wormerveer"); Self.keys(app, .function(2))
            #expect(app.state.screen == .caseload)
            #expect(app.state.message?.text == "Het huishouden is gesloten; het staat onder F4 bij de gesloten huishoudens.")
            #expect(try !app.env.store.caseloadOrder(caseworker: "r.westra").isEmpty)
            while app.state.caseload.scope != .closed { Self.keys(app, .function(4)) }
            #expect(app.state.caseload.rows.map(\.id) == ["hh-demo-0009"])
            Self.keys(app, .enter)
            #expect(app.render().text.contains("Gesloten op 23-11-2026: verhuisd Naar Wormerveer. r heropent het."))
            // Changes wait until it is reopened, and say so.
            Self.keys(app, .character("a"))
            #expect(app.state.message?.text == "Dit huishouden is gesloten; r heropent het.")
            Self.keys(app, .character("r"), .enter)
            #expect(app.state.household?.rows?.record.isClosed == false)
            #expect(try app.env.store.auditTrail(household: "hh-demo-0009").suffix(3).map(\.action)
                    == ["household.close", "household.view", "household.reopen"])
        }
    }
}

extension App {
    /// A second workstation on the same store, for another member of the staff.
    convenience init(envFor app: App, user: String) {
        let env = AppEnvironment(store: app.env.store, staff: try! app.env.store.staffMember(user), language: app.env.language,
                                 outputFolder: app.env.outputFolder)
        try! self.init(env: env, size: app.state.size)
    }
}
