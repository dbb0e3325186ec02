import Casework
import GRDB
import GRDBSQLite
import Foundation

/// The figures of the practice report, kept by the store with every write of a grant
/// (migration v17): the business case's net result and the evaluation's answers as columns
/// of `grant_request`, each objection's day and outcome as a row of `grant_objection`, so
/// nothing reads a document to count: at 100,000 households the report read and parsed every
/// grant's document (1.9 s). Since step 24 the report adds up sums kept per day and month
/// (`ReportTallies`); `reportFigures` here still reads the grants one by one, as the
/// definition the tallies are held to.
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

    /// The grant's three moments as integers (seconds since the epoch and the offset in
    /// minutes they were written with), in one index with every other column the report reads:
    /// it steps through that index and makes nothing of text but the ids and the caseworkers.
    /// Parsing three ISO moments of each grant was a third of the report's time at 100,000
    /// households, and grew with the grants of the period.
    static let v22 = """
    ALTER TABLE grant_request ADD COLUMN submittedEpoch INTEGER;
    ALTER TABLE grant_request ADD COLUMN submittedOffset INTEGER;
    ALTER TABLE grant_request ADD COLUMN decidedEpoch INTEGER;
    ALTER TABLE grant_request ADD COLUMN decidedOffset INTEGER;
    ALTER TABLE grant_request ADD COLUMN paidEpoch INTEGER;
    ALTER TABLE grant_request ADD COLUMN paidOffset INTEGER;
    CREATE INDEX grant_request_figures ON grant_request (decidedAt, status, route, category, submittedBy, amountCents,
        approvedUnderMandate, netAvoidedCents, shortTerm, societalCost, submittedEpoch, submittedOffset,
        decidedEpoch, decidedOffset, paidEpoch, paidOffset, id)
        WHERE status IN ('approved', 'paid', 'evaluated');
    DROP INDEX grant_request_report;
    """

    /// The columns `insertGrant` and a grant's update write besides the others.
    static func columns(_ g: Grant) -> [(String, (any DatabaseValueConvertible)?)] {
        step17Columns(g) + moments(submitted: g.submittedAt, decided: g.decidedAt, paid: g.paidAt)
    }

    /// The columns of step 17, which its filling writes (the later ones are not there yet then).
    static func step17Columns(_ g: Grant) -> [(String, (any DatabaseValueConvertible)?)] {
        let f = GrantFigures(g)
        return [("netAvoidedCents", f.netAvoided.cents), ("shortTerm", f.shortTerm?.rawValue), ("societalCost", f.societalCost?.rawValue)]
    }

    static func moments(submitted: Moment?, decided: Moment?, paid: Moment?) -> [(String, (any DatabaseValueConvertible)?)] {
        [("submittedEpoch", submitted?.epochSeconds), ("submittedOffset", submitted?.offsetMinutes),
         ("decidedEpoch", decided?.epochSeconds), ("decidedOffset", decided?.offsetMinutes),
         ("paidEpoch", paid?.epochSeconds), ("paidOffset", paid?.offsetMinutes)]
    }

    /// Step 22 for a store that has grants: their moments as integers, from the columns with
    /// their text, once.
    static func fillMoments(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, submittedAt, decidedAt, paidAt FROM grant_request
            WHERE submittedAt IS NOT NULL OR decidedAt IS NOT NULL OR paidAt IS NOT NULL
            """)
        guard !rows.isEmpty else { return }
        let columns = moments(submitted: nil, decided: nil, paid: nil).map(\.0)
        let update = try db.makeStatement(sql: "UPDATE grant_request SET \(columns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?")
        for row in rows {
            func moment(_ name: String) -> Moment? { (row[name] as String?).flatMap(Moment.init(iso:)) }
            let values = moments(submitted: moment("submittedAt"), decided: moment("decidedAt"), paid: moment("paidAt")).map(\.1)
            try update.execute(arguments: StatementArguments(values + [row["id"] as String]))
        }
    }

    /// The grant's objections as rows, replacing those it had.
    static func keepObjections(_ g: Grant, id: String, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM grant_objection WHERE grantId = ?").execute(arguments: [id])
        for (i, o) in g.objections.enumerated() {
            try db.cachedStatement(sql: "INSERT INTO grant_objection (grantId, position, received, outcome) VALUES (?, ?, ?, ?)")
                .execute(arguments: [id, i, o.received.iso, o.outcome?.rawValue])
        }
    }

    /// The grants of a query selecting `id, status, route, category, submittedBy, amountCents,
    /// approvedUnderMandate, netAvoidedCents, shortTerm, societalCost` and the three moments as
    /// epoch and offset, stepped by hand: a GRDB row with its values looked up and converted one
    /// by one cost more than the query.
    static func eachDecidedGrant(_ db: Database, sql: String, arguments: StatementArguments, _ body: (GrantFigures) -> Void) throws {
        let statement = try db.cachedStatement(sql: sql)
        try statement.setArguments(arguments)
        let statuses = RawValues<GrantStatus>(), routes = RawValues<Route>(), categories = RawValues<GrantCategory>()
        let outcomes = RawValues<Evaluation.Outcome>(), costs = RawValues<Evaluation.SocietalCost>()
        var unknown: String?
        // The few caseworkers, each made a String once: a row's name is compared by its bytes.
        var names: [([UInt8], String)] = []
        try CaseloadQuery.eachRow(db, statement) { s in
            func text(_ i: Int32) -> String? {
                guard let p = sqlite3_column_text(s, i) else { return nil }
                return String(decoding: UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(s, i))), as: UTF8.self)
            }
            func name(_ i: Int32) -> String? {
                guard let p = sqlite3_column_text(s, i) else { return nil }
                let bytes = UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(s, i)))
                for (known, name) in names where known.count == bytes.count {
                    if known.withUnsafeBufferPointer({ memcmp($0.baseAddress!, p, bytes.count) == 0 }) { return name }
                }
                let name = String(decoding: bytes, as: UTF8.self)
                if names.count < 64 { names.append((Array(bytes), name)) }
                return name
            }
            func moment(_ i: Int32) -> Moment? {
                sqlite3_column_type(s, i) == SQLITE_NULL ? nil
                    : Moment(epochSeconds: Int(sqlite3_column_int64(s, i)), offsetMinutes: Int(sqlite3_column_int64(s, i + 1)))
            }
            guard let status = statuses.match(s, 1), let route = routes.match(s, 2), let category = categories.match(s, 3) else {
                unknown = unknown ?? text(0) ?? "?"
                return
            }
            body(GrantFigures(
                id: text(0), status: status, route: route, category: category, amount: Money(cents: Int(sqlite3_column_int64(s, 5))),
                submittedBy: name(4), submittedAt: moment(10), decidedAt: moment(12), paidAt: moment(14),
                approvedUnderMandate: sqlite3_column_int64(s, 6) != 0, netAvoided: Money(cents: Int(sqlite3_column_int64(s, 7))),
                shortTerm: outcomes.match(s, 8), societalCost: costs.match(s, 9)))
        }
        if let unknown {
            throw StoreError.database("grant \(unknown) has a status, route or category this version does not know")
        }
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
            try update.execute(arguments: StatementArguments(step17Columns(grant).map(\.1) + [id]))
            try keepObjections(grant, id: id, in: db)
        }
    }
}

extension Store {
    /// The report's figures for `from`…`to`, grant by grant: the grants submitted by a member of
    /// `team` (every team when nil) that were decided in the period, and the objections against
    /// them received in it. Dates are the local dates of the moments as stored. The report
    /// itself reads the kept tallies (`practiceReport`); this is what they must add up to.
    public func reportFigures(team: String?, from: CalendarDate, to: CalendarDate) throws -> ReportFigures {
        try read { db in
            var figures = ReportFigures(grants: [], objections: [])
            try ReportFigureRows.eachObjection(db, team: team, from: from, to: to) { figures.objections.append($0) }
            var arguments: StatementArguments = ["from": from.iso, "after": to.adding(days: 1).iso]
            if let team { arguments += ["team": team] }
            // A moment is stored with its own offset, so its first ten characters are its
            // local date: `decidedAt < the day after` takes the whole of the last day.
            try ReportFigureRows.eachDecidedGrant(db, sql: """
                SELECT id, status, route, category, submittedBy, amountCents, approvedUnderMandate, netAvoidedCents,
                       shortTerm, societalCost, submittedEpoch, submittedOffset, decidedEpoch, decidedOffset, paidEpoch, paidOffset
                FROM grant_request
                WHERE status IN ('approved', 'paid', 'evaluated') AND decidedAt >= :from AND decidedAt < :after\(ReportFigureRows.ofTeam(team))
                """, arguments: arguments) { figures.grants.append($0) }
            return figures
        }
    }
}

extension ReportFigureRows {
    /// The condition on the submitter `column` that keeps a member of the team `:team` (none when nil).
    static func ofTeam(_ team: String?, column: String = "submittedBy") -> String {
        team == nil ? "" : " AND \(column) IN (SELECT user FROM staff WHERE team = :team)"
    }

    /// The objections received in `from`…`to` against grants submitted by a member of `team`.
    static func eachObjection(_ db: Database, team: String?, from: CalendarDate, to: CalendarDate, _ body: (ObjectionFigures) -> Void) throws {
        var arguments: StatementArguments = ["from": from.iso, "to": to.iso]
        if let team { arguments += ["team": team] }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT o.received, o.outcome FROM grant_objection o JOIN grant_request g ON g.id = o.grantId
            WHERE o.received >= :from AND o.received <= :to\(ofTeam(team, column: "g.submittedBy"))
            """, arguments: arguments)
        while let row = try rows.next() {
            guard let day = CalendarDate(iso: row["received"]) else { continue }
            body(ObjectionFigures(received: day, outcome: (row["outcome"] as String?).flatMap(ObjectionOutcome.init(rawValue:))))
        }
    }
}

/// The cases of a text enumeration, matched against a column's bytes without making a String.
struct RawValues<E: RawRepresentable & CaseIterable> where E.RawValue == String {
    private let cases: [([UInt8], E)] = E.allCases.map { (Array($0.rawValue.utf8), $0) }

    func match(_ statement: OpaquePointer, _ column: Int32) -> E? {
        guard let p = sqlite3_column_text(statement, column) else { return nil }
        let count = Int(sqlite3_column_bytes(statement, column))
        for (bytes, value) in cases where bytes.count == count {
            if bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, p, count) == 0 }) { return value }
        }
        return nil
    }
}
