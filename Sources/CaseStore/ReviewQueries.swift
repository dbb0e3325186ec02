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
}

extension Store {
    public func reviewList(_ list: ReviewList) throws -> [ReviewItem] {
        let condition: String = switch list {
        case .waiting: "g.status = 'submitted' ORDER BY g.urgencyDate IS NULL, g.urgencyDate, g.submittedAt"
        case .underMandate: "g.approvedUnderMandate = 1 ORDER BY g.decidedAt DESC"
        case .unpaid: "g.status = 'approved' ORDER BY g.decidedAt"
        }
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT g.*, h.name AS householdName FROM grant_request g JOIN household h ON h.id = g.householdId WHERE \(condition)")
                .map { ReviewItem(grant: try Self.storedGrant($0), householdName: $0["householdName"]) }
        }
    }
}

extension Store {
    /// Every grant submitted by a member of `team` (all grants when nil), for the dashboard.
    public func grantsForReport(team: String?) throws -> [Grant] {
        try read { db in
            let rows: [Row]
            if let team {
                rows = try Row.fetchAll(db, sql: """
                    SELECT g.* FROM grant_request g WHERE g.submittedBy IN (SELECT user FROM staff WHERE team = ?)
                    """, arguments: [team])
            } else {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM grant_request")
            }
            return try rows.map { try Self.storedGrant($0).grant }
        }
    }
}
