import Casework
import GRDB
import GRDBSQLite

/// The practice report's sums, kept by the store (migration v24): each decided grant is counted
/// under the local day of its decision and under that month, by triggers on `grant_request`.
/// A report reads the whole months of its period and the days at its edges and sums about a
/// thousand rows in SQL, whatever the number of grants; before, it stepped through every grant
/// of the period (8,500 in a year at 100,000 households).
///
/// `report_tally` counts per team of the submitter (`member` 0: no submitter, or one not on
/// the staff list, counted only in the report of every team). A grant adds one row per figure, each a
/// count and an amount in cents:
///
/// | figure         | value                     | cents          |
/// |----------------|---------------------------|----------------|
/// | `grants`       | ``                        | the amount     |
/// | `route`        | the route                 | the amount     |
/// | `category`     | the category              | the amount     |
/// | `netAvoided`   | ``                        | the net result |
/// | `underMandate` | `` (if so)                | 0              |
/// | `shortTerm`    | the answer (if evaluated) | 0              |
/// | `societalCost` | the answer (if evaluated) | 0              |
/// | `unevaluated`  | `` (if not evaluated)     | 0              |
/// | `paymentHours` | hours to payment (paid)   | 0              |
/// | `decisionDays` | days to decision          | 0              |
///
/// The hours and days are exact values, so the medians stay exact. `report_submitter` counts
/// the grants per submitter, for the table by caseworker.
///
/// A trigger subtracts what a grant added before it changed or went and adds what it adds now;
/// a row whose count comes to zero is removed. A change of the staff list moves the grants of
/// that person from one team to the other, so a report by team counts the grants of the
/// team's members as the list is now. The late list is not a sum (it depends on the moment of
/// the report) and is read from a partial index of the grants that were paid late or not yet.
enum ReportTallies {
    /// The columns a grant's contribution depends on: a change of another column (the document,
    /// an objection) leaves the tallies alone.
    static let columns = ["status", "route", "category", "submittedBy", "amountCents", "approvedUnderMandate", "netAvoidedCents",
                          "shortTerm", "societalCost", "submittedEpoch", "submittedOffset", "decidedEpoch", "decidedOffset", "paidEpoch"]

    /// A grant of row `r` counts when it was approved and has a moment of decision.
    static func counts(_ r: String) -> String {
        "\(r).status IN ('approved', 'paid', 'evaluated') AND \(r).decidedEpoch IS NOT NULL"
    }

    /// The grants that broke, or may by now have broken, the 24-hour promise.
    static let lateCondition = "status IN ('approved', 'paid', 'evaluated') AND decidedEpoch IS NOT NULL AND (paidEpoch IS NULL OR paidEpoch - decidedEpoch > 86400)"

    /// The late grants in the order of their decision, with what the late list reads of them.
    static let lateIndex = """
        CREATE INDEX grant_request_late ON grant_request (decidedEpoch, id, status, submittedBy, amountCents,
            decidedOffset, paidEpoch, paidOffset) WHERE \(lateCondition)
        """

    /// Where the grant of row `r` is counted: whether its submitter is on the staff list, and their team.
    /// (EXISTS, not IN: a grant without a submitter is 0, where `NULL IN (…)` is NULL.)
    static func member(_ r: String) -> String { "EXISTS (SELECT 1 FROM staff WHERE user = \(r).submittedBy)" }
    static func team(_ r: String) -> String { "ifnull((SELECT team FROM staff WHERE user = \(r).submittedBy), '')" }

    /// The tallies of every grant of the store, into empty tables.
    static var fill: String {
        let all = "FROM grant_tally v, \(levels) WHERE TRUE"
        return """
        INSERT INTO report_tally (span, member, team, figure, value, count, cents)
        SELECT \(span), \(member("v")), \(team("v")), figure, value, COUNT(*), SUM(cents) \(all) GROUP BY 1, 2, 3, 4, 5;
        INSERT INTO report_submitter (span, submittedBy, count, cents)
        SELECT \(span), ifnull(v.submittedBy, ''), COUNT(*), SUM(cents) \(all) AND figure = 'grants' GROUP BY 1, 2
        """
    }

