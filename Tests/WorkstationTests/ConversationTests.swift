import CaseStore
import Casework
import Foundation
import Terminal
import Testing
@testable import Workstation

@Suite("Conversations: typed, saved, never lost", .serialized)
struct ConversationTests {
    static func type(_ text: String, into app: App) { for c in text { app.handle(.key(.character(c))) } }
    static let note = "één gezin, één plan · € 650,00"

    /// Opens tab 3 of hh-demo-0001 and starts a new conversation with a question and a
    /// note under Financiën.
    static func startConversation(_ app: App) throws {
        try open("hh-demo-0001", in: app)
        app.handle(.key(.character("3")))
        #expect(app.state.household?.tab == .conversations)
        app.handle(.key(.character("a")))
        #expect(app.state.household?.conversations?.form?.field == .question)
        type("Sanne wil haar baan houden.", into: app)
        app.handle(.key(.tab))   // Financiën
        type(note, into: app)
    }

    @Test("A new conversation is saved with its areas of life and agreements; the draft goes")
    func save() throws {
        try withDemoApp { app in
            try Self.startConversation(app)
            // agreements: one per line
            for _ in 0..<15 { app.handle(.key(.tab)) }
            #expect(app.state.household?.conversations?.form?.field == .agreements)
            Self.type("Toeslag terugvragen | Sanne Jansen | 01-12-2026", into: app)
            app.handle(.key(.enter))
            Self.type("Budgetcursus aanmelden | r.westra | 15-12-2026 | klaar", into: app)
            app.handle(.key(.function(2)))
            #expect(app.state.message?.text == "Gesprek opgeslagen.")
            #expect(app.state.household?.conversations?.form == nil)
            let stored = try app.env.store.conversations(household: "hh-demo-0001")
            #expect(stored.count == 2)
            let saved = try #require(stored.last).conversation
            #expect(saved.date == referenceDay)
            #expect(saved.author == "r.westra")
            #expect(saved.present == ["Sanne Jansen", "Mila Jansen"])
            #expect(saved.question == "Sanne wil haar baan houden.")
            #expect(saved.domains.count == 1)
            #expect(saved.domains.first?.domain == .financien)
            #expect(saved.domains.first?.note == Self.note)
            #expect(saved.agreements == [Agreement(text: "Toeslag terugvragen", owner: "Sanne Jansen", due: CalendarDate(iso: "2026-12-01")),
                                         Agreement(text: "Budgetcursus aanmelden", owner: "r.westra", due: CalendarDate(iso: "2026-12-15"), done: true)])
            #expect(try app.env.store.draft(household: "hh-demo-0001", user: "r.westra") == nil)
            #expect(try app.env.store.auditTrail(household: "hh-demo-0001").last?.action == "conversation.add")
            // the open agreement shows on the overview
            app.handle(.key(.character("1")))
            #expect(app.render().text.contains("Sanne Jansen: Toeslag terugvragen"))
        }
    }

    @Test("A draft is written on a pause in typing and offered back exactly after a restart")
    func draftSurvivesACrash() throws {
        try withDemoApp { app in
            try Self.startConversation(app)
            app.handle(.tick)
            let draft = try #require(try app.env.store.draft(household: "hh-demo-0001", user: "r.westra"))
            #expect(draft.conversation.domains.first?.note == Self.note)
            #expect(draft.conversationId == nil)

            // The process dies here: a new app on the same store opens the household.
            let again = try restarted(app)
            try open("hh-demo-0001", in: again)
            #expect(again.state.household?.draftOffer != nil)
            #expect(again.render().text.contains("Niet-opgeslagen gesprek"))
            again.handle(.key(.enter))
            let form = try #require(again.state.household?.conversations?.form)
            #expect(again.state.household?.tab == .conversations)
            #expect(form.text(.question) == "Sanne wil haar baan houden.")
            #expect(form.text(.domain(.financien)) == Self.note)
            #expect(form.text(.date) == "23-11-2026")
        }
    }

    @Test("A half-typed date and agreements are kept in the draft as typed")
    func draftKeepsHalfTypedText() throws {
        try withDemoApp { app in
            try Self.startConversation(app)
            for _ in 0..<(ConversationForm.fields.count - 4) { app.handle(.key(.tab)) }  // to Datum
            #expect(app.state.household?.conversations?.form?.field == .date)
            for _ in 0..<10 { app.handle(.key(.backspace)) }
            Self.type("31-11", into: app)
            app.handle(.key(.tab))
            let again = try restarted(app)
            try open("hh-demo-0001", in: again)
            again.handle(.key(.enter))
            #expect(again.state.household?.conversations?.form?.text(.date) == "31-11")
            again.handle(.key(.function(2)))
            #expect(again.state.message?.text == "\"31-11\" is geen datum; schrijf dd-mm-jjjj.")
            #expect(again.state.household?.conversations?.form?.field == .date)
        }
    }

    @Test("F8 and a digit score the area of life, dated today; the overview shows it")
    func score() throws {
        try withDemoApp { app in
            try Self.startConversation(app)
            app.handle(.key(.function(8)))
            app.handle(.key(.character("3")))
            #expect(app.state.message?.text == "Financiën: 3 beperkt zelfredzaam, vandaag.")
            let scores = try app.env.store.caseFile("hh-demo-0001").lifeDomains.filter { $0.domain == .financien }
            #expect(scores.last?.score == 3)
            #expect(scores.last?.date == referenceDay)
            #expect(app.state.household?.file.lifeDomains.last?.score == 3)
            // the score key does not type: the note is unchanged
            #expect(app.state.household?.conversations?.form?.text(.domain(.financien)) == Self.note)
            app.handle(.key(.escape)); app.handle(.key(.character("d")))   // close, throw the draft away
            app.handle(.key(.character("1")))
            #expect(app.render().text.contains("3 beperkt zelfredzaam       23-11-2026"))
        }
    }

    @Test("Ctrl-E opens the field in $EDITOR and reads the result back")
    func externalEditor() throws {
        try withDemoApp { app in
            try Self.startConversation(app)
            let script = FileManager.default.temporaryDirectory.appendingPathComponent("kt-editor-\(UUID().uuidString).sh").path
            try "#!/bin/sh\nprintf '\\nToegevoegd in de editor' >> \"$1\"\n".write(toFile: script, atomically: true, encoding: .utf8)
            chmod(script, 0o700)
            defer { unlink(script) }
            // run by sh, not executed itself: a process another test forks at the moment the
            // script is written holds it open for writing, and exec would fail (ETXTBSY)
            setenv("EDITOR", "/bin/sh \(script)", 1)
            unsetenv("VISUAL")
            app.handle(.key(.control("e")))
            #expect(app.state.pendingEdit == Self.note)
            app.editPending(on: TestBackend(size: app.state.size))
            #expect(app.state.household?.conversations?.form?.text(.domain(.financien)) == Self.note + "\nToegevoegd in de editor",
                    "\(app.state.message?.text ?? "no message")")
            #expect(try app.env.store.draft(household: "hh-demo-0001", user: "r.westra")?.conversation.domains.first?.note
                    == Self.note + "\nToegevoegd in de editor")
        }
    }

    @Test("p prints a conversation as a Dutch text file")
    func print() throws {
        try withDemoApp { app in
            try open("hh-demo-0001", in: app)
            app.handle(.key(.character("3")))
            app.handle(.key(.character("p")))
            let message = try #require(app.state.message?.text)
            #expect(message.hasPrefix("Geschreven: "))
            let path = String(message.dropFirst("Geschreven: ".count))
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.hasPrefix("Keukentafelgesprek — Huishouden Jansen\nDatum: 20-11-2026"))
            #expect(text.contains("Afspraken\n---------\n- "))
            #expect(text.hasSuffix("Afgedrukt op 23-11-2026 door Roos Westra.\n"))
            #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
        }
    }

    @Test("Golden conversation list and form", arguments: ScreenTests.sizes)
    func golden(size: Size) throws {
        try withDemoApp(size: size) { app in
            try open("hh-demo-0002", in: app)
            app.handle(.key(.character("3")))
            try assertGolden(app, "conversations-0002-nl-\(size.width)x\(size.height)")
            app.handle(.key(.enter))
            app.handle(.key(.tab))          // Financiën, with its questions
            app.handle(.key(.control("t")))
            try assertGolden(app, "conversation-form-0002-nl-\(size.width)x\(size.height)")
        }
    }
}
