import CaseStore
import Casework
import Foundation
import Terminal
import Testing
@testable import Workstation

/// Withdrawing, a loan's terms and conditions in the form, the review screen's read-only
/// pages and the letter's reasons, and objections recorded and decided — on the screen.
@Suite("Grant decisions on the screen: withdrawal, loans, review pages, objections")
struct GrantDecisionScreenTests {
    static let grounds = "Het spaargeld is voor de uitvaart van tante 陈秀兰; Hélène vraagt om heroverweging."

    @Test("Del withdraws a draft after asking; it stays on record; a submitted request says why not")
    func withdraw() throws {
        try withDemoApp { app in
            try GrantScreenTests.typeRequest(app, motivation: GrantScreenTests.motivation)
            app.handle(.key(.function(2)))
            let draft = try #require(app.state.household?.grants?.list.last)
            #expect(draft.grant.status == .draft)
            app.handle(.key(.end))
            #expect(app.render().text.contains("Del Intrekken"))
            app.handle(.key(.delete))
            #expect(app.render().text.contains("Aanvraag intrekken"))
            app.handle(.key(.escape))                       // no: nothing changes
            #expect(try app.env.store.grant(draft.id).grant.status == .draft)
            app.handle(.key(.delete)); app.handle(.key(.enter))
            #expect(app.state.message?.text == "\(draft.id) is ingetrokken; hij blijft in het dossier.")
            #expect(try app.env.store.grant(draft.id).grant.status == .withdrawn)
            #expect(app.render().text.contains("ingetrokken"))
            app.handle(.key(.home))                         // gr-1, submitted
            app.handle(.key(.delete))
            #expect(app.state.message?.text == "Alleen een concept of een teruggestuurde aanvraag kan worden ingetrokken; deze is ingediend.")
        }
    }

    @Test("A loan's terms, the letter's text prefilled from the motivation, and conditions, saved with the draft")
    func loanForm() throws {
        try withDemoApp { app in
            try GrantScreenTests.typeRequest(app, motivation: GrantScreenTests.motivation)
            #expect(!app.render().text.contains("Aflossing p/m"))      // a gift has no terms
            GrantScreenTests.go(to: .form, in: app); app.handle(.key(.character("l")))
            GrantScreenTests.go(to: .loanInstalment, in: app); GrantScreenTests.type("100", into: app)
            // € 2.400,00 at € 100,00: 24 months, the last € 100,00
            #expect(app.render().text.contains("24 mnd, laatste € 100,00"))
            GrantScreenTests.go(to: .loanFirstMonth, in: app); GrantScreenTests.type("01-2027", into: app)
            GrantScreenTests.go(to: .letterText, in: app)
            #expect(app.state.household?.grants?.form?.letterText.text == GrantScreenTests.motivation)
            GrantScreenTests.go(to: .conditions, in: app); GrantScreenTests.type("Lever de factuur in | 31-01-2027", into: app)
            app.handle(.key(.function(2)))
            let saved = try #require(app.state.household?.grants?.list.last?.grant)
            #expect(saved.form == .loan)
            #expect(saved.loan == LoanTerms(monthlyInstalment: Money(cents: 10_000), firstMonth: CalendarDate(iso: "2027-01-01")!))
            #expect(saved.letterReasons == GrantScreenTests.motivation)
            #expect(saved.conditions == [Agreement(text: "Lever de factuur in", due: CalendarDate(iso: "2027-01-31"))])
            app.handle(.key(.end))
            #expect(app.render().text.contains("Lening: € 100,00 per maand, 24 maanden vanaf 01-2027"))
            #expect(app.render().text.contains("Voorwaarde: Lever de factuur in, uiterlijk 31-01-2027"))
        }
    }

