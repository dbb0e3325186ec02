import Casework
import Foundation
import GRDB
import Testing
@testable import CaseStore

/// Errors seen on other threads, for the test to look at afterwards.
final class ErrorList: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [String] = []
    func add(_ error: Error) { lock.lock(); errors.append("\(error)"); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return errors }
}

@Suite("The audit trail as a hash chain (migration v7)")
struct AuditChainTests {
    /// The file itself, past the store: what someone with the file and the sqlite3 shell can do.
    static func tamper(_ store: Store, _ sql: String) throws {
        let queue = try DatabaseQueue(path: store.location.path)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;")
            try db.execute(sql: sql)
        }
    }

    /// A store with one household viewed a few times: 4 staff rows, the import, 5 views.
    static func storeWithTrail(in folder: String) throws -> (Store, String) {
        let store = try makeStore(in: folder)
        let id = try store.importCaseFiles([try sampleSource("hh-demo-0001.json")], by: caseworker)[0]
        for _ in 0..<5 { try store.recordView(by: caseworker, household: id) }
        return (store, id)
    }

    @Test("Every row carries the hash of the row before it; a fine chain verifies")
    func fineChain() throws {
        try withTemporaryFolder { folder in
            let (store, _) = try Self.storeWithTrail(in: folder)
            let trail = try store.auditTrail()
            #expect(trail.count == 11) // create, 3 staff, the import's two rows, 5 views
            #expect(trail.map(\.id) == Array(1...11))
            #expect(trail[0].previousHash == AuditChain.genesis)
            for (before, row) in zip(trail, trail.dropFirst()) { #expect(row.previousHash == before.hash) }
            // the hash is SHA-256 over the canonical encoding, reproducible by hand
            let first = trail[0]
            #expect(first.hash == SHA256.hex(Array("keukentafel-audit/1,1:1,\(first.at.utf8.count):\(first.at),8:j.bakker,~,12:store.create,\(first.detail.utf8.count):\(first.detail),64:\(AuditChain.genesis),".utf8)))
            #expect(try store.verifyAuditTrail(by: leader.actor) == .intact(rows: 11, lastHash: trail.last?.hash))
        }
    }

    @Test("A NUL or a control character in an audited text (from an imported file) keeps the chain whole")
    func nulInDetail() throws {
        try withTemporaryFolder { folder in
            let (store, id) = try Self.storeWithTrail(in: folder)
            try store.recordView(by: caseworker, household: id, action: "household.view", detail: "label\u{0}after \u{1B}[2J")
            try store.change(by: caseworker, household: id, action: "ledger.update", detail: "\u{0}") { _, _ in }
            let trail = try store.auditTrail(household: id)
            #expect(trail.suffix(2).map(\.detail) == ["label\u{FFFD}after \u{1B}[2J", "\u{FFFD}"])
            #expect(try store.verifyAuditTrail(by: leader.actor) == .intact(rows: 13, lastHash: trail.last?.hash))
        }
    }

    @Test("A detail changed in the file: verify names exactly that row")
    func changedDetail() throws {
        try withTemporaryFolder { folder in
            let (store, _) = try Self.storeWithTrail(in: folder)
            let seventh = try #require(try store.auditTrail().first { $0.id == 7 })
            try Self.tamper(store, "UPDATE audit SET detail = 'niets gezien' WHERE id = 7")
            guard case .broken(let found) = try store.verifyAuditTrail(by: leader.actor) else {
                Issue.record("the changed row was not found"); return
            }
            #expect(found.reason == .changed)
            #expect(found.entry?.id == 7)
            #expect(found.entry?.at == seventh.at && found.entry?.user == "r.westra" && found.entry?.action == "household.view")
        }
    }

    @Test("A row changed and its hash recomputed: the next row no longer links to it")
    func rehashedRow() throws {
        try withTemporaryFolder { folder in
            let (store, _) = try Self.storeWithTrail(in: folder)
            let row = try #require(try store.auditTrail().first { $0.id == 7 })
            let forged = AuditChain.hash(id: 7, at: row.at, user: "j.bakker", household: row.householdId, action: row.action,
                                         detail: row.detail, previousHash: row.previousHash)
            try Self.tamper(store, "UPDATE audit SET user = 'j.bakker', hash = '\(forged)' WHERE id = 7")
            #expect(try store.verifyAuditTrail(by: leader.actor)
                    == .broken(AuditBreak(entry: try store.auditTrail().first { $0.id == 8 }, reason: .unlinked)))
        }
    }

    @Test("A row deleted in the middle: the row after the gap is named, with what is missing")
    func deletedRow() throws {
        try withTemporaryFolder { folder in
            let (store, _) = try Self.storeWithTrail(in: folder)
            try Self.tamper(store, "DELETE FROM audit WHERE id = 6")
            let seventh = try store.auditTrail().first { $0.id == 7 }
            #expect(try store.verifyAuditTrail(by: leader.actor) == .broken(AuditBreak(entry: seventh, reason: .missing(from: 6, to: 6))))
        }
    }

    @Test("Rows cut off at the end are seen (SQLite's sequence remembers them), also after a new row")
    func cutOff() throws {
        try withTemporaryFolder { folder in
            let (store, id) = try Self.storeWithTrail(in: folder)
            try Self.tamper(store, "DELETE FROM audit WHERE id >= 10")
            let last = try store.auditTrail().last
            #expect(try store.verifyAuditTrail(by: leader.actor) == .broken(AuditBreak(entry: last, reason: .cutOff(to: 11))))
            // the next row links to row 9 but gets id 12: the gap stays visible
            try store.recordView(by: caseworker, household: id)
            let after = try store.auditTrail().last
            #expect(after?.id == 12)
            #expect(try store.verifyAuditTrail(by: leader.actor) == .broken(AuditBreak(entry: after, reason: .missing(from: 10, to: 11))))
        }
    }

    @Test("Two workstations append interleaved and at once: one chain, no fork, no row lost")
    func twoWriters() throws {
        try withTemporaryFolder { folder in
            let clock = TestClock()
            let first = try makeStore(in: folder, clock: clock)
            let id = try first.importCaseFiles([try sampleSource("hh-demo-0001.json")], by: caseworker)[0]
            let second = try Store.open(at: first.location, clock: WallClock { clock.now() })
            let before = try first.auditTrail().count
            // strictly taking turns: each must read the other's last row from the file
            for _ in 0..<20 {
                try first.recordView(by: caseworker, household: id)
                try second.recordView(by: otherCaseworker, household: id)
            }
            // and both at the same time, as fast as they can
            let errors = ErrorList()
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                let (store, actor) = i == 0 ? (first, caseworker) : (second, otherCaseworker)
                for _ in 0..<100 {
                    do { try store.recordView(by: actor, household: id) } catch { errors.add(error) }
                }
            }
            #expect(errors.all.isEmpty)
            let trail = try second.auditTrail()
            #expect(trail.count == before + 240)
            #expect(Set(trail.map(\.previousHash)).count == trail.count, "two rows point at the same row: the chain forked")
            #expect(try first.verifyAuditTrail(by: leader.actor) == .intact(rows: before + 240, lastHash: trail.last?.hash))
        }
    }

    @Test("v7 chains the rows of a store made before it; the triggers are back afterwards")
    func migrationOfAnOldStore() throws {
        try withTemporaryFolder { folder in
            let location = StoreLocation(path: folder + "/old/keukentafel.sqlite")
            try FileManager.default.createDirectory(atPath: location.directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            #expect(FileManager.default.createFile(atPath: location.path, contents: nil, attributes: [.posixPermissions: 0o600]))
            let v6 = try #require(Schema.migrator.migrations.first { $0.hasPrefix("v6:") })
            do {
                let queue = try DatabaseQueue(path: location.path)
                try Schema.migrator.migrate(queue, upTo: v6)
                try queue.write { db in
                    try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
                    try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('kind', 'real'), ('createdAt', '2025-01-01T09:00:00+01:00')")
                    try db.execute(sql: "INSERT INTO staff (user, name, role, addedBy, addedAt) VALUES ('j.bakker', 'Jeroen Bakker', 'teamleader', 'j.bakker', '2025-01-01T09:00:00+01:00')")
                    for i in 1...5 {
                        try db.execute(sql: "INSERT INTO audit (at, user, householdId, action, detail) VALUES (?, 'j.bakker', ?, 'household.view', ?)",
                                       arguments: ["2025-01-0\(i)T10:00:00+01:00", i == 3 ? nil : "hh-\(i)", "kijk \(i)"])
                    }
                }
            }
            let store = try Store.open(at: location, clock: testClock)
            let trail = try store.auditTrail()
            #expect(trail.map(\.detail) == (1...5).map { "kijk \($0)" })
            var previous = AuditChain.genesis
            for row in trail {
                #expect(row.previousHash == previous)
                #expect(row.hash == AuditChain.hash(id: row.id, at: row.at, user: row.user, household: row.householdId,
                                                    action: row.action, detail: row.detail, previousHash: previous))
                previous = row.hash
            }
            #expect(try store.verifyAuditTrail(by: leader.actor) == .intact(rows: 5, lastHash: previous))
            try store.recordView(by: leader.actor, household: "hh-1")
            #expect(try store.verifyAuditTrail(by: leader.actor) == .intact(rows: 6, lastHash: try store.auditTrail().last?.hash))
            let queue = try DatabaseQueue(path: location.path)
            #expect(throws: DatabaseError.self) { try queue.write { db in try db.execute(sql: "UPDATE audit SET detail = 'x'") } }
            #expect(throws: DatabaseError.self) { try queue.write { db in try db.execute(sql: "DELETE FROM audit WHERE id = 6") } }
        }
    }

    @Test("An audit row is only written inside a transaction")
    func onlyInsideATransaction() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            #expect(throws: StoreError.self) {
                try store.writer.writeWithoutTransaction { db in
                    try Audit.append(db, at: testClock.now(), user: "x", household: nil, action: "x", detail: "")
                }
            }
            #expect(try store.verifyAuditTrail(by: leader.actor) == .intact(rows: 4, lastHash: try store.auditTrail().last?.hash))
        }
    }

    @Test("audit show: team leaders only (any role in a demo store); the look is recorded; unknown households refused")
    func showTrail() throws {
        try withTemporaryFolder { folder in
            let (store, id) = try Self.storeWithTrail(in: folder)
            #expect(throws: StoreError.notAllowed(user: "r.westra", role: .caseworker, action: .readAuditTrail)) {
                _ = try store.showAuditTrail(household: id, by: caseworker)
            }
            #expect(throws: StoreError.notAllowed(user: "a.dekker", role: .trainer, action: .readAuditTrail)) {
                _ = try store.verifyAuditTrail(by: Actor(user: "a.dekker", role: .trainer))
            }
            let shown = try store.showAuditTrail(household: id, by: leader.actor)
            #expect(shown.map(\.action) == ["household.import"] + Array(repeating: "household.view", count: 5) + ["audit.show"])
            #expect(shown.last?.user == "j.bakker")
            #expect(throws: StoreError.householdNotFound(id: "hh-nope")) { _ = try store.showAuditTrail(household: "hh-nope", by: leader.actor) }
            #expect(try store.auditTrail().count == 12) // the refusals left no row

            let demo = try Store.createDemo(from: sampleData, temporaryRoot: folder, clock: testClock)
            let trainer = try #require(try demo.staff().first { $0.role == .trainer })
            #expect(try demo.showAuditTrail(household: "hh-demo-0001", by: trainer.actor).last?.action == "audit.show")
            guard case .intact = try demo.verifyAuditTrail(by: trainer.actor) else { Issue.record("the demo chain is broken"); return }
        }
    }
}
