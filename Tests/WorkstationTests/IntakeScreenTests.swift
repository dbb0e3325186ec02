import CaseStore
import Casework
import Foundation
import Terminal
import Testing
@testable import Workstation

/// The intake at the kitchen table, through the app: typed as lines, saved in few keys,
/// never lost, never a family twice without a question.
@Suite("The intake")
struct IntakeScreenTests {
    @Test("Two adults, two children and an address in at most 12 keys besides the typed text; it lands on the overview")
    func keyCount() throws {
        try withDemoApp(user: "r.westra") { app in
            let keys = KeyCounter(app)
            keys.press(.character("n"))
            keys.type("Fatima Amrani 03-07-1990 123456782"); keys.press(.enter)
            keys.type("Peperstraat 14-2, 1502 AH Zaandam"); keys.press(.enter)
            keys.type("Karim Amrani 11-11-1988"); keys.press(.enter)
            keys.type("Yasmina Amrani 01-01-2016"); keys.press(.enter)
            keys.type("Adam Amrani 20-06-2020")
            keys.press(.function(2))
            #expect(keys.count <= 12, "the intake took \(keys.count) keys besides the typed text")
            #expect(keys.count == 6)
            let household = try #require(app.state.household, "the intake did not land on the household: \(app.render().text)")
            #expect(app.state.screen == .household && household.tab == .overview)
            let h = household.file.household
            #expect(h.name == "Huishouden Amrani" && h.caseworker == "r.westra")
            #expect(h.members.map(\.role) == [.applicant, .partner, .child, .child])
            #expect(h.address == Address(street: "Peperstraat 14-2", postcode: "1502 AH", city: "Zaandam"))
            #expect(app.state.message?.text == "Huishouden Amrani is ingenomen. Verder: 2 de financiën, 3 het gesprek, 5 het plan.")
            #expect(try app.env.store.auditTrail(household: household.id).map(\.action).prefix(2) == ["household.intake", "household.view"])
            #expect(try app.env.store.intakeDraft(user: "r.westra") == nil)
        }
    }

    @Test("What is typed is in the draft within a pause; a new workstation brings it back with n")
    func draftSurvives() throws {
        try withDemoApp(user: "r.westra") { app in
            app.handle(.key(.character("n")))
            for c in "Fatima Amrani 03-07-1990" { app.handle(.key(.character(c))) }
            app.handle(.key(.enter))
            for c in "Peperstraat 14" { app.handle(.key(.character(c))) }
            // The line change wrote the applicant at once; the pause writes the rest.
            #expect(try app.env.store.intakeDraft(user: "r.westra")?.intake.applicant == "Fatima Amrani 03-07-1990")
            // The debounce counts on the monotonic clock: past it, the next tick writes.
            Thread.sleep(forTimeInterval: ConversationsState.draftDelay + 0.05)
            app.handle(.tick)
            #expect(try app.env.store.intakeDraft(user: "r.westra")?.intake.address == "Peperstraat 14")
            // As after a kill: a new app on the same store, n again.
            let again = try restarted(app)
            again.handle(.key(.character("n")))
            #expect(again.state.intake?.intake.address == "Peperstraat 14")
            #expect(again.state.message?.text.hasPrefix("Uw inname van 2026-11-23 09:00 staat er weer") == true)
            // Esc asks; d throws it away.
            again.handle(.key(.escape))
            #expect(again.state.intake?.confirmLeave == true)
            again.handle(.key(.character("d")))
            #expect(again.state.screen == .caseload)
            #expect(try again.env.store.intakeDraft(user: "r.westra") == nil)
        }
    }

    @Test("A BSN already in an open household is shown before saving; Enter opens that one, F2 saves knowingly")
    func duplicate() throws {
        try withDemoApp(user: "r.westra") { app in
            let known = try app.env.store.caseFile("hh-demo-0001").household
            let bsn = try #require(known.applicant?.bsn?.digits)
            let before = try app.env.store.caseloadCount(CaseloadFilter())
            app.handle(.key(.character("n")))
            for c in "Sanne de Vries 12-04-1991 \(bsn)" { app.handle(.key(.character(c))) }
            app.handle(.key(.enter))
            for c in "Dorpsstraat 1, 1234 AB Ons Dorp" { app.handle(.key(.character(c))) }
            app.handle(.key(.function(2)))
            let found = try #require(app.state.intake?.duplicates)
            #expect(found.map(\.householdId) == ["hh-demo-0001"])
            #expect(app.render().text.contains("hh-demo-0001 Huishouden Jansen (r.westra): BSN van Sanne de Vries"))
            #expect(try app.env.store.caseloadCount(CaseloadFilter()) == before)
            app.handle(.key(.enter))
            #expect(app.state.household?.id == "hh-demo-0001")
            // The intake is still there; now saved knowingly.
            app.handle(.key(.escape))
            app.handle(.key(.character("n")))
            app.handle(.key(.function(2)))
            app.handle(.key(.function(2)))
            let id = try #require(app.state.household?.id)
            #expect(id != "hh-demo-0001")
            let intake = try #require(app.env.store.auditTrail(household: id).first)
            #expect(intake.detail.contains("went on knowingly despite possible duplicates: hh-demo-0001"))
        }
    }

    @Test("Ctrl-R gives a person another role; the mistakes of a line show once it is left")
    func roleAndMistakes() throws {
        try withDemoApp(user: "r.westra") { app in
            app.handle(.key(.character("n")))
            for c in "Opa Jansen 05-05-1950" { app.handle(.key(.character(c))) }
            app.handle(.key(.enter))
            for c in "Westzijde, 0506 EA Zaandam" { app.handle(.key(.character(c))) }
            #expect(!app.render().text.contains("geen postcode"))
            app.handle(.key(.enter))
            #expect(app.render().text.contains("0506 EA is geen postcode: een postcode begint niet met 0."))
            #expect(app.render().text.contains("Zet het huisnummer achter de straat."))
            for c in "Oma Jansen 06-06-1952" { app.handle(.key(.character(c))) }
            #expect(app.state.intake?.intake.roles(today: app.env.today).first == .partner)
            app.handle(.key(.control("r")))
            #expect(app.state.intake?.intake.roles(today: app.env.today).first == .child)
            app.handle(.key(.control("r")))
            #expect(app.state.intake?.intake.roles(today: app.env.today).first == .other)
        }
    }
}
