import CaseStore
import Casework
import Foundation
import Terminal
import Testing
@testable import Workstation

@Suite("Grants on the screen: request, review, letter")
struct GrantScreenTests {
    static let motivation = "Zonder opvang verliest Sanne haar baan; een jaar bijstand kost ruim € 12.000, deze gift houdt haar aan het werk."

    static func type(_ text: String, into app: App) { for c in text { app.handle(.key(.character(c))) } }

    static func go(to field: GrantRequestForm.Field, in app: App) {
        for _ in 0..<GrantRequestForm.Field.allCases.count where app.state.household?.grants?.form?.field != field { app.handle(.key(.tab)) }
    }

    /// A € 2.400,00 maatwerk request for hh-demo-0001, typed in the form (not submitted).
    static func typeRequest(_ app: App, motivation: String) throws {
        try open("hh-demo-0001", in: app)
        app.handle(.key(.character("4")))
        #expect(app.state.household?.tab == .decisions)
        app.handle(.key(.character("a")))
        go(to: .category, in: app); app.handle(.key(.character("k")))
        go(to: .amount, in: app); type("2.400,00", into: app)
        go(to: .payeeName, in: app); type("Kinderopvang De Zaan", into: app)
        go(to: .iban, in: app); type("NL91 ABNA 0417 1643 00", into: app)
        go(to: .reference, in: app); type("Jansen/2026-11", into: app)
        go(to: .goalShort, in: app); type("Sanne houdt haar baan", into: app)
        go(to: .motivation, in: app); type(motivation, into: app)
    }

    @Test("Refused without a motivation, submitted with one, approved by another team leader; the letter says it all")
    func requestReviewLetter() throws {
        try withDemoApp { app in
            try Self.typeRequest(app, motivation: "")
            app.handle(.key(.function(5))); app.handle(.key(.enter))   // submit, and yes
            #expect(app.state.message?.text == "Niet ingediend: Boven de norm is een motivering van minstens 80 tekens nodig; er staan er 0.")
            let draft = try #require(app.state.household?.grants?.form?.stored)
            #expect(draft.grant.status == .draft)
            Self.go(to: .motivation, in: app)
            Self.type(Self.motivation, into: app)
            app.handle(.key(.function(5))); app.handle(.key(.enter))
            #expect(app.state.message?.text == "\(draft.id) ingediend; hij wacht op de teamleider.")
            #expect(app.state.household?.grants?.form == nil)
            #expect(try app.env.store.grant(draft.id).grant.status == .submitted)

            // back to the caseload; F9 to the team leader (staff by name: Anouk, Jeroen, Roos, Samira)
            app.handle(.key(.escape))
            app.handle(.key(.function(6)))
            #expect(app.state.message?.text == "De beoordelingslijst is voor teamleiders.")
            for _ in 0..<3 { app.handle(.key(.function(9))) }
            #expect(app.env.staff.user == "j.bakker")
            app.handle(.key(.function(6)))
            #expect(app.state.screen == .review)
            let waiting = try #require(app.state.review?.items.map(\.grant.id))
            // by urgency date first (both 1 December; gr-0002-1 waits longest), then the new one without a date
            #expect(waiting == ["gr-0002-1", "gr-1", draft.id])
            app.handle(.key(.end))
            app.handle(.key(.enter))
            #expect(app.render().text.contains(String(Self.motivation.prefix(40))))
            // Approving: the letter's reasons come prefilled from the motivation, to edit; F2 decides.
            app.handle(.key(.character("g")))
            #expect(app.state.review?.reasons.text == Self.motivation)
            #expect(app.render().text.contains("Redenen in de brief aan de bewoner"))
            app.handle(.key(.enter))   // a new line in the reasons, not a decision
            #expect(try app.env.store.grant(draft.id).grant.status == .submitted)
            Self.type("Wij betalen de opvang voor een jaar.", into: app)
            app.handle(.key(.function(2)))
            #expect(app.state.message?.text == "\(draft.id) is goedgekeurd.")
            let approved = try app.env.store.grant(draft.id).grant
            #expect(approved.status == .approved)
            #expect(approved.decidedBy == "j.bakker")
            #expect(approved.decisionComment == nil)
            #expect(approved.letterReasons == Self.motivation + "\nWij betalen de opvang voor een jaar.")
            // list 3: approved, not yet paid — gr-0003-2 (22-11, past 24 hours) and the new one
            app.handle(.key(.character("3")))
            #expect(app.state.review?.items.map(\.grant.id).contains(draft.id) == true)
            #expect(app.render().text.contains(" !"))
            app.handle(.key(.escape))
            #expect(app.state.screen == .caseload)

            // the letter
            try open("hh-demo-0001", in: app)
            app.handle(.key(.character("4")))
            app.handle(.key(.end))
            app.handle(.key(.character("l")))
            let message = try #require(app.state.message?.text)
            let path = String(message.dropFirst("Besluitbrief geschreven: ".count))
            let letter = try String(contentsOfFile: path, encoding: .utf8)
            // A demo store's letter says on its first line that it is practice, never to be sent.
            #expect(letter.hasPrefix("DEMO — OEFENBRIEF, GEEN ECHT BESLUIT — NIET VERSTUREN\nGemeente Zaanstad\n"))
            #expect(letter.contains("€ 2.400,00"))
            #expect(letter.contains("zes weken"))
            #expect(letter.replacingOccurrences(of: "\n", with: " ").contains(Self.motivation))
        }
    }