    /// The tables, the view of what each grant counts, and the triggers that keep them. SQLite
    /// parses every trigger and view each time a program opens the store, so the figures are
    /// written once, in the view, and the work once, in two INSTEAD OF triggers that the
    /// others call by inserting a row: with the figures written out in every trigger the schema
    /// had 53 kB more SQL, and a program took 10 ms longer to start.
    static var v24: String {
        let update = "UPDATE OF \(columns.joined(separator: ", ")) ON grant_request"
        let upsert = "DO UPDATE SET count = count + excluded.count, cents = cents + excluded.cents"
        return """
        CREATE TABLE report_tally (
            span TEXT NOT NULL,
            member INTEGER NOT NULL,
            team TEXT NOT NULL,
            figure TEXT NOT NULL,
            value TEXT NOT NULL,
            count INTEGER NOT NULL,
            cents INTEGER NOT NULL,
            PRIMARY KEY (span, member, team, figure, value)
        ) WITHOUT ROWID;
        CREATE TABLE report_submitter (
            span TEXT NOT NULL,
            submittedBy TEXT NOT NULL,
            count INTEGER NOT NULL,
            cents INTEGER NOT NULL,
            PRIMARY KEY (span, submittedBy)
        ) WITHOUT ROWID;
        CREATE TABLE report_figure (figure TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;
        INSERT INTO report_figure VALUES \(figures.map { "('\($0)')" }.joined(separator: ", "));
        \(view);
        \(fill);
        -- A grant's figures added (sign 1) or taken off (-1), its day and month pruned.
        CREATE VIEW report_grant_change AS SELECT '' AS id, 0 AS sign WHERE 0;
        CREATE TRIGGER report_grant_change INSTEAD OF INSERT ON report_grant_change BEGIN
            INSERT INTO report_tally (span, member, team, figure, value, count, cents)
            SELECT \(span), \(member("v")), \(team("v")), figure, value, new.sign * COUNT(*), new.sign * SUM(cents)
            FROM grant_tally v, \(levels) WHERE v.id = new.id GROUP BY 1, 2, 3, 4, 5
            ON CONFLICT (span, member, team, figure, value) \(upsert);
            INSERT INTO report_submitter (span, submittedBy, count, cents)
            SELECT \(span), ifnull(v.submittedBy, ''), new.sign * COUNT(*), new.sign * SUM(cents)
            FROM grant_tally v, \(levels) WHERE v.id = new.id AND figure = 'grants' GROUP BY 1, 2
            ON CONFLICT (span, submittedBy) \(upsert);
            DELETE FROM report_tally WHERE count = 0 AND span IN (\(spansOfGrant));
            DELETE FROM report_submitter WHERE count = 0 AND span IN (\(spansOfGrant));
        END;
        -- A person's grants added to (1) or taken off (-1) the tallies of a team.
        CREATE VIEW report_person_change AS SELECT '' AS user, 0 AS sign, 0 AS member, '' AS team WHERE 0;
        CREATE TRIGGER report_person_change INSTEAD OF INSERT ON report_person_change BEGIN
            INSERT INTO report_tally (span, member, team, figure, value, count, cents)
            SELECT \(span), new.member, new.team, figure, value, new.sign * COUNT(*), new.sign * SUM(cents)
            FROM grant_tally v, \(levels) WHERE v.submittedBy = new.user GROUP BY 1, 2, 3, 4, 5
            ON CONFLICT (span, member, team, figure, value) \(upsert);
            DELETE FROM report_tally WHERE count = 0;
        END;
        CREATE TRIGGER grant_request_tally_insert AFTER INSERT ON grant_request WHEN \(counts("new"))
        BEGIN INSERT INTO report_grant_change VALUES (new.id, 1); END;
        CREATE TRIGGER grant_request_tally_delete BEFORE DELETE ON grant_request WHEN \(counts("old"))
        BEGIN INSERT INTO report_grant_change VALUES (old.id, -1); END;
        CREATE TRIGGER grant_request_tally_update_old BEFORE \(update) WHEN \(counts("old"))
        BEGIN INSERT INTO report_grant_change VALUES (old.id, -1); END;
        CREATE TRIGGER grant_request_tally_update_new AFTER \(update) WHEN \(counts("new"))
        BEGIN INSERT INTO report_grant_change VALUES (new.id, 1); END;
        CREATE TRIGGER staff_tally_insert AFTER INSERT ON staff
        BEGIN INSERT INTO report_person_change VALUES (new.user, -1, 0, ''), (new.user, 1, 1, new.team); END;
        CREATE TRIGGER staff_tally_delete AFTER DELETE ON staff
        BEGIN INSERT INTO report_person_change VALUES (old.user, -1, 1, old.team), (old.user, 1, 0, ''); END;
        CREATE TRIGGER staff_tally_update AFTER UPDATE OF user, team ON staff BEGIN INSERT INTO report_person_change
            VALUES (old.user, -1, 1, old.team), (old.user, 1, 0, ''), (new.user, -1, 0, ''), (new.user, 1, 1, new.team); END;
        \(lateIndex);
        DROP INDEX grant_request_figures;
        """
    }

    /// `a` divided by `b` rounded down, as `floorDiv` in Swift (SQLite's `/` rounds towards zero).
    static func floorDiv(_ a: String, _ b: Int) -> String { "((\(a)) - ((((\(a)) % \(b)) + \(b)) % \(b))) / \(b)" }

