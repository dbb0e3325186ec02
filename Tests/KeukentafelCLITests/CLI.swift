import Foundation
import Testing
import WorkstationBench

/// Runs the real `keukentafel` binary, as a script or a caseworker would.
enum CLI {
    /// The package root, found from this file (Tests/KeukentafelCLITests/CLI.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sample = "sample-data/hh-demo-0001.json"
    static let today = "2026-11-23"

    struct Run {
        /// The exit status, or the signal's number when `killedBySignal`.
        let status: Int32
        let stdout: String
        let stderr: String
        /// Ended by a signal (a crash: SIGILL or SIGTRAP from a Swift trap, SIGSEGV…), not by exit.
        var killedBySignal = false
        var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    }

    /// `KEUKENTAFEL_BIN`, or the `keukentafel` executable among the build products next to
    /// this test bundle. Fails the test with where it looked when there is none.
    static func binary(sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        let files = FileManager.default
        func isExecutableFile(_ url: URL) -> Bool {
            var isDirectory: ObjCBool = false
            return files.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && files.isExecutableFile(atPath: url.path)
        }
        if let path = ProcessInfo.processInfo.environment["KEUKENTAFEL_BIN"], !path.isEmpty {
            let url = URL(fileURLWithPath: path)
            try #require(isExecutableFile(url), "KEUKENTAFEL_BIN=\(path) is not an executable file",
                         sourceLocation: sourceLocation)
            return url
        }
        var starts = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        starts += Bundle.allBundles.map(\.bundleURL)
        if let executable = Bundle.main.executableURL { starts.append(executable.deletingLastPathComponent()) }
        var searched: [String] = []
        for start in starts {
            var folder = start.standardizedFileURL
            for _ in 0..<3 {
                let candidate = folder.appendingPathComponent("keukentafel")
                if isExecutableFile(candidate) { return candidate }
                searched.append(folder.path)
                folder = folder.deletingLastPathComponent()
            }
        }
        throw BinaryNotFound(description: """
            the keukentafel executable was not found; build it (swift build) or set KEUKENTAFEL_BIN. \
            Looked in: \(Array(Set(searched)).sorted().joined(separator: ", "))
            """)
    }

    struct BinaryNotFound: Error, CustomStringConvertible {
        let description: String
    }

    struct WaitFailed: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `keukentafel arguments…` in the package root with today fixed to 2026-11-23;
    /// `environment` adds to (or, with an empty value, removes from) the inherited variables.
    static func run(_ arguments: [String], environment extra: [String: String] = [:],
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> Run {
        try runProgram(try binary(sourceLocation: sourceLocation), arguments, environment: extra, sourceLocation: sourceLocation)
    }

    /// Runs `executable arguments…` as `run` does (another program in front of the binary,
    /// such as `runuser`, in the team tests). Spawned with no signal blocked (`CleanSpawn`) and
    /// waited for with `waitpid`, not with Foundation's `Process`: its child kept the test
    /// runner's blocked signals, so the SIGTERM after the deadline never arrived and
    /// `waitUntilExit` then waited for ever (a fuzz case of CI on 2026-12-03 ended that way,
    /// the whole test run aborted by the fuzz watchdog with no summary).
    static func runProgram(_ binary: URL, _ arguments: [String], environment extra: [String: String] = [:],
                           sourceLocation: SourceLocation = #_sourceLocation) throws -> Run {
        try withTemporaryDirectory { folder in
            let outPath = folder.appendingPathComponent("stdout").path, errPath = folder.appendingPathComponent("stderr").path
            var environment = ProcessInfo.processInfo.environment
            environment["KEUKENTAFEL_TODAY"] = today
            environment["KEUKENTAFEL_STORE"] = nil
            for (key, value) in extra { environment[key] = value.isEmpty ? nil : value }
            let pid = try CleanSpawn.spawn([binary.path] + arguments, environment: environment) { actions in
                _ = addChdir(&actions, packageRoot.path)
                posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
                posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
                posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            }
            var status: Int32 = 0
            let deadline = Date().addingTimeInterval(60)
            var ended = false
            while !ended && Date() < deadline {
                let result = waitpid(pid, &status, WNOHANG)
                if result == pid { ended = true } else if result < 0 && errno != EINTR {
                    throw WaitFailed(description: "waitpid failed: \(String(cString: strerror(errno)))")
                } else { usleep(10_000) }
            }
            if !ended {
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                Issue.record("keukentafel \(arguments.joined(separator: " ")) did not finish in 60 seconds (killed)",
                             sourceLocation: sourceLocation)
            }
            // The wait status as <sys/wait.h> lays it out: the signal in the low seven bits
            // (0 when it exited), the exit code in the next byte.
            let signal = status & 0x7f
            let killed = signal != 0 && signal != 0x7f
            return Run(status: killed ? signal : (status >> 8) & 0xff,
                       stdout: try String(contentsOfFile: outPath, encoding: .utf8),
                       stderr: try String(contentsOfFile: errPath, encoding: .utf8),
                       killedBySignal: killed)
        }
    }

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29 and later), which Swift does not
    /// import: the child starts in the package root, as the tests' relative paths expect.
    static func addChdir(_ actions: inout posix_spawn_file_actions_t, _ path: String) -> Int32 {
        typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addchdir_np") else {
            preconditionFailure("this C library has no posix_spawn_file_actions_addchdir_np (glibc 2.29 or later is needed)")
        }
        return unsafeBitCast(symbol, to: AddChdir.self)(&actions, path)
    }

    /// Copies the executable `source` to `target` (0755) so that it can be run at once.
    /// Running a file that a process still holds open for writing fails with ETXTBSY ("Text
    /// file busy"); other tests start processes all the time, and a child forked while the
    /// copy was open inherits that descriptor until it execs. So the copy is written through a
    /// descriptor that closes on exec, and then run (`--version`) until the kernel lets it,
    /// for at most ten seconds.
    static func copyExecutable(_ source: URL, to target: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let bytes = try Data(contentsOf: source)
        let fd = open(target.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o755)
        try #require(fd >= 0, "cannot create \(target.path): \(String(cString: strerror(errno)))", sourceLocation: sourceLocation)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        try #require(written == bytes.count, "short write to \(target.path)", sourceLocation: sourceLocation)
        try #require(chmod(target.path, 0o755) == 0, sourceLocation: sourceLocation)
        let deadline = Date().addingTimeInterval(10)
        while true {
            let process = Process()
            process.executableURL = target
            process.arguments = ["--version"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            do {
                try process.run()
                process.waitUntilExit()
                return
            } catch let error as NSError where error.code == Int(ETXTBSY) && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
    }

    /// A fresh temporary folder for `body`, removed afterwards.
    static func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("keukentafel-cli-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    /// The top-level JSON object of `text`, or a failed test.
    static func object(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(parsed as? [String: Any], "not a JSON object: \(text)", sourceLocation: sourceLocation)
    }

    /// JSON with sorted keys and no layout, so two documents compare as text.
    static func canonical(_ text: String) throws -> String {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }
}

