import Foundation
import GRDB
import Testing

/// init, staff, import, export and overview ID on real stores in temporary folders.
@Suite("keukentafel init, staff, import, export and overview ID")
struct StoreCommandTests {
    static func samples() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: CLI.packageRoot.appendingPathComponent("sample-data").path)
            .filter { $0.hasPrefix("hh-") && $0.hasSuffix(".json") }.sorted().map { "sample-data/" + $0 }
    }

    /// A store made with `keukentafel init` in `folder`.
    static func initStore(_ folder: URL) throws -> String {
        let path = folder.appendingPathComponent("store/keukentafel.sqlite").path
        let run = try CLI.run(["init", "--store", path, "--name", "Test Teamleider", "--team", "Wijkteam Oost"])
        #expect(run.status == 0, "\(run.stderr)")
        return path
    }

    @Test("init makes a 0700 folder and a 0600 file, with the OS user as team leader; never twice")
    func initStore() throws {
        try CLI.withTemporaryDirectory { folder in
            let path = try Self.initStore(folder)
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            let folderAttributes = try FileManager.default.attributesOfItem(atPath: (path as NSString).deletingLastPathComponent)
            #expect((folderAttributes[.posixPermissions] as? Int) == 0o700)

            let list = try CLI.run(["staff", "list", "--store", path])
            #expect(list.status == 0)
            #expect(list.stdout.contains("Test Teamleider"))
            #expect(list.stdout.contains("teamleider"))

            let again = try CLI.run(["init", "--store", path])
            #expect(again.status == 64)
            #expect(again.stderr == "Er staat al een opslag op \(path); er is niets veranderd.\n")
        }
    }

    @Test("init from a script without --name or --team makes nothing and says what to give")
    func initNeedsNameAndTeam() throws {
        try CLI.withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("s/k.sqlite").path
            let noTeam = try CLI.run(["init", "--store", path, "--name", "Test Teamleider"])
            #expect(noTeam.status == 64)
            #expect(noTeam.stderr == "Geef --team: de eerste teamleider heeft een naam en een team nodig.\n")
            #expect(!FileManager.default.fileExists(atPath: path))
            let group = try CLI.run(["init", "--store", path, "--name", "T", "--team", "Oost", "--group", "geen-groep-\(getpid())"])
            #expect(group.status == 64)
            #expect(group.stderr.contains("sudo groupadd geen-groep-"))
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test("KEUKENTAFEL_STORE chooses the store when --store is not given")
    func storeFromEnvironment() throws {
        try CLI.withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("env/k.sqlite").path
            #expect(try CLI.run(["init", "--name", "Test Teamleider", "--team", "Wijkteam Oost"], environment: ["KEUKENTAFEL_STORE": path]).status == 0)
            #expect(FileManager.default.fileExists(atPath: path))
            let missing = try CLI.run(["staff", "list"], environment: ["KEUKENTAFEL_STORE": path + ".nope"])
            #expect(missing.status == 74)
            #expect(missing.stderr == "Er is nog geen opslag op \(path).nope. Maak er een met: keukentafel init\n")
        }
    }

    @Test("staff add by the team leader, then listed")
    func staffAdd() throws {
        try CLI.withTemporaryDirectory { folder in
            let path = try Self.initStore(folder)
            let add = try CLI.run(["staff", "add", "r.westra", "--name", "Roos Westra", "--role", "caseworker", "--store", path])
            #expect(add.status == 0, "\(add.stderr)")
            #expect(add.stdout == "r.westra (Roos Westra) toegevoegd als regisseur.\n")
            let twice = try CLI.run(["staff", "add", "r.westra", "--name", "Roos", "--role", "caseworker", "--store", path])
            #expect(twice.status == 64)
            let list = try CLI.run(["staff", "list", "--store", path, "--lang", "en"])
            #expect(list.stdout.contains("r.westra"))
            #expect(list.stdout.contains("caseworker"))
            let badRole = try CLI.run(["staff", "add", "x", "--name", "X", "--role", "boss", "--store", path])
            #expect(badRole.status == 64)
        }
    }

    @Test("overview ID --json equals overview FILE --json for every sample household")
    func overviewByIdEqualsFile() throws {
        try CLI.withTemporaryDirectory { folder in
            let path = try Self.initStore(folder)
            let files = try Self.samples()
            #expect(files.count >= 9)
            let imported = try CLI.run(["import", "--store", path] + files)
            #expect(imported.status == 0, "\(imported.stderr)")
            let ids = imported.stdout.split(separator: "\n").map(String.init)
            #expect(ids.count == files.count)
            for (file, id) in zip(files, ids) {
                let fromFile = try CLI.run(["overview", file, "--json"])
                let fromStore = try CLI.run(["overview", id, "--json", "--store", path])
                #expect(fromFile.status == 0 && fromStore.status == 0, "\(file): \(fromFile.stderr) \(fromStore.stderr)")
                #expect(fromStore.stdout == fromFile.stdout, "\(file) and \(id) differ")
                let text = try CLI.run(["overview", id, "--store", path])
                #expect(text.stdout == (try CLI.run(["overview", file])).stdout)
            }
        }
    }

    @Test("export writes a 0600 file that imports again to the same data")
    func exportImportAgain() throws {
        try CLI.withTemporaryDirectory { folder in
            let first = try Self.initStore(folder.appendingPathComponent("a"))
            let second = try Self.initStore(folder.appendingPathComponent("b"))
            for file in try Self.samples() {
                let id = try CLI.run(["import", "--store", first, file]).stdout.trimmingCharacters(in: .newlines)
                let out = folder.appendingPathComponent("\(id).json").path
                let export = try CLI.run(["export", id, "-o", out, "--store", first])
                #expect(export.status == 0, "\(export.stderr)")
                #expect((try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int) == 0o600)
                #expect(try CLI.canonical(String(contentsOfFile: out, encoding: .utf8))
                        == CLI.canonical(String(contentsOf: CLI.packageRoot.appendingPathComponent(file), encoding: .utf8)),
                        "\(file): the export differs from the file")
                #expect(try CLI.run(["import", "--store", second, out]).stdout == id + "\n")
                let again = try CLI.run(["export", id, "--store", second])
                #expect(try CLI.canonical(again.stdout) == CLI.canonical(String(contentsOfFile: out, encoding: .utf8)))
            }
            let missing = try CLI.run(["export", "hh-nope", "--store", first])
            #expect(missing.status == 64)
            #expect(missing.stderr == "Huishouden hh-nope bestaat niet in deze opslag.\n")
        }
    }

    @Test("import of a good and a bad file: exit 65, every problem named, nothing imported")
    func importAllOrNothing() throws {
        try CLI.withTemporaryDirectory { folder in
            let path = try Self.initStore(folder)
            let bad = folder.appendingPathComponent("bad.json")
            try #"{ "format": "keukentafel-case/1", "household": { "name": "B", "members": [ { "name": "B", "role": "applicant", "bsn": "123456789" } ] } }"#
                .write(to: bad, atomically: true, encoding: .utf8)
            let run = try CLI.run(["import", "--store", path, CLI.sample, bad.path])
            #expect(run.status == 65)
            #expect(run.stdout.isEmpty)
            #expect(run.stderr == """
                Niets geïmporteerd: 1 probleem gevonden.
                \(bad.path): household.members[0].bsn: "123456789" is geen geldig BSN (negen cijfers die de elfproef doorstaan)

                """)
            #expect(try CLI.run(["export", "hh-demo-0001", "--store", path]).status == 64)
            let missing = try CLI.run(["import", "--store", path, CLI.sample, "nope.json"])
            #expect(missing.status == 74)
            #expect(try CLI.run(["export", "hh-demo-0001", "--store", path]).status == 64)
            let store = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
            #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM household") } == 0)
        }
    }

    @Test("import: every sample file imports; a submitted grant above the norm with a 10-character motivation is refused at its path (65)")
    func importRecordedGrantRules() throws {
        try CLI.withTemporaryDirectory { folder in
            let path = try Self.initStore(folder)
            let sample = try String(contentsOf: CLI.packageRoot.appendingPathComponent(CLI.sample), encoding: .utf8)
            let motivation = try #require(sample.range(of: #""motivation": "De achterstand[^"]*""#, options: .regularExpression))
            let bad = folder.appendingPathComponent("kort.json")
            try sample.replacingCharacters(in: motivation, with: #""motivation": "Te weinig.""#).write(to: bad, atomically: true, encoding: .utf8)
            let refused = try CLI.run(["import", "--store", path, bad.path])
            #expect(refused.status == 65)
            #expect(refused.stderr == """
                Niets geïmporteerd: 1 probleem gevonden.
                \(bad.path): grants[0].motivation: een maatwerkaanvraag met status "submitted" lag bij indiening boven de norm en heeft een motivering van 10 tekens; dan zijn er minstens 80 nodig. Schrijf de motivering uit, of zet de aanvraag terug op "draft"

                """)
            let all = try CLI.run(["import", "--store", path] + Self.samples())
            #expect(all.status == 0, "\(all.stderr)")
            #expect(all.stdout == (1...9).map { "hh-demo-000\($0)\n" }.joined())
        }
    }

    @Test("A store others can read is refused with the command that fixes it")
    func loosePermissions() throws {
        try CLI.withTemporaryDirectory { folder in
            let path = try Self.initStore(folder)
            chmod(path, 0o644)
            let run = try CLI.run(["staff", "list", "--store", path])
            #expect(run.status == 74)
            #expect(run.stderr.hasSuffix("Herstel met: chmod 600 \(path)\n"))
        }
    }

    /// Enough households that the import's transaction lasts long enough to be killed in:
    /// the kill comes at most 50 ms after the transaction is seen open.
    static let killFiles = 1_000

    @Test("SIGKILL in the middle of an import leaves the store as it was, and whole")
    func killDuringImport() throws {
        let binary = try CLI.binary()
        try CLI.withTemporaryDirectory { folder in
            let path = try Self.initStore(folder)
            // Many households in one import, so the kills land while it runs.
            let template = try String(contentsOf: CLI.packageRoot.appendingPathComponent(CLI.sample), encoding: .utf8)
            var files: [String] = []
            for i in 0..<Self.killFiles {
                let file = folder.appendingPathComponent("k\(i).json").path
                try template.replacingOccurrences(of: "hh-demo-0001", with: "hh-kill-\(i)")
                    .replacingOccurrences(of: "\"gr-1\"", with: "\"gr-kill-\(i)\"")
                    .write(toFile: file, atomically: true, encoding: .utf8)
                files.append(file)
            }
            func households() throws -> Int {
                let queue = try DatabaseQueue(path: path)
                #expect(try queue.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
                return try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM household") } ?? -1
            }
            /// True while `pid` holds SQLite's WAL write lock (byte 120 of the -shm file):
            /// the import's transaction is open.
            func holdsWriteLock(_ pid: Int32) -> Bool {
                guard let locks = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return false }
                return locks.split(separator: "\n").contains { line in
                    line.contains(" \(pid) ") && line.contains("WRITE") && line.hasSuffix(" 120 120")
                }
            }

            var killed = 0, completed = 0
            var rng = SystemRandomNumberGenerator()
            // Five kills are tried; an import that ends before its kill (on a busy machine the
            // commit can come between the look and the kill) is undone by a fresh store and
            // another try, up to ten runs in all.
            for _ in 0..<10 where killed < 5 {
                let process = Process()
                process.executableURL = binary
                process.arguments = ["import", "--store", path] + files
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                let pid = process.processIdentifier
                // Wait until the transaction is open: the write lock held over two looks 20 ms
                // apart (opening the store holds it for a moment too), then kill at a random
                // moment inside it.
                var inside = false
                while process.isRunning && !inside {
                    if holdsWriteLock(pid) {
                        Thread.sleep(forTimeInterval: 0.02)
                        inside = holdsWriteLock(pid)
                    } else {
                        Thread.sleep(forTimeInterval: 0.002)
                    }
                }
                Thread.sleep(forTimeInterval: Double.random(in: 0...0.05, using: &rng))
                if process.isRunning && holdsWriteLock(pid) {
                    kill(pid, SIGKILL)
                    killed += 1
                }
                process.waitUntilExit()
                let count = try households()
                if process.terminationReason == .uncaughtSignal {
                    #expect(count == 0, "killed inside the import: \(count) households half-imported")
                } else {
                    #expect(count == Self.killFiles)
                    completed += 1
                    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                    #expect(try CLI.run(["init", "--store", path, "--name", "Test Teamleider", "--team", "Wijkteam Oost"]).status == 0)
                }
            }
            #expect(killed >= 3, "only \(killed) kills landed inside the import's transaction (\(completed) imports ended first)")
            // and the store still takes the whole import afterwards (or already has it)
            if try households() == 0 { #expect(try CLI.run(["import", "--store", path] + files).status == 0) }
            #expect(try households() == Self.killFiles)
        }
    }
}