    /// The seconds of row `r`'s moment `name` on its own clock (epoch plus its offset).
    static func local(_ r: String, _ name: String) -> String { "(\(r).\(name)Epoch + ifnull(\(r).\(name)Offset, 0) * 60)" }

    static let figures = ["grants", "route", "category", "netAvoided", "underMandate", "shortTerm", "societalCost",
                          "unevaluated", "paymentHours", "decisionDays"]

    /// `grant_tally`: one row per figure a counted grant adds (the table above), with the seconds
    /// of its decision on its own clock (`local`). A condition on the grant's id reaches
    /// `grant_request` as a lookup by its key (SQLite pushes it into the view).
    static var view: String {
        let evaluated = "(g.status = 'evaluated' AND g.shortTerm IS NOT NULL)"
        let hours = floorDiv("g.paidEpoch - g.decidedEpoch", 3600)
        let days = "\(floorDiv(local("g", "decided"), 86_400)) - \(floorDiv(local("g", "submitted"), 86_400))"
        return """
        CREATE VIEW grant_tally AS
        SELECT g.id AS id, g.submittedBy AS submittedBy, \(local("g", "decided")) AS local, f.figure AS figure,
            CASE f.figure WHEN 'route' THEN g.route WHEN 'category' THEN g.category WHEN 'shortTerm' THEN g.shortTerm
                WHEN 'societalCost' THEN g.societalCost WHEN 'paymentHours' THEN CAST(\(hours) AS TEXT)
                WHEN 'decisionDays' THEN CAST(\(days) AS TEXT) ELSE '' END AS value,
            CASE f.figure WHEN 'grants' THEN g.amountCents WHEN 'route' THEN g.amountCents WHEN 'category' THEN g.amountCents
                WHEN 'netAvoided' THEN g.netAvoidedCents ELSE 0 END AS cents
        FROM grant_request g, report_figure f
        WHERE \(counts("g")) AND CASE f.figure WHEN 'underMandate' THEN g.approvedUnderMandate
            WHEN 'shortTerm' THEN \(evaluated) WHEN 'societalCost' THEN \(evaluated) AND g.societalCost IS NOT NULL
            WHEN 'unevaluated' THEN NOT \(evaluated) WHEN 'paymentHours' THEN g.paidEpoch IS NOT NULL
            WHEN 'decisionDays' THEN g.submittedEpoch IS NOT NULL ELSE 1 END
        """
    }

    /// The day and the month of a decision, from the seconds `local` on its own clock.
    static let span = "CASE level WHEN 1 THEN date(local, 'unixepoch') ELSE strftime('%Y-%m', local, 'unixepoch') END"
    static let levels = "(SELECT 1 AS level UNION ALL SELECT 2)"
    /// The day and month of the grant `new.id`, in the INSTEAD OF trigger.
    static let spansOfGrant = "SELECT \(span) FROM grant_tally v, \(levels) WHERE v.id = new.id AND figure = 'grants'"

    /// The spans whose rows make up `from`…`to`: each whole month as its month, the days of a
    /// month the period only partly covers as days.
    static func spans(from: CalendarDate, to: CalendarDate) -> [String] {
        guard from <= to else { return [] }
        var spans: [String] = []
        var first = CalendarDate(year: from.year, month: from.month, day: 1)!
        while first <= to {
            let next = first.month == 12 ? CalendarDate(year: first.year + 1, month: 1, day: 1)! : CalendarDate(year: first.year, month: first.month + 1, day: 1)!
            let last = next.adding(days: -1)
            if from <= first && last <= to {
                spans.append(String(first.iso.prefix(7)))
            } else {
                var day = max(from, first)
                while day <= min(to, last) { spans.append(day.iso); day = day.adding(days: 1) }
            }
            first = next
        }
        return spans
    }
}

