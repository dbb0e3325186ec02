import Foundation
import Testing

/// The pane as a process: started with `exec` so the pane's pid is the workstation itself,
/// kept after it dies (remain-on-exit), and started again on a fresh terminal (respawn-pane)
/// — after a SIGKILL the old terminal is left raw and on the alternate screen.
extension Tmux {
    /// A dead pane stays instead of ending the session (and with it the tmux server).
    func keepDeadPanes() throws { try run(["set-option", "-g", "remain-on-exit", "on"]) }

    /// A fresh terminal with the session's own shell and environment (the old pane, dead or
    /// alive, is killed); then `exec command`, so the pane's pid becomes the program's.
    func respawnExec(_ command: String) throws {
        try run(["respawn-pane", "-k", "-t", session])
        try shell("exec " + command)
    }

    private func format(_ text: String) -> String {
        ((try? run(["display-message", "-p", "-t", session, text])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The pid of the pane's process (after `respawnExec`, the program).
    var panePID: Int32? { Int32(format("#{pane_pid}")) }

    /// A fresh terminal with the session's shell, running `line` in it (not exec'd: the
    /// shell says how the program ended).
    func respawnShell(_ line: String) throws {
        try run(["respawn-pane", "-k", "-t", session])
        try shell(line)
    }

    /// Waits until process `pid` has ended (gone, or a zombie not yet collected by tmux);
    /// fails the test if it has not within `timeout`. tmux's own `pane_dead_status` and
    /// `pane_dead_signal` were not to be trusted: after a SIGKILL they stayed empty in about
    /// one kill of three (tmux 3.3a), so the process table is asked instead.
    @discardableResult
    static func waitForEnd(of pid: Int32, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
            // The state follows the command name in parentheses: "123 (keukentafel) Z …".
            if let close = stat.lastIndex(of: ")"), stat[close...].dropFirst().trimmingCharacters(in: .whitespaces).hasPrefix("Z") {
                return true
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
        Issue.record("process \(pid) did not end within \(timeout) s", sourceLocation: sourceLocation)
        return false
    }

    /// Like `waitUntil`, polling faster (a crash loop waits hundreds of times); returns the
    /// screen that matched, or nil after recording the failure with the last screen.
    func poll(_ what: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation,
              _ condition: (String) -> Bool) -> String? {
        screen(matching: what, timeout: timeout, every: 0.015, sourceLocation: sourceLocation, condition)
    }

    func poll(_ text: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        poll("the screen to show \"\(text)\"", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
    }
}
