import Foundation

/// Starts a program with no signal blocked and default handlers, whatever the caller has
/// set for itself (a test runner blocks some: then resizes and SIGTERM vanish in the child).
/// Used for the benchmark's pseudo-terminal and the tests' tmux.
public enum CleanSpawn {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Spawns `argv[0]` (looked up in PATH when `searchPath`) with the file actions set by
    /// `prepare`; `newSession` makes it a session leader (so a terminal it opens becomes its
    /// controlling terminal). `environment` nil keeps the caller's.
    public static func spawn(_ argv: [String], environment: [String: String]? = nil, searchPath: Bool = false,
                             newSession: Bool = false,
                             prepare: (inout posix_spawn_file_actions_t) -> Void) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        prepare(&actions)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        let setsid: Int32 = 0x80  // POSIX_SPAWN_SETSID (glibc), not imported into Swift
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | (newSession ? setsid : 0)))
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var cEnv: [UnsafeMutablePointer<CChar>?] = (environment?.map { strdup("\($0.key)=\($0.value)") } ?? []) + [nil]
        defer { for p in cEnv { free(p) } }
        var pid: pid_t = 0
        let code: Int32 = if let _ = environment {
            searchPath ? posix_spawnp(&pid, argv[0], &actions, &attributes, &cArgs, &cEnv)
                       : posix_spawn(&pid, argv[0], &actions, &attributes, &cArgs, &cEnv)
        } else {
            searchPath ? posix_spawnp(&pid, argv[0], &actions, &attributes, &cArgs, environ)
                       : posix_spawn(&pid, argv[0], &actions, &attributes, &cArgs, environ)
        }
        guard code == 0 else { throw Failure(description: "\(argv[0]) could not start: \(String(cString: strerror(code)))") }
        return pid
    }
}
