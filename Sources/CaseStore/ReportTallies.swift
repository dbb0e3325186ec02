import Casework
import GRDB
import GRDBSQLite

/// The practice report's sums, kept by the store (migration v24): each decided grant is counted
/// under the local day of its decision and under that month, by triggers on `grant_request`.
/// A report reads the whole months of its period and the days at its edges and sums about a
/// thousand rows in SQL, whatever the number of grants; before, it stepped through every grant
/// of the period (8,500 in a year at 100,000 households).
///
/// `report_tally` counts per team of the submitter (`member` 0: a submitter not on the staff
/// list, counted only in the report of every team). A grant adds one row per figure, each a
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

    /// Where the grant of row `r` is counted: whether its submitter is on the staff list, and their team.
    static func member(_ r: String) -> String { "\(r).submittedBy IN (SELECT user FROM staff)" }
    static func team(_ r: String) -> String { "ifnull((SELECT team FROM staff WHERE user = \(r).submittedBy), '')" }

    /// The tallies of every grant of the store, into empty tables.
    static var fill: String {
        let grants = "FROM grant_request g WHERE \(counts("g"))"
        return tally(from: grants, row: "g", sign: 1, member: member("g"), team: team("g"), upsert: false) + ";\n"
            + submitter("g", 1, from: grants, upsert: false)
    }

    static var v24: String {
        let update = "AFTER UPDATE OF \(columns.joined(separator: ", ")) ON grant_request"
        func grant(_ r: String, _ sign: Int) -> String {
            tally(from: "", row: r, sign: sign, member: member(r), team: team(r)) + ";\n" + submitter(r, sign)
        }
        // A person's grants, moved in or out of the tallies of their team.
        func person(_ r: String, _ sign: Int, onList: Bool) -> String {
            tally(from: "FROM grant_request g WHERE \(counts("g")) AND g.submittedBy = \(r).user", row: "g", sign: sign,
                  member: onList ? "1" : "0", team: onList ? "\(r).team" : "''")
        }
        let joined = "\(person("new", -1, onList: false)); \(person("new", 1, onList: true))"
        let left = "\(person("old", -1, onList: true)); \(person("old", 1, onList: false))"
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
        \(fill);
        CREATE TRIGGER grant_request_tally_insert AFTER INSERT ON grant_request WHEN \(counts("new"))
        BEGIN \(grant("new", 1)); END;
        CREATE TRIGGER grant_request_tally_delete AFTER DELETE ON grant_request WHEN \(counts("old"))
        BEGIN \(grant("old", -1)); \(prune("old")); END;
        CREATE TRIGGER grant_request_tally_update_old \(update) WHEN \(counts("old"))
        BEGIN \(grant("old", -1)); \(prune("old")); END;
        CREATE TRIGGER grant_request_tally_update_new \(update) WHEN \(counts("new"))
        BEGIN \(grant("new", 1)); END;
        CREATE TRIGGER staff_tally_insert AFTER INSERT ON staff
        BEGIN \(joined); DELETE FROM report_tally WHERE count = 0; END;
        CREATE TRIGGER staff_tally_delete AFTER DELETE ON staff
        BEGIN \(left); DELETE FROM report_tally WHERE count = 0; END;
        CREATE TRIGGER staff_tally_update AFTER UPDATE OF user, team ON staff
        BEGIN \(left); \(joined); DELETE FROM report_tally WHERE count = 0; END;
        CREATE INDEX grant_request_late ON grant_request (decidedEpoch, id, status, route, category, submittedBy, amountCents,
            approvedUnderMandate, netAvoidedCents, shortTerm, societalCost, submittedEpoch, submittedOffset,
            decidedOffset, paidEpoch, paidOffset)
            WHERE \(lateCondition);
        DROP INDEX grant_request_figures;
        """
    }

    /// `a` divided by `b` rounded down, as `floorDiv` in Swift (SQLite's `/` rounds towards zero).
    static func floorDiv(_ a: String, _ b: Int) -> String { "((\(a)) - ((((\(a)) % \(b)) + \(b)) % \(b))) / \(b)" }

    /// The seconds of row `r`'s moment `name` on its own clock (epoch plus its offset).
    static func local(_ r: String, _ name: String) -> String { "(\(r).\(name)Epoch + ifnull(\(r).\(name)Offset, 0) * 60)" }

    /// The day and the month of row `r`'s decision, from the seconds `local` on its own clock.
    static let daySpan = "date(local, 'unixepoch')", monthSpan = "strftime('%Y-%m', local, 'unixepoch')"
    static let spansOfLocal = "(SELECT 1 AS level UNION ALL SELECT 2)"
    static let span = "CASE level WHEN 1 THEN \(daySpan) ELSE \(monthSpan) END"
    static let upsert = "DO UPDATE SET count = count + excluded.count, cents = cents + excluded.cents"

    /// The INSERT that adds `sign` times the figures of `row` (`new`/`old` in a trigger, or each
    /// grant of `from`) under its day and its month, counted for `member` and `team`.
    static func tally(from: String, row r: String, sign: Int, member: String, team: String, upsert: Bool = true) -> String {
        let evaluated = "\(r).status = 'evaluated' AND \(r).shortTerm IS NOT NULL"
        let hours = floorDiv("\(r).paidEpoch - \(r).decidedEpoch", 3600)
        let days = "\(floorDiv(local(r, "decided"), 86_400)) - \(floorDiv(local(r, "submitted"), 86_400))"
        let figures: [(figure: String, value: String, cents: String, when: String?)] = [
            ("grants", "''", "\(r).amountCents", nil),
            ("route", "\(r).route", "\(r).amountCents", nil),
            ("category", "\(r).category", "\(r).amountCents", nil),
            ("netAvoided", "''", "\(r).netAvoidedCents", nil),
            ("underMandate", "''", "0", "\(r).approvedUnderMandate"),
            ("shortTerm", "\(r).shortTerm", "0", evaluated),
            ("societalCost", "\(r).societalCost", "0", "\(evaluated) AND \(r).societalCost IS NOT NULL"),
            ("unevaluated", "''", "0", "NOT (\(evaluated))"),
            ("paymentHours", "CAST(\(hours) AS TEXT)", "0", "\(r).paidEpoch IS NOT NULL"),
            ("decisionDays", "CAST(\(days) AS TEXT)", "0", "\(r).submittedEpoch IS NOT NULL"),
        ]
        // Each figure's SELECT over the grant; in a trigger there is no FROM, only `new`/`old`.
        let selects = figures.map { f -> String in
            "SELECT \(local(r, "decided")) AS local, \(member) AS member, \(team) AS team, '\(f.figure)' AS figure, "
                + "\(f.value) AS value, \(f.cents) AS cents" + source(from, f.when)
        }
        return """
        INSERT INTO report_tally (span, member, team, figure, value, count, cents)
        SELECT \(span), member, team, figure, value, \(sign) * COUNT(*), \(sign) * SUM(cents)
        FROM (\(selects.joined(separator: " UNION ALL "))), \(spansOfLocal)
        GROUP BY 1, 2, 3, 4, 5
        \(upsert ? "ON CONFLICT (span, member, team, figure, value) \(Self.upsert)" : "")
        """
    }

    /// The INSERT that adds `sign` times the grant of `row` to its submitter's count.
    static func submitter(_ r: String, _ sign: Int, from: String = "", upsert: Bool = true) -> String {
        """
        INSERT INTO report_submitter (span, submittedBy, count, cents)
        SELECT \(span), submittedBy, \(sign) * COUNT(*), \(sign) * SUM(cents)
        FROM (SELECT \(local(r, "decided")) AS local, ifnull(\(r).submittedBy, '') AS submittedBy, \(r).amountCents AS cents\(source(from, nil))),
             \(spansOfLocal)
        GROUP BY 1, 2
        \(upsert ? "ON CONFLICT (span, submittedBy) \(Self.upsert)" : "")
        """
    }

    /// The FROM and WHERE of one figure: none in a trigger but the figure's condition.
    static func source(_ from: String, _ when: String?) -> String {
        from.isEmpty ? (when.map { " WHERE \($0)" } ?? "") : " \(from)" + (when.map { " AND \($0)" } ?? "")
    }

    /// Removes the rows of `r`'s day and month that count nothing any more.
    static func prune(_ r: String) -> String {
        let spans = "(date(\(local(r, "decided")), 'unixepoch'), strftime('%Y-%m', \(local(r, "decided")), 'unixepoch'))"
        return """
        DELETE FROM report_tally WHERE count = 0 AND span IN \(spans);
        DELETE FROM report_submitter WHERE count = 0 AND span IN \(spans)
        """
    }

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
            let months = max(1, (to.year - from.year) * 12 + to.month - from.month + 1)
            r.perMonth = Array(repeating: .zero, count: months)
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
                if let first = CalendarDate(iso: month + "-01") {
                    let i = (first.year - from.year) * 12 + first.month - from.month
                    if r.perMonth.indices.contains(i) { r.perMonth[i] = r.perMonth[i] + tally.total }
                }
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
