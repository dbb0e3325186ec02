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
