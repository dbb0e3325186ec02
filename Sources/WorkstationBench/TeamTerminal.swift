import Foundation

/// One workstation of the team scenario: the real binary on a pseudo-terminal of its own,
/// the screen as a terminal shows it (`VirtualScreen`), and every "locked" or "busy" it wrote.
/// Used by one thread only.
final class TeamTerminal {
    let name: String
    let pty: PseudoTerminal
    private(set) var screen: VirtualScreen
    /// Bytes of `pty.output` fed to the screen so far.
    private var fed = 0
    /// The last bytes read, lowercased: a word split over two reads is still found.
    private var tail: [UInt8] = []
    /// "locked" and "busy" in the bytes the program wrote, with the screen row they were on.
    private(set) var lockedOrBusy: [TeamFinding] = []
    /// Store failures ("Fout in de opslag: …") as they came on the screen.
    private(set) var storeFailures: [TeamFinding] = []
    private var failureShown = false
    let started: Double

    struct Failure: Error, CustomStringConvertible { let description: String }

    init(name: String, executable: String, arguments: [String], environment: [String: String], width: Int, height: Int,
         started: Double) throws {
        self.name = name
        self.started = started
        pty = try PseudoTerminal(executable: executable, arguments: arguments, environment: environment, width: width, height: height)
        screen = VirtualScreen(width: width, height: height)
    }

    /// The words looked for in every byte the program writes (lowercased).
    static let words = ["locked", "busy"]

    /// Reads what the program wrote within `timeout` seconds onto the screen.
    @discardableResult
    func pump(timeout: Double) -> Int {
        let n = pty.readSome(timeout: timeout)
        guard n > 0 else { return 0 }
        let fresh = pty.output[fed...]
        fed = pty.output.count
        screen.feed(fresh)
        scan(Array(fresh))
        return n
    }

    private func scan(_ fresh: [UInt8]) {
        let lowered = fresh.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        let text = tail + lowered
        for word in Self.words {
            let needle = Array(word.utf8)
            var i = 0
            while i + needle.count <= text.count {
                // Counted once: where it ends in the new bytes.
                if text[i] == needle[0] && Array(text[i..<(i + needle.count)]) == needle && i + needle.count > tail.count {
                    let row = screen.lines.first { $0.lowercased().contains(word) }?.trimmingCharacters(in: .whitespaces)
                    lockedOrBusy.append(TeamFinding(workstation: name, seconds: monotonicSeconds() - started,
                                                    text: row ?? String(decoding: text.suffix(80), as: UTF8.self)))
                }
                i += 1
            }
        }
        tail = Array(text.suffix(32))
        let failure = screen.lines.first { $0.contains("Fout in de opslag") }
        if let failure, !failureShown {
            storeFailures.append(TeamFinding(workstation: name, seconds: monotonicSeconds() - started,
                                             text: failure.trimmingCharacters(in: .whitespaces)))
        }
        failureShown = failure != nil
    }

    func send(_ keys: String) { pty.send(keys) }

    /// Keeps the screen current for `seconds`: the typist reads or thinks meanwhile.
    func pause(_ seconds: Double) {
        let until = monotonicSeconds() + seconds
        while true {
            let left = until - monotonicSeconds()
            if left <= 0 { return }
            pump(timeout: left)
        }
    }

    /// Types `text` a character at a time, `interval` seconds apart.
    func type(_ text: String, interval: Double) {
        for c in text {
            send(String(c))
            pause(interval)
        }
    }

    /// Reads until one of `texts` is on the screen; which one, and the moment it came.
    @discardableResult
    func waitFor(any texts: [String], timeout: Double = 30) throws -> (index: Int, at: Double) {
        let start = monotonicSeconds()
        while true {
            if let i = texts.firstIndex(where: screen.contains) { return (i, monotonicSeconds()) }
            let left = timeout - (monotonicSeconds() - start)
            guard left > 0 else {
                throw Failure(description: "\(name): none of \(texts) on the screen within \(timeout) s\(exitNote)\n\(screen.text)")
            }
            pump(timeout: min(left, 0.05))
        }
    }

    @discardableResult
    func waitFor(_ text: String, timeout: Double = 30) throws -> Double { try waitFor(any: [text], timeout: timeout).at }

    /// Reads until none of `texts` is on the screen (a message of the last save, cleared by
    /// the keys typed since).
    func waitUntilGone(_ texts: [String], timeout: Double = 5) throws {
        let start = monotonicSeconds()
        while let shown = texts.first(where: screen.contains) {
            let left = timeout - (monotonicSeconds() - start)
            guard left > 0 else { throw Failure(description: "\(name): \"\(shown)\" stayed on the screen for \(timeout) s\(exitNote)\n\(screen.text)") }
            pump(timeout: min(left, 0.05))
        }
    }

    /// Whether the program is still running (it is reaped when it is not).
    var hasExited: Bool {
        var status: Int32 = 0
        return waitpid(pty.pid, &status, WNOHANG) != 0
    }

    private var exitNote: String { hasExited ? " (the program has exited)" : "" }

    /// Ends the program: F10, as a caseworker leaves, then SIGTERM if it is still there.
    func quit() {
        if !hasExited {
            send("\u{1b}[21~")
            let until = monotonicSeconds() + 1
            while monotonicSeconds() < until && !hasExited { pump(timeout: 0.05) }
        }
        pty.terminate()
    }
}

/// Something seen in a workstation's output: where, when (seconds into the run) and the row.
public struct TeamFinding: Sendable, CustomStringConvertible {
    public let workstation: String
    public let seconds: Double
    public let text: String
    public var description: String { String(format: "%@ at %.1f s: %@", workstation, seconds, text) }
}