    @Test("The review screen shows a loan's terms and the conditions; today's draagkracht leaves the request out, as at submission")
    func reviewLoanAndToday() throws {
        try withDemoApp(size: Size(width: 120, height: 60)) { app in
            try GrantScreenTests.typeRequest(app, motivation: GrantScreenTests.motivation)
            GrantScreenTests.go(to: .form, in: app); app.handle(.key(.character("l")))
            GrantScreenTests.go(to: .loanInstalment, in: app); GrantScreenTests.type("100", into: app)
            GrantScreenTests.go(to: .loanFirstMonth, in: app); GrantScreenTests.type("01-2027", into: app)
            GrantScreenTests.go(to: .conditions, in: app); GrantScreenTests.type("Lever de factuur in | 31-01-2027", into: app)
            app.handle(.key(.function(5))); app.handle(.key(.enter))
            #expect(app.state.message?.text.hasSuffix("ingediend; hij wacht op de teamleider.") == true, "\(app.state.message?.text ?? "")")
            app.handle(.key(.escape))
            for _ in 0..<3 { app.handle(.key(.function(9))) }
            #expect(app.env.staff.user == "j.bakker")
            app.handle(.key(.function(6)))
            app.handle(.key(.end)); app.handle(.key(.enter))
            let text = app.render().text
            #expect(text.contains("Lening: € 2.400,00, € 100,00 per maand, 24 maanden vanaf 01-2027 (laatste termijn € 100,00)"), "\(text)")
            #expect(text.contains("Voorwaarde (art. 55): Lever de factuur in, uiterlijk 31-01-2027"))
            // The same draagkracht at submission and now, and as much of it already used: nothing
            // changed in between, and the request does not count against itself.
            let lines = text.split(separator: "\n").map(String.init)
            let snapshot = try #require(lines.first { $0.contains("Draagkracht ") })
            let today = try #require(lines.first { $0.contains("Nu:") })
            let atSubmission = snapshot.components(separatedBy: "Draagkracht ")[1].components(separatedBy: " · te vergoeden")[0]
                .trimmingCharacters(in: .whitespaces)
            let now = today.components(separatedBy: "draagkracht ")[1].trimmingCharacters(in: .whitespaces)
            #expect(now == atSubmission, "\(snapshot)\n\(today)")
            #expect(!today.contains("2.400,00"))
        }
    }

    @Test("What the motivation marks Intern: is not in the letter's prefilled text, on the form nor when approving")
    func internalNotesStayOut() throws {
        try withDemoApp(size: Size(width: 120, height: 40)) { app in
            let motivation = GrantScreenTests.motivation + " Intern: Sanne is erg moe."
            try GrantScreenTests.typeRequest(app, motivation: motivation)
            GrantScreenTests.go(to: .letterText, in: app)
            #expect(app.state.household?.grants?.form?.letterText.text == GrantScreenTests.motivation)
            // Emptied again, so the reviewer's prefill comes from the motivation itself.
            for _ in 0..<200 { app.handle(.key(.backspace)) }
            #expect(app.state.household?.grants?.form?.letterText.isEmpty == true)
            GrantScreenTests.go(to: .amount, in: app)
            app.handle(.key(.function(5))); app.handle(.key(.enter))
            app.handle(.key(.escape))
            for _ in 0..<3 { app.handle(.key(.function(9))) }
            app.handle(.key(.function(6)))
            app.handle(.key(.end)); app.handle(.key(.enter))
            #expect(app.state.review?.openGrant?.motivation == motivation)
            app.handle(.key(.character("g")))
            #expect(app.state.review?.reasons.text == GrantScreenTests.motivation)
        }
    }

    @Test("At 80×24 the whole request is within reach: it says how much is below, and PgDn shows the motivation's last words")
    func requestScrolls() throws {
        try withDemoApp(user: "j.bakker", size: Size(width: 80, height: 24)) { app in
            app.handle(.key(.function(6)))
            app.handle(.key(.home)); app.handle(.key(.enter))
            let grant = try #require(app.state.review?.openGrant)
            #expect(app.render().text.contains("↓ nog "))
            let lastWords = String(grant.motivation.split(separator: " ").suffix(2).joined(separator: " "))
            #expect(!app.render().text.contains(lastWords))
            for _ in 0..<10 where !app.render().text.contains("einde") { app.handle(.key(.pageDown)) }
            #expect(app.render().text.contains("↑ einde"))
            #expect(app.render().text.replacingOccurrences(of: "\n  ", with: " ").contains(lastWords), "\(lastWords)\n\(app.render().text)")
        }
    }

    @Test("The review screen: the finances and the last conversation read-only, and back; approving edits the letter's reasons")
    func reviewPages() throws {
        try withDemoApp(user: "j.bakker") { app in
            app.handle(.key(.function(6)))
            app.handle(.key(.home)); app.handle(.key(.enter))
            #expect(app.state.review?.open != nil)
            app.handle(.key(.character("2")))
            var text = app.render().text
            #expect(text.contains("Financiën van") && text.contains("Inkomsten per maand") && text.contains("alleen lezen"))
            app.handle(.key(.character("3")))
            text = app.render().text
            #expect(text.contains("Laatste gesprek") && text.contains("Hulpvraag"))
            app.handle(.key(.character("1")))
            #expect(app.render().text.contains("Motivering"))
            // Approving offers the reasons, prefilled from the request, for the letter.
            let grant = try #require(app.state.review?.openGrant)
            app.handle(.key(.character("g")))
            #expect(app.state.review?.reasons.text == (grant.letterReasons.isEmpty ? grant.motivation : grant.letterReasons))
            app.handle(.key(.escape))
            #expect(app.state.review?.deciding == nil)
        }
    }

