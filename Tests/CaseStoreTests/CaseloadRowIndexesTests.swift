import Casework
import Foundation
import GRDB
import Testing
@testable import CaseStore

/// Step 25: a caseload row's figures come from indexes that hold every column their
/// subqueries read, so a page read cold is one probe per figure (CaseloadRowIndexes).
@Suite("A caseload row's figures from covering indexes")
struct CaseloadRowIndexesTests {
    static let today = CalendarDate(iso: "2026-11-23")!

    @Test("The page query reads each figure from its covering index")
    func planUsesTheCoveringIndexes() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            let plan = try store.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + Store.caseloadRowsSQL, arguments: [Self.today.iso, "[1]"])
                    .map { $0["detail"] as String }
            }
            for index in ["member_adults_by_household", "conversation_dates_by_household",
                          "grant_request_waiting_by_household", "signal_state_by_household"] {
                #expect(plan.contains { $0.contains("COVERING INDEX \(index) ") }, "\(index) in:\n\(plan.joined(separator: "\n"))")
            }
        }
    }

    @Test("The demo households' rows are the same with the indexes as without them")
    func sameFiguresWithoutTheIndexes() throws {
        try withTemporaryFolder { folder in
            let store = try Store.createDemo(from: sampleData, at: StoreLocation(path: folder + "/demo/k.sqlite"), clock: testClock)
            let rowids = try store.read { db in try HouseholdRowid.fetchAll(db, sql: "SELECT rowid FROM household ORDER BY rowid") }
            let with = try store.caseloadRows(rowids, today: Self.today)
            // the demo has each figure the indexes serve, so the comparison covers them
            #expect(with.count == rowids.count && with.count >= 9)
            #expect(with.contains { $0.adults.contains(" & ") })
            #expect(with.contains { $0.lastContact != nil })
            #expect(with.contains { $0.grantsWaiting > 0 && $0.waitingAmount.cents > 0 })
            #expect(with.contains { $0.openSignals > 0 })
            try store.writer.write { db in
                for index in ["member_adults_by_household", "conversation_dates_by_household",
                              "grant_request_waiting_by_household", "signal_state_by_household"] {
                    try db.execute(sql: "DROP INDEX \(index)")
                }
            }
            #expect(try store.caseloadRows(rowids, today: Self.today) == with)
        }
    }
}
