import Casework
import GRDB

/// A decision letter as it was sent: kept unchangeable (triggers refuse UPDATE and DELETE),
/// its SHA-256 in the audit trail, so the letter can be printed again byte for byte
/// (`letter ID --copy`) and shown to be the one sent. Recorded only after its file is written.
public struct SentLetter: Equatable, Sendable {
    public let grantId: String
    public let text: String
    public let sha256: String
    public let writtenAt: String
    public let writtenBy: String
}

extension Store {
    @discardableResult
    public func recordLetter(_ text: String, grant: String, household: String, by actor: Actor) throws -> SentLetter {
        // `hex` hashes what it is given: the text itself, so `sha256sum` of the letter's file matches.
        let hash = SHA256.hex(Array(text.utf8))
        return try change(by: actor, household: household, action: "grant.letter", detail: "\(grant) sha256 \(hash)") { db, at in
            try db.execute(sql: "INSERT INTO letter (grantId, householdId, text, sha256, writtenAt, writtenBy) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [grant, household, text, hash, at.iso, actor.user])
            return SentLetter(grantId: grant, text: text, sha256: hash, writtenAt: at.iso, writtenBy: actor.user)
        }
    }

    /// The first letter sent for the grant's current decision (after it was taken), nil when
    /// none was: the decision was made known on its day, and a later print is a copy of it.
    public func decisionLetter(of grant: Grant) throws -> SentLetter? {
        // The decision is the latest taken: on the request, or on an objection against it.
        guard let id = grant.id, let requestDecided = grant.decidedAt else { return nil }
        let objectionDecided = grant.objections.compactMap(\.decidedAt).max { $0.epochSeconds < $1.epochSeconds }
        let decided = objectionDecided.map { $0.epochSeconds > requestDecided.epochSeconds ? $0 : requestDecided } ?? requestDecided
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM letter WHERE grantId = ? ORDER BY id", arguments: [id]).lazy.map {
                SentLetter(grantId: id, text: $0["text"], sha256: $0["sha256"], writtenAt: $0["writtenAt"], writtenBy: $0["writtenBy"])
            }.first { (Moment(iso: $0.writtenAt)?.epochSeconds ?? 0) >= decided.epochSeconds }
        }
    }

    /// The last letter sent for a grant, nil when none was.
    public func lastLetter(grant: String) throws -> SentLetter? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM letter WHERE grantId = ? ORDER BY id DESC LIMIT 1", arguments: [grant]).map {
                SentLetter(grantId: grant, text: $0["text"], sha256: $0["sha256"], writtenAt: $0["writtenAt"], writtenBy: $0["writtenBy"])
            }
        }
    }
}
