import Foundation
import GRDB
import Testing

/// The real binary on a store its user may not write. CI runs the tests as root, whom no
/// file permission stops; so as root the store is given to an unprivileged user (`nobody`,
/// uid 65534) and the binary runs as that user through `setpriv`, and as anyone else the
/// store is made read-only for themselves. Either way the test first checks, as that user,
/// that the store truly cannot be written — and fails (never skips) when it can.
@Suite("A read-only store end to end under tmux", .serialized)
struct ReadOnlyStoreEndToEndTests {
    /// Who reads the store, and the command prefix that runs a program as them.
    struct Reader {
        let user: String
        let uid: uid_t
        let gid: gid_t
        let prefix: [String]

        static func make() -> Reader {
            guard geteuid() == 0 else {
                return Reader(user: String(cString: getpwuid(geteuid()).pointee.pw_name), uid: geteuid(), gid: getegid(), prefix: [])
            }
            let uid: uid_t = 65534, gid: gid_t = 65534
            let name = getpwuid(uid).map { String(cString: $0.pointee.pw_name) } ?? "uid\(uid)"
            return Reader(user: name, uid: uid, gid: gid, prefix: ["setpriv", "--reuid=\(uid)", "--regid=\(gid)", "--clear-groups"])
        }

        var isSomeoneElse: Bool { !prefix.isEmpty }
        var shellPrefix: String { prefix.map(Tmux.quote).joined(separator: " ") + (prefix.isEmpty ? "" : " ") }

        /// Runs `arguments` as the reader; status and standard error.
        func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, stderr: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = prefix + arguments
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let data = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }
    }

    /// Takes write access away from `reader`: the folder 0500, the file (and any -wal or
    /// -shm) 0400, owned by the reader. Then checks it, as the reader, by trying to write.
    static func seal(_ store: String, for reader: Reader) throws {
        let folder = (store as NSString).deletingLastPathComponent
        for path in [store, store + "-wal", store + "-shm"] where FileManager.default.fileExists(atPath: path) {
            if reader.isSomeoneElse { try #require(chown(path, reader.uid, reader.gid) == 0, "chown \(path)") }
            try #require(chmod(path, 0o400) == 0)
        }
        if reader.isSomeoneElse { try #require(chown(folder, reader.uid, reader.gid) == 0, "chown \(folder)") }
        try #require(chmod(folder, 0o500) == 0)
        let probe = try reader.run(["sh", "-c", "if (: >> \"$1\") 2>/dev/null || (: > \"$2/probe\") 2>/dev/null; then echo writable >&2; exit 1; fi", "sh", store, folder])
        try #require(probe.status == 0, "the store is still writable for \(reader.user): \(probe.stderr)")
    }

    @Test("No write access: said at start; caseload, search and dashboard work; opening a household is refused with why; the file is untouched")
    func readOnlyWorkstation() throws {
        let built = try Tmux.requireBinary()
        try CLI.withTemporaryDirectory { folder in
            try #require(chmod(folder.path, 0o755) == 0)
            let store = try sampleStore(in: folder)
            let reader = Reader.make()
            if reader.isSomeoneElse {
                #expect(try CLI.run(["staff", "add", reader.user, "--name", "Lezer", "--role", "caseworker", "--store", store]).status == 0)
            }
            // A copy the reader can run wherever the build lives (/root is 0700).
            let binary = folder.appendingPathComponent("keukentafel")
            try CLI.copyExecutable(built, to: binary)
            let storeFolder = (store as NSString).deletingLastPathComponent
            // Whatever happens, the folder can be removed afterwards (by a user who is not root).
            defer { chmod(storeFolder, 0o700); chmod(store, 0o600) }
            try Self.seal(store, for: reader)
            let before = try Data(contentsOf: URL(fileURLWithPath: store))

            let tmux = try Tmux(folder: folder, width: 120, height: 30, environment: ["KEUKENTAFEL_STORE": store])
            try tmux.shell("stty -a > before.txt; \(reader.shellPrefix)\(Tmux.quote(binary.path)); echo EXIT=$?; stty -a > after.txt")
            tmux.waitFor("Alleen lezen: u heeft geen schrijfrechten op de opslag.")
            #expect(tmux.lines.first?.hasSuffix(" alleen lezen") == true, "\(tmux.lines.first ?? "")")
            try tmux.keys("F4")
            tmux.waitFor("Alle huishoudens · 1 huishouden")
            try tmux.keys("/")
            try tmux.type("jans")
            tmux.waitFor("Zoeken: jans")
            #expect(tmux.screen.contains("Sanne Jansen"))
            try tmux.keys("Enter")          // from the search field to the list
            try tmux.keys("F7")
            tmux.waitFor("Toekenningen")
            try tmux.keys("Escape")
            tmux.waitFor("Alle huishoudens")
            try tmux.keys("Enter")          // open Sanne Jansen: refused
            tmux.waitFor("Dit huishouden kan niet open: elke inzage moet in het auditlog, en de opslag")
            let words = TerminalEdgeCaseTests.words(tmux.screen)
            #expect(words.contains("is alleen-lezen. Lijsten, zoeken en het dashboard werken wel; vraag de beheerder om schrijfrechten."))
            #expect(!tmux.screen.contains("Leefgebieden"))
            try tmux.keys("Down", "F10")
            tmux.waitFor("EXIT=0")
            let (sttyBefore, sttyAfter) = try sttyBeforeAndAfter(folder)
            #expect(!sttyBefore.isEmpty)
            #expect(sttyBefore == sttyAfter, "stty -a differs after the read-only session")

            // The command line says the same, with the contract's storage status.
            let overview = try reader.run([binary.path, "overview", "hh-demo-0001", "--store", store], environment: ["KEUKENTAFEL_TODAY": CLI.today])
            #expect(overview.status == 74)
            #expect(overview.stderr.hasPrefix("Dit huishouden kan niet open: elke inzage moet in het auditlog"))

            #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before, "the store file changed")
            #expect(!FileManager.default.fileExists(atPath: store + "-wal"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: storeFolder) == ["k.sqlite"])
        }
    }
}
