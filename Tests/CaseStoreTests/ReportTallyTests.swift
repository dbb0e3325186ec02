import Casework
import Foundation
import GRDB
import Testing
@testable import CaseStore

/// The report's sums kept by the store (migration v24): counted by hand for three grants; for
/// any sequence of changes equal to the tallies made afresh from the grants; and the report
/// from them equal to the report counted grant by grant.
@Suite("The report's tallies kept by the store")
struct ReportTallyTests {
    static let tallySQL = "SELECT * FROM report_tally ORDER BY span, member, team, figure, value"
    static let submitterSQL = "SELECT * FROM report_submitter ORDER BY span, submittedBy"

    /// The tallies as the triggers kept them, one text per row.
    static func tallies(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: tallySQL).map { "\($0)" } + Row.fetchAll(db, sql: submitterSQL).map { "\($0)" }
    }

    /// The tallies made afresh from the grants, as step 24 fills them (then rolled back).
    static func afresh(_ db: Database) throws -> [String] {
        var rows: [String] = []
        try db.inSavepoint {
            try db.execute(sql: "DELETE FROM report_tally; DELETE FROM report_submitter")
            try db.execute(sql: ReportTallies.fill)
            rows = try tallies(db)
            return .rollback
        }
        return rows
    }

    /// One span's figures of one team: "figure value count cents", sorted.
    static func figures(_ store: Store, span: String) throws -> [String] {
        try store.read { db in
            try Row.fetchAll(db, sql: "SELECT figure, value, count, cents FROM report_tally WHERE span = ? ORDER BY figure, value",
                             arguments: [span]).map { "\($0[0] as String) \($0[1] as String) \($0[2] as Int) \($0[3] as Int)" }
        }
    }

    @Test("The spans of a period: whole months as months, the days of the months it only partly covers as days")
    func spansOfAPeriod() {
        let spans = ReportTallies.spans(from: day("2026-03-03"), to: day("2026-06-03"))
        #expect(spans.count == 29 + 2 + 3)                           // 3…31 March, April, May, 1…3 June
        #expect(spans.first == "2026-03-03")
        #expect(spans[28] == "2026-03-31")
        #expect(spans[29...] == ["2026-04", "2026-05", "2026-06-01", "2026-06-02", "2026-06-03"])
        #expect(ReportTallies.spans(from: day("2025-12-01"), to: day("2026-01-31")) == ["2025-12", "2026-01"])
        #expect(ReportTallies.spans(from: day("2024-02-29"), to: day("2024-02-29")) == ["2024-02-29"])
        #expect(ReportTallies.spans(from: day("2024-02-01"), to: day("2024-02-29")) == ["2024-02"])
        #expect(ReportTallies.spans(from: day("2026-05-02"), to: day("2026-05-01")).isEmpty)
    }

    @Test("Three grants counted by hand: per day and month, moved with a change of team, without a submitter, gone with the grant")
    func handCounted() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            _ = try store.importCaseFiles([CaseFileSource(name: "r.json", bytes: Array(ReportStoreTests.file.utf8))], by: caseworker)
            // r-1: decided 3 March 10:00, submitted 1 March (2 days), paid 16:00 (6 hours), evaluated;
            // costs avoided 10,000 − 4,000.
            let march = ["category huurachterstand 1 400000", "decisionDays 2 1 0", "grants  1 400000", "netAvoided  1 600000",
                         "paymentHours 6 1 0", "route custom 1 400000", "shortTerm yes 1 0", "societalCost higher 1 0"]
            #expect(try Self.figures(store, span: "2026-03") == march)
            #expect(try Self.figures(store, span: "2026-03-03") == march)
            #expect(try Self.figures(store, span: "2026-03-02").isEmpty)
            // r-3: decided and submitted 10 May (0 days), paid the next day 15:00 (30 hours), under
            // mandate, not evaluated, no business case: −1,200.
            #expect(try Self.figures(store, span: "2026-05") == [
                "category inrichting 1 120000", "decisionDays 0 1 0", "grants  1 120000", "netAvoided  1 -120000",
                "paymentHours 30 1 0", "route central 1 120000", "underMandate  1 0", "unevaluated  1 0"])
            // 3 March to 3 June: r-1 and r-3, not r-2 (decided 4 June).
            let now = PracticeReport.endOfDay(day("2026-11-23"))
            let r = try store.practiceReport(team: nil, from: day("2026-03-03"), to: day("2026-06-03"), now: now)
            #expect(r.grants == PracticeReport.Tally(count: 2, total: Money(cents: 520_000)))
            #expect(r.paymentHours == [6, 30])
            #expect(r.decisionDays == [0, 2])
            #expect(r.netAvoided == Money(cents: 480_000))             // 6,000 − 1,200
            #expect(r.byCaseworker == ["r.westra": PracticeReport.Tally(count: 2, total: Money(cents: 520_000))])
            #expect(r.perMonth == [Money(cents: 400_000), .zero, Money(cents: 120_000), .zero])
            #expect(r.late.map(\.id) == ["r-3"])                         // paid 30 hours after the decision
            #expect(r.underMandate == 1 && r.unevaluated == 1 && r.shortTerm == [.yes: 1] && r.societalCost == [.higher: 1])

            // r.westra moves to Wijkteam West: her two grants go with her, r-2 stays with the team ''.
            _ = try store.changeStaff("r.westra", team: "Wijkteam West", by: leader.actor)
            let year = (from: day("2026-01-01"), to: day("2026-11-23"))
            #expect(try store.practiceReport(team: "Wijkteam West", from: year.from, to: year.to, now: now).grants.total == Money(cents: 520_000))
            #expect(try store.practiceReport(team: "", from: year.from, to: year.to, now: now).grants.total == Money(cents: 300_000))
            #expect(try store.practiceReport(team: nil, from: year.from, to: year.to, now: now).grants.count == 3)
            let teamsOfMarch = try store.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT team FROM report_tally WHERE span = '2026-03'") }
            #expect(teamsOfMarch == ["Wijkteam West"])
            let (kept, fresh) = try store.writer.write { db in (try Self.tallies(db), try Self.afresh(db)) }
            #expect(kept == fresh)
            // A grant without a submitter (an import may bring one): counted for every team only,
            // as "?" by caseworker.
            try store.writer.write { db in try db.execute(sql: "UPDATE grant_request SET submittedBy = NULL WHERE id = 'r-1'") }
            let anonymous = try store.practiceReport(team: nil, from: year.from, to: year.to, now: now)
            #expect(anonymous.grants.count == 3)
            #expect(anonymous.byCaseworker["?"] == PracticeReport.Tally(count: 1, total: Money(cents: 400_000)))
            #expect(try store.practiceReport(team: "Wijkteam West", from: year.from, to: year.to, now: now).grants.total == Money(cents: 120_000))
            let (keptNow, freshNow) = try store.writer.write { db in (try Self.tallies(db), try Self.afresh(db)) }
            #expect(keptNow == freshNow)
            // r-2 goes: its day and month have no rows left, not rows of zero.
            try store.writer.write { db in try db.execute(sql: "DELETE FROM grant_request WHERE id = 'r-2'") }
            #expect(try Self.figures(store, span: "2026-06").isEmpty)
            #expect(try Self.figures(store, span: "2026-06-04").isEmpty)
            let juneRows = try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM report_submitter WHERE span LIKE '2026-06%'") }
            #expect(juneRows == 0)
        }
    }

    @Test("300 synthetic households, 120 random changes of grants and staff: the tallies stay what the grants add up to, the report what it counts grant by grant")
    func anyChanges() throws {
        try withSyntheticStore { store in
            var rng = SplitMix64(seed: 24)
            let ids = try store.read { db in try String.fetchAll(db, sql: "SELECT id FROM grant_request ORDER BY id") }
            let users = try store.staff().map(\.user) + ["x.weg", "y.nieuw"]
            let teams = [leader.team, "Wijkteam West", ""]
            let statuses = GrantStatus.allCases.map(\.rawValue)
            let offsets = [60, 120, -300, 840]
            let now = PracticeReport.endOfDay(day("2026-11-23"))
            var compared = 0, withGrants = 0
            for step in 0..<120 {
                let id = ids[Int.random(in: 0..<ids.count, using: &rng)]
                let change = Int.random(in: 0..<9, using: &rng)
                try store.writer.write { db in
                    func set(_ sql: String, _ arguments: StatementArguments) throws {
                        try db.execute(sql: "UPDATE grant_request SET \(sql) WHERE id = :id", arguments: arguments + ["id": id])
                    }
                    switch change {
                    case 0: try set("status = :s", ["s": statuses[Int.random(in: 0..<statuses.count, using: &rng)]])
                    case 1:
                        let hours = Int.random(in: -2...100, using: &rng)
                        try set("paidEpoch = decidedEpoch + :s, paidOffset = 60", ["s": hours * 3600 + Int.random(in: 0..<3600, using: &rng)])
                    case 2:
                        // A decision at another moment and offset, its text and integers alike.
                        let moment = Moment(epochSeconds: day("2026-01-01").daysSinceEpoch * 86_400 + Int.random(in: 0..<(340 * 86_400), using: &rng),
                                            offsetMinutes: offsets[Int.random(in: 0..<offsets.count, using: &rng)])
                        try set("decidedAt = :iso, decidedEpoch = :e, decidedOffset = :o",
                                ["iso": moment.iso, "e": moment.epochSeconds, "o": moment.offsetMinutes])
                    case 3:
                        let user = Int.random(in: 0...users.count, using: &rng)
                        try set("submittedBy = :u", ["u": user == users.count ? nil : users[user]])
                    case 4: try set("amountCents = :a, netAvoidedCents = :n", ["a": Int.random(in: 0...900_000, using: &rng), "n": Int.random(in: -900_000...900_000, using: &rng)])
                    case 5:
                        let answers: [String?] = ["yes", "partly", "no", nil], costs: [String?] = ["higher", "similar", "lower", nil]
                        try set("shortTerm = :s, societalCost = :c", ["s": answers[Int.random(in: 0..<4, using: &rng)], "c": costs[Int.random(in: 0..<4, using: &rng)]])
                    case 6: try db.execute(sql: "DELETE FROM grant_request WHERE id = ?", arguments: [id])
                    case 7:
                        let user = users[Int.random(in: 0..<users.count, using: &rng)]
                        try db.execute(sql: "UPDATE staff SET team = ? WHERE user = ?", arguments: [teams[Int.random(in: 0..<teams.count, using: &rng)], user])
                    default:
                        // Someone joins the staff list or leaves it (by hand: the program only deactivates).
                        let user = ["x.weg", "y.nieuw"][Int.random(in: 0..<2, using: &rng)]
                        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM staff WHERE user = ?)", arguments: [user]) == true {
                            try db.execute(sql: "DELETE FROM staff WHERE user = ?", arguments: [user])
                        } else {
                            try db.execute(sql: """
                                INSERT INTO staff (user, name, role, team, addedBy, addedAt) VALUES (?, 'Iemand', 'caseworker', ?, 'j.bakker', '2026-11-23')
                                """, arguments: [user, teams[Int.random(in: 0..<teams.count, using: &rng)]])
                        }
                    }
                    #expect(try Self.tallies(db) == Self.afresh(db), "after step \(step), change \(change) of \(id)")
                    #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM report_tally WHERE count = 0") == 0)
                }
                guard step % 20 == 19 else { continue }
                for _ in 0..<4 {
                    let from = day("2025-12-01").adding(days: Int.random(in: 0..<300, using: &rng))
                    let to = from.adding(days: Int.random(in: 0..<200, using: &rng))
                    for team in [nil] + teams {
                        let counted = PracticeReport.compute(try store.reportFigures(team: team, from: from, to: to), from: from, to: to, now: now)
                        let kept = try store.practiceReport(team: team, from: from, to: to, now: now)
                        #expect(kept == counted, "step \(step), \(from)…\(to), team \(team ?? "all")")
                        compared += 1
                        if kept.grants.count > 0 && !kept.late.isEmpty && !kept.paymentHours.isEmpty { withGrants += 1 }
                    }
                }
            }
            // A third of the reports compared (every team, and two of few) had grants, late ones and
            // payments: the comparisons are not of empty reports.
            #expect(compared == 96)
            #expect(withGrants >= 32)
        }
    }
}