extension Store {
    /// The practice report of `from`…`to` for `team` (every team when nil): the sums from the
    /// kept tallies, the late grants from their index. It equals `PracticeReport.compute` over
    /// `reportFigures(…)`, the grants one by one (the tests hold them to that).
    public func practiceReport(team: String?, from: CalendarDate, to: CalendarDate, now: Moment) throws -> PracticeReport {
        try read { db in
            var r = PracticeReport(from: from, to: to)
            let ofTeam = ReportFigureRows.ofTeam(team)
            let ofTeamTally = team == nil ? "" : " AND member = 1 AND team = :team"
            let spans = "[" + ReportTallies.spans(from: from, to: to).map { "\"\($0)\"" }.joined(separator: ",") + "]"
            // The late grants by the moment of decision: a day on its own clock lies within 14
            // hours of that day in UTC; the exact local day is checked below.
            var arguments: StatementArguments = ["spans": spans, "lateBefore": now.epochSeconds - 86_400,
                                                 "fromEpoch": from.daysSinceEpoch * 86_400 - 14 * 3600,
                                                 "afterEpoch": (to.daysSinceEpoch + 1) * 86_400 + 14 * 3600]
            if let team { arguments += ["team": team] }
            let inPeriod = "span IN (SELECT value FROM json_each(:spans))"
            func unknown(_ figure: String, _ value: String) -> StoreError {
                .database("the report's tally has a \(figure) '\(value)' this version does not know")
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT figure, value, SUM(count), SUM(cents) FROM report_tally WHERE \(inPeriod)\(ofTeamTally)
                GROUP BY figure, value HAVING SUM(count) > 0
                """, arguments: arguments) {
                let figure: String = row[0], value: String = row[1], count: Int = row[2], tally = PracticeReport.Tally(count: count, total: Money(cents: row[3]))
                switch figure {
                case "grants": r.grants = tally
                case "route": guard let route = Route(rawValue: value) else { throw unknown(figure, value) }; r.byRoute[route] = tally
                case "category": guard let c = GrantCategory(rawValue: value) else { throw unknown(figure, value) }; r.byCategory[c] = tally
                case "netAvoided": r.netAvoided = tally.total
                case "underMandate": r.underMandate = count
                case "shortTerm": guard let o = Evaluation.Outcome(rawValue: value) else { throw unknown(figure, value) }; r.shortTerm[o] = count
                case "societalCost": guard let s = Evaluation.SocietalCost(rawValue: value) else { throw unknown(figure, value) }; r.societalCost[s] = count
                case "unevaluated": r.unevaluated = count
                case "paymentHours", "decisionDays":
                    guard let n = Int(value) else { throw unknown(figure, value) }
                    if figure == "paymentHours" { r.paymentHours += repeatElement(n, count: count) } else { r.decisionDays += repeatElement(n, count: count) }
                default: throw unknown(figure, value)
                }
            }
            r.paymentHours.sort()
            r.decisionDays.sort()
            for row in try Row.fetchAll(db, sql: """
                SELECT submittedBy, substr(span, 1, 7), SUM(count), SUM(cents) FROM report_submitter WHERE \(inPeriod)\(ofTeam)
                GROUP BY 1, 2 HAVING SUM(count) > 0
                """, arguments: arguments) {
                let name: String = row[0], month: String = row[1], tally = PracticeReport.Tally(count: row[2], total: Money(cents: row[3]))
                let key = name.isEmpty ? "?" : name
                let sum = r.byCaseworker[key, default: .init()]
                r.byCaseworker[key] = .init(count: sum.count + tally.count, total: sum.total + tally.total)
                if let first = CalendarDate(iso: month + "-01") { r.addToMonth(of: first, tally.total) }
            }
            // Late: paid more than 24 hours after the decision, or unpaid for longer than that now.
            // Stepped by hand, with only what the list shows: at 100,000 households a year has
            // 5,000 of them, and their full figures cost more than all the sums.
            let fromDay = from.daysSinceEpoch, toDay = to.daysSinceEpoch
            let statement = try db.cachedStatement(sql: """
                SELECT id, amountCents, decidedEpoch, decidedOffset, paidEpoch, paidOffset
                FROM grant_request INDEXED BY grant_request_late
                WHERE \(ReportTallies.lateCondition) AND decidedEpoch >= :fromEpoch AND decidedEpoch < :afterEpoch
                  AND (paidEpoch IS NOT NULL OR decidedEpoch < :lateBefore)\(ofTeam)
                ORDER BY decidedEpoch, id
                """)
            try statement.setArguments(arguments)
            try CaseloadQuery.eachRow(db, statement) { s in
                let decided = Moment(epochSeconds: Int(sqlite3_column_int64(s, 2)), offsetMinutes: Int(sqlite3_column_int64(s, 3)))
                let paid = sqlite3_column_type(s, 4) == SQLITE_NULL ? nil
                    : Moment(epochSeconds: Int(sqlite3_column_int64(s, 4)), offsetMinutes: Int(sqlite3_column_int64(s, 5)))
                let day = decided.localDate.daysSinceEpoch
                guard day >= fromDay && day <= toDay,
                      // Every grant of the index was approved (approved, paid or evaluated).
                      GrantWorkflow.isPaymentLate(status: .approved, decidedAt: decided, paidAt: paid, now: now) else { return }
                let id = sqlite3_column_text(s, 0).map { String(cString: $0) }
                r.late.append(LatePayment(id: id, amount: Money(cents: Int(sqlite3_column_int64(s, 1))), decidedAt: decided, paidAt: paid))
            }
            r.late = PracticeReport.inDecisionOrder(r.late)
            try ReportFigureRows.eachObjection(db, team: team, from: from, to: to) { r.count($0) }
            return r
        }
    }
}
