import Casework
import Foundation
import GRDB
import Testing
@testable import CaseStore

@Suite("The store: schema, permissions, kinds, staff and the audit trail")
struct StoreTests {
    @Test("Every migration runs from an empty file and leaves every table")
    func migrationsFromEmpty() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            let applied = try store.read { db in try Schema.migrator.appliedIdentifiers(db) }
            #expect(applied == Set(Schema.migrator.migrations))
            #expect(applied.count >= 1)
            let tables = try store.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            }
            for table in ["agreement", "audit", "conversation", "grant_event", "grant_request", "household", "ledger_line",
                          "life_domain_score", "member", "meta", "plan_goal", "signal", "staff"] {
                #expect(tables.contains(table), "missing table \(table)")
            }
            let journal = try store.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
            #expect(journal == "wal")
            // opening again runs no migration twice
            let again = try Store.open(at: store.location, clock: store.clock)
            #expect(try again.read { db in try Schema.migrator.appliedIdentifiers(db) } == applied)
        }
    }

    @Test("Folder 0700 and file 0600; a store others can read is refused with the fix")
    func permissions() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            #expect(StorePermissions.mode(of: store.location.directory) == 0o700)
            #expect(StorePermissions.mode(of: store.location.path) == 0o600)
            if let wal = StorePermissions.mode(of: store.location.path + "-wal") { #expect(wal == 0o600) }

            chmod(store.location.path, 0o644)
            #expect(throws: StoreError.permissionsTooOpen(path: store.location.path, mode: 0o644, wanted: 0o600)) {
                try Store.open(at: store.location, clock: store.clock)
            }
            let message = StoreError.permissionsTooOpen(path: "/s/k.sqlite", mode: 0o644, wanted: 0o600).message(in: .nl)
            #expect(message.contains("rechten 0644"))
            #expect(message.hasSuffix("Herstel met: chmod 600 /s/k.sqlite"))
            chmod(store.location.path, 0o600)
            chmod(store.location.directory, 0o755)
            #expect(throws: StoreError.permissionsTooOpen(path: store.location.directory, mode: 0o755, wanted: 0o700)) {
                try Store.open(at: store.location, clock: store.clock)
            }
            chmod(store.location.directory, 0o700)
            _ = try Store.open(at: store.location, clock: store.clock)
        }
    }

    @Test("A missing store says how to make one; an existing one is never overwritten")
    func missingAndExisting() throws {
        try withTemporaryFolder { folder in
            let location = StoreLocation(path: folder + "/none/k.sqlite")
            #expect(throws: StoreError.missing(path: location.path)) { try Store.open(at: location, clock: testClock) }
            #expect(StoreError.missing(path: "/x").message(in: .nl).hasSuffix("keukentafel init"))
            let store = try makeStore(in: folder)
            #expect(throws: StoreError.alreadyExists(path: store.location.path)) {
                try Store.create(at: store.location, firstStaff: leader, clock: testClock)
            }
        }
    }

    @Test("A SQLite file that is not ours is refused, not written into")
    func foreignDatabase() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/other.sqlite"
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try db.execute(sql: "CREATE TABLE t (x)") }
            chmod(path, 0o600)
            chmod(folder, 0o700)
            #expect(throws: StoreError.notAStore(path: path)) { try Store.open(at: StoreLocation(path: path), clock: testClock) }
            #expect(try queue.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master") } == ["t"])
        }
    }

    @Test("Store location: option, then KEUKENTAFEL_STORE, then XDG_DATA_HOME, then ~/.local/share")
    func location() {
        #expect(StoreLocation.resolve(option: "/a/b.sqlite", environment: ["KEUKENTAFEL_STORE": "/c/d.sqlite"]).path == "/a/b.sqlite")
        #expect(StoreLocation.resolve(option: nil, environment: ["KEUKENTAFEL_STORE": "/c/d.sqlite"]).path == "/c/d.sqlite")
        let xdg = StoreLocation.resolve(option: nil, environment: ["XDG_DATA_HOME": "/x", "HOME": "/home/r"])
        #expect(xdg.path == "/x/keukentafel/keukentafel.sqlite")
        #expect(xdg.isDefault)
        #expect(StoreLocation.resolve(option: nil, environment: ["HOME": "/home/r"]).path
                == "/home/r/.local/share/keukentafel/keukentafel.sqlite")
        // a relative XDG_DATA_HOME is ignored, as the XDG spec says
        #expect(StoreLocation.resolve(option: nil, environment: ["XDG_DATA_HOME": "rel", "HOME": "/h"]).path
                == "/h/.local/share/keukentafel/keukentafel.sqlite")
    }

    @Test("The audit trail refuses UPDATE and DELETE, even straight in SQL")
    func auditAppendOnly() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            let before = try store.auditTrail()
            #expect(before.count == 4) // the store's creation and three staff members
            #expect(before.map(\.action) == ["store.create", "staff.add", "staff.add", "staff.add"])
            let queue = try DatabaseQueue(path: store.location.path)
            #expect(throws: DatabaseError.self) { try queue.write { db in try db.execute(sql: "UPDATE audit SET user = 'x'") } }
            #expect(throws: DatabaseError.self) { try queue.write { db in try db.execute(sql: "DELETE FROM audit") } }
            do {
                try queue.write { db in try db.execute(sql: "DELETE FROM audit WHERE id = 1") }
                Issue.record("the delete went through")
            } catch let error as DatabaseError {
                #expect(error.message == "the audit trail is append-only: rows cannot be deleted")
            }
            #expect(try store.auditTrail() == before)
        }
    }

    @Test("Staff: team leaders add; others may not; unknown users get the command that adds them")
    func staffAndRoles() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            #expect(try store.staff().map(\.user) == ["a.dekker", "j.bakker", "r.westra", "s.elidrissi"])
            #expect(try store.staffMember("r.westra").role == .caseworker)
            #expect(throws: StoreError.notAllowed(user: "r.westra", role: .caseworker, action: .manageStaff)) {
                try store.addStaff(StaffMember(user: "x", name: "X", role: .teamleader), by: caseworker)
            }
            #expect(throws: StoreError.staffExists(user: "r.westra")) {
                try store.addStaff(StaffMember(user: "r.westra", name: "R", role: .caseworker), by: leader.actor)
            }
            #expect(throws: StoreError.unknownUser(user: "nobody", path: store.location.path)) { try store.staffMember("nobody") }
            #expect(StoreError.unknownUser(user: "nobody", path: "/s").message(in: .nl)
                    .contains("keukentafel staff add nobody --name"))
            // a trainer changes nothing in a real store
            let trainer = try store.staffMember("a.dekker").actor
            #expect(throws: StoreError.notAllowed(user: "a.dekker", role: .trainer, action: .editHousehold)) {
                _ = try store.importCaseFiles([sampleSource("hh-demo-0001.json")], by: trainer)
            }
            #expect(try count(store, "household") == 0)
        }
    }

    @Test("Demo and real stores never open as each other")
    func demoAndReal() throws {
        try withTemporaryFolder { folder in
            let demo = try Store.createDemo(from: sampleData, temporaryRoot: folder, clock: testClock)
            #expect(demo.kind == .demo)
            #expect(try count(demo, "household") == sampleFileNames().count)
            #expect(try demo.staff().count == 4)
            #expect(throws: StoreError.demoStoreOpenedAsReal(path: demo.location.path)) { try Store.open(at: demo.location, clock: demo.clock) }
            _ = try Store.open(at: demo.location, kind: .demo, clock: demo.clock)

            let real = try makeStore(in: folder)
            #expect(throws: StoreError.realStoreOpenedAsDemo(path: real.location.path)) {
                try Store.open(at: real.location, kind: .demo, clock: real.clock)
            }
            // the default location never holds a demo store
            let defaultLocation = StoreLocation(path: folder + "/default/k.sqlite", isDefault: true)
            #expect(throws: StoreError.realStoreOpenedAsDemo(path: defaultLocation.path)) {
                try Store.create(at: defaultLocation, kind: .demo, firstStaff: leader, clock: testClock)
            }
            #expect(!FileManager.default.fileExists(atPath: defaultLocation.path))
        }
    }
}