    @Test("An objection recorded on tab 4 (z), listed in review list 4 with its term, decided by a team leader who did not take the decision")
    func objection() throws {
        try withDemoApp(user: "j.bakker") { app in
            // gr-0004-2: approved under the mandate by s.elidrissi on Saturday 21 November 2026.
            try open("hh-demo-0004", in: app)
            app.handle(.key(.character("4")))
            app.handle(.key(.end))
            #expect(app.state.household?.grants?.selectedGrant?.id == "gr-0004-2")
            app.handle(.key(.character("z")))
            #expect(app.render().text.contains("Bezwaar ontvangen op 23-11-2026"))
            GrantScreenTests.type(Self.grounds, into: app)
            app.handle(.key(.enter))
            // Six weeks end Saturday 2 January 2027 → Monday 4 January; six more → Monday 15 February.
            #expect(app.state.message?.text == "Bezwaar tegen gr-0004-2 vastgelegd; de teamleider beslist uiterlijk 15-02-2027.")
            #expect(app.render().text.contains("Bezwaar ontvangen 23-11-2026: beslissen uiterlijk 15-02-2027"))
            app.handle(.key(.character("z")))
            #expect(app.state.message?.text == "Er loopt al een bezwaar tegen dit besluit; beslis eerst daarop.")
            app.handle(.key(.escape))

            app.handle(.key(.function(6)))
            app.handle(.key(.character("4")))
            #expect(app.state.review?.items.map(\.grant.id) == ["gr-0004-2"])
            app.handle(.key(.enter))
            let text = app.render().text
            #expect(text.contains("Beslissen uiterlijk 15-02-2027 (Awb 7:10), nog 84 dagen"))
            #expect(text.contains("e Beslissen"))
            app.handle(.key(.character("e")))
            #expect(app.render().text.contains("Uitkomst: g gegrond · o ongegrond · n niet-ontvankelijk"))
            app.handle(.key(.character("o")))
            GrantScreenTests.type("De bijdrage is juist berekend.", into: app)
            app.handle(.key(.function(2)))
            #expect(app.state.message?.text == "Bezwaar tegen gr-0004-2 ongegrond; de aanvraag is toegekend.")
            let after = try app.env.store.grant("gr-0004-2").grant
            #expect(after.status == .approved && after.objections.last?.outcome == .dismissed && after.objections.last?.decidedBy == "j.bakker")
            #expect(try app.env.store.reviewCount(.objections) == 0)
        }
    }

    @Test("Golden: the objections list, an objection being decided, the finances page, approving with reasons", arguments: ScreenTests.sizes)
    func golden(size: Size) throws {
        try withDemoApp(user: "j.bakker", size: size) { app in
            let stored = try app.env.store.grant("gr-0008-1")
            _ = try app.env.store.recordObjection(stored, received: CalendarDate(iso: "2026-11-20")!, grounds: Self.grounds, by: app.env.staff.actor)
            app.handle(.key(.function(6)))
            app.handle(.key(.character("4")))
            try assertGolden(app, "review-objections-nl-\(size.width)x\(size.height)")
            app.handle(.key(.enter)); app.handle(.key(.character("e"))); app.handle(.key(.character("o")))
            GrantScreenTests.type("De kosten kunnen uit het spaargeld van € 19.500,00 worden betaald.", into: app)
            try assertGolden(app, "review-objection-decide-nl-\(size.width)x\(size.height)")
            app.handle(.key(.escape)); app.handle(.key(.escape))
            app.handle(.key(.character("1"))); app.handle(.key(.home)); app.handle(.key(.enter))
            app.handle(.key(.character("2")))
            try assertGolden(app, "review-finances-nl-\(size.width)x\(size.height)")
            app.handle(.key(.character("1"))); app.handle(.key(.character("g")))
            try assertGolden(app, "review-approve-nl-\(size.width)x\(size.height)")
        }
    }
}
