import Foundation
import GRDB
import Testing

/// Straight at a store's file, past the binary: what a test (or someone with the sqlite3
/// shell) can do.
enum StoreFile {
    static func execute(_ path: String, _ sql: String, _ arguments: StatementArguments = []) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: sql, arguments: arguments) }
    }

    /// id, at, user and action of every audit row, in order.
    static func audit(_ path: String) throws -> [(id: Int64, at: String, user: String, action: String)] {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT id, at, user, action FROM audit ORDER BY id").map { ($0["id"], $0["at"], $0["user"], $0["action"]) }
        }
    }

    /// The OS user running the tests: the store's only staff member after `init`.
    static func me(_ path: String) throws -> String {
        try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "SELECT user FROM staff") } ?? "?"
    }

    static func changedAt(_ path: String, _ household: String) throws -> String {
        try DatabaseQueue(path: path).read { db in
            try String.fetchOne(db, sql: "SELECT changedAt FROM household WHERE id = ?", arguments: [household])
        } ?? "?"
    }

    static func setRole(_ path: String, _ role: String) throws {
        try execute(path, "UPDATE staff SET role = ?", [role])
    }
}

@Suite("keukentafel audit verify and show")
struct AuditCommandTests {
    /// A store with two households, one exported and one looked at.
    static func store(_ folder: URL) throws -> String {
        let path = try StoreCommandTests.initStore(folder)
        #expect(try CLI.run(["import", "--store", path, CLI.sample, "sample-data/hh-demo-0002.json"]).status == 0)
        #expect(try CLI.run(["export", "hh-demo-0001", "--store", path]).status == 0)
        #expect(try CLI.run(["overview", "hh-demo-0002", "--store", path]).status == 0)
        return path
    }

    @Test("A fine chain: ok with the number of rows, in Dutch and in English")
    func fine() throws {
        try CLI.withTemporaryDirectory { folder in
            let path = try Self.store(folder)
            let rows = try StoreFile.audit(path)
            #expect(rows.map(\.action) == ["store.create", "household.import", "household.import", "import",
                                           "household.export", "household.overview"])
            let run = try CLI.run(["audit", "verify", "--store", path])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.hasPrefix("ok, 6 regels\nlaatste hash: "))
            #expect(run.stderr.isEmpty)
            let en = try CLI.run(["audit", "verify", "--store", path, "--lang", "en"])
            #expect(en.status == 0 && en.stdout.hasPrefix("ok, 6 rows\nlast hash: "))
            #expect(try StoreFile.audit(path).count == 6) // verifying reads only
        }
    }

    @Test("A detail changed in the file: exit 65 and exactly that row named")
    func changed() throws {
        try CLI.withTemporaryDirectory { folder in
            let path = try Self.store(folder)
            let export = try #require(try StoreFile.audit(path).first { $0.action == "household.export" })
            try StoreFile.execute(path, "DROP TRIGGER audit_no_update; UPDATE audit SET detail = 'niets' WHERE id = \(export.id)")
            let run = try CLI.run(["audit", "verify", "--store", path])
            #expect(run.status == 65)
            #expect(run.stdout.isEmpty)
            #expect(run.stderr == "Het auditlogboek is niet intact: regel \(export.id) (\(export.at), \(export.user), household.export) is na het schrijven gewijzigd.\n")
            let en = try CLI.run(["audit", "verify", "--store", path, "--lang", "en"])
            #expect(en.stderr == "The audit trail is not intact: row \(export.id) (\(export.at), \(export.user), household.export) was changed after it was written.\n")
        }
    }

    @Test("A row deleted in the middle: exit 65, the row after the gap named with the missing one")
    func deleted() throws {
        try CLI.withTemporaryDirectory { folder in
            let path = try Self.store(folder)
            let rows = try StoreFile.audit(path)
            try StoreFile.execute(path, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = \(rows[2].id)")
            let run = try CLI.run(["audit", "verify", "--store", path])
            #expect(run.status == 65)
            let next = rows[3]
            #expect(run.stderr == "Het auditlogboek is niet intact: vóór regel \(next.id) (\(next.at), \(next.user), \(next.action)) ontbreekt regel \(rows[2].id).\n")
        }
    }

    @Test("audit show: who viewed and changed the household, oldest first, this look included; unknown id exit 64")
    func show() throws {
        try CLI.withTemporaryDirectory { folder in
            let path = try Self.store(folder)
            let me = try StoreFile.me(path)
            let run = try CLI.run(["audit", "show", "hh-demo-0001", "--store", path])
            #expect(run.status == 0, "\(run.stderr)")
            let lines = run.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == "Auditlogboek van hh-demo-0001, oudste eerst (3 regels):")
            #expect(lines.count == 5)
            #expect(lines[1].hasPrefix("tijd ") && lines[1].contains("gebruiker") && lines[1].hasSuffix("details"))
            #expect(lines[2].contains(" \(me) ") && lines[2].contains("household.import") && lines[2].contains("from \(CLI.sample): 2 members"))
            #expect(lines[3].contains("household.export"))
            #expect(lines[4].contains("audit.show"))
            #expect(try StoreFile.audit(path).last?.action == "audit.show")
            let again = try CLI.run(["audit", "show", "hh-demo-0001", "--store", path, "--lang", "en"])
            #expect(again.stdout.hasPrefix("Audit trail of hh-demo-0001, oldest first (4 rows):\ntime "))

            let before = try StoreFile.audit(path).count
            let unknown = try CLI.run(["audit", "show", "hh-nope", "--store", path])
            #expect(unknown.status == 64)
            #expect(unknown.stdout.isEmpty)
            #expect(unknown.stderr == "Huishouden hh-nope bestaat niet in deze opslag en komt niet voor in het auditlogboek.\n")
            #expect(try StoreFile.audit(path).count == before)
        }
    }

    @Test("Caseworkers and trainers are refused (exit 64, as payments); in a demo store a trainer may")
    func roles() throws {
        try CLI.withTemporaryDirectory { folder in
            let path = try Self.store(folder)
            let me = try StoreFile.me(path)
            try StoreFile.setRole(path, "caseworker")
            let verify = try CLI.run(["audit", "verify", "--store", path])
            #expect(verify.status == 64)
            #expect(verify.stderr == "\(me) (regisseur) mag niet het auditlogboek inzien. Dat doet een teamleider.\n")
            let before = try StoreFile.audit(path).count
            let show = try CLI.run(["audit", "show", "hh-demo-0001", "--store", path, "--lang", "en"])
            #expect(show.status == 64)
            #expect(show.stderr == "\(me) (caseworker) may not read the audit trail. That is for a team leader.\n")
            #expect(try StoreFile.audit(path).count == before)
            try StoreFile.setRole(path, "trainer")
            #expect(try CLI.run(["audit", "verify", "--store", path]).status == 64)

            // the same store marked as a demo copy: a trainer shows the audit trail
            try StoreFile.execute(path, "UPDATE meta SET value = 'demo' WHERE key = 'kind'")
            let demo = try CLI.run(["audit", "verify", "--store", path])
            #expect(demo.status == 0, "\(demo.stderr)")
            #expect(demo.stdout.hasPrefix("ok, "))
            #expect(try CLI.run(["audit", "show", "hh-demo-0002", "--store", path]).status == 0)
        }
    }
}
