import Foundation

/// A program running on a pseudo-terminal of a fixed size: what it writes is counted byte
/// for byte, as a slow SSH link would carry it.
final class PseudoTerminal {
    let master: Int32
    let pid: pid_t
    /// Everything read so far.
    private(set) var output: [UInt8] = []
    /// When the last output arrived (monotonic seconds).
    private(set) var lastByteAt: Double?

    struct Failure: Error, CustomStringConvertible { let description: String }

    init(executable: String, arguments: [String], environment: [String: String], width: Int, height: Int) throws {
        // posix_openpt, unlockpt and ptsname as Linux does them (Glibc's module does not
        // export them to Swift); grantpt is nothing to do with devpts.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        // TIOCSPTLCK = _IOW('T', 0x31, int) and TIOCGPTN = _IOR('T', 0x30, unsigned int): macros
        // Swift cannot import; the values are those of Linux's generic ioctl encoding
        // (x86_64 and arm64 alike).
        let setLock: UInt = 0x4004_5431, getNumber: UInt = 0x8004_5430
        var unlock: Int32 = 0, number: UInt32 = 0
        guard master >= 0, ioctl(master, setLock, &unlock) == 0, ioctl(master, getNumber, &number) == 0 else {
            throw Failure(description: "no pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let slave = "/dev/pts/\(number)"
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        // A new session first, then opening the terminal makes it the controlling one: the
        // program gets SIGWINCH and job control as in a real login.
        do {
            pid = try CleanSpawn.spawn([executable] + arguments, environment: environment, newSession: true) { actions in
                posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
                posix_spawn_file_actions_adddup2(&actions, 0, 1)
                posix_spawn_file_actions_adddup2(&actions, 0, 2)
            }
        } catch {
            close(master)
            throw error
        }
    }

    deinit {
        terminate()
        close(master)
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { Foundation.write(master, $0.baseAddress, $0.count) }
            if n <= 0 { if errno == EINTR { continue }; return }
            done += n
        }
    }

    /// Reads what is there within `timeout` seconds; returns the bytes read (0 on timeout or end).
    @discardableResult
    func readSome(timeout: Double) -> Int {
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, Int32(max(0, timeout * 1000)))
        guard ready > 0 else { return 0 }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let n = chunk.withUnsafeMutableBytes { Foundation.read(master, $0.baseAddress, $0.count) }
        guard n > 0 else { return 0 }
        lastByteAt = monotonicSeconds()
        output += chunk[0..<n]
        return n
    }

    /// Reads until `text` has appeared in the output since `from`; the seconds it took.
    @discardableResult
    func waitFor(_ text: String, from: Int = 0, timeout: Double = 10) throws -> Double {
        let start = monotonicSeconds()
        let needle = Array(text.utf8)
        while true {
            if contains(needle, from: from) { return monotonicSeconds() - start }
            let left = timeout - (monotonicSeconds() - start)
            guard left > 0 else {
                let tail = String(decoding: output.suffix(400), as: UTF8.self)
                throw Failure(description: "\"\(text)\" did not appear within \(timeout) s; last output: \(tail.debugDescription)")
            }
            readSome(timeout: min(left, 0.05))
        }
    }

    private func contains(_ needle: [UInt8], from: Int) -> Bool {
        guard output.count - from >= needle.count, let first = needle.first else { return needle.isEmpty }
        var i = from
        while i + needle.count <= output.count {
            if output[i] == first && Array(output[i..<(i + needle.count)]) == needle { return true }
            i += 1
        }
        return false
    }

    /// Reads until `quiet` seconds pass without output; returns how long after the call the
    /// last byte came: when the screen settled.
    func settled(quiet: Double = 0.1, timeout: Double = 5) -> Double {
        let start = monotonicSeconds()
        var last = start
        while monotonicSeconds() - start < timeout {
            if readSome(timeout: quiet) == 0 { break }
            last = monotonicSeconds()
        }
        return last - start
    }

    /// Reads until nothing more arrives for `quiet` seconds; the number of bytes read.
    @discardableResult
    func drain(quiet: Double = 0.15, timeout: Double = 5) -> Int {
        let start = monotonicSeconds()
        var total = 0
        while monotonicSeconds() - start < timeout {
            let n = readSome(timeout: quiet)
            if n == 0 { break }
            total += n
        }
        return total
    }

    /// CPU time the program used so far (user + system, in clock ticks), from /proc.
    var cpuTicks: Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let end = stat.lastIndex(of: ")") else { return nil }
        // after the command name: state is field 3, utime and stime are fields 14 and 15
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
    }

    /// Waits until the program used no CPU for `quiet` seconds: the work it does in a pause
    /// (the caseload's pause) is done. Throws after `timeout`.
    func waitUntilIdle(quiet: Double = 0.3, timeout: Double = 30) throws {
        let start = monotonicSeconds()
        var last = cpuTicks
        var since = monotonicSeconds()
        while monotonicSeconds() - start < timeout {
            drain(quiet: 0.05)
            let now = cpuTicks
            if now != last { last = now; since = monotonicSeconds() } else if monotonicSeconds() - since >= quiet { return }
        }
        throw Failure(description: "the program kept working for \(timeout) s")
    }

    /// The highest resident memory of the program so far (VmHWM), in megabytes.
    var peakMemoryMegabytes: Double? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kB = Double(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kB / 1024
    }

    /// Ends the program (SIGTERM, then SIGKILL) and reaps it.
    func terminate() {
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) != 0 { return }
        kill(pid, SIGTERM)
        for _ in 0..<100 {
            drain(quiet: 0.01, timeout: 0.02)   // a full pty would block its last writes
            if waitpid(pid, &status, WNOHANG) != 0 { return }
        }
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
    }
}
