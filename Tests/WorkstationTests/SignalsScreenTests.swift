import CaseStore
import Casework
import Foundation
import Terminal
import Testing
@testable import Workstation

/// F12: the outreach queue on the demo store (sample-data/vroegsignalen.json, today 23-11-2026).
@Suite("The signals queue on the screen")
struct SignalsScreenTests {
    @Test("Crisis first, then the oldest; an attempt in four keys, or with another day and part of the day; a result closes the zaak; a signal nobody matched set aside")
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
            // Today and this part of the day are offered; Enter records them.
            #expect(app.render().text.contains("Datum: 23-11-2026") && app.render().text.contains("Dagdeel: ochtend"))
            app.handle(.key(.enter))
            #expect(app.state.message?.text == "Contactpoging op \(zaak) vastgelegd: huisbezoek, bereikt.")
            // Yesterday's phone call in the evening: the day typed over, ↑ for the part of the day.
            for c in "at" { app.handle(.key(.character(c))) }
            app.handle(.key(.character("n")))
            for _ in 0..<10 { app.handle(.key(.backspace)) }
            GrantScreenTests.type("22-11-2026", into: app)
            app.handle(.key(.up))
            app.handle(.key(.enter))
            let stored = try app.env.store.signalCase(zaak).zaak
            #expect(stored.attempts == [ContactAttempt(kind: .huisbezoek, reached: true, date: CalendarDate(iso: "2026-11-23")!, partOfDay: .ochtend, by: "r.westra"),
                                        ContactAttempt(kind: .telefoon, reached: false, date: CalendarDate(iso: "2026-11-22")!, partOfDay: .avond, by: "r.westra")])
            #expect(stored.pickedUp == CalendarDate(iso: "2026-11-22"))
            // A day before the zaak's first signal is refused with the reason, and nothing is recorded.
            for c in "atn" { app.handle(.key(.character(c))) }
            for _ in 0..<10 { app.handle(.key(.backspace)) }
            GrantScreenTests.type("01-11-2026", into: app)
            app.handle(.key(.enter))
            #expect(app.state.message?.text.hasPrefix("Een contactpoging op 01-11-2026 kan niet: de zaak begint op 19-11-2026") == true)
            #expect(try app.env.store.signalCase(zaak).zaak.attempts.count == 2)

            app.handle(.key(.character("e")))
            #expect(app.render().text.contains("Resultaat van de zaak"))
            for _ in 0..<2 { app.handle(.key(.down)) }     // the third: Vervolghulp en/of verwijzing financieel
            app.handle(.key(.enter))
            #expect(app.state.message?.text == "\(zaak) gesloten: Vervolghulp en/of verwijzing financieel.")
            #expect(app.state.signals?.items.count == 4)

            // The one nobody matched: a and e say what to do instead; Del sets it aside with a reason.
            // A zaak with one waiting signal: Del says that the result (e) sets it aside.
            app.handle(.key(.delete))
            #expect(app.state.message?.text == "Deze zaak heeft één wachtend signaal: e sluit de zaak, ook als niet opgepakt.")
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

    @Test("Not picked up, other reason: the result asks for the reason and records it with the signals")
    func notPickedUpWithReason() throws {
        try withDemoApp { app in
            app.handle(.key(.function(12)))
            app.handle(.key(.down))                          // Kok's zaak, nobody tried yet
            let zaak = try #require(app.state.signals?.selectedZaak)
            app.handle(.key(.character("e")))
            while app.state.signals.map({ if case .result(let i, _) = $0.mode { SignalCaseResult.allCases[i] != .otherReason } else { false } }) == true {
                app.handle(.key(.down))
            }
            #expect(app.render().text.contains("Reden:"))
            app.handle(.key(.enter))
            #expect(app.state.message?.text == "Schrijf de andere reden erbij.")
            GrantScreenTests.type("Bewindvoerder regelt het", into: app)
            app.handle(.key(.enter))
            #expect(app.state.message?.text == "\(zaak) gesloten: Niet opgepakt: andere reden.")
            let file = try app.env.store.caseFile(try app.env.store.signalCase(zaak).householdId)
            #expect(file.signals.filter { $0.caseId == zaak }.allSatisfy { $0.status == .otherReason && $0.reason == "Bewindvoerder regelt het" })
        }
    }

    @Test("A crisis signal of Friday 20-11 is due Wednesday 25-11: not overdue on that day, overdue (!) the day after", arguments: [
        ("2026-11-25T17:00:00+01:00", false), ("2026-11-26T08:30:00+01:00", true),
    ])
    func crisisOverdue(now: String, overdue: Bool) throws {
        try withDemoApp(size: Size(width: 120, height: 30), clock: .fixed(Moment(iso: now)!)) { app in
            _ = try app.env.store.addSignal(Signal(partner: .huur, creditor: "Parteon", amount: Money(euros: 2_100), received: CalendarDate(iso: "2026-11-20"),
                                                   crisis: true), household: "hh-demo-0001", by: Actor(user: "r.westra", role: .caseworker))
            app.handle(.key(.function(12)))
            let row = try #require(app.render().text.split(separator: "\n").first { $0.contains("Jansen") })
            #expect(row.contains("25-11-2026"))
            #expect(row.contains("25-11-2026 !") == overdue, "\(row)")
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
            for c in "hj" { app.handle(.key(.character(c))) }
            try assertGolden(app, "signals-attempt-day-nl-\(size.width)x\(size.height)")
        }
    }
}
