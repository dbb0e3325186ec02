import CaseStore
import Casework
import Foundation
import Terminal
import Testing
@testable import Workstation

/// Another workstation's saves show on the next pause, and what is typed here stays.
@Suite("Screens that follow other workstations")
struct FollowingTests {
    static let samira = Actor(user: "s.elidrissi", role: .caseworker)

    @Test("A ledger line saved elsewhere is on the screen after a pause; the totals follow")
    func ledgerFollows() throws {
        try withDemoApp(size: Size(width: 120, height: 40)) { app in
            try open("hh-demo-0001", in: app)
            app.handle(.key(.character("2")))
            #expect(app.render().text.contains("per maand € 2.162,00"))
            _ = try app.env.store.addLedgerLine(.income(IncomeLine(label: "Bijbaan zaterdag", amount: Money(cents: 10_000),
                                                                   frequency: .month, kind: .salary)),
                                                household: "hh-demo-0001", by: Self.samira)
            #expect(!app.render().text.contains("Bijbaan zaterdag"))   // not before a pause
            app.handle(.tick)
            let text = app.render().text
            #expect(text.contains("Bijbaan zaterdag"))
            #expect(text.contains("per maand € 2.262,00"))             // 2162.00 + 100.00
        }
    }

    @Test("The line being edited here was changed elsewhere: said at once; what is typed stays")
    func formChangedUnderneath() throws {
        try withDemoApp(size: Size(width: 120, height: 40)) { app in
            try open("hh-demo-0001", in: app)
            app.handle(.key(.character("2")))
            app.handle(.key(.enter))                                   // edit "Salaris"
            app.handle(.key(.tab))
            app.handle(.key(.character("9")))
            let typed = app.state.household?.ledger?.form?.amount.text
            let salaris = try #require(try app.env.store.ledgerLines(household: "hh-demo-0001").first)
            _ = try app.env.store.updateLedgerLine(salaris, to: .income(IncomeLine(label: "Salaris", amount: Money(cents: 180_000),
                                                                                   frequency: .month, kind: .salary, member: "Sanne Jansen")),
                                                   by: Self.samira)
            app.handle(.tick)
            #expect(app.state.message?.text == "s.elidrissi heeft \"Salaris\" net gewijzigd; bij opslaan ziet u beide versies.")
            #expect(app.state.household?.ledger?.form?.amount.text == typed)
        }
    }

    @Test("A conversation open here, saved elsewhere: said at once")
    func conversationChangedUnderneath() throws {
        try withDemoApp(size: Size(width: 120, height: 40)) { app in
            try open("hh-demo-0001", in: app)
            app.handle(.key(.character("3")))
            app.handle(.key(.enter))                                   // open the first conversation
            try #require(app.state.household?.conversations?.form?.stored != nil)
            let stored = try #require(try app.env.store.conversations(household: "hh-demo-0001").first)
            var changed = stored.conversation
            changed.question += " (aangevuld)"
            _ = try app.env.store.updateConversation(stored, to: changed, by: Self.samira)
            app.handle(.tick)
            #expect(app.state.message?.text == "s.elidrissi heeft dit gesprek net opgeslagen; bij opslaan ziet u beide versies.")
            #expect(app.state.household?.conversations?.form != nil)
        }
    }

    @Test("The review queue shows a request submitted elsewhere after a pause")
    func reviewFollows() throws {
        try withDemoApp(user: "j.bakker", size: Size(width: 120, height: 40)) { app in
            app.handle(.key(.function(6)))
            let before = app.state.review?.count ?? -1
            let draft = try app.env.store.addGrantDraft(Grant(route: .custom, category: .energie, amount: Money(cents: 250_000),
                                                              payee: Payee(name: "Vattenfall", iban: "NL91ABNA0417164300", reference: "x"),
                                                              goalShort: "Geen afsluiting",
                                                              motivation: String(repeating: "Afsluiting in de winter met een kind is geen optie. ", count: 2)),
                                                        household: "hh-demo-0001", by: Actor(user: "r.westra", role: .caseworker))
            _ = try app.env.store.submitGrant(draft, by: Actor(user: "r.westra", role: .caseworker))
            app.handle(.tick)
            #expect(app.state.review?.count == before + 1)
        }
    }
}

