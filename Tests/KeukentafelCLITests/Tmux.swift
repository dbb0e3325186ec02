import Foundation
import Testing
import WorkstationBench

/// Drives a real terminal: tmux on a private socket, a fixed size, `TERM` and `LANG` set.
/// Waits for text on the screen instead of sleeping blindly.
final class Tmux {
    let socket: String
    let session = "kt"
    let folder: URL

    /// Starts a shell in a detached session of `width`×`height` in `folder`.
    init(folder: URL, width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        self.folder = folder
        socket = "kt-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        var env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color", "SWIFT_BACKTRACE": "interactive=no",
                   "KEUKENTAFEL_TODAY": CLI.today, "HOME": folder.path, "XDG_DATA_HOME": folder.appendingPathComponent("data").path,
                   "PS1": "$ ", "HISTFILE": ""]   // no history written into the folder while it is being removed
        env.merge(environment) { $1 }
        let exports = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        try run(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", "-c", folder.path,
                 "env -i PATH=\(Self.quote(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")) \(exports) bash --norc --noprofile"])
        try run(["set-option", "-t", session, "status", "off"])
    }

    deinit { _ = try? run(["kill-server"]) }

    /// The workstation binary for a terminal test; the test fails (never skips) without tmux.
    static func requireBinary(sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        try #require(available, "tmux is needed for this test (.ci/run installs it)", sourceLocation: sourceLocation)
        return try CLI.binary(sourceLocation: sourceLocation)
    }

    /// Where `keukentafel demo` finds the package's sample data.
    static var sampleData: [String: String] {
        ["KEUKENTAFEL_SAMPLE_DATA": CLI.packageRoot.appendingPathComponent("sample-data").path]
    }

    /// Runs `binary arguments` in the shell with `stty -a` written before (before.txt) and
    /// after (after.txt), and `EXIT=status` printed when it ends.
    func runBetweenStty(_ binary: URL, _ arguments: String) throws {
        try shell("stty -a > before.txt; \(Self.quote(binary.path)) \(arguments); echo EXIT=$?; stty -a > after.txt")
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        // posix_spawn and waitpid, with the output in a file: Foundation's Process did not
        // notice the exit of the tmux client whose server had forked away, and a pipe would
        // be inherited and held open by that server.
        let outURL = folder.appendingPathComponent(".tmux-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outURL) }
        // Start tmux (and so the server, its shell and the workstation) with no signal
        // blocked and default handlers, whatever the test runner has set for itself.
        let pid = try CleanSpawn.spawn(["tmux", "-L", socket] + arguments, searchPath: true) { actions in
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, outURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
    }

    struct TmuxFailure: Error, CustomStringConvertible { let description: String }

    /// Types a line into the shell and presses Enter.
    func shell(_ line: String) throws { try run(["send-keys", "-t", session, "-l", line]); try keys("Enter") }

    /// Sends tmux key names: "Enter", "Escape", "F1", "Down", or literal text with `literal`.
    func keys(_ names: String...) throws { try run(["send-keys", "-t", session] + names) }
    func type(_ text: String) throws { try run(["send-keys", "-t", session, "-l", text]) }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    var screen: String { (try? run(["capture-pane", "-p", "-t", session])) ?? "" }

    /// The screen with each cell's colours and attributes (as escape sequences).
    var styledScreen: String { (try? run(["capture-pane", "-p", "-e", "-t", session])) ?? "" }

    /// The screen with lines that the terminal wrapped joined again.
    var joinedScreen: String { (try? run(["capture-pane", "-p", "-J", "-t", session])) ?? "" }

    /// The screen's lines, exactly as many as the window has rows.
    var lines: [String] { screen.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }

    /// Bytes typed into the pane that the program has not read yet (FIONREAD on the pane's
    /// terminal), or nil when it cannot be asked.
    var unreadInput: Int? { paneTTY.flatMap(Self.unreadInput(tty:)) }

    /// The pane's terminal device (it changes when the pane is started again).
    var paneTTY: String? {
        let tty = ((try? run(["display-message", "-p", "-t", session, "#{pane_tty}"])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return tty.hasPrefix("/dev/") ? tty : nil
    }

    /// Bytes typed into the terminal `tty` that its program has not read yet.
    static func unreadInput(tty: String) -> Int? {
        let fd = open(tty, O_RDONLY | O_NOCTTY | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var count: Int32 = 0
        return ioctl(fd, UInt(FIONREAD), &count) == 0 ? Int(count) : nil
    }

    /// Waits until the program has read every key sent so far: keys that change nothing on
    /// the screen (a window that is too small) can then be known to have arrived.
    func waitForInputRead(timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) {
        let deadline = Date().addingTimeInterval(timeout)
        var last: Int?
        while Date() < deadline {
            last = unreadInput
            if last == 0 { return }
            Thread.sleep(forTimeInterval: 0.02)
        }
        Issue.record("the program did not read its input within \(timeout) s (unread: \(last.map(String.init) ?? "unknown"))",
                     sourceLocation: sourceLocation)
    }

    /// Sends keys (tmux names: "Enter", "F2", a letter), then waits for `text` on the screen.
    func press(_ names: String..., until text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try run(["send-keys", "-t", session] + names)
        waitFor(text, sourceLocation: sourceLocation)
    }

    /// Waits until the screen contains `text` (up to `timeout` seconds); fails the test with
    /// the screen as it was otherwise.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        waitUntil(timeout: timeout, "the screen to show \"\(text)\"", sourceLocation: sourceLocation) { $0.contains(text) }
    }

    @discardableResult
    func waitUntil(timeout: Double = 15, _ what: String, sourceLocation: SourceLocation = #_sourceLocation,
                   _ condition: (String) -> Bool) -> Bool {
        screen(matching: what, timeout: timeout, every: 0.05, sourceLocation: sourceLocation, condition) != nil
    }

    /// The first screen that meets `condition`, read every `interval` seconds; nil after
    /// recording the failure with the last screen.
    func screen(matching what: String, timeout: Double, every interval: Double, sourceLocation: SourceLocation,
                _ condition: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = screen
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: interval)
        }
        Issue.record("waited \(timeout) s for \(what); the screen was:\n\(last)", sourceLocation: sourceLocation)
        return nil
    }

    /// The process running in the pane's shell (the workstation), if any.
    var foregroundPID: Int32? {
        guard let shell = Int32((try? run(["display-message", "-p", "-t", session, "#{pane_pid}"]))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pgrep", "-P", "\(shell)"]
        let out = Pipe()
        process.standardOutput = out
        try? process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").first.flatMap { Int32($0) }
    }
}
