import Casework
import GRDB

/// One element of a household as stored, with what an edit of it needs: its row id, the
/// version the edit is based on (Versioning.swift), and who changed it last, when.
public struct Stored<Value: Equatable & Sendable>: Equatable, Sendable {
    public let id: Int64
    public let householdId: String
    public let position: Int
    public let version: Int
    public let changedBy: String
    public let changedAt: String
    public let value: Value
}

/// An agreement as stored: also the conversation it was made in.
public struct StoredAgreement: Equatable, Sendable {
    public let row: Stored<Agreement>
    public let conversationId: Int64
    public let conversationDate: CalendarDate?
}

/// The household row itself: what the overview shows of it besides its elements, and
/// the version an edit of its name, address or plan review date is based on.
public struct HouseholdRecord: Equatable, Sendable {
    public struct Closing: Equatable, Sendable {
        public let on: CalendarDate?
        public let reason: ClosingReason?
        public let note: String?
    }
    public struct Handover: Equatable, Sendable {
        public let note: String
        public let by: String
        public let at: String
        /// The receiver has not yet pressed Enter on it.
        public let unread: Bool
    }

    public let id: String
    public let version: Int
    public let changedBy: String
    public let changedAt: String
    public let caseworker: String?
    public let team: String?
    /// Nil while the household is open.
    public let closing: Closing?
    public let handover: Handover?
    public var isClosed: Bool { closing != nil }
}

/// Everything of a household the overview edits, read in one snapshot.
public struct HouseholdRows: Equatable, Sendable {
    public let record: HouseholdRecord
    public let members: [Stored<Member>]
    public let scores: [Stored<LifeDomainScore>]
    public let signals: [Stored<Signal>]
    public let agreements: [StoredAgreement]
    public let goals: [Stored<Goal>]
    /// Every step of the household's grants as the store recorded it (grant_event), oldest
    /// first: what the timeline shows, with the reviewer's comment on a return or rejection.
    public let grantSteps: [GrantStep]
}

/// One recorded step of a grant: who did what, when, and the comment given with it.
public struct GrantStep: Equatable, Sendable {
    public let grantId: String
    public let at: Moment
    public let user: String
    /// `draft`, `submit`, `approve`, `reject`, `return`, `reopen`, `pay`, `unpay`, `evaluate`,
    /// `withdraw`, `reconsider`, `objection`, `objection.OUTCOME`.
    public let action: String
    public let to: GrantStatus?
    public let comment: String?
}

extension Store {
    public func householdRows(_ id: String) throws -> HouseholdRows {
        try read { db in try Self.householdRows(db, id) }
    }

    static func householdRows(_ db: Database, _ id: String) throws -> HouseholdRows {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM household WHERE id = ?", arguments: [id]) else {
            throw StoreError.householdNotFound(id: id)
        }
        let closed = (row["status"] as String) == "closed"
        let closedOn: String? = row["closedOn"], closedReason: String? = row["closedReason"]
        let handoverNote: String? = row["handoverNote"]
        let record = HouseholdRecord(
            id: id, version: row["version"], changedBy: row["changedBy"], changedAt: row["changedAt"],
            caseworker: row["caseworker"], team: row["team"],
            closing: closed ? .init(on: closedOn.flatMap(CalendarDate.init(iso:)), reason: closedReason.flatMap(ClosingReason.init(rawValue:)),
                                    note: row["closedNote"]) : nil,
            handover: handoverNote.map { .init(note: $0, by: row["handoverBy"] ?? "", at: row["handoverAt"] ?? "",
                                               unread: row["handoverUnread"] ?? false) })
        return HouseholdRows(
            record: record,
            members: try stored(db, "member", id, CaseFileReader.member),
            scores: try stored(db, "life_domain_score", id, CaseFileReader.lifeDomainScore),
            signals: try stored(db, "signal", id, CaseFileReader.signal),
            // Through the household's conversations: agreement.householdId has only a partial
            // index (on open agreements), and a scan of a city's 300,000 agreements cost 25 ms.
            agreements: try Row.fetchAll(db, sql: """
                SELECT a.*, c.date AS conversationDate
                FROM conversation c INDEXED BY conversation_by_household JOIN agreement a ON a.conversationId = c.id
                WHERE c.householdId = ? ORDER BY c.position, a.position
                """, arguments: [id]).map { row in
                    StoredAgreement(row: try storedRow(row, CaseFileReader.agreement), conversationId: row["conversationId"],
                                    conversationDate: (row["conversationDate"] as String?).flatMap(CalendarDate.init(iso:)))
                },
            goals: try stored(db, "plan_goal", id, CaseFileReader.goal),
            grantSteps: try Row.fetchAll(db, sql: """
                SELECT e.grantId, e.at, e.user, e.action, e.toStatus, e.comment
                FROM grant_request g JOIN grant_event e ON e.grantId = g.id WHERE g.householdId = ? ORDER BY e.id
                """, arguments: [id]).compactMap { row in
                    guard let at = Moment(iso: row["at"]) else { return nil }
                    return GrantStep(grantId: row["grantId"], at: at, user: row["user"], action: row["action"],
                                     to: (row["toStatus"] as String?).flatMap(GrantStatus.init(rawValue:)), comment: row["comment"])
                })
    }

    static func stored<V>(_ db: Database, _ table: String, _ household: String,
                          _ read: (JSONValue) -> Result<V, CaseFileRejection>) throws -> [Stored<V>] {
        try Row.fetchAll(db, sql: "SELECT * FROM \(table) WHERE householdId = ? ORDER BY position", arguments: [household])
            .map { try storedRow($0, read) }
    }

    static func storedRow<V>(_ row: Row, _ read: (JSONValue) -> Result<V, CaseFileRejection>) throws -> Stored<V> {
        let document: String = row["document"]
        switch read(try CaseFileRows.value(document)) {
        case .success(let value):
            return Stored(id: row["id"], householdId: row["householdId"], position: row["position"], version: row["version"],
                          changedBy: row["changedBy"], changedAt: row["changedAt"], value: value)
        case .failure(let rejection):
            throw StoreError.database("a stored element does not read: " + rejection.problems.map { $0.message(in: .en) }.joined(separator: "; "))
        }
    }

    static func storedRow<V>(_ db: Database, _ table: String, id: Int64,
                             _ read: (JSONValue) -> Result<V, CaseFileRejection>) throws -> Stored<V> {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM \(table) WHERE id = ?", arguments: [id]) else {
            throw StoreError.database("the row just written to \(table) was not found")
        }
        return try storedRow(row, read)
    }
}
