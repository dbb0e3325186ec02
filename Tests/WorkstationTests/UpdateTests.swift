import CaseStore
import Casework
import Foundation
import GRDB
import Terminal
import Testing
@testable import Workstation

/// Key sequences replayed through `handle`, without a terminal.
@Suite("Replayed key sequences")
struct UpdateTests {
    @Test("The caseload starts with the caseworker's own households; F4 shows all")
    func scope() throws {
        try withDemoApp { app in
            // r.westra has 0001, 0002, 0003, 0007 and 0009 in the sample data
            #expect(app.state.caseload.count == 5)
            #expect(app.state.caseload.rows.map(\.id) == ["hh-demo-0003", "hh-demo-0001", "hh-demo-0007", "hh-demo-0002", "hh-demo-0009"])
            app.handle(.key(.function(4)))
            #expect(app.state.caseload.count == 9)
            // then the closed ones (none in the sample), then back to one's own
            app.handle(.key(.character("m")))
            #expect(app.state.caseload.count == 0)
            #expect(app.render().text.contains("Gesloten huishoudens"))
            app.handle(.key(.function(4)))
            #expect(app.state.caseload.count == 5)
        }
    }

    @Test("/ plus a name narrows the list as you type; Esc clears it")
    func search() throws {
        try withDemoApp { app in
            app.handle(.key(.function(4)))
            app.handle(.key(.character("/")))
            #expect(app.state.caseload.searching)
            var counts: [Int] = []
            for c in "zoë" {
                app.handle(.key(.character(c)))
                counts.append(app.state.caseload.count)
            }
            // each letter narrows the list; "zoë" matches only Zoë Verbeek (a member of hh-demo-0002)
            #expect(counts.last == 1)
            #expect(app.state.caseload.rows.first?.id == "hh-demo-0002")
            app.handle(.key(.enter))
            #expect(!app.state.caseload.searching)
            #expect(app.state.caseload.count == 1)
            app.handle(.key(.escape))
            #expect(app.state.caseload.count == 9)
            // postcode without its space
            app.handle(.key(.character("/")))
            let postcode = try #require(app.state.caseload.rows.first).postcode.replacingOccurrences(of: " ", with: "")
            for c in postcode { app.handle(.key(.character(c))) }
            #expect(app.state.caseload.count >= 1)
            #expect(app.state.caseload.rows.allSatisfy { $0.postcode.replacingOccurrences(of: " ", with: "") == postcode })
        }
    }

    @Test("`/` while the pause reads the list's order takes that read over instead of reading it a second time")
    func searchTakesThePausesReadOver() throws {
        try withDemoApp { app in
            app.handle(.key(.function(4)))       // all households: their order is not in memory
            #expect(app.state.caseload.order == nil)
            app.handle(.tick)                    // the pause starts reading it on a thread of its own
            #expect(app.state.caseload.orderReader.isBusy)
            app.handle(.key(.character("/")))
            // the pause's read is the order now, taken (nothing left for the pause to take)
            #expect(app.state.caseload.order?.count == 9)
            #expect(!app.state.caseload.orderReader.isBusy)
            for c in "zoë" { app.handle(.key(.character(c))) }
            #expect(app.state.caseload.count == 1)
            app.handle(.key(.escape))
            // F4 on to the closed households: a read of the open ones' order under way is not theirs
            app.handle(.key(.function(4)))
            app.handle(.key(.function(4)))       // back round to mine…
            app.handle(.key(.function(4)))       // …and all again, with a fresh read started
            app.handle(.tick)
            app.handle(.key(.function(4)))       // closed, while the read of all is under way
            app.handle(.key(.character("/")))
            #expect(app.state.caseload.scope == .closed)
            #expect(app.state.caseload.order?.count == 0)
        }
    }

