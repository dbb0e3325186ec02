import Foundation

/// The real `keukentafel` binary on a pseudo-terminal of 120×30: what it writes to the
/// terminal per keystroke, how soon the first frame is complete, and its peak memory.
public struct TerminalScenarios {
    public let binary: String
    public let storePath: String
    public let now: String
    public let width = 120, height = 30

    public init(binary: String, storePath: String, now: String) {
        self.binary = binary; self.storePath = storePath; self.now = now
    }

    public struct Results: Sendable {
        public var start = Samples()
        public var arrowDown = Samples()
        public var typedCharacter = Samples()
        public var peakMemoryMegabytes = Samples()
        /// F4 on the caseload, to the next list's title on the screen (the first F4 after start included).
        public var scope = Samples()
    }

    /// xterm's keys in keypad-transmit mode (ncurses switches it on).
    enum Keys {
        static let down = "\u{1b}OB", end = "\u{1b}OF", home = "\u{1b}OH", enter = "\r", escape = "\u{1b}", tab = "\t"
        static let f4 = "\u{1b}OS"
    }

    func environment(home: String) -> [String: String] {
        ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": home, "KEUKENTAFEL_NOW": now,
         "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "ESCDELAY": "25"]
    }

    func launch(home: String) throws -> PseudoTerminal {
        try PseudoTerminal(executable: binary, arguments: ["--store", storePath], environment: environment(home: home),
                           width: width, height: height)
    }

    /// Start to a complete first frame (the key bar is drawn last), `rounds` times.
    public func start(rounds: Int, home: String) throws -> Samples {
        var samples = Samples()
        for _ in 0..<rounds { samples.add(try startOnce(home: home)) }
        return samples
    }

    /// One start of `start`: its time in milliseconds.
    func startOnce(home: String) throws -> Double {
        let started = monotonicSeconds()
        let terminal = try launch(home: home)
        defer { terminal.terminate() }
        try terminal.waitFor("Stoppen")
        return (monotonicSeconds() - started) * 1000
    }

    /// F4 presses in a session: round the lists (mine → all → closed → mine) and on to all.
    static let scopePresses = 7

    /// F4 once, timed until the screen settles (its last byte: ncurses sends only what
    /// changed, so no one word marks the end).
    func scopeOnce(_ terminal: PseudoTerminal) -> Double {
        terminal.send(Keys.f4)
        return terminal.settled() * 1000
    }

    /// One session: arrow-downs through all households, a search, End and Home, a household
    /// opened and a character typed into a new conversation's question, one at a time.
    public func session(home: String, presses: Int = 20) throws -> Results {
        var results = Results()
        let terminal = try launchToCaseload(home: home)
        defer { terminal.terminate() }   // also when a wait below fails
        // F4 round the lists, the first F4 after the start included.
        for _ in 0..<Self.scopePresses { results.scope.add(scopeOnce(terminal)) }
        try terminal.waitFor("Alle", from: 0)
        for _ in 0..<presses {
            terminal.send(Keys.down)
            results.arrowDown.add(Double(terminal.drain()))
        }
        // what a caseworker does in a session, for the peak memory
        for c in "/jansen" { terminal.send(String(c)); terminal.drain(quiet: 0.05) }
        terminal.send(Keys.escape); terminal.drain()
        // the caseload's pauses read the list's order: its memory counts too
        try terminal.waitUntilIdle()
        terminal.send(Keys.end); terminal.drain()
        terminal.send(Keys.home); terminal.drain()
        let mark = terminal.output.count
        terminal.send(Keys.enter)
        try terminal.waitFor("Overzicht", from: mark)
        terminal.drain()
        let tab = terminal.output.count
        terminal.send("3")               // Gesprekken
        try terminal.waitFor("Nieuw gesprek", from: tab)
        terminal.drain()
        let form = terminal.output.count
        terminal.send("a")
        try terminal.waitFor("Hulpvraag", from: form)
        terminal.drain()
        for _ in 0..<3 { terminal.send(Keys.tab); terminal.drain() }
        for c in "De post blijft liggen" {
            terminal.send(String(c))
            results.typedCharacter.add(Double(terminal.drain()))
        }
        if let peak = terminal.peakMemoryMegabytes { results.peakMemoryMegabytes.add(peak) }
        return results
    }

