import Casework
import GRDB

/// One row of the audit trail: who did what to which household, and when, chained to the
/// row before it (`AuditChain`). The table is append-only; triggers in the schema refuse
/// UPDATE and DELETE.
public struct AuditEntry: Codable, Equatable, Sendable, FetchableRecord {
    public var id: Int64
    public var at: String
    public var user: String
    public var householdId: String?
    public var action: String
    public var detail: String
    /// The hash of the row before (`AuditChain.genesis` for the first row).
    public var previousHash: String
    /// SHA-256 over this row's fields and `previousHash`, in hex.
    public var hash: String

    public init(row: Row) throws {
        id = row["id"]; at = row["at"]; user = row["user"]; householdId = row["householdId"]
        action = row["action"]; detail = row["detail"]
        // A read-only store of before v7 has no chain columns yet.
        previousHash = row["previousHash"] ?? ""; hash = row["hash"] ?? ""
    }
}

enum Audit {
    /// Appends one row to the chain. Always inside the caller's write transaction, which GRDB
    /// opens IMMEDIATE: SQLite lets one writer at a time hold it, so nobody else appends
    /// between reading the last row and inserting this one, and the chain never forks — also
    /// with several workstations on one file.
    static func append(_ db: Database, at: Moment, user: String, household: String?, action: String, detail: String) throws {
        guard db.isInsideTransaction else {
            throw StoreError.database("an audit row is only written inside a unit of work")
        }
        // SQLite text ends at a NUL as GRDB binds it: the row hashes exactly what is stored,
        // so a NUL in an imported text cannot break the chain.
        let user = Self.storable(user), household = household.map(Self.storable)
        let action = Self.storable(action), detail = Self.storable(detail)
        let last = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1"))
        // The id is part of the hash, so it is chosen here, the way AUTOINCREMENT would:
        // after the highest id ever used, also when rows were cut off (verify shows the gap).
        let sequence = try Int64.fetchOne(db.cachedStatement(sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit'")) ?? 0
        let (id, overflow) = max(last?["id"] ?? 0, sequence).addingReportingOverflow(1)
        guard !overflow else {
            throw StoreError.database("the audit trail's ids are used up (tampered with?); run keukentafel audit verify")
        }
        let previous: String = last?["hash"] ?? AuditChain.genesis
        let hash = AuditChain.hash(id: id, at: at.iso, user: user, household: household, action: action,
                                   detail: detail, previousHash: previous)
        try db.cachedStatement(sql: """
            INSERT INTO audit (id, at, user, householdId, action, detail, previousHash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [id, at.iso, user, household, action, detail, previous, hash])
    }

    /// The text as SQLite keeps it: U+0000 becomes U+FFFD.
    static func storable(_ text: String) -> String {
        text.contains("\u{0}") ? text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : text
    }
}

extension Store {
    /// The audit rows of one household, oldest first; all rows when `household` is nil.
    public func auditTrail(household: String? = nil) throws -> [AuditEntry] {
        try read { db in
            if let household {
                return try AuditEntry.fetchAll(db, sql: "SELECT * FROM audit WHERE householdId = ? ORDER BY id", arguments: [household])
            }
            return try AuditEntry.fetchAll(db, sql: "SELECT * FROM audit ORDER BY id")
        }
    }

    /// Who viewed and changed a household, oldest first, for a team leader. Looking at a
    /// household's trail is itself a view of the household: it is recorded first, in the
    /// same transaction, so the list ends with it. A household that is gone but still has
    /// rows in the trail can be shown; one that never existed cannot.
    public func showAuditTrail(household: String, by actor: Actor) throws -> [AuditEntry] {
        try requireTeamLeader(actor, for: .readAuditTrail)
        if isReadOnly { throw StoreError.readOnly(path: location.path) }
        let at = clock.now()
        do {
            return try writer.write { db in
                let known = try Bool.fetchOne(db, sql: """
                    SELECT EXISTS (SELECT 1 FROM household WHERE id = ?) OR EXISTS (SELECT 1 FROM audit WHERE householdId = ?)
                    """, arguments: [household, household]) ?? false
                guard known else { throw StoreError.householdNotFound(id: household) }
                try Audit.append(db, at: at, user: actor.user, household: household, action: "audit.show", detail: "")
                return try AuditEntry.fetchAll(db, sql: "SELECT * FROM audit WHERE householdId = ? ORDER BY id", arguments: [household])
            }
        } catch {
            throw mapped(error)
        }
    }
}
