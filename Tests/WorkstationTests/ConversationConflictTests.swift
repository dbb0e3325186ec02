import CaseStore
import Casework
import Foundation
import Terminal
import Testing
@testable import Workstation

/// The same conversation saved by two caseworkers: both texts stay in view, nothing typed is
/// lost, and only an explicit save goes over the other's — also after a crash.
@Suite("Two caseworkers, one conversation", .serialized)
struct ConversationConflictTests {
    static let roosNote = " Roos: bel Toeslagen maandag."
    static let samiraNote = "Samira: betalingsregeling met Zonnewijzer afgesproken."

    /// Opens hh-demo-0002's conversation and goes to its Financiën note.
    static func openConversation(_ app: App) throws {
        try open("hh-demo-0002", in: app)
        app.handle(.key(.character("3")))
        app.handle(.key(.enter))
        try #require(app.state.household?.conversations?.form?.field == .question)
    }

    /// Samira changes the location and adds a line to Financiën, and saves.
    static func samiraSaves(_ samira: App) throws {
        try openConversation(samira)
        samira.handle(.key(.backTab))
        ConflictTests.type(" / wijkcentrum", into: samira)
        samira.handle(.key(.tab))
        samira.handle(.key(.tab))
        samira.handle(.key(.enter))
        ConflictTests.type(samiraNote, into: samira)
        samira.handle(.key(.function(2)))
        #expect(samira.state.household?.conversations?.form == nil, "Samira's save failed: \(samira.state.message?.text ?? "")")
    }

    /// Roos adds to Financiën; Samira saves first; Roos's F2 is refused.
    static func conflict(_ roos: App) throws -> App {
        let samira = try ConflictTests.second(roos)
        try openConversation(roos)
        roos.handle(.key(.tab))
        ConflictTests.type(roosNote, into: roos)
        try samiraSaves(samira)
        roos.handle(.key(.function(2)))
        return samira
    }

    static func financien(_ app: App) throws -> String {
        try #require(try app.env.store.conversations(household: "hh-demo-0002").first).conversation.domains
            .first { $0.domain == .financien }?.note ?? ""
    }

    @Test("The stale save is refused; Roos's text stays, Samira's is shown below it; F6 merges; F2 saves over it, audited")
    func bothVisible() throws {
        try withDemoApp { roos in
            _ = try Self.conflict(roos)
            #expect(roos.state.message?.text == "Niet opgeslagen: Samira El Idrissi sloeg dit gesprek om 10:31 op.")
            let form = try #require(roos.state.household?.conversations?.form, "the form closed: what Roos typed is gone")
            #expect(form.text(.domain(.financien)).hasSuffix(Self.roosNote))
            #expect(form.conflict?.theirs?.version == 2)
            #expect(try Self.financien(roos).hasSuffix("\n" + Self.samiraNote))
            let screen = roos.render().text
            #expect(screen.contains("Versie van Samira El Idrissi, opgeslagen om 10:31 · alleen lezen"))
            #expect(screen.contains("Samira: betalingsregeling met Zonnewijzer"))
            #expect(screen.contains("maandag."))
            #expect(screen.contains("≠ Plaats"))                 // the other field that differs
            #expect(screen.contains("F2 Mijn versie opslaan") && screen.contains("Ctrl-O Hun tekst erbij"))

            roos.handle(.key(.control("o")))
            let merged = try #require(roos.state.household?.conversations?.form).text(.domain(.financien))
            #expect(merged.hasSuffix(Self.roosNote + "\n" + (try Self.financien(roos))))
            roos.handle(.key(.function(2)))
            #expect(roos.state.message?.text == "Gesprek opgeslagen, over de versie van Samira El Idrissi heen.")
            #expect(try Self.financien(roos) == merged)
            let stored = try #require(try roos.env.store.conversations(household: "hh-demo-0002").first)
            #expect(stored.conversation.location == "thuis")     // Roos's version, saved over Samira's on purpose
            let updates = try roos.env.store.auditTrail(household: "hh-demo-0002").filter { $0.action == "conversation.update" }
            #expect(updates.map(\.user) == ["s.elidrissi", "r.westra"])
            #expect(updates.last?.detail.hasSuffix("; saved knowingly over version 2 by s.elidrissi (2026-11-23T10:31:00+01:00), "
                                                   + "shown after a refused save") == true)
            #expect(try roos.env.store.draft(household: "hh-demo-0002", user: "r.westra") == nil)
        }
    }

    @Test("Esc, then d: Roos throws her version away and Samira's stays")
    func keepTheirs() throws {
        try withDemoApp { roos in
            _ = try Self.conflict(roos)
            roos.handle(.key(.escape))
            #expect(roos.render().text.contains("Mijn versie weggooien"))
            roos.handle(.key(.character("d")))
            #expect(roos.state.household?.conversations?.form == nil)
            #expect(try Self.financien(roos).hasSuffix(Self.samiraNote))
            #expect(try roos.env.store.auditTrail(household: "hh-demo-0002").filter { $0.action == "conversation.update" }.map(\.user)
                    == ["s.elidrissi"])
        }
    }

    @Test("A draft restored after a crash, of a conversation saved by someone else meanwhile, shows both versions")
    func restoredDraft() throws {
        try withDemoApp { roos in
            let samira = try ConflictTests.second(roos)
            try Self.openConversation(roos)
            roos.handle(.key(.tab))
            ConflictTests.type(Self.roosNote, into: roos)
            roos.handle(.tick)
            #expect(try roos.env.store.draft(household: "hh-demo-0002", user: "r.westra") != nil)
            // Roos's workstation dies here; Samira saves; Roos starts again.
            try Self.samiraSaves(samira)
            let again = try restarted(roos)
            try open("hh-demo-0002", in: again)
            again.handle(.key(.enter))
            let form = try #require(again.state.household?.conversations?.form)
            #expect(form.text(.domain(.financien)).hasSuffix(Self.roosNote))
            #expect(form.conflict?.theirs?.version == 2)
            #expect(again.state.message?.text.hasPrefix("Hersteld. Intussen sloeg Samira El Idrissi dit gesprek om 10:31 op.") == true)
            #expect(again.render().text.contains("Versie van Samira El Idrissi"))
            again.handle(.key(.function(2)))
            #expect(again.state.message?.text == "Gesprek opgeslagen, over de versie van Samira El Idrissi heen.")
            #expect(try Self.financien(again).hasSuffix(Self.roosNote))
        }
    }

    @Test("Golden: the conversation with both versions", arguments: [Language.nl, .en], ScreenTests.sizes)
    func golden(language: Language, size: Size) throws {
        try withDemoApp(language: language, size: size) { roos in
            _ = try Self.conflict(roos)
            try assertGolden(roos, "conversation-conflict-\(language.rawValue)-\(size.width)x\(size.height)")
        }
    }
}
