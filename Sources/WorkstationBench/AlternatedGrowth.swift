import Foundation

/// How a time grows from 1,000 households to 100,000 — the first frame, the search keystroke
/// settled on the screen, a household's opening, F4 to the next list — measured with the two
/// workstations in alternation.
///
/// Why: a p99 is the few slowest keystrokes of a run, and on this virtual machine those are
/// the ones during which the host took the core (docs/performance.md, "A keystroke's own
/// milliseconds"). Each size's figure is measured minutes after the other's, so their ratio
/// compared the host's moods as much as the sizes: one growth figure of the same code was
/// 2.30× in one run and 0.67× in the next. Here both workstations run side by side and take
/// turns — a query typed in one, then in the other, who goes first alternating — so what the
/// host does in those minutes touches both alike. Each size's own figures are measured as
/// before, on their own.
public struct AlternatedGrowth {
    let small: TerminalScenarios
    let large: TerminalScenarios
    let home: String

    public init(small: TerminalScenarios, large: TerminalScenarios, home: String) {
        self.small = small; self.large = large; self.home = home
    }

    /// Start to a complete first frame (as in "first complete frame"), a start of each in turn.
    public func start(rounds: Int) throws -> (small: Samples, large: Samples) {
        _ = try small.start(rounds: 1, home: home)   // the file cache warm, as for the figures of each size
        _ = try large.start(rounds: 1, home: home)
        var samples = (small: Samples(), large: Samples())
        for round in 0..<rounds {
            try Self.inTurn(round, { samples.small.add(try small.startOnce(home: home)) },
                            { samples.large.add(try large.startOnce(home: home)) })
        }
        return samples
    }

    /// The searches of "search keystroke settled" (the list's pause over first), a query in
    /// each workstation in turn.
    public func search(rounds: Int) throws -> (small: Samples, large: Samples) {
        let a = try TerminalScenarios.Searching(small, home: home, pause: true)
        defer { a.terminal.terminate() }
        let b = try TerminalScenarios.Searching(large, home: home, pause: true)
        defer { b.terminal.terminate() }
        var samples = (small: Samples(), large: Samples())
        var turn = 0
        while samples.small.count < rounds || samples.large.count < rounds {
            try Self.inTurn(turn, { try a.typeNextQuery(into: &samples.small) }, { try b.typeNextQuery(into: &samples.large) })
            turn += 1
        }
        return samples
    }

    /// The openings of "open a household", one in each workstation in turn.
    public func open(rounds: Int) throws -> (small: Samples, large: Samples) {
        let a = try small.launchToCaseload(home: home)
        defer { a.terminate() }
        let b = try large.launchToCaseload(home: home)
        defer { b.terminate() }
        var samples = (small: Samples(), large: Samples())
        for round in 0..<rounds {
            try Self.inTurn(round, { samples.small.add(try small.openOnce(a, round: round)) },
                            { samples.large.add(try large.openOnce(b, round: round)) })
        }
        return samples
    }

    /// F4 round the lists (as in "F4 to the next list, from the first after start"), a press
    /// in each workstation in turn; both started anew `launches` times, so that the first F4
    /// after a start is among the samples as often as in the figures of each size.
    public func scope(launches: Int) throws -> (small: Samples, large: Samples) {
        var samples = (small: Samples(), large: Samples())
        for launch in 0..<launches {
            let a = try small.launchToCaseload(home: home)
            defer { a.terminate() }
            let b = try large.launchToCaseload(home: home)
            defer { b.terminate() }
            for press in 0..<TerminalScenarios.scopePresses {
                try Self.inTurn(launch + press, { samples.small.add(small.scopeOnce(a)) }, { samples.large.add(large.scopeOnce(b)) })
            }
        }
        return samples
    }

    /// The small store's step, then the large one's, on even turns; the other way round on odd.
    private static func inTurn(_ turn: Int, _ small: () throws -> Void, _ large: () throws -> Void) throws {
        if turn % 2 == 0 { try small(); try large() } else { try large(); try small() }
    }
}
