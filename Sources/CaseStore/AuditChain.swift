import Casework
import GRDB

/// The audit trail as a hash chain (migration v7): every row carries the hash of the row
/// before it and its own hash over a canonical encoding of its fields and that previous
/// hash. Changing, removing or inserting a row anywhere breaks the chain from that row on,
/// so `verify` finds the first row that no longer fits. The triggers keep honest code from
/// changing rows; the chain shows when someone went around them with the file itself.
enum AuditChain {
    /// The "previous hash" of the first row.
    static let genesis = String(repeating: "0", count: 64)

    /// The bytes that are hashed: a version tag, then each field as `<UTF-8 length>:<bytes>,`
    /// (a netstring, so no choice of text can make two different rows encode the same),
    /// with `~,` for a row without a household. Once released this never changes.
    static func canonical(id: Int64, at: String, user: String, household: String?, action: String,
                          detail: String, previousHash: String) -> [UInt8] {
        var bytes = Array("keukentafel-audit/1,".utf8)
        func field(_ text: String) {
            let utf8 = Array(text.utf8)
            bytes += Array("\(utf8.count):".utf8) + utf8 + [UInt8(ascii: ",")]
        }
        field(String(id))
        field(at)
        field(user)
        if let household { field(household) } else { bytes += Array("~,".utf8) }
        field(action)
        field(detail)
        field(previousHash)
        return bytes
    }

    static func hash(id: Int64, at: String, user: String, household: String?, action: String,
                     detail: String, previousHash: String) -> String {
        SHA256.hex(canonical(id: id, at: at, user: user, household: household, action: action,
                             detail: detail, previousHash: previousHash))
    }

    static func hash(of row: Row, previousHash: String) -> String {
        hash(id: row["id"], at: row["at"], user: row["user"], household: row["householdId"], action: row["action"],
             detail: row["detail"], previousHash: previousHash)
    }

    /// Migration v7: the chain columns, computed for the rows already there in id order.
    /// Only here may rows change, so the update trigger is dropped for this one update and
    /// created again, exactly as v1 made it, in the migration's own transaction.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE audit ADD COLUMN previousHash TEXT NOT NULL DEFAULT '';
            ALTER TABLE audit ADD COLUMN hash TEXT NOT NULL DEFAULT '';
            DROP TRIGGER audit_no_update;
            """)
        let update = try db.makeStatement(sql: "UPDATE audit SET previousHash = ?, hash = ? WHERE id = ?")
        var previous = genesis
        // Read all first: updating a table while a cursor walks it is not allowed to
        // change what the cursor sees, and the rows are small.
        for row in try Row.fetchAll(db, sql: "SELECT id, at, user, householdId, action, detail FROM audit ORDER BY id") {
            let own = hash(of: row, previousHash: previous)
            try update.execute(arguments: [previous, own, row["id"] as Int64])
            previous = own
        }
        try db.execute(sql: """
            CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: rows cannot be changed'); END;
            """)
    }
}

/// What `verify` found.
public enum AuditVerification: Equatable, Sendable {
    /// Every row fits; the hash of the last row (nil for an empty trail), to note down
    /// elsewhere: with it, a later verify also shows rows cut off at the end.
    case intact(rows: Int, lastHash: String?)
    case broken(AuditBreak)
}

/// The first row that does not fit the chain, and how.
public struct AuditBreak: Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        /// The row's fields no longer give its hash: it was changed.
        case changed
        /// The row does not point at the row before it: that row was changed or removed,
        /// or this one was put in between.
        case unlinked
        /// Rows with these ids are missing before this row.
        case missing(from: Int64, to: Int64)
        /// Rows after this one, up to id `to`, were cut off (SQLite's sequence remembers them).
        case cutOff(to: Int64)
    }

    /// The broken row; for `cutOff` the last row still there (nil when none is left).
    public let entry: AuditEntry?
    public let reason: Reason
}

extension Store {
    /// Walks the whole audit trail in id order and checks every link. Reads only, so it
    /// also works on a read-only store.
    public func verifyAuditTrail(by actor: Actor) throws -> AuditVerification {
        try requireTeamLeader(actor, for: .readAuditTrail)
        return try read { db in
            guard try db.columns(in: "audit").contains(where: { $0.name == "hash" }) else {
                throw StoreError.database("the audit trail has no hash chain yet: open the store once with write access (migration v7)")
            }
            var previous: AuditEntry?
            var count = 0
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM audit ORDER BY id")
            while let row = try rows.next() {
                let entry = try AuditEntry(row: row)
                if let previous, entry.id != previous.id + 1 {
                    return .broken(AuditBreak(entry: entry, reason: .missing(from: previous.id + 1, to: entry.id - 1)))
                }
                if entry.id < 1 {  // ids start at 1: this one was changed (and would underflow below)
                    return .broken(AuditBreak(entry: entry, reason: .changed))
                }
                if previous == nil && entry.id != 1 {
                    return .broken(AuditBreak(entry: entry, reason: .missing(from: 1, to: entry.id - 1)))
                }
                if entry.previousHash != (previous?.hash ?? AuditChain.genesis) {
                    return .broken(AuditBreak(entry: entry, reason: .unlinked))
                }
                if entry.hash != AuditChain.hash(of: row, previousHash: entry.previousHash) {
                    return .broken(AuditBreak(entry: entry, reason: .changed))
                }
                previous = entry
                count += 1
            }
            // AUTOINCREMENT keeps the highest id ever used: rows removed at the end leave it higher.
            let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit'") ?? 0
            if sequence > previous?.id ?? 0 {
                return .broken(AuditBreak(entry: previous, reason: .cutOff(to: sequence)))
            }
            return .intact(rows: count, lastHash: previous?.hash)
        }
    }
}
