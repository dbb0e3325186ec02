import Casework
import GRDB

/// A request form as typed and not yet saved: written within a second of the last key, so a
/// crash, a kill or a closed SSH session loses at most that second (like a conversation's
/// draft). It is the typist's own unsaved text: no audit row; saving the request has one.
public struct GrantFormDraft: Equatable, Sendable {
    public let householdId: String
    /// The request being edited, nil for a new one.
    public let grantId: String?
    /// The form's fields as typed (JSON, the workstation's own shape).
    public let document: String
    public let savedAt: String
}

extension Store {
    public func saveGrantFormDraft(_ document: String, grantId: String?, household: String, by actor: Actor) throws {
        if isReadOnly { throw StoreError.readOnly(path: location.path) }
        let at = clock.now().iso
        do {
            try writer.write { db in
                try db.execute(sql: """
                    INSERT INTO grant_form_draft (householdId, user, grantId, document, savedAt) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (householdId, user) DO UPDATE SET grantId = excluded.grantId,
                        document = excluded.document, savedAt = excluded.savedAt
                    """, arguments: [household, actor.user, grantId, document, at])
            }
        } catch { throw mapped(error) }
    }

    public func grantFormDraft(household: String, user: String) throws -> GrantFormDraft? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM grant_form_draft WHERE householdId = ? AND user = ?", arguments: [household, user])
                .map { GrantFormDraft(householdId: household, grantId: $0["grantId"], document: $0["document"], savedAt: $0["savedAt"]) }
        }
    }

    public func discardGrantFormDraft(household: String, by actor: Actor) throws {
        do {
            try writer.write { db in
                try db.execute(sql: "DELETE FROM grant_form_draft WHERE householdId = ? AND user = ?", arguments: [household, actor.user])
            }
        } catch { throw mapped(error) }
    }
}