    /// Searches typed on the real binary over all households (F4, then `/` and a query a
    /// character at a time, Esc), each character timed from the key written to the moment
    /// the screen settled. With `pause`, the list is on the screen until the program is idle
    /// first (it reads the list's order in that pause, as it does within a second of the list
    /// being shown); without, the searches are typed straight after F4.
    public func search(rounds: Int, home: String, pause: Bool) throws -> Samples {
        let searching = try Searching(self, home: home, pause: pause)
        defer { searching.terminal.terminate() }
        var samples = Samples()
        while samples.count < rounds { try searching.typeNextQuery(into: &samples) }
        return samples
    }

    /// The workstation showing all households, searched one query at a time (see `search`).
    final class Searching {
        let terminal: PseudoTerminal
        let pause: Bool
        private var queries = 0
        /// The screen as a terminal shows it, fed what came since the last look.
        private var screen: VirtualScreen
        private var fed = 0

        init(_ scenarios: TerminalScenarios, home: String, pause: Bool) throws {
            terminal = try scenarios.launchToCaseload(home: home)
            self.pause = pause
            screen = VirtualScreen(width: scenarios.width, height: scenarios.height)
            do {
                let all = terminal.output.count
                terminal.send(Keys.f4)
                try terminal.waitFor("Alle", from: all)   // only what changed is sent: "Alle", not "huishoudens"
                if pause { try terminal.waitUntilIdle() } else { _ = terminal.settled() }
            } catch {
                terminal.terminate()
                throw error
            }
        }

        /// `/`, the next query of `WorkstationScenarios.searches` a character at a time (each
        /// character's time to a settled screen added to `samples`), Esc.
        func typeNextQuery(into samples: inout Samples) throws {
            let query = WorkstationScenarios.searches[queries % WorkstationScenarios.searches.count]
            queries += 1
            let mark = terminal.output.count
            terminal.send("/")
            try terminal.waitFor("Zoeken", from: mark)
            _ = terminal.settled()
            for c in query {
                terminal.send(String(c))
                samples.add(terminal.settled() * 1000)
            }
            // The search field holds the query.
            screen.feed(terminal.output[fed...])
            fed = terminal.output.count
            guard screen.contains(query) else {
                throw PseudoTerminal.Failure(description: "the search field does not show \(query):\n\(screen.text)")
            }
            terminal.send(Keys.escape)
            _ = terminal.settled()
            if pause { try terminal.waitUntilIdle() }
        }
    }

    /// Enter on a household of the list, timed until its overview has settled on the
    /// screen; Esc back. A different household each round (↓ in between).
    public func open(rounds: Int, home: String) throws -> Samples {
        let terminal = try launchToCaseload(home: home)
        defer { terminal.terminate() }
        var samples = Samples()
        for round in 0..<rounds { samples.add(try openOnce(terminal, round: round)) }
        return samples
    }

    /// The workstation started, its caseload on the screen.
    func launchToCaseload(home: String) throws -> PseudoTerminal {
        let terminal = try launch(home: home)
        do {
            try terminal.waitFor("Stoppen", timeout: 20)
        } catch {
            terminal.terminate()
            throw error
        }
        terminal.drain()
        return terminal
    }

    /// One round of `open`: its time in milliseconds.
    func openOnce(_ terminal: PseudoTerminal, round: Int) throws -> Double {
        for _ in 0..<(round % 5) { terminal.send(Keys.down); terminal.drain(quiet: 0.05) }
        let mark = terminal.output.count
        let started = monotonicSeconds()
        terminal.send(Keys.enter)
        try terminal.waitFor("Overzicht", from: mark)
        _ = terminal.settled()
        let ms = ((terminal.lastByteAt ?? started) - started) * 1000
        let back = terminal.output.count
        terminal.send(Keys.escape)
        try terminal.waitFor("huishoudens", from: back)
        terminal.drain(quiet: 0.1)
        return ms
    }

    /// `keukentafel report --json --team alle` as a script runs it: start to exit, `rounds` times.
    public func report(rounds: Int, home: String) throws -> Samples {
        var samples = Samples()
        for _ in 0..<rounds {
            let started = monotonicSeconds()
            let pid = try CleanSpawn.spawn([binary, "report", "--json", "--team", "alle", "--store", storePath],
                                           environment: environment(home: home)) { actions in
                posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            guard status == 0 else { throw CleanSpawn.Failure(description: "keukentafel report ended with status \(status)") }
            samples.add((monotonicSeconds() - started) * 1000)
        }
        return samples
    }
}
