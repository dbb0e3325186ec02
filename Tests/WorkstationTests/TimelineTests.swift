import CaseStore
import GRDB
import Casework
import Terminal
import Testing
@testable import Workstation

/// The overview's timeline tells a grant's story as the store recorded it (grant_event).
@Suite("The timeline of a household")
struct TimelineTests {
    @Test("Returned with a comment, mended and submitted again: every step in the timeline, the reviewer's comment with the return")
    func returnedAndMended() throws {
        try withDemoApp(size: Size(width: 120, height: 40)) { app in
            try GrantScreenTests.typeRequest(app, motivation: GrantScreenTests.motivation)
            app.handle(.key(.function(5))); app.handle(.key(.enter))
            let store = app.env.store
            let id = try #require(store.grants(household: "hh-demo-0001").first { $0.grant.status == .submitted && $0.grant.amount == Money(cents: 240_000) }?.id)
            let roos = Actor(user: "r.westra", role: .caseworker)
            _ = try store.decideGrant(try store.grant(id), .return, comment: "Zet het kenmerk van de offerte erbij.",
                                      by: Actor(user: "j.bakker", role: .teamleader))
            let mended = try store.reopenGrant(try store.grant(id), by: roos)
            _ = try store.submitGrant(mended, by: roos)

            let rows = try store.householdRows("hh-demo-0001")
            #expect(rows.grantSteps.filter { $0.grantId == id }.map(\.action) == ["draft", "submit", "return", "reopen", "submit"])
            let lines = HouseholdOverview.timeline(try store.caseFile("hh-demo-0001"), steps: rows.grantSteps, ctx: app.context(), width: 200)
                .map { $0.spans.map(\.text).joined() }
                .filter { $0.contains(id) }
            // Newest first: submitted again, mended, returned with the comment, submitted.
            #expect(lines.count == 4, "\(lines)")
            #expect(lines[0].contains("aanvraag ingediend") && lines[1].contains("weer in bewerking"))
            #expect(lines[2].contains("teruggestuurd") && lines[2].hasSuffix(": “Zet het kenmerk van de offerte erbij.”"), "\(lines[2])")
            #expect(lines[3].contains("aanvraag ingediend"))
        }
    }

    @Test("A decided grant's condition (art. 55) is an open agreement on the overview, and is marked done there")
    func conditionAsAgreement() throws {
        try withDemoApp(size: Size(width: 120, height: 40)) { app in
            try GrantScreenTests.typeRequest(app, motivation: GrantScreenTests.motivation)
            GrantScreenTests.go(to: .conditions, in: app)
            GrantScreenTests.type("Bewijs van betaling aan de opvang | 01-02-2027", into: app)
            app.handle(.key(.function(5))); app.handle(.key(.enter))
            let store = app.env.store
            let id = try #require(store.grants(household: "hh-demo-0001").first { $0.grant.status == .submitted && $0.grant.amount == Money(cents: 240_000) }?.id)
            _ = try store.decideGrant(try store.grant(id), .approve, comment: nil, letterReasons: "Wij betalen de opvang.",
                                      by: Actor(user: "j.bakker", role: .teamleader))
            app.handle(.key(.escape)); app.handle(.key(.escape))
            try open("hh-demo-0001", in: app)
            let household = try #require(app.state.household)
            let rows = HouseholdOverview.rows(household, ctx: app.context(), width: 100)
            let line = try #require(rows.first { $0.items.contains { $0.item == .condition(id, 0) } })
            #expect(line.line.spans.map(\.text).joined().contains("01-02-2027 voorwaarde \(id): Bewijs van betaling aan de opvang"))
            // Chosen and opened: marked done, saved; no longer open.
            for _ in 0..<60 where app.state.household?.overview.selected != .condition(id, 0) { app.handle(.key(.down)) }
            #expect(app.state.household?.overview.selected == .condition(id, 0))
            app.handle(.key(.enter))
            #expect(app.state.household?.edit?.purpose == .condition(try store.grant(id), index: 0))
            app.handle(.key(.character("j")))      // Klaar: ja
            app.handle(.key(.function(2)))
            #expect(app.state.message?.text == "Voorwaarde van \(id) opgeslagen.")
            #expect(try store.grant(id).grant.conditions.first?.done == true)
            let after = HouseholdOverview.rows(try #require(app.state.household), ctx: app.context(), width: 100)
            #expect(!after.contains { $0.items.contains { $0.item == .condition(id, 0) } })
            let audit = try store.read { db in try String.fetchOne(db, sql: "SELECT detail FROM audit WHERE action = 'grant.condition'") }
            #expect(audit == "\(id) 1 done 2027-02-01")
        }
    }

    @Test("At 80×24 the timeline below the last item is within reach: End scrolls to the overview's last line")
    func timelineReachable() throws {
        try withDemoApp(size: Size(width: 80, height: 24)) { app in
            try open("hh-demo-0007", in: app)
            let rows = HouseholdOverview.rows(try #require(app.state.household), ctx: app.context(), width: 77)
            let last = rows.last.map { $0.line.spans.map(\.text).joined().trimmingCharacters(in: .whitespaces) } ?? ""
            #expect(!last.isEmpty && !app.render().text.contains(last))
            for _ in 0..<3 { app.handle(.key(.end)) }
            #expect(app.render().text.contains(last), "\(last)\n\(app.render().text)")
        }
    }

    @Test("A grant imported without history and paid through a file: its submission and approval from its dates, then the payment")
    func importedThenPaid() throws {
        try withDemoApp(user: "j.bakker") { app in
            let store = app.env.store
            let debtor = SEPACreditTransfer.Debtor(name: "Gemeente Zaanstad", iban: try #require(IBAN("NL91ABNA0417164300")))
            let leader = Actor(user: "j.bakker", role: .teamleader)
            let batch = try #require(try store.preparePayments(debtor: debtor, by: leader, execution: CalendarDate(iso: "2026-11-23")!))
            try store.recordPayments(batch, by: leader)
            let lines = HouseholdOverview.timeline(try store.caseFile("hh-demo-0003"), steps: try store.householdRows("hh-demo-0003").grantSteps,
                                                   ctx: app.context(), width: 200)
                .map { $0.spans.map(\.text).joined() }.filter { $0.contains("gr-0003-2") }
            #expect(lines.count == 3, "\(lines)")
            #expect(lines.first?.contains("betaald in betaalbestand") == true)
            #expect(lines.contains { $0.contains("aanvraag ingediend") } && lines.contains { $0.contains("toegekend") })
        }
    }
}