    @Test("Nobody approves their own request, also as team leader")
    func fourEyes() throws {
        try withDemoApp(user: "j.bakker") { app in
            try Self.typeRequest(app, motivation: Self.motivation)
            app.handle(.key(.function(5))); app.handle(.key(.enter))
            let id = try #require(app.state.household?.grants?.list.last?.id)
            app.handle(.key(.escape))
            app.handle(.key(.function(6)))
            while app.state.review?.item(app.state.review!.selected)?.grant.id != id { app.handle(.key(.down)) }
            app.handle(.key(.enter))
            // g is not offered on one's own request; pressed anyway, it says why.
            #expect(!app.render().text.contains("g Goedkeuren"))
            app.handle(.key(.character("g")))
            #expect(app.state.message?.text == "U kunt een aanvraag die u zelf indiende niet goedkeuren (vier ogen).")
            #expect(app.state.review?.deciding == nil)
            #expect(try app.env.store.grant(id).grant.status == .submitted)
        }
    }

    @Test("An approved grant in the review queue is there to be looked at: no approve, reject or return on offer")
    func noDecisionOnApproved() throws {
        try withDemoApp(user: "j.bakker") { app in
            app.handle(.key(.function(6)))
            app.handle(.key(.character("3")))   // approved, not yet paid
            app.handle(.key(.enter))
            #expect(app.state.review?.open != nil)
            let bar = try #require(app.render().lines.last)
            #expect(!bar.contains("Goedkeuren") && !bar.contains("Afwijzen") && !bar.contains("Terugsturen"), "\(bar)")
            app.handle(.key(.character("g")))
            #expect(app.state.review?.deciding == nil)
        }
    }

    @Test("Golden request form and review queue", arguments: ScreenTests.sizes)
    func golden(size: Size) throws {
        try withDemoApp(user: "j.bakker", size: size) { app in
            try Self.typeRequest(app, motivation: "Kort.")
            try assertGolden(app, "grant-form-nl-\(size.width)x\(size.height)")
            app.handle(.key(.escape)); app.handle(.key(.escape)); app.handle(.key(.escape))   // asked, closed, back
            app.handle(.key(.function(6)))
            try assertGolden(app, "review-queue-nl-\(size.width)x\(size.height)")
        }
    }
}

@Suite("Evaluating a paid grant on the screen")
struct EvaluationScreenTests {
    @Test("v on a paid grant: j/d/n, h/g/l, the effect in words, Enter")
    func evaluate() throws {
        try withDemoApp(user: "r.westra") { app in
            try open("hh-demo-0003", in: app)
            app.handle(.key(.character("4")))
            // gr-0003-1 is paid, gr-0003-2 approved and unpaid
            app.handle(.key(.end))
            app.handle(.key(.character("v")))
            #expect(app.state.message?.text == "Evalueren kan op een betaalde aanvraag.")
            app.handle(.key(.home))
            app.handle(.key(.character("v")))
            app.handle(.key(.character("d")))
            app.handle(.key(.character("h")))
            for c in "Het gezin woont er nog" { app.handle(.key(.character(c))) }
            app.handle(.key(.enter))
            let grant = try app.env.store.grant("gr-0003-1").grant
            #expect(grant.status == .evaluated)
            #expect(grant.evaluation == Evaluation(shortTerm: .partly, participation: "Het gezin woont er nog", societalCost: .higher))
            #expect(app.state.message?.text == "Evaluatie van gr-0003-1 vastgelegd.")
        }
    }
}
