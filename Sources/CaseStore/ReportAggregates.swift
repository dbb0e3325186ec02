import Casework
import GRDB

extension Store {
    /// The practice report of `from`…`to` as sums the database makes over the columns step 17
    /// keeps (by route, category and caseworker; by month; by evaluation; the medians from
    /// counts per value), instead of a row per grant in Swift: at 100,000 households the year
    /// is 8,500 grants, and reading each was two thirds of the report's time. Only the
    /// grants that broke the 24-hour promise are read one by one (the report names them).
    /// The same report as `PracticeReport.compute` over the grants (ReportFiguresTests).
    public func practiceReport(team: String?, from: CalendarDate, to: CalendarDate, now: Moment) throws -> PracticeReport {
        try read { db in
            let ofTeam = team == nil ? "" : " AND g.submittedBy IN (SELECT user FROM staff WHERE team = :team)"
            var arguments: StatementArguments = ["from": from.iso, "to": to.iso, "after": to.adding(days: 1).iso, "now": now.epochSeconds]
            if let team { arguments += ["team": team] }
            let decided = """
                FROM grant_request g INDEXED BY grant_request_decided
                WHERE g.status IN ('approved', 'paid', 'evaluated') AND g.decidedAt >= :from AND g.decidedAt < :after\(ofTeam)
                """
            var r = PracticeReport(from: from, to: to)
            let months = max(1, (to.year - from.year) * 12 + to.month - from.month + 1)
            r.perMonth = Array(repeating: .zero, count: months)

            for row in try Row.fetchAll(db, sql: """
                SELECT route, category, COALESCE(submittedBy, '?'), COUNT(*), SUM(amountCents), SUM(approvedUnderMandate), SUM(netAvoidedCents)
                \(decided) GROUP BY 1, 2, 3
                """, arguments: arguments) {
                guard let route = Route(rawValue: row[0]), let category = GrantCategory(rawValue: row[1]) else {
                    throw StoreError.database("a grant has a route or category this version does not know")
                }
                let count: Int = row[3], cents: Int = row[4]
                func add(_ t: inout PracticeReport.Tally) { t = PracticeReport.Tally(count: t.count + count, total: t.total + Money(cents: cents)) }
                add(&r.grants)
                add(&r.byRoute[route, default: .init()])
                add(&r.byCategory[category, default: .init()])
                add(&r.byCaseworker[row[2], default: .init()])
                r.underMandate += row[5] as Int
                r.netAvoided = r.netAvoided + Money(cents: row[6])
            }
            // The local month is the first seven characters of a moment stored with its offset.
            for row in try Row.fetchAll(db, sql: "SELECT substr(decidedAt, 1, 7), SUM(amountCents) \(decided) GROUP BY 1", arguments: arguments) {
                let text: String = row[0]
                guard let year = Int(text.prefix(4)), let month = Int(text.suffix(2)) else { continue }
                let index = (year - from.year) * 12 + month - from.month
                if r.perMonth.indices.contains(index) { r.perMonth[index] = r.perMonth[index] + Money(cents: row[1]) }
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT status = 'evaluated' AND shortTerm IS NOT NULL, shortTerm, societalCost, COUNT(*) \(decided) GROUP BY 1, 2, 3
                """, arguments: arguments) {
                let count: Int = row[3]
                guard row[0] as Bool, let outcome = (row[1] as String?).flatMap(Evaluation.Outcome.init(rawValue:)) else {
                    r.unevaluated += count
                    continue
                }
                r.shortTerm[outcome, default: 0] += count
                if let cost = (row[2] as String?).flatMap(Evaluation.SocietalCost.init(rawValue:)) { r.societalCost[cost, default: 0] += count }
            }
            // Medians from counts per value: seconds from decision to payment, local days from
            // submission to decision; hours as Moment.hours(until:) counts them.
            for row in try Row.fetchAll(db, sql: """
                SELECT CAST(strftime('%s', paidAt) AS INTEGER) - CAST(strftime('%s', decidedAt) AS INTEGER), COUNT(*)
                \(decided) AND g.paidAt IS NOT NULL GROUP BY 1
                """, arguments: arguments) {
                let seconds: Int = row[0]
                r.paymentHours += Array(repeating: Moment(epochSeconds: 0).hours(until: Moment(epochSeconds: seconds)), count: row[1])
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT CAST(julianday(substr(decidedAt, 1, 10)) - julianday(substr(submittedAt, 1, 10)) AS INTEGER), COUNT(*)
                \(decided) AND g.submittedAt IS NOT NULL GROUP BY 1
                """, arguments: arguments) {
                r.decisionDays += Array(repeating: row[0] as Int, count: row[1])
            }
            r.paymentHours.sort()
            r.decisionDays.sort()
            // The promise broken: paid (or, unpaid, by now) more than 24 hours after approval.
            let late = try Row.fetchAll(db, sql: """
                SELECT id, status, route, category, amountCents, submittedBy, submittedAt, decidedAt, paidAt,
                       approvedUnderMandate, netAvoidedCents, shortTerm, societalCost
                \(decided) AND COALESCE(CAST(strftime('%s', paidAt) AS INTEGER), :now) - CAST(strftime('%s', decidedAt) AS INTEGER) > 86400
                """, arguments: arguments)
            r.late = try late.map(ReportFigureRows.grantFigures)
                .filter { $0.isPaymentLate(now: now) }
                .sorted { ($0.decidedAt?.epochSeconds ?? 0, $0.id ?? "") < ($1.decidedAt?.epochSeconds ?? 0, $1.id ?? "") }
            for row in try Row.fetchAll(db, sql: """
                SELECT o.outcome, COUNT(*) FROM grant_objection o JOIN grant_request g ON g.id = o.grantId
                WHERE o.received >= :from AND o.received <= :to\(ofTeam) GROUP BY 1
                """, arguments: arguments) {
                let count: Int = row[1]
                r.objections += count
                if let outcome = (row[0] as String?).flatMap(ObjectionOutcome.init(rawValue:)) {
                    r.objectionOutcomes[outcome, default: 0] += count
                    if outcome.givesNewDecision { r.objectionsWithNewDecision += count }
                } else {
                    r.objectionsOpen += count
                }
            }
            return r
        }
    }
}
