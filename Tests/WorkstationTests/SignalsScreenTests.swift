import CaseStore
import Casework
import Foundation
import Terminal
import Testing
@testable import Workstation

/// F12: the outreach queue on the demo store (sample-data/vroegsignalen.json, today 23-11-2026).
@Suite("The signals queue on the screen")
struct SignalsScreenTests {
    @Test("Crisis first, then the oldest; an attempt in three keys; a result closes the zaak; a signal nobody matched set aside")
    func queue() throws {
        try withDemoApp { app in
            app.handle(.key(.function(12)))
            #expect(app.state.screen == .signals)
            let queue = try #require(app.state.signals?.items)
            // The crisis rent signal of 19-11 (Verbeek) first; then 13-11 (Kok), 16-11 (Bakkal), 18-11 (nobody), 20-11 (De Wit).
            #expect(queue.map(\.crisis) == [true, false, false, false, false])
            #expect(queue.map(\.received.iso) == ["2026-11-19", "2026-11-13", "2026-11-16", "2026-11-18", "2026-11-20"])
            let text = app.render().text
            // Crisis of Thursday 19-11: three working days → Tuesday 24-11. Kok's of Friday 13-11: ten → Friday 27-11.
            #expect(text.contains("24-11-2026") && text.contains("27-11-2026"))
            #expect(text.contains("niet gekoppeld · 1503 BA"))

            let zaak = queue[0].id
            app.handle(.key(.character("a")))
            #expect(app.render().text.contains("Contactpoging: t telefoon · h huisbezoek"))
            app.handle(.key(.character("h")))
            app.handle(.key(.character("j")))
            #expect(app.state.message?.text == "Contactpoging op \(zaak) vastgelegd: huisbezoek, bereikt.")
            let stored = try app.env.store.signalCase(zaak).zaak
            #expect(stored.attempts == [ContactAttempt(kind: .huisbezoek, reached: true, date: CalendarDate(iso: "2026-11-23")!, partOfDay: .ochtend, by: "r.westra")])
            #expect(stored.pickedUp == CalendarDate(iso: "2026-11-23"))

            app.handle(.key(.character("e")))
            #expect(app.render().text.contains("Resultaat van de zaak"))
            for _ in 0..<2 { app.handle(.key(.down)) }     // the third: Vervolghulp en/of verwijzing financieel
            app.handle(.key(.enter))
            #expect(app.state.message?.text == "\(zaak) gesloten: Vervolghulp en/of verwijzing financieel.")
            #expect(app.state.signals?.items.count == 4)

            // The one nobody matched: a and e say what to do instead; Del sets it aside with a reason.
            while app.state.signals?.selectedUnmatched == nil { app.handle(.key(.down)) }
            app.handle(.key(.character("a")))
            #expect(app.state.message?.text == "Dit signaal hoort nog bij geen huishouden: n begint de intake.")
            app.handle(.key(.delete))
            app.handle(.key(.down))                         // onterecht signaal
            GrantScreenTests.type("Verhuisd naar Purmerend", into: app)
            app.handle(.key(.enter))
            #expect(app.state.message?.text == "VS-2026-1103: niet opgepakt: onterecht.")
            #expect(app.state.signals?.items.count == 3)
        }
    }

    @Test("n on a signal nobody matched: the intake filled in with what it knows; saved, the signal joins the new household")
    func intakeFromSignal() throws {
        try withDemoApp { app in
            app.handle(.key(.function(12)))
            while app.state.signals?.selectedUnmatched == nil { app.handle(.key(.down)) }
            app.handle(.key(.character("n")))
            #expect(app.state.screen == .intake)
            #expect(app.state.intake?.applicant.text == " 30-06-1979")
            #expect(app.state.intake?.address.text == " 7, 1503 BA")
            GrantScreenTests.type("Fatima el Amrani", into: app)         // before the birth date
            app.handle(.key(.tab))
            GrantScreenTests.type("Ploeg", into: app)                    // before the house number
            app.handle(.key(.end)); GrantScreenTests.type(" Zaandam", into: app)   // the place the signal does not know
            app.handle(.key(.function(2)))
            if app.state.intake?.duplicates != nil { app.handle(.key(.enter)) }
            #expect(app.state.screen == .household, "\(app.state.message?.text ?? "")\n\(app.render().text)")
            let id = try #require(app.state.household?.id)
            #expect(app.state.household?.file.household.address?.street == "Ploeg 7")
            let file = try app.env.store.caseFile(id)
            #expect(file.signals.map(\.id) == ["VS-2026-1103"])
            #expect(file.signals.first?.caseId != nil)
        }
    }

    @Test("Golden signals queue", arguments: ScreenTests.sizes)
    func golden(size: Size) throws {
        try withDemoApp(size: size) { app in
            app.handle(.key(.function(12)))
            app.handle(.key(.down))          // Kok and Chen Xiùlán 陈秀兰's zaak
            try assertGolden(app, "signals-queue-nl-\(size.width)x\(size.height)")
            app.handle(.key(.character("a")))
            try assertGolden(app, "signals-attempt-nl-\(size.width)x\(size.height)")
        }
    }
}
