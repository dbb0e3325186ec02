import Casework
import GRDB

/// A conversation as stored: its row id and the version an edit must be based on.
public struct StoredConversation: Equatable, Sendable {
    public let id: Int64
    public let householdId: String
    public let version: Int
    public let changedBy: String
    public let changedAt: String
    public let conversation: Conversation
}

/// A conversation someone is typing: saved as they type, offered back after a crash.
public struct ConversationDraft: Equatable, Sendable {
    public let householdId: String
    public let user: String
    /// The conversation being edited, nil for a new one.
    public let conversationId: Int64?
    public let conversation: Conversation
    public let savedAt: String
}

extension Store {
    public func conversations(household: String) throws -> [StoredConversation] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM conversation WHERE householdId = ? ORDER BY position",
                             arguments: [household]).map { row in try Self.storedConversation(db, row) }
        }
    }

    private static func storedConversation(_ db: Database, _ row: Row) throws -> StoredConversation {
        let id: Int64 = row["id"]
        var object = try CaseFileRows.object(row["document"])
        object["agreements"] = .array(try String.fetchAll(db, sql: "SELECT document FROM agreement WHERE conversationId = ? ORDER BY position",
                                                          arguments: [id]).map(CaseFileRows.value))
        guard case .success(let conversation) = CaseFileReader.conversation(.object(object)) else {
            throw StoreError.database("conversation \(id) does not read")
        }
        return StoredConversation(id: id, householdId: row["householdId"], version: row["version"],
                                  changedBy: row["changedBy"], changedAt: row["changedAt"], conversation: conversation)
    }

    /// Saves a new conversation with its agreements (one unit of work); clears the draft.
    public func addConversation(_ conversation: Conversation, household: String, by actor: Actor) throws -> StoredConversation {
        try change(by: actor, household: household, action: "conversation.add",
                   detail: "\(conversation.date?.iso ?? "-"): \(conversation.question.prefix(60))") { db, at in
            let position = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position) + 1, 0) FROM conversation WHERE householdId = ?",
                                            arguments: [household]) ?? 0
            try CaseFileRows.insertConversation(conversation, position: position, household: household, into: db,
                                                by: actor.user, at: at.iso)
            try db.execute(sql: "DELETE FROM draft WHERE householdId = ? AND user = ?", arguments: [household, actor.user])
            // (lastInsertedRowID would be the last agreement's)
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM conversation WHERE householdId = ? AND position = ?",
                                             arguments: [household, position]) else {
                throw StoreError.database("the new conversation of \(household) was not found")
            }
            return try Self.storedConversation(db, row)
        }
    }

    /// Saves an edited conversation if nobody saved it since it was read; clears the draft.
    /// `overwriting`: `stored` is someone else's version that refused an earlier save and was
    /// shown; this save goes over it on purpose, and the audit row says so.
    public func updateConversation(_ stored: StoredConversation, to conversation: Conversation, by actor: Actor,
                                   overwriting: Bool = false) throws -> StoredConversation {
        let note = overwriting ? Versioning.overwriteNote(changedBy: stored.changedBy, version: stored.version, changedAt: stored.changedAt) : ""
        return try change(by: actor, household: stored.householdId, action: "conversation.update",
                          detail: "\(conversation.date?.iso ?? "-"): \(conversation.question.prefix(60))" + note) { db, at in
            var o = CaseFileWriter.conversation(conversation).objectValue!
            let agreements = o["agreements"]?.arrayValue ?? []
            o["agreements"] = nil
            try Versioning.update(db, table: "conversation", id: stored.id, expected: stored.version,
                                  columns: [("date", conversation.date?.iso), ("author", conversation.author),
                                            ("document", CaseFileRows.doc(.object(o)))],
                                  by: actor.user, at: at.iso, what: conversation.date?.dutch ?? "gesprek")
            try db.execute(sql: "DELETE FROM agreement WHERE conversationId = ?", arguments: [stored.id])
            for (i, (a, d)) in zip(conversation.agreements, agreements).enumerated() {
                try db.execute(sql: """
                    INSERT INTO agreement (conversationId, householdId, position, owner, due, done, document, changedBy, changedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [stored.id, stored.householdId, i, a.owner, a.due?.iso, a.done, CaseFileRows.doc(d),
                                     actor.user, at.iso])
            }
            try db.execute(sql: "DELETE FROM draft WHERE householdId = ? AND user = ?", arguments: [stored.householdId, actor.user])
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM conversation WHERE id = ?", arguments: [stored.id]) else {
                throw StoreError.rowGone(what: conversation.date?.dutch ?? "gesprek")
            }
            return try Self.storedConversation(db, row)
        }
    }

    /// Writes the draft (not a change of the household: it is the typist's own unsaved text,
    /// so it has no audit row; saving the conversation does).
    public func saveDraft(_ conversation: Conversation, conversationId: Int64?, household: String, by actor: Actor) throws {
        if isReadOnly { throw StoreError.readOnly(path: location.path) }
        let at = clock.now().iso
        let document = CaseFileRows.doc(CaseFileWriter.conversation(conversation))
        do {
            try writer.write { db in
                try db.execute(sql: """
                    INSERT INTO draft (householdId, user, conversationId, document, savedAt) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (householdId, user) DO UPDATE SET conversationId = excluded.conversationId,
                        document = excluded.document, savedAt = excluded.savedAt
                    """, arguments: [household, actor.user, conversationId, document, at])
            }
        } catch { throw mapped(error) }
    }

    public func draft(household: String, user: String) throws -> ConversationDraft? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM draft WHERE householdId = ? AND user = ?",
                                             arguments: [household, user]) else { return nil }
            guard case .success(let conversation) = CaseFileReader.conversation(try CaseFileRows.value(row["document"])) else {
                throw StoreError.database("the draft of \(household) does not read")
            }
            return ConversationDraft(householdId: household, user: user, conversationId: row["conversationId"],
                                     conversation: conversation, savedAt: row["savedAt"])
        }
    }

    public func discardDraft(household: String, by actor: Actor) throws {
        do {
            try writer.write { db in
                try db.execute(sql: "DELETE FROM draft WHERE householdId = ? AND user = ?", arguments: [household, actor.user])
            }
        } catch { throw mapped(error) }
    }
}
