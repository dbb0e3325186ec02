import Foundation
import Testing

/// The terminal goes away without a SIGHUP for the workstation: the kernel sends it to the
/// session's leader only, and a leader that ignores it (a wrapper with `trap '' HUP`, a
/// tracer) stays alive. The workstation must notice the terminal is gone and end, as on
/// SIGHUP, instead of reading nothing at full speed on a shared host.
@Suite("The terminal hung up without a signal", .serialized)
struct TerminalHangUpTests {
    @Test("Its terminal closed under a leader that ignores SIGHUP: the workstation ends within seconds")
    func endsWithoutSignal() throws {
        let binary = try Tmux.requireBinary()
        try CLI.withTemporaryDirectory { folder in
            let tmux = try Tmux(folder: folder, width: 80, height: 24, environment: Tmux.sampleData)
            try tmux.respawnExec("sh -c " + Tmux.quote("trap '' HUP; \(Tmux.quote(binary.path)) demo"))
            tmux.waitFor("F1 Help")
            let leader = try #require(tmux.panePID)
            let workstation = try #require(Self.child(of: leader, named: "keukentafel"), "no workstation under the pane's shell \(leader)")
            defer { kill(workstation, SIGKILL) }   // when it did not end, it must not outlive the test
            // The server gone closes the pane's terminal (the pty's master side).
            try tmux.run(["kill-server"])
            #expect(Tmux.waitForEnd(of: workstation, timeout: 10), "the workstation still runs 10 s after its terminal closed")
            // The leader, which waited for it, ends too: nothing of the session is left.
            #expect(Tmux.waitForEnd(of: leader, timeout: 10))
        }
    }

    /// The first child process of `parent` whose command starts with `name`.
    static func child(of parent: Int32, named name: String) -> Int32? {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for pid in entries.compactMap(Int32.init) {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")") else { continue }
            let command = stat[stat.index(after: open)..<close]
            // After the command: the state, then the parent's pid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if command.hasPrefix(name), fields.count > 1, Int32(fields[1]) == parent { return pid }
        }
        return nil
    }
}
