import Casework
import GRDB

/// The intake being typed, kept within a second of the last key (as a conversation's
/// draft is) so a crash, a kill or a closed SSH session loses at most that second. There
/// is no household yet: one draft per user, offered back when they start an intake again.
extension Store {
    /// Writes the draft. Not a change of any household: it is the typist's own unsaved text,
    /// so it has no audit row; the intake saved from it has.
    public func saveIntakeDraft(_ intake: Intake, by actor: Actor) throws {
        if isReadOnly { throw StoreError.readOnly(path: location.path) }
        let at = clock.now().iso
        do {
            try writer.write { db in
                try db.execute(sql: """
                    INSERT INTO intake_draft (user, document, savedAt) VALUES (?, ?, ?)
                    ON CONFLICT (user) DO UPDATE SET document = excluded.document, savedAt = excluded.savedAt
                    """, arguments: [actor.user, CaseFileRows.doc(intake.document), at])
            }
        } catch { throw mapped(error) }
    }

    /// The user's unsaved intake and when it was written, if there is one.
    public func intakeDraft(user: String) throws -> (intake: Intake, savedAt: String)? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT document, savedAt FROM intake_draft WHERE user = ?", arguments: [user]) else {
                return nil
            }
            guard let intake = Intake(document: try CaseFileRows.value(row["document"])) else {
                throw StoreError.database("the intake draft of \(user) does not read")
            }
            return (intake, row["savedAt"])
        }
    }

    public func discardIntakeDraft(by actor: Actor) throws {
        if isReadOnly { throw StoreError.readOnly(path: location.path) }
        do {
            try writer.write { db in try db.execute(sql: "DELETE FROM intake_draft WHERE user = ?", arguments: [actor.user]) }
        } catch { throw mapped(error) }
    }
}
