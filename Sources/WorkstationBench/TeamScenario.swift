import CaseStore
import Casework
import Foundation

/// A team at work (docs/performance.md): ten workstations on one store at once, each the
/// real `keukentafel` binary on a pseudo-terminal of its own — nine caseworkers typing ledger
/// lines and conversations, a team leader deciding grants — for `seconds`. Every save is
/// timed from its key to its confirmation on that workstation's screen; every conflict
/// screen is counted; every "locked" or "busy" any program writes is reported.
public struct TeamScenario {
    public var households: Int
    public var seconds: Double
    /// Workstations: one team leader, the rest caseworkers (at most 20, the generated staff).
    public var workstations: Int
    public var stores: BenchStores
    public var binary: String
    public var pace = TeamPace()
    public var log: (String) -> Void
    public let width = 120, height = 30

    public init(households: Int = 10_000, seconds: Double = 60, workstations: Int = 10, stores: BenchStores, binary: String,
                log: @escaping (String) -> Void) {
        self.households = households; self.seconds = seconds; self.workstations = workstations
        self.stores = stores; self.binary = binary; self.log = log
    }

    public func run() throws -> TeamResults {
        let cached = try stores.cachedPractice(households: households, log: log)
        let work = "\(stores.folder)/team-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: work) }
        let location = try stores.workingCopy(of: cached, in: work)
        let plan = try TeamPlan.make(location: location, caseworkers: workstations - 1)
        log("team: \(plan.caseworkers.count) caseworkers (\(plan.caseworkers.map(\.user).joined(separator: ", "))) and team leader "
            + "\(plan.teamleader), \(plan.waitingRequests) requests waiting; \(Int(seconds)) s …")
        let home = work + "/home"
        try stores.makePrivateDirectory(home)
        let environment = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": home,
                           "KEUKENTAFEL_NOW": BenchStores.clock.now().iso, "ESCDELAY": "25",
                           "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]

        let (binary, pace, width, height, path) = (binary, pace, width, height, location.path)
        let recorder = TeamRecorder()
        recorder.update { [households, workstations] r in r.households = households; r.workstations = workstations; r.pace = pace }
        let clock = TeamClock()
        let ready = DispatchSemaphore(value: 0), go = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        let people: [(name: String, user: String, caseworker: TeamPlan.Caseworker?)] =
            [("tl", plan.teamleader, nil)] + plan.caseworkers.map { (String($0.user.suffix(4)), $0.user, $0) }
        let launched = monotonicSeconds()
        for (index, person) in people.enumerated() {
            done.enter()
            let thread = Thread {
                defer { done.leave() }
                Self.workstation(person.name, user: person.user, caseworker: person.caseworker, seed: UInt64(index + 1),
                                 binary: binary, store: path, environment: environment, size: (width, height), launched: launched,
                                 pace: pace, recorder: recorder, clock: clock, ready: ready, go: go)
            }
            thread.start()
        }
        for _ in people { _ = ready.wait(timeout: .now() + 120) }
        clock.begin(seconds: seconds)
        for _ in people { go.signal() }
        done.wait()
        let elapsed = monotonicSeconds() - clock.start
        log(String(format: "team: done in %.1f s (%.0f s of work, then each stopped where it was and quit)", elapsed, seconds))
        let (status, verdict) = try Self.auditVerify(binary: binary, store: path, environment: environment)
        recorder.update { r in
            r.seconds = seconds
            r.auditVerify = verdict
            r.auditWhole = status == 0
        }
        return recorder.snapshot
    }

    /// `keukentafel audit verify --store PATH`: its exit status and what it printed.
    static func auditVerify(binary: String, store: String, environment: [String: String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["audit", "verify", "--store", store]
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return (process.terminationStatus, text.replacingOccurrences(of: "\n", with: " / "))
    }

    /// One workstation's thread: start the program, wait for the others, run the script, quit.
    static func workstation(_ name: String, user: String, caseworker: TeamPlan.Caseworker?, seed: UInt64, binary: String,
                            store: String, environment: [String: String], size: (width: Int, height: Int), launched: Double,
                            pace: TeamPace, recorder: TeamRecorder, clock: TeamClock,
                            ready: DispatchSemaphore, go: DispatchSemaphore) {
        let terminal: TeamTerminal
        do {
            terminal = try TeamTerminal(name: name, executable: binary, arguments: ["demo", "--store", store, "--as", user],
                                        environment: environment, width: size.width, height: size.height, started: launched)
        } catch {
            recorder.update { $0.scriptFailures.append("\(name): \(error)") }
            ready.signal()
            return
        }
        var started = false
        do {
            let at = try terminal.waitFor("Mijn huishoudens", timeout: 60)
            recorder.update { $0.start.add((at - launched) * 1000) }
            if caseworker != nil {
                terminal.send(TeamKeys.f4)   // all households: a colleague's too
                try terminal.waitFor("Alle huishoudens")
            }
            started = true
        } catch {
            recorder.update { $0.scriptFailures.append("\(error)") }
        }
        ready.signal()
        while go.wait(timeout: .now() + .milliseconds(50)) == .timedOut { terminal.pump(timeout: 0) }
        if started {
            let typist = TeamTypist(terminal: terminal, pace: pace, recorder: recorder, clock: clock)
            do {
                if let caseworker {
                    var script = CaseworkerScript(typist: typist, plan: caseworker, random: SplitMix64(seed: seed))
                    try script.run()
                } else {
                    try TeamLeaderScript(typist: typist).run()
                }
            } catch is TeamTimeUp {
            } catch {
                recorder.update { $0.scriptFailures.append("\(error)") }
            }
        }
        if terminal.hasExited {
            recorder.update { $0.scriptFailures.append("\(name): the program ended by itself\n\(terminal.screen.text)") }
        }
        terminal.quit()
        terminal.pump(timeout: 0)
        recorder.update { r in
            r.lockedOrBusy += terminal.lockedOrBusy
            r.storeFailures += terminal.storeFailures
        }
    }
}