/// A request being typed is kept every second and comes back after a kill; Esc asks first.
@Suite("The request form's draft")
struct GrantFormDraftTests {
    @Test("Typed, then the workstation is gone without saving: the next one opens the form again, whole")
    func offeredBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kt-gd-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try Store.createDemo(from: packageRoot.appendingPathComponent("sample-data").path, temporaryRoot: folder,
                                         clock: .fixed(Moment(iso: "2026-11-23T09:00:00+01:00")!))
        let env = AppEnvironment(store: store, staff: try store.staffMember("r.westra"), language: .nl, outputFolder: folder)
        let first = try App(env: env, size: Size(width: 120, height: 40))
        try open("hh-demo-0001", in: first)
        first.handle(.key(.character("4")))
        first.handle(.key(.character("a")))
        first.handle(.key(.tab)); first.handle(.key(.character("k")))            // kinderopvang
        first.handle(.key(.tab))
        for c in "2.400,5" { first.handle(.key(.character(c))) }                // not yet a valid amount
        let typed = try #require(first.state.household?.grants?.form)
        first.handle(.tick)                                                        // the pause writes the draft
        #expect(try store.grantFormDraft(household: "hh-demo-0001", user: "r.westra") != nil)
        // The first workstation is killed here: nothing more of it runs.

        let second = try App(env: env, size: Size(width: 120, height: 40))
        try open("hh-demo-0001", in: second)
        second.handle(.key(.character("4")))
        let back = try #require(second.state.household?.grants?.form)
        #expect(back.text(.amount) == "2.400,5")
        #expect(back.category == .kinderopvang)
        #expect(back.draftDocument == typed.draftDocument)
        #expect(second.state.message?.text.hasPrefix("Uw aanvraag van 2026-11-23 09:00 was nog niet bewaard") == true)

        // Esc asks first; a second Esc throws it away, draft and all.
        second.handle(.key(.escape))
        #expect(second.state.household?.grants?.form != nil)
        #expect(second.state.message?.text.contains("nog een keer Esc") == true)
        second.handle(.key(.escape))
        #expect(second.state.household?.grants?.form == nil)
        #expect(try store.grantFormDraft(household: "hh-demo-0001", user: "r.westra") == nil)
    }
}

@Suite("Marking paid by hand on the screen")
struct PaidByHandScreenTests {
    @Test("b asks first, saying the grant is in no payment file; Enter marks it; u takes it back; a caseworker may not")
    func askMarkUndo() throws {
        try withDemoApp(user: "j.bakker", size: Size(width: 120, height: 40)) { app in
            try open("hh-demo-0003", in: app)
            app.handle(.key(.character("4")))
            app.handle(.key(.end))                                     // gr-0003-2, approved, unpaid
            #expect(app.state.household?.grants?.selectedGrant?.id == "gr-0003-2")
            app.handle(.key(.character("b")))
            let text = app.render().text
            #expect(text.contains("Op betaald zetten"))
            #expect(text.contains("staat in geen betaalbestand"))
            #expect(try app.env.store.grant("gr-0003-2").grant.status == .approved)   // nothing yet
            app.handle(.key(.enter))
            #expect(try app.env.store.grant("gr-0003-2").grant.status == .paid)
            #expect(app.state.message?.text == "gr-0003-2 staat op betaald; u zet dat terug.")
            app.handle(.key(.character("u")))
            #expect(try app.env.store.grant("gr-0003-2").grant.status == .approved)
        }
        try withDemoApp(user: "r.westra", size: Size(width: 120, height: 40)) { app in
            try open("hh-demo-0003", in: app)
            app.handle(.key(.character("4")))
            app.handle(.key(.end))
            app.handle(.key(.character("b")))
            #expect(app.state.message?.text == "Op betaald zetten doet een teamleider.")
            #expect(try app.env.store.grant("gr-0003-2").grant.status == .approved)
        }
    }
}

@Suite("The review screen complete")
struct ReviewDetailTests {
    @Test("Gift or loan, the long-term goal, the business-case lines and today's figures beside those at submission")
    func detail() throws {
        try withDemoApp(user: "j.bakker", size: Size(width: 120, height: 40), clock: .fixed(Moment(iso: "2026-12-01T09:00:00+01:00")!)) { app in
            app.handle(.key(.function(6)))
            let id = try #require(app.state.review?.items.first { $0.grant.id == "gr-1" }.map(\.grant.id))
            for _ in 0..<(app.state.review?.count ?? 0) where app.state.review.flatMap({ $0.item($0.selected) })?.grant.id != id { app.handle(.key(.down)) }
            app.handle(.key(.enter))
            let text = app.render().text
            #expect(text.contains("Gift · aan Kinderopvang De Zaan"))
            // Sanne on 2026-12-01: 1750.00 − 150.00 = 1600.00 against 1561.41
            #expect(text.contains("Nu: getoetst inkomen € 1.600,00, grens € 1.561,41"))
            // gr-1 came in on 2026-11-21: eight weeks later is Saturday 2027-01-16, so Monday
            // 2027-01-18; from 2026-12-01 that is 48 days.
            #expect(text.contains("Beslistermijn (Awb 4:13): uiterlijk 18-01-2027, nog 48 dagen"))
        }
    }
}
