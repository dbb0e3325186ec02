import CaseStore
import Casework
import Foundation
import Terminal
import Testing
@testable import Workstation

/// Two caseworkers at once (docs/reliability.md): two caseworkers on one store edit the same ledger line and the same
/// conversation. The second save is refused, the second caseworker keeps what they typed
/// and sees the other version beside it, and only an explicit second save goes over it —
/// recorded in the audit trail. Nothing is lost either way.
@Suite("Two caseworkers, one line, one conversation", .serialized)
struct ConflictTests {
    static let samiraSaves = "2026-11-23T10:31:00+01:00"

    /// A second workstation on the same store file, as `user`: its own store object (its own
    /// connections, as a second process has), with its clock at 10:31.
    static func second(_ app: App, user: String = "s.elidrissi") throws -> App {
        let moment = try #require(Moment(iso: samiraSaves))
        let store = try Store.open(at: app.env.store.location, kind: .demo, clock: .fixed(moment))
        let env = AppEnvironment(store: store, staff: try store.staffMember(user), language: app.env.language,
                                 outputFolder: app.env.outputFolder)
        return try App(env: env, size: app.state.size)
    }

    static func type(_ text: String, into app: App) { for c in text { app.handle(.key(.character(c))) } }

    /// Opens hh-demo-0001's ledger, edits Salaris and types `amount` (not yet saved).
    static func editSalary(_ app: App, to amount: String) throws {
        try open("hh-demo-0001", in: app)
        app.handle(.key(.character("2")))
        app.handle(.key(.enter))
        app.handle(.key(.tab))
        for _ in 0..<12 { app.handle(.key(.backspace)) }
        type(amount, into: app)
        #expect(app.state.household?.ledger?.form?.amount.text == amount)
    }

    /// Roos (r.westra) and Samira (s.elidrissi) both edit Salaris; Samira saves 1.700 first;
    /// Roos's Enter for 1.800 is refused.
    static func ledgerConflict(_ roos: App) throws -> App {
        let samira = try second(roos)
        try editSalary(roos, to: "1800")
        try editSalary(samira, to: "1700")
        samira.handle(.key(.enter))
        #expect(samira.state.message?.isError == false && samira.state.household?.ledger?.form == nil, "Samira's save failed")
        roos.handle(.key(.enter))
        return samira
    }

