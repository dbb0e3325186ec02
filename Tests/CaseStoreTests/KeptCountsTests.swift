import Casework
import Foundation
import GRDB
import Testing
@testable import CaseStore

/// The lists' counts are kept by triggers (migration v17) instead of counted: after every
/// kind of change they must still equal what counting gives.
@Suite("The lists' counts kept by the store")
struct KeptCountsTests {
    /// Each caseworker's list and all households, open and closed: kept count against counted.
    static func expectCountsAsCounted(_ store: Store, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let caseworkers = try store.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT caseworker FROM household WHERE caseworker IS NOT NULL") }
        for closed in [false, true] {
            let status = closed ? "closed" : "open"
            for caseworker in caseworkers + ["nobody"] {
                let counted = try store.read { db in
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM household WHERE caseworker = ? AND status = ?", arguments: [caseworker, status])!
                }
                #expect(try store.caseloadCount(CaseloadFilter(caseworker: caseworker, closed: closed)) == counted,
                        "\(caseworker), \(status)", sourceLocation: sourceLocation)
            }
            let all = try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM household WHERE status = ?", arguments: [status])! }
            #expect(try store.caseloadCount(CaseloadFilter(closed: closed)) == all, "all, \(status)", sourceLocation: sourceLocation)
        }
    }

    @Test("Reassigned, closed, reopened, new and anonymised households: every kept count equals the counted one")
    func keptAsCounted() throws {
        try withSyntheticStore { store in
            try Self.expectCountsAsCounted(store)
            #expect(try store.caseloadCount(CaseloadFilter()) + store.caseloadCount(CaseloadFilter(closed: true)) == 300)
            let ids = try store.read { db in try String.fetchAll(db, sql: "SELECT id FROM household WHERE status = 'open' ORDER BY id LIMIT 6") }
            let cw01 = try store.caseloadCount(CaseloadFilter(caseworker: "gen.cw01"))
            try store.assignHousehold(ids[0], to: "gen.cw01", by: leader.actor)
            try store.assignHousehold(ids[1], to: "gen.cw01", by: leader.actor)
            try store.closeHousehold(ids[2], reason: .goalsReached, on: day("2026-11-23"), by: leader.actor)
            try store.closeHousehold(ids[3], reason: .moved, on: day("2026-11-23"), by: leader.actor)
            try store.reopenHousehold(ids[3], by: leader.actor)
            try Self.expectCountsAsCounted(store)
            #expect(try store.caseloadCount(CaseloadFilter(caseworker: "gen.cw01")) >= cw01 + 1)
            // a household without a caseworker, then given one
            try store.writer.write { db in try db.execute(sql: "UPDATE household SET caseworker = NULL WHERE id = ?", arguments: [ids[4]]) }
            try Self.expectCountsAsCounted(store)
            try store.assignHousehold(ids[4], to: "gen.cw02", by: leader.actor)
            // removed (as retention's last step for a household would, or a cascade)
            try store.writer.write { db in try db.execute(sql: "DELETE FROM household WHERE id = ?", arguments: [ids[5]]) }
            try Self.expectCountsAsCounted(store)
            #expect(try store.caseloadCount(CaseloadFilter()) + store.caseloadCount(CaseloadFilter(closed: true)) == 299)
        }
    }
}
