import Casework
import Foundation
import Terminal
import Testing
@testable import CaseStore
@testable import Workstation

/// The disk fills while a caseworker types (simulated: the store capped at the pages it
/// holds, `Store.simulateFullDisk`). What was typed stays in the form, the status line says
/// what happened and that the text is kept, the draft is tried again on every pause, and
/// when there is room the draft and then the conversation reach the store.
@Suite("A full disk while typing", .serialized)
struct FullDiskTests {
    static let full = "De schijf is vol: uw tekst blijft staan en wordt opgeslagen zodra er ruimte is."
    /// About 9 kB: more than any free room in the store's pages, so it needs new ones.
    static let paste = String(repeating: "Sanne vertelt over de schulden, de opvang en de huur. ", count: 170)

    @Test("A conversation note: kept in the editor, the sentence on the status line, retried on ticks, saved when room returns")
    func conversationNote() throws {
        try withDemoApp { app in
            let store = app.env.store
            try ConversationTests.startConversation(app)
            app.handle(.tick)
            #expect(try store.draft(household: "hh-demo-0001", user: "r.westra")?.conversation.domains.first?.note == ConversationTests.note)

            try store.simulateFullDisk(true)
            app.handle(.paste(Self.paste))
            app.handle(.key(.character("x")))
            app.handle(.tick)
            let typed = ConversationTests.note + Self.paste + "x"
            #expect(app.state.message == StatusMessage(Self.full, isError: true))
            #expect(app.state.household?.conversations?.form?.text(.domain(.financien)) == typed)
            #expect(app.state.household?.conversations?.form?.dirty == true)
            #expect(app.hasUnsavedTyping)    // the loop wakes up after a quarter second to try again
            #expect(try store.draft(household: "hh-demo-0001", user: "r.westra")?.conversation.domains.first?.note == ConversationTests.note)

            // A key clears the status line, but the warning stays while the text is not stored.
            app.handle(.key(.character("y")))
            #expect(app.render().text.contains(Self.full))
            for _ in 0..<3 {
                app.handle(.tick)
                #expect(app.state.message?.text == Self.full)
            }
            // F2 on a full disk: refused with the reason, the form and its text stay.
            app.handle(.key(.function(2)))
            #expect(app.state.message?.text == StoreError.full(path: store.location.path).message(in: .nl))
            #expect(app.state.household?.conversations?.form?.text(.domain(.financien)) == typed + "y")
            #expect(try store.conversations(household: "hh-demo-0001").count == 1)

            try store.simulateFullDisk(false)
            app.handle(.tick)
            #expect(app.state.message?.text == "Er is weer ruimte: het concept is opgeslagen.")
            #expect(app.state.household?.conversations?.form?.dirty == false)
            #expect(try store.draft(household: "hh-demo-0001", user: "r.westra")?.conversation.domains.first?.note == typed + "y")
            #expect(!app.render().text.contains(Self.full))
            app.handle(.key(.function(2)))
            #expect(app.state.message?.text == "Gesprek opgeslagen.")
            let saved = try store.conversations(household: "hh-demo-0001")
            #expect(saved.count == 2)
            #expect(saved.last?.conversation.domains.first?.note == typed + "y")
            #expect(try store.draft(household: "hh-demo-0001", user: "r.westra") == nil)
        }
    }

    @Test("Tab to the next field on a full disk: the key is not lost with the draft")
    func fieldChange() throws {
        try withDemoApp { app in
            try ConversationTests.startConversation(app)
            try app.env.store.simulateFullDisk(true)
            app.handle(.paste(Self.paste))
            app.handle(.key(.tab))           // a change of field writes the draft: it fails
            #expect(app.state.message?.text == Self.full)
            #expect(app.state.household?.conversations?.form?.field == .domain(.werkOpleiding))
            ConversationTests.type("Zoekt werk.", into: app)
            #expect(app.state.household?.conversations?.form?.text(.domain(.werkOpleiding)) == "Zoekt werk.")
            #expect(app.state.household?.conversations?.form?.text(.domain(.financien)) == ConversationTests.note + Self.paste)
        }
    }

    @Test("A ledger line on a full disk: refused with the sentence, the form keeps what was typed; saved when room returns")
    func ledgerLine() throws {
        try withDemoApp { app in
            let store = app.env.store
            try open("hh-demo-0001", in: app)
            app.handle(.key(.character("2")))
            let label = "Bijbaan bij de bakker op zaterdag en zondag"
            try store.simulateFullDisk(true)
            // The disk fills up: the same line, saved again and again, until nothing fits (a
            // small row can still fit in a page's free room; the cap only stops new pages).
            let line = LedgerEntry.income(IncomeLine(label: label, amount: Money(cents: 123_456), frequency: .fourWeeks, kind: .salary))
            var filled = 0
            fill: while filled < 1_000 {
                do {
                    _ = try store.addLedgerLine(line, household: "hh-demo-0001", by: app.env.staff.actor)
                    filled += 1
                } catch StoreError.full {
                    break fill
                }
            }
            try #require(filled < 1_000, "the store never filled up")
            let lines = try store.ledgerLines(household: "hh-demo-0001").count
            app.handle(.key(.character("a")))
            ConversationTests.type(label, into: app)
            app.handle(.key(.tab))
            ConversationTests.type("1.234,56", into: app)
            app.handle(.key(.tab))
            app.handle(.key(.character("v")))
            app.handle(.key(.enter))
            #expect(app.state.message?.text == StoreError.full(path: store.location.path).message(in: .nl))
            let form = try #require(app.state.household?.ledger?.form)
            #expect(form.label.text == label)
            #expect(form.amount.text == "1.234,56")
            #expect(form.frequency == .fourWeeks)
            #expect(try store.ledgerLines(household: "hh-demo-0001").count == lines)

            try store.simulateFullDisk(false)
            app.handle(.key(.enter))
            #expect(app.state.message?.text == "Bewaard: \(label). Typ de volgende regel, of Esc.")
            #expect(try store.ledgerLines(household: "hh-demo-0001").count == lines + 1)
        }
    }
}
