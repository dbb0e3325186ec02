import Casework
import Foundation
import GRDB
import Testing
@testable import CaseStore

/// The report reads the figures the store keeps with each grant (migration v17), not the
/// documents: both ways must give exactly the same report, for any period and team.
@Suite("The report's figures kept by the store")
struct ReportFiguresTests {
    /// Every grant of the store, read from its document (the way the report used to).
    static func allGrants(_ store: Store) throws -> [Grant] {
        try store.read { db in try Row.fetchAll(db, sql: "SELECT * FROM grant_request").map { try Store.storedGrant($0).grant } }
    }

    static let periods: [(String, String)] = [
        ("2020-01-01", "2026-12-31"), ("2026-01-01", "2026-11-23"), ("2026-06-01", "2026-06-30"),
        ("2026-11-23", "2026-11-23"), ("2026-03-29", "2026-03-29"), ("2027-01-01", "2027-12-31"),
    ]

    /// The report from the kept figures equals the report from every document.
    static func expectSameReports(_ store: Store, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let grants = try allGrants(store)
        let teams = Dictionary(uniqueKeysWithValues: try store.staff().map { ($0.user, $0.team) })
        let now = PracticeReport.endOfDay(day("2026-11-23"))
        for (from, to) in periods {
            for team in [nil, leader.team, "Wijkteam Nergens"] {
                let teamGrants = team.map { t in grants.filter { g in g.submittedBy.flatMap { teams[$0] } == t } } ?? grants
                let fromDocuments = PracticeReport.compute(grants: teamGrants, from: day(from), to: day(to), now: now)
                let kept = PracticeReport.compute(try store.reportFigures(team: team, from: day(from), to: day(to)), from: day(from), to: day(to), now: now)
                #expect(kept == fromDocuments, "\(from)…\(to), team \(team ?? "all")", sourceLocation: sourceLocation)
                let streamed = try store.practiceReport(team: team, from: day(from), to: day(to), now: now)
                #expect(streamed == fromDocuments, "streamed, \(from)…\(to), team \(team ?? "all")", sourceLocation: sourceLocation)
            }
        }
    }

    @Test("300 synthetic households with objections: the same report from the kept figures as from every document, per period and team")
    func sameAsFromDocuments() throws {
        try withSyntheticStore { store in
            // Objections on three decided grants: one open, one upheld, one not admissible.
            let second = StaffMember(user: "t.tweede", name: "Tessa Tweede", role: .teamleader, team: leader.team)
            try store.addStaff(second, by: leader.actor)
            let recent = try Self.allGrants(store).filter { g in
                [.approved, .paid, .evaluated].contains(g.status) && (g.decidedAt?.localDate ?? day("2099-01-01")) <= day("2026-11-23")
            }
            let decided = recent.prefix(3).compactMap(\.id)
            #expect(decided.count == 3)
            for (i, id) in decided.enumerated() {
                let open = try store.recordObjection(try store.grant(id), received: day("2026-11-23"), grounds: "Te weinig.", by: leader.actor)
                if i == 1 { _ = try store.decideObjection(open, outcome: .upheld, reasons: "Terecht.", newDecision: "Opnieuw besloten.", by: second.actor) }
                if i == 2 { _ = try store.decideObjection(open, outcome: .inadmissible, reasons: "Te laat.", newDecision: "", by: second.actor) }
            }
            let report = PracticeReport.compute(try store.reportFigures(team: nil, from: day("2026-01-01"), to: day("2026-11-23")),
                                                from: day("2026-01-01"), to: day("2026-11-23"), now: PracticeReport.endOfDay(day("2026-11-23")))
            #expect(report.objections == 3)
            #expect(report.objectionsOpen == 1)
            #expect(report.objectionsWithNewDecision == 1)
            #expect(report.grants.count > 10)
            #expect(report.shortTerm.values.reduce(0, +) > 0)
            try Self.expectSameReports(store)
        }
    }

    @Test("Step 17 fills the figures of grants stored before it from their documents")
    func filledByTheMigration() throws {
        try withSyntheticStore { store in
            let decided = try #require(try Self.allGrants(store).last { g in
                g.status == .approved && (g.decidedAt?.localDate ?? day("2099-01-01")) <= day("2026-11-23")
            }?.id)
            _ = try store.recordObjection(try store.grant(decided), received: day("2026-11-23"), grounds: "Te weinig.", by: leader.actor)
            let before = try store.reportFigures(team: nil, from: day("2020-01-01"), to: day("2026-12-31"))
            // As a store made before step 17 has them: no figures kept yet.
            try store.writer.write { db in
                try db.execute(sql: "UPDATE grant_request SET netAvoidedCents = 0, shortTerm = NULL, societalCost = NULL; DELETE FROM grant_objection")
            }
            let emptied = try store.reportFigures(team: nil, from: day("2020-01-01"), to: day("2026-12-31"))
            #expect(emptied != before)
            #expect(emptied.objections.isEmpty)
            try store.writer.write { db in try ReportFigureRows.fillFromDocuments(db) }
            let filled = try store.reportFigures(team: nil, from: day("2020-01-01"), to: day("2026-12-31"))
            #expect(filled.objections == before.objections)
            #expect(filled.grants.sorted { $0.id ?? "" < $1.id ?? "" } == before.grants.sorted { $0.id ?? "" < $1.id ?? "" })
        }
    }

    @Test("Step 22 fills the grants' moments as integers from their text, with the offset they were written with")
    func momentsFilledByTheMigration() throws {
        try withSyntheticStore { store in
            let before = try store.reportFigures(team: nil, from: day("2020-01-01"), to: day("2026-12-31"))
            #expect(before.grants.count > 10)
            // As a store made before step 22 has them: no moments as integers yet.
            try store.writer.write { db in
                try db.execute(sql: """
                    UPDATE grant_request SET submittedEpoch = NULL, submittedOffset = NULL, decidedEpoch = NULL,
                                             decidedOffset = NULL, paidEpoch = NULL, paidOffset = NULL
                    """)
            }
            let emptied = try store.reportFigures(team: nil, from: day("2020-01-01"), to: day("2026-12-31"))
            #expect(emptied.grants.allSatisfy { $0.decidedAt == nil && $0.paidAt == nil })
            try store.writer.write { db in try ReportFigureRows.fillMoments(db) }
            let filled = try store.reportFigures(team: nil, from: day("2020-01-01"), to: day("2026-12-31"))
            #expect(filled == before)
            // A moment written at +02:00 keeps its offset: 2026-06-01T09:30:00+02:00 is 07:30 UTC.
            let summer = try #require(Moment(iso: "2026-06-01T09:30:00+02:00"))
            #expect(summer.epochSeconds == 1_780_299_000)
            try store.writer.write { db in
                let id: String = try #require(try String.fetchOne(db, sql: "SELECT id FROM grant_request WHERE decidedAt IS NOT NULL LIMIT 1"))
                try db.execute(sql: "UPDATE grant_request SET decidedAt = ? WHERE id = ?", arguments: [summer.iso, id])
                try ReportFigureRows.fillMoments(db)
                let row = try #require(try Row.fetchOne(db, sql: "SELECT decidedEpoch, decidedOffset FROM grant_request WHERE id = ?", arguments: [id]))
                #expect(row[0] as Int == 1_780_299_000)
                #expect(row[1] as Int == 120)
            }
        }
    }
}
