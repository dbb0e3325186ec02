import CaseStore
import Casework
import Foundation
import Terminal
import Testing
@testable import Workstation

/// The law as data where a caseworker sees it: the table named, the youth raise, draagkracht
/// set to nothing in WSNP, vermogen above the limit, the policy in help, what is left of the
/// period in the grant form — all on today (2026-12-01), not on the files' reference date.
@Suite("The law and the policy on the screen")
struct LawOnScreenTests {
    static let december = WallClock.fixed(Moment(iso: "2026-12-01T09:00:00+01:00")!)

    static func ledger(_ id: String, user: String = "s.elidrissi", _ body: (App, String) throws -> Void) throws {
        try withDemoApp(user: user, size: Size(width: 120, height: 40), clock: december) { app in
            try open(id, in: app)
            app.handle(.key(.character("2")))
            try body(app, app.render().text)
        }
    }

    @Test("Loïs: the table of 01-07-2026, her norm raised by art. 20 lid 3 and for whom")
    func youthRaise() throws {
        try Self.ledger("hh-demo-0004") { _, text in
            #expect(text.contains("Norm (tabel 01-07-2026)"))
            #expect(text.contains("+ art. 20 lid 3 (Loïs de Wit)"))
            // 350.42 + 762.24 = 1112.66; × 1.1 = 1223.926 → 1223.93
            #expect(text.contains("€ 762,24"))
            #expect(text.contains("€ 1.112,66"))
            #expect(text.contains("€ 1.223,93"))
            #expect(!text.contains("ouder dan zes maanden"))
        }
    }

    @Test("The Bakkals in WSNP: no draagkracht, and the screen says why")
    func wsnp() throws {
        try Self.ledger("hh-demo-0003", user: "r.westra") { _, text in
            // The sentence wraps in the panel.
            #expect(text.contains("Geen draagkracht: het huishouden zit in de"))
            #expect(text.contains("WSNP of een minnelijke regeling (beleid)."))
        }
    }

    @Test("The Van der Meers: vermogen in its own section, above the limit it counts in full")
    func vermogen() throws {
        try Self.ledger("hh-demo-0008") { app, text in
            #expect(text.contains("Vermogen"))
            #expect(text.contains("samen € 19.500,00"))
            // 19500.00 − 16000.00 = 3500.00; 2325.36 + 3500.00 = 5825.36
            #expect(text.contains("€ 3.500,00"))
            #expect(text.contains("€ 5.825,36"))
            // F1 shows the policy the figures come from, read-only.
            app.handle(.key(.function(1)))
            let help = app.render().text
            #expect(help.contains("Beleid (versie 0, vanaf 01-01-2024)"))
            #expect(help.contains("Vermogensgrens (art. 34)"))
        }
    }

    @Test("A second request in the period: the form shows what the first took and what is left")
    func periodInTheForm() throws {
        try withDemoApp(user: "r.westra", size: Size(width: 120, height: 40), clock: Self.december) { app in
            // A first request of € 300,00 submitted and approved under the mandate on 2026-12-01:
            // Sanne's draagkracht 758.28 over 12 months; it takes min(300.00, 758.28) = 300.00.
            let store = app.env.store
            let first = try store.addGrantDraft(Grant(route: .custom, category: .energie, amount: Money(cents: 30_000),
                                                      payee: Payee(name: "Vattenfall", iban: "NL91ABNA0417164300", reference: "x"),
                                                      goalShort: "Geen afsluiting",
                                                      motivation: String(repeating: "Energie is nodig voor het gezin; afsluiting dreigt. ", count: 2)),
                                                household: "hh-demo-0001", by: app.env.actor)
            let submitted = try store.submitGrant(first, by: app.env.actor)
            #expect(submitted.grant.snapshot?.draagkrachtTaken == Money(cents: 30_000))
            try open("hh-demo-0001", in: app)
            app.handle(.key(.character("4")))
            app.handle(.key(.character("a")))
            let text = app.render().text
            #expect(text.contains("Draagkracht 12 mnd € 758,28"))
            #expect(text.contains("Al gebruikt € 300,00"))
            // 758.28 − 300.00 = 458.28
            #expect(text.contains("Nog over € 458,28"))
        }
    }
}
