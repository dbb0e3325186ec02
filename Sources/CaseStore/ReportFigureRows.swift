import Casework
import GRDB

/// The figures of the practice report, kept by the store with every write of a grant
/// (migration v17): the business case's net result and the evaluation's answers as columns
/// of `grant_request`, each objection's day and outcome as a row of `grant_objection`. The
/// report and the dashboard read only the grants decided in their period (an index on the
/// decision) and the objections received in it, and never a document: at 100,000
/// households it read and parsed every grant's document (1.9 s).
enum ReportFigureRows {
    static let v17 = """
    ALTER TABLE grant_request ADD COLUMN netAvoidedCents INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE grant_request ADD COLUMN shortTerm TEXT;
    ALTER TABLE grant_request ADD COLUMN societalCost TEXT;
    CREATE INDEX grant_request_decided ON grant_request (decidedAt) WHERE status IN ('approved', 'paid', 'evaluated');
    CREATE TABLE grant_objection (
        grantId TEXT NOT NULL REFERENCES grant_request (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        received TEXT NOT NULL,
        outcome TEXT,
        PRIMARY KEY (grantId, position)
    ) WITHOUT ROWID;
    CREATE INDEX grant_objection_by_received ON grant_objection (received);
    """

    /// Every column the report reads, in one index of the decided grants: its sums scan the
    /// index alone. Read through the grants' rows, each of the report's five scans read the
    /// table's pages with the documents (25 ms each for 8,500 grants at 100,000 households).
    static let v19 = """
    CREATE INDEX grant_request_report ON grant_request (decidedAt, status, route, category, submittedBy, amountCents,
        approvedUnderMandate, netAvoidedCents, shortTerm, societalCost, paidAt, submittedAt, id)
        WHERE status IN ('approved', 'paid', 'evaluated');
    DROP INDEX grant_request_decided;
    """

    /// The columns `insertGrant` and a grant's update write besides the others.
    static func columns(_ g: Grant) -> [(String, (any DatabaseValueConvertible)?)] {
        let f = GrantFigures(g)
        return [("netAvoidedCents", f.netAvoided.cents), ("shortTerm", f.shortTerm?.rawValue), ("societalCost", f.societalCost?.rawValue)]
    }

    /// The grant's objections as rows, replacing those it had.
    static func keepObjections(_ g: Grant, id: String, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM grant_objection WHERE grantId = ?").execute(arguments: [id])
        for (i, o) in g.objections.enumerated() {
            try db.cachedStatement(sql: "INSERT INTO grant_objection (grantId, position, received, outcome) VALUES (?, ?, ?, ?)")
                .execute(arguments: [id, i, o.received.iso, o.outcome?.rawValue])
        }
    }

    /// A grant's figures from a row of `id, status, route, category, amountCents, submittedBy,
    /// submittedAt, decidedAt, paidAt, approvedUnderMandate, netAvoidedCents, shortTerm,
    /// societalCost`, read by position.
    static func grantFigures(_ row: Row) throws -> GrantFigures {
        guard let status = GrantStatus(rawValue: row[1]), let route = Route(rawValue: row[2]),
              let category = GrantCategory(rawValue: row[3]) else {
            throw StoreError.database("grant \(row[0] as String? ?? "?") has a status, route or category this version does not know")
        }
        return GrantFigures(
            id: row[0], status: status, route: route, category: category, amount: Money(cents: row[4]),
            submittedBy: row[5], submittedAt: (row[6] as String?).flatMap(Moment.init(iso:)),
            decidedAt: (row[7] as String?).flatMap(Moment.init(iso:)), paidAt: (row[8] as String?).flatMap(Moment.init(iso:)),
            approvedUnderMandate: row[9], netAvoided: Money(cents: row[10]),
            shortTerm: (row[11] as String?).flatMap(Evaluation.Outcome.init(rawValue:)),
            societalCost: (row[12] as String?).flatMap(Evaluation.SocietalCost.init(rawValue:)))
    }

    /// Step 17 for a store that has grants: their figures, from their documents, once.
    static func fillFromDocuments(_ db: Database) throws {
        let update = try db.makeStatement(sql: """
            UPDATE grant_request SET netAvoidedCents = ?, shortTerm = ?, societalCost = ? WHERE id = ?
            """)
        let rows = try Row.fetchCursor(db, sql: "SELECT id, householdId, version, document FROM grant_request")
        var grants: [(String, Grant)] = []
        while let row = try rows.next() {
            let grant = try Store.storedGrant(row).grant
            grants.append((row["id"], grant))
        }
        for (id, grant) in grants {
            try update.execute(arguments: StatementArguments(columns(grant).map(\.1) + [id]))
            try keepObjections(grant, id: id, in: db)
        }
    }
}

extension Store {
    /// The report's figures for `from`…`to`: the grants submitted by a member of `team` (every
    /// team when nil) that were decided in the period, and the objections against them
    /// received in it. Dates are the local dates of the moments as stored.
    public func reportFigures(team: String?, from: CalendarDate, to: CalendarDate) throws -> ReportFigures {
        try read { db in
            let ofTeam = team == nil ? "" : " AND g.submittedBy IN (SELECT user FROM staff WHERE team = :team)"
            // A moment is stored with its own offset, so its first ten characters are its
            // local date: `decidedAt < the day after` takes the whole of the last day.
            var arguments: StatementArguments = ["from": from.iso, "to": to.iso, "after": to.adding(days: 1).iso]
            if let team { arguments += ["team": team] }
            var grants: [GrantFigures] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, status, route, category, amountCents, submittedBy, submittedAt, decidedAt, paidAt,
                       approvedUnderMandate, netAvoidedCents, shortTerm, societalCost
                FROM grant_request g INDEXED BY grant_request_report
                WHERE g.status IN ('approved', 'paid', 'evaluated') AND g.decidedAt >= :from AND g.decidedAt < :after\(ofTeam)
                """, arguments: arguments)
            // By position, in the order selected: a column found by name costs a search per row.
            while let row = try rows.next() { grants.append(try ReportFigureRows.grantFigures(row)) }
            let objections = try Row.fetchAll(db, sql: """
                SELECT o.received, o.outcome FROM grant_objection o JOIN grant_request g ON g.id = o.grantId
                WHERE o.received >= :from AND o.received <= :to\(ofTeam)
                """, arguments: arguments).compactMap { row -> ObjectionFigures? in
                    guard let day = CalendarDate(iso: row["received"]) else { return nil }
                    return ObjectionFigures(received: day, outcome: (row["outcome"] as String?).flatMap(ObjectionOutcome.init(rawValue:)))
                }
            return ReportFigures(grants: grants, objections: objections)
        }
    }
}
