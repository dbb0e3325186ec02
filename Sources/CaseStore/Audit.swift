import Casework
import GRDB

/// One row of the audit trail: who did what to which household, and when. The table is
/// append-only; triggers in the schema refuse UPDATE and DELETE.
public struct AuditEntry: Codable, Equatable, Sendable, FetchableRecord {
    public var id: Int64
    public var at: String
    public var user: String
    public var householdId: String?
    public var action: String
    public var detail: String
}

enum Audit {
    static func append(_ db: Database, at: Moment, user: String, household: String?, action: String, detail: String) throws {
        try db.execute(sql: "INSERT INTO audit (at, user, householdId, action, detail) VALUES (?, ?, ?, ?, ?)",
                       arguments: [at.iso, user, household, action, detail])
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
}
