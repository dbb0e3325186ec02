import CaseStore
import Casework
import Foundation
import Terminal
import Workstation

/// The workstation measured in-process: the real `App` on the real store, each keystroke
/// timed from `handle` through `render` (what the user waits for before the frame can be
/// sent). The terminal's own cost is measured separately, on a pseudo-terminal.
public struct WorkstationScenarios {
    public let location: StoreLocation
    public let households: Int
    public let caseworker: String
    public let teamleader: String
    public let size = Size(width: 120, height: 30)
    /// Repetitions of each measurement.
    public let rounds: Int

    public init(location: StoreLocation, households: Int, caseworker: String, teamleader: String, rounds: Int) {
        self.location = location; self.households = households; self.caseworker = caseworker
        self.teamleader = teamleader; self.rounds = rounds
    }

    /// What went wrong in a scenario: the benchmark never reports a figure for a screen it did not reach.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    func app(as user: String) throws -> App {
        let store = try Store.open(at: location, clock: BenchStores.clock)
        let env = AppEnvironment(store: store, staff: try store.staffMember(user), language: .nl,
                                 outputFolder: NSTemporaryDirectory())
        return try App(env: env, size: size)
    }

    /// One keystroke, timed from handling through the finished frame.
    func press(_ key: Key, in app: App) -> (Double, ScreenBuffer) {
        var frame: ScreenBuffer?
        let ms = milliseconds {
            app.handle(.key(key))
            frame = app.render()
        }
        return (ms, frame!)
    }

    func expect(_ condition: Bool, _ what: @autoclosure () -> String, _ app: App) throws {
        guard condition else {
            let screen = app.render().lines.joined(separator: "\n")
            throw Failure(description: "\(what())\n\(screen)")
        }
    }

    /// Opening the store, reading the caseworker's first page and drawing it.
    public func start() throws -> Samples {
        var samples = Samples()
        for _ in 0..<rounds {
            var frame: ScreenBuffer?
            let ms = try milliseconds {
                let app = try app(as: caseworker)
                frame = app.render()
            }
            guard frame?.lines.joined().contains("Mijn huishoudens") == true else { throw Failure(description: "no caseload at start") }
            samples.add(ms)
        }
        return samples
    }

    /// Words a caseworker types to find a household: surnames (with diacritics), a
    /// street, a postcode, two words.
    public static let searches = ["jansen", "rosmolenstraat", "1512 b", "zoë kaya", "öztürk", "van dijk", "westzaan"]

    /// What the caseload did in the pauses before the search: read the list's order (on a
    /// thread of its own) and take it over; the store keeps the common word beginnings.
    public struct Pauses {
        /// Each of the loop's own steps in the pause: a key typed meanwhile waits for one.
        public var steps = Samples()
        /// From the list on the screen to the pause's work done.
        public var ready = 0.0
        /// The bitmaps of common word beginnings the store keeps.
        public var bitmaps = 0
    }

    /// Each typed character of an incremental search over all households: after a pause in
    /// which the caseload read the list's order (as it does within a second of the list being
    /// shown), or, with `pause` false, straight after the list is shown.
    public func searchKeystrokes(pause: Bool = true) throws -> (samples: Samples, start: Samples, slowest: (text: String, ms: Double), pauses: Pauses) {
        var slowest = (text: "", ms: 0.0)
        var start = Samples()
        let app = try app(as: caseworker)
        _ = press(.function(4), in: app)   // all households: the whole city
        try expect(app.state.caseload.scope == .all, "F4 did not show all households", app)
        var pauses = Pauses()
        if pause {
            // A person reads the list before searching: the loop's pauses read the list's order
            // and start and take over the cache (CaseloadScreen.idle), as in the real program
            // while no key comes; the loop wakes every 50 ms meanwhile, here every millisecond.
            var finished = false
            pauses.ready = milliseconds { finished = app.pause { pauses.steps.add($0 / .milliseconds(1)) } }
            guard finished else { throw Failure(description: "the caseload's pause did not finish in 30 s") }
            let kept = try app.env.store.searchBeginningsState()
            guard kept.kept else { throw Failure(description: "the store keeps no search beginnings after the pause") }
            pauses.bitmaps = kept.bitmaps
        }
        var samples = Samples()
        var i = 0
        while samples.count < rounds {
            let query = Self.searches[i % Self.searches.count]
            i += 1
            start.add(press(.character("/"), in: app).0)
            for c in query {
                let ms = press(.character(c), in: app).0
                samples.add(ms)
                if ms > slowest.ms { slowest = (app.state.caseload.search.text, ms) }
            }
            try expect(app.state.caseload.search.text == query, "the search field does not hold \(query)", app)
            _ = press(.escape, in: app)
        }
        return (samples, start, slowest, pauses)
    }

    /// Enter on a household of the caseload, 2 for its ledger, an amount changed and
    /// saved, Esc back; and, as a team leader, F6 for the review queue.
    public func householdRounds() throws -> (open: Samples, ledger: Samples, edit: Samples, back: Samples) {
        let app = try app(as: caseworker)
        var open = Samples(), ledger = Samples(), edit = Samples(), back = Samples()
        var random = SplitMix64(seed: 9)
        let page = max(1, size.height - 7)
        for round in 0..<rounds {
            // somewhere in the caseworker's list
            for _ in 0..<Int(random.next() % 4) { _ = press(.pageDown, in: app) }
            for _ in 0..<Int(random.next() % UInt64(page)) { _ = press(.down, in: app) }
            open.add(press(.enter, in: app).0)
            try expect(app.state.screen == .household, "Enter did not open a household", app)
            let id = app.state.household!.id
            ledger.add(press(.character("2"), in: app).0)
            try expect(app.state.household?.tab == .ledger, "2 did not open the ledger", app)
            // edit the first line's amount and save it
            _ = press(.enter, in: app)
            _ = press(.tab, in: app)
            for _ in 0..<14 { _ = press(.backspace, in: app) }
            let amount = "\(100 + round),\(String(format: "%02d", round % 100))"
            for c in amount { _ = press(.character(c), in: app) }
            edit.add(press(.enter, in: app).0)
            let saved = try app.env.store.ledgerLines(household: id).compactMap { line -> Money? in
                if case .income(let income) = line.entry { return income.amount } else { return nil }
            }
            let wanted = try AmountParser.parseTyped(amount).get()
            try expect(app.state.message?.isError != true && saved.contains(wanted),
                       "the edited amount \(amount) was not saved in \(id)", app)
            _ = press(.escape, in: app)   // leave the form's next blank line
            back.add(press(.escape, in: app).0)
            try expect(app.state.screen == .caseload, "Esc did not go back to the caseload", app)
        }
        return (open, ledger, edit, back)
    }

    /// F6 for the team leader's review queue, Esc back.
    public func reviewQueue() throws -> Samples {
        let app = try app(as: teamleader)
        var samples = Samples()
        for _ in 0..<rounds {
            samples.add(press(.function(6), in: app).0)
            try expect(app.state.screen == .review, "F6 did not open the review queue", app)
            _ = press(.escape, in: app)
        }
        return samples
    }
}
