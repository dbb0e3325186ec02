import Casework
import GRDB

/// A grant in one of the team leader's lists, with its household's name.
public struct ReviewItem: Equatable, Sendable {
    public let grant: StoredGrant
    public let householdName: String
}

public enum ReviewList: Int, CaseIterable, Sendable {
    /// Submitted requests waiting for a decision: by urgency date, then age.
    case waiting
    /// Approved under the caseworker's mandate: reviewed afterwards, newest first.
    case underMandate
    /// Approved and not yet paid: the oldest first (past 24 hours is late).
    case unpaid
    /// Decisions with an open objection (bezwaar): the oldest first.
    case objections
}

extension Store {
    /// How many grants the list holds (from an index, no grant read).
    public func reviewCount(_ list: ReviewList) throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grant_request g WHERE \(Self.reviewCondition(list))") ?? 0 }
    }

    /// The grants at `offset` ..< `offset + limit` of the list in its order (limit -1: all).
    /// A city has thousands waiting; the screen reads only the rows around the selection.
    public func reviewPage(_ list: ReviewList, offset: Int, limit: Int) throws -> [ReviewItem] {
        // Each list has a partial index in its own order (Schema.v5): no sort of them all.
        let (index, order): (String, String) = switch list {
        case .waiting: ("grant_request_waiting", "g.urgencyDate IS NULL, g.urgencyDate, g.submittedAt")
        case .underMandate: ("grant_request_under_mandate", "g.decidedAt DESC")
        case .unpaid: ("grant_request_unpaid", "g.decidedAt")
        case .objections: ("grant_request_objection", "g.objectionOpenSince")
        }
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT g.*, h.name AS householdName FROM grant_request g INDEXED BY \(index) JOIN household h ON h.id = g.householdId
                WHERE \(Self.reviewCondition(list)) ORDER BY \(order) LIMIT ? OFFSET ?
                """, arguments: [limit, offset])
                .map { ReviewItem(grant: try Self.storedGrant($0), householdName: $0["householdName"]) }
        }
    }

    private static func reviewCondition(_ list: ReviewList) -> String {
        switch list {
        case .waiting: "g.status = 'submitted'"
        case .underMandate: "g.approvedUnderMandate = 1"
        case .unpaid: "g.status = 'approved'"
        case .objections: "g.objectionOpenSince IS NOT NULL"
        }
    }
}
