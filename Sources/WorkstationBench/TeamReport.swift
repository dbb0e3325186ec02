import Foundation

/// What was saved in the team scenario, by the key that saves it.
public enum TeamSaveKind: String, CaseIterable, Sendable {
    case ledgerLine = "ledger line (Enter)"
    case conversation = "conversation (F2)"
    case decision = "grant decision (g, comment, Enter)"
    case overTheirs = "over another's version (Enter/F2 after a conflict)"
}

/// The figures of one team run, gathered from every workstation's thread.
public struct TeamResults: Sendable {
    public var households = 0
    public var workstations = 0
    public var seconds = 0.0
    /// Each save, from the key that saves to its confirmation on that workstation's screen (ms).
    public var saves: [TeamSaveKind: Samples] = [:]
    /// Saves refused because another workstation saved the same ledger line or conversation
    /// first: the screen then shows both versions (ms from the key to that screen).
    public var conflicts = Samples()
    public var ledgerConflicts = 0, conversationConflicts = 0
    /// The same refusal again when saving over the other version: they saved once more
    /// meanwhile (not timed: the screen stays as it was).
    public var conflictsAgain = 0
    /// Approvals the rules refused (the request was then rejected instead).
    public var refusedByRules = 0
    /// From starting the ten programs together to each one's caseload (ms).
    public var start = Samples()
    /// "locked" or "busy" in what any program wrote to its terminal: must stay empty.
    public var lockedOrBusy: [TeamFinding] = []
    /// "Fout in de opslag: …" on any screen.
    public var storeFailures: [TeamFinding] = []
    /// A script that did not get the screen it waited for (with that screen).
    public var scriptFailures: [String] = []
    public var savesByWorkstation: [String: Int] = [:]
    /// `keukentafel audit verify` on the store afterwards: the audit trail's chain is whole
    /// after ten programs appended to it at once.
    public var auditVerify = ""
    public var auditWhole = false
    public var pace = TeamPace()

    public var allSaves: Samples {
        var all = Samples()
        for kind in TeamSaveKind.allCases { all.add(contentsOf: saves[kind] ?? Samples()) }
        return all
    }

    public var savesPerSecond: Double { seconds > 0 ? Double(allSaves.count) / seconds : 0 }

    /// Nothing locked, nothing failed: the exit status of `keukentafel-bench --team`.
    public var passed: Bool {
        lockedOrBusy.isEmpty && storeFailures.isEmpty && scriptFailures.isEmpty && allSaves.count > 0 && auditWhole
    }

    public var table: String {
        let header = ["measure", "count", "median", "p99", "max"]
        func ms(_ v: Double) -> String { v.isNaN ? "—" : String(format: "%.2f ms", v) }
        func row(_ name: String, _ s: Samples) -> [String] { [name, "\(s.count)", ms(s.median), ms(s.p99), ms(s.max)] }
        var rows = [header, row("save, key to confirmation (all saves)", allSaves)]
        for kind in TeamSaveKind.allCases { rows.append(row("  " + kind.rawValue, saves[kind] ?? Samples())) }
        rows.append(row("conflict shown, key to both versions", conflicts))
        rows.append(row("start, all at once, to the caseload", start))
        let widths = header.indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        var text = "A team at work: \(workstations) workstations (\(workstations - 1) caseworkers, 1 team leader), "
            + "each the real binary on its own 120×30 pseudo-terminal, one store of \(households) households, "
            + String(format: "%.0f s; a key every %.0f ms, %.0f ms to read a screen\n", seconds, pace.keyInterval * 1000, pace.think * 1000)
        text += rows.map { r in
            r.enumerated().map { i, cell in
                i == 0 ? cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                       : String(repeating: " ", count: widths[i] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
        text += String(format: "saves per second                 %.2f  (%d saves in %.0f s)\n", savesPerSecond, allSaves.count, seconds)
        text += "conflicts shown (both versions)  \(conflicts.count)  (ledger line \(ledgerConflicts), conversation \(conversationConflicts))"
            + (conflictsAgain > 0 ? "; \(conflictsAgain) more when saving over theirs\n" : "\n")
        text += "approvals refused by the rules   \(refusedByRules)  (then rejected)\n"
        text += "\"locked\"/\"busy\" in pty output   \(lockedOrBusy.count)  (budget 0)\(lockedOrBusy.isEmpty ? "  ok" : "  OVER")\n"
        text += "store failures on a screen       \(storeFailures.count)\n"
        text += "scripts that lost their way      \(scriptFailures.count)\n"
        text += "audit verify afterwards          \(auditVerify)\n"
        text += "saves per workstation            "
            + savesByWorkstation.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: " · ") + "\n"
        for finding in lockedOrBusy { text += "  locked/busy: \(finding)\n" }
        for finding in storeFailures { text += "  store failure: \(finding)\n" }
        for failure in scriptFailures { text += "  script: \(failure)\n" }
        return text
    }
}

/// Collects the figures from the workstations' threads.
final class TeamRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var results = TeamResults()

    func update(_ change: (inout TeamResults) -> Void) { lock.withLock { change(&results) } }

    func saved(_ kind: TeamSaveKind, ms: Double, by workstation: String) {
        update { r in
            r.saves[kind, default: Samples()].add(ms)
            r.savesByWorkstation[workstation, default: 0] += 1
        }
    }

    var snapshot: TeamResults { lock.withLock { results } }
}

/// When the run started and ends, set before the workstations are let go.
final class TeamClock: @unchecked Sendable {
    private let lock = NSLock()
    private var times = (start: 0.0, deadline: Double.infinity)

    func begin(seconds: Double) { lock.withLock { times.start = monotonicSeconds(); times.deadline = times.start + seconds } }
    var start: Double { lock.withLock { times.start } }
    var deadline: Double { lock.withLock { times.deadline } }
    var isOver: Bool { monotonicSeconds() >= deadline }
}