    @Test("The list's order kept in memory for searching follows changes made by another workstation")
    func searchFollowsOtherWorkstations() throws {
        try withDemoApp { app in
            app.handle(.key(.function(4)))
            #expect(app.pause())   // a pause: the order is read now, and the search's beginnings made
            #expect(app.state.caseload.order?.count == 9)
            // another workstation (its own connection) renames and closes households
            let other = try Store.open(at: app.env.store.location, kind: .demo, clock: app.env.store.clock)
            try other.change(by: Actor(user: "m.bakker", role: .caseworker), household: nil, action: "test", detail: "") { db, _ in
                try db.execute(sql: "UPDATE household SET name = 'Aaaberg' WHERE id = 'hh-demo-0009'")
                try db.execute(sql: "UPDATE household SET status = 'closed' WHERE id = 'hh-demo-0002'")
            }
            app.handle(.key(.character("/")))
            #expect(app.state.caseload.order?.count == 8)
            for c in "aaab" { app.handle(.key(.character(c))) }
            #expect(app.state.caseload.count == 1)
            #expect(app.state.caseload.rows.first?.id == "hh-demo-0009")
            app.handle(.key(.escape))
            // Esc counts from the order in memory: the closed household is not in it
            #expect(app.state.caseload.count == 8)
            #expect(!app.state.caseload.rows.contains { $0.id == "hh-demo-0002" })
            // "zoë" was in hh-demo-0002 only, which is closed now
            app.handle(.key(.character("/")))
            for c in "zoë" { app.handle(.key(.character(c))) }
            #expect(app.state.caseload.count == 0)
        }
    }