    @Test("Ledger: the stale save is refused; the typed line stays, theirs is shown by name and time; Enter saves over it, audited")
    func ledgerLine() throws {
        try withDemoApp { roos in
            _ = try Self.ledgerConflict(roos)
            let message = try #require(roos.state.message)
            #expect(message.isError)
            #expect(message.text == "Niet bewaard: Samira El Idrissi wijzigde \"Salaris\" om 10:31.")
            let form = try #require(roos.state.household?.ledger?.form, "the form closed: what Roos typed is gone")
            #expect(form.amount.text == "1800")
            #expect(form.conflict?.theirs?.entry.amount == Money(cents: 170_000))
            #expect(try roos.env.store.ledgerLines(household: "hh-demo-0001").first?.entry.amount == Money(cents: 170_000))
            let screen = roos.render().text
            #expect(screen.contains("Nu opgeslagen door Samira El Idrissi om 10:31:"))
            #expect(screen.contains("Salaris · € 1.700,00 maand · loon"))
            #expect(screen.contains("Samira: € 1.700,00"))      // beside the amount typed, the one that differs
            #expect(!screen.contains("Samira: Salaris"))       // the label is the same: no note
            #expect(screen.contains("Enter Mijn versie bewaren") && screen.contains("Esc Hun versie houden"))

            // Typing goes on in the form; then Enter saves Roos's line over Samira's, knowingly.
            roos.handle(.key(.backspace))
            Self.type("5", into: roos)
            roos.handle(.key(.enter))
            #expect(roos.state.message?.text == "Bewaard: Salaris, over de versie van Samira El Idrissi heen.")
            #expect(roos.state.household?.ledger?.form == nil)
            #expect(try roos.env.store.ledgerLines(household: "hh-demo-0001").first?.entry.amount == Money(cents: 180_500))
            let updates = try roos.env.store.auditTrail(household: "hh-demo-0001").filter { $0.action == "ledger.update" }
            #expect(updates.map(\.user) == ["s.elidrissi", "r.westra"])
            #expect(updates.first?.detail == "income 'Salaris': amount: \"1750.00\" → \"1700.00\"")
            #expect(updates.last?.detail == "income 'Salaris': amount: \"1700.00\" → \"1805.00\"; saved knowingly over version 2 by "
                    + "s.elidrissi (2026-11-23T10:31:00+01:00), shown after a refused save")
        }
    }

    @Test("Ledger: Esc after the refusal keeps theirs, and nothing of Roos's is saved")
    func ledgerKeepTheirs() throws {
        try withDemoApp { roos in
            _ = try Self.ledgerConflict(roos)
            roos.handle(.key(.escape))
            #expect(roos.state.household?.ledger?.form == nil)
            #expect(try roos.env.store.ledgerLines(household: "hh-demo-0001").first?.entry.amount == Money(cents: 170_000))
            #expect(try roos.env.store.auditTrail(household: "hh-demo-0001").filter { $0.action == "ledger.update" }.map(\.user)
                    == ["s.elidrissi"])
            // The list behind shows Samira's amount.
            #expect(roos.render().text.contains("€ 1.700,00"))
        }
    }

    @Test("Ledger: a line deleted meanwhile is named; Enter puts the typed version back as a new line")
    func ledgerDeletedMeanwhile() throws {
        try withDemoApp { roos in
            let samira = try Self.second(roos)
            try Self.editSalary(roos, to: "1800")
            let salary = try #require(try samira.env.store.ledgerLines(household: "hh-demo-0001").first)
            try samira.env.store.deleteLedgerLine(salary, by: samira.env.actor)
            roos.handle(.key(.enter))
            #expect(roos.state.message?.text.hasPrefix("Niet bewaard: \"Salaris\" is intussen gewist;") == true)
            #expect(roos.state.household?.ledger?.form?.amount.text == "1800")
            #expect(roos.render().text.contains("Deze regel is intussen gewist."))
            roos.handle(.key(.enter))
            let lines = try roos.env.store.ledgerLines(household: "hh-demo-0001").filter { $0.entry.label == "Salaris" }
            #expect(lines.map(\.entry.amount) == [Money(cents: 180_000)])
        }
    }

    @Test("Ledger: deleting a line someone changed meanwhile is refused with their name; the list shows their version")
    func ledgerDeleteRefused() throws {
        try withDemoApp { roos in
            let samira = try Self.second(roos)
            try open("hh-demo-0001", in: roos)
            roos.handle(.key(.character("2")))
            try Self.editSalary(samira, to: "1700")
            samira.handle(.key(.enter))
            roos.handle(.key(.delete))
            roos.handle(.key(.enter))
            #expect(roos.state.message?.text.hasPrefix("Niet gewist: Samira El Idrissi wijzigde \"Salaris\" om 10:31.") == true)
            #expect(roos.state.household?.ledger?.confirmDelete == nil)
            #expect(roos.state.household?.ledger?.lines.first?.entry.amount == Money(cents: 170_000))
            #expect(try roos.env.store.ledgerLines(household: "hh-demo-0001").first?.entry.amount == Money(cents: 170_000))
        }
    }

    @Test("Golden: the ledger form with both versions", arguments: [Language.nl, .en], ScreenTests.sizes)
    func ledgerGolden(language: Language, size: Size) throws {
        try withDemoApp(language: language, size: size) { roos in
            _ = try Self.ledgerConflict(roos)
            try assertGolden(roos, "ledger-conflict-\(language.rawValue)-\(size.width)x\(size.height)")
        }
    }
}
