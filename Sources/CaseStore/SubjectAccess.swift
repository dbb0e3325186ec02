import Casework
import GRDB

/// The answer to a subject access request (inzageverzoek, AVG art. 15): everything the store
/// holds about the person with one BSN — each household they are a member of, whole, as a
/// case file, and the audit rows about those households (who looked and changed what).
public struct SubjectAccessAnswer: Sendable {
    public static let format = "keukentafel-subject-access/1"

    public let bsn: BSN
    public let madeAt: Moment
    public let madeBy: String
    public let households: [CaseFile]
    public let audit: [AuditEntry]
    /// Early-warning signals about this BSN that matched no household (docs/signals.md).
    public var unmatchedSignals: [Signal] = []

    /// `{"format", "bsn", "madeAt", "madeBy", "summary", "households": [case files], "audit": [rows]}`
    /// (README, "Privacy duties"); `summary` says in words what was found, also when nothing was.
    public func json(summary: String) -> JSONValue {
        .object([
            "format": .string(Self.format),
            "bsn": .string(bsn.digits),
            "madeAt": .string(madeAt.iso),
            "madeBy": .string(madeBy),
            "summary": .string(summary),
            "households": .array(households.map(CaseFileWriter.json)),
            "unmatchedSignals": .array(unmatchedSignals.map(CaseFileWriter.signal)),
            "audit": .array(audit.map { row in
                .object(["id": .number(String(row.id)), "at": .string(row.at), "user": .string(row.user),
                         "household": row.householdId.map { .string($0) } ?? .null,
                         "action": .string(row.action), "detail": .string(row.detail)])
            }),
        ])
    }
}

extension Store {
    public static let subjectAccessAction = "household.subject-access"

    /// Finds every household with a member of this BSN and reads it, recording the request
    /// first in the same transaction: one audit row per household found (it is a view of
    /// that household), or one row without a household when nothing is stored. The rows
    /// show the BSN masked, as lists do: the audit trail is kept longer than the households
    /// and cannot be anonymised. The answer includes these rows themselves.
    public func answerSubjectAccess(bsn: BSN, by actor: Actor) throws -> SubjectAccessAnswer {
        try requireTeamLeader(actor, for: .answerSubjectAccess)
        if isReadOnly { throw StoreError.readOnly(path: location.path) }
        let at = clock.now()
        do {
            return try writer.write { db in
                let ids = try String.fetchAll(db, sql: "SELECT DISTINCT householdId FROM member WHERE bsn = ? ORDER BY householdId",
                                              arguments: [bsn.digits])
                // Signals that matched nobody keep the BSN the partner gave.
                let unmatched = try String.fetchAll(db, sql: "SELECT signal FROM signal_inbox WHERE json_extract(client, '$.bsn') = ? ORDER BY received",
                                                    arguments: [bsn.digits]).compactMap(Self.signal)
                if ids.isEmpty {
                    try Audit.append(db, at: at, user: actor.user, household: nil, action: "subject-access",
                                     detail: "subject access request, BSN \(bsn.masked): "
                                        + (unmatched.isEmpty ? "nothing stored" : "\(unmatched.count) unmatched signals"))
                }
                for id in ids {
                    try Audit.append(db, at: at, user: actor.user, household: id, action: Self.subjectAccessAction,
                                     detail: "subject access request, BSN \(bsn.masked)")
                }
                let files = try ids.map { id in
                    guard var file = try CaseFileRows.load(id, from: db) else { throw StoreError.householdNotFound(id: id) }
                    // The other members' BSNs are theirs, not the requester's (AVG art. 15(4)):
                    // left out, so the answer names them but does not identify them.
                    for i in file.household.members.indices where file.household.members[i].bsn != bsn {
                        file.household.members[i].bsn = nil
                    }
                    return file
                }
                var audit: [AuditEntry] = []
                for id in ids {
                    audit += try AuditEntry.fetchAll(db, sql: "SELECT * FROM audit WHERE householdId = ? ORDER BY id", arguments: [id])
                }
                audit.sort { $0.id < $1.id }
                var answer = SubjectAccessAnswer(bsn: bsn, madeAt: at, madeBy: actor.user, households: files, audit: audit)
                answer.unmatchedSignals = unmatched
                return answer
            }
        } catch {
            throw mapped(error)
        }
    }
}