    @Test("The search's beginnings are made in a pause, stay exact after a change elsewhere, and are made again when changes pile up")
    func searchBeginningsInThePauses() throws {
        try withDemoApp(searchBeginningThreshold: 1) { app in
            #expect(try app.env.store.searchBeginningsState().kept == false)
            #expect(try app.env.store.searchBeginningsState().changes == 0)
            app.handle(.key(.function(4)))
            #expect(app.state.caseload.searchBeginningsBuild == nil)
            #expect(app.idleWait == 0.02)   // the loop wakes for the pause's work (the first the read-ahead's)
            #expect(app.pause())
            #expect(app.idleWait == nil)
            let first = try #require(app.state.caseload.searchBeginningsBuild)
            #expect(first.bitmaps > 0 && first.seconds > 0)
            #expect(try app.env.store.searchBeginningsState().kept == true)
            #expect(try app.env.store.searchBeginningsState().changes == 0)
            func found(_ search: String) -> [String] {
                app.handle(.key(.character("/")))
                for c in search { app.handle(.key(.character(c))) }
                let ids = (0..<app.state.caseload.count).compactMap { app.state.caseload.row($0)?.id }
                app.handle(.key(.escape))
                return ids
            }
            let before = found("zoë")
            #expect(before == ["hh-demo-0002"])
            let zaandam = found("zaandam")
            #expect(zaandam.count == 9 && zaandam.contains("hh-demo-0002"))   // a common word: from its bitmap
            // another workstation moves that household: the change is noted, and the bitmap
            // of "zaandam" is read with that household asked of the index
            let other = try Store.open(at: app.env.store.location, kind: .demo, clock: app.env.store.clock)
            try other.change(by: Actor(user: "m.bakker", role: .caseworker), household: nil, action: "test", detail: "") { db, _ in
                try db.execute(sql: "UPDATE household SET street = 'Zwiepstraat 3', city = 'Wormerveer' WHERE id = 'hh-demo-0002'")
            }
            #expect(try app.env.store.searchBeginningsState().kept == true)
            #expect(try app.env.store.searchBeginningsState().changes == 1)
            #expect(found("zaandam") == zaandam.filter { $0 != "hh-demo-0002" })
            #expect(found("zwiep") == ["hh-demo-0002"])
            // one change is no reason to make them anew
            #expect(app.pause())
            #expect(app.state.caseload.searchBeginningsBuild?.seconds == first.seconds)
            // more than 1,000 are: the next pause that looks (at most a second later) makes
            // them, and the changes folded in are gone
            try other.change(by: Actor(user: "m.bakker", role: .caseworker), household: nil, action: "test", detail: "") { db, _ in
                for i in 0..<SearchBeginnings.rebuildAfterChanges {
                    try db.execute(sql: "UPDATE household SET street = ? WHERE id = 'hh-demo-0003'", arguments: ["Dorpsstraat \(i)"])
                }
            }
            #expect(try app.env.store.searchBeginningsState().needsBuilding)
            let deadline = Date().addingTimeInterval(5)
            while app.state.caseload.searchBeginningsBuild?.seconds == first.seconds && Date() < deadline { #expect(app.pause()) }
            let second = try #require(app.state.caseload.searchBeginningsBuild)
            #expect(second.seconds != first.seconds, "not made again within 5 s")
            #expect(try app.env.store.searchBeginningsState().kept == true)
            #expect(try app.env.store.searchBeginningsState().changes == 0)
            // the next making waits 19 times as long as this one took (5% of a core at most)
            let next = try #require(app.state.caseload.searchBeginningsKeeper.nextBuild)
            #expect(next > ContinuousClock.now - .seconds(1) && next <= ContinuousClock.now + .seconds(19 * second.seconds))
            #expect(found("zwiep") == ["hh-demo-0002"])
            #expect(found("ZAANDAM") == zaandam.filter { $0 != "hh-demo-0002" })
            #expect(found("ZOË") == before)
        }
    }

    @Test("Enter opens the household (and the view is audited); Esc goes back")
    func openAndBack() throws {
        try withDemoApp { app in
            let id = try #require(app.state.caseload.selectedRow?.id)
            app.handle(.key(.enter))
            #expect(app.state.screen == .household)
            #expect(app.state.household?.id == id)
            #expect(app.render().text.contains("Leefgebieden (ZRM)"))
            let trail = try app.env.store.auditTrail(household: id)
            #expect(trail.last?.action == "household.view")
            #expect(trail.last?.user == "r.westra")
            app.handle(.key(.escape))
            #expect(app.state.screen == .caseload)
            #expect(app.state.household == nil)
        }
    }

    @Test("F1 and ? open help generated from the action table; Esc closes it")
    func help() throws {
        try withDemoApp { app in
            app.handle(.key(.function(1)))
            #expect(app.state.help != nil)
            let text = app.render().text
            for action in app.state.caseload.table(app.context()).helpRows { #expect(text.contains(action.text), "help lacks \(action.text)") }
            app.handle(.key(.escape))
            #expect(app.state.help == nil)
            app.handle(.key(.character("?")))
            #expect(app.state.help != nil)
        }
    }

    @Test("A resize below 80×24 shows the notice; back to size restores the screen")
    func resize() throws {
        try withDemoApp { app in
            let before = app.render()
            app.handle(.resize(Size(width: 60, height: 20)))
            #expect(app.state.isTooSmall)
            #expect(app.render().text.contains("te klein"))
            app.handle(.key(.down)) // ignored while too small
            app.handle(.resize(Size(width: 100, height: 30)))
            #expect(app.render() == before)
        }
    }

    @Test("Arrow keys move the selection and the page follows, reading only what is shown")
    func scrolling() throws {
        try withDemoApp(size: Size(width: 80, height: 24)) { app in
            app.handle(.key(.function(4)))
            app.handle(.key(.end))
            #expect(app.state.caseload.list.selected == 8)
            #expect(app.state.caseload.selectedRow?.id == "hh-demo-0009")
            app.handle(.key(.home))
            #expect(app.state.caseload.list.selected == 0)
        }
    }

    @Test("q in the caseload quits; in a household it goes back")
    func quit() throws {
        try withDemoApp { app in
            app.handle(.key(.enter))
            app.handle(.key(.character("q")))
            #expect(app.state.screen == .caseload)
            #expect(!app.state.quit)
            app.handle(.key(.function(10)))
            #expect(app.state.quit)
        }
    }
}

