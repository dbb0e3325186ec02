import Casework
import Foundation
import GRDB
import Testing
@testable import CaseStore

/// The caseload's search (migration v5): word prefixes with diacritics folded, over open
/// households only; the count, the in-memory matching and the pages agree.
@Suite("Caseload search")
struct CaseloadSearchTests {
    static let today = CalendarDate(iso: "2026-11-23")!

    @Test("Count, matches in list order and pages agree, for everyone and for one caseworker")
    func countsAndPagesAgree() throws {
        try withSyntheticStore { store in
            for caseworker in [nil, Store.syntheticCaseworkers[0]] {
                let order = try store.caseloadOrder(caseworker: caseworker)
                #expect(order.count == (caseworker == nil ? 300 : 15))
                for search in ["jan", "zoe", "öz", "15", "westzaan", "van d", "b"] {
                    let filter = CaseloadFilter(caseworker: caseworker, search: search)
                    let matches = try store.caseloadMatches(filter, in: order)
                    #expect(try store.caseloadCount(filter) == matches.count, "\(search)")
                    // a subsequence of the list's order
                    var position = order.startIndex
                    for id in matches {
                        guard let found = order[position...].firstIndex(of: id) else { Issue.record("\(search): out of order"); break }
                        position = found + 1
                    }
                    let page = try store.caseloadPage(filter, offset: 0, limit: 10, today: Self.today)
                    #expect(page.map(\.id) == (try store.caseloadRows(Array(matches.prefix(10)), today: Self.today)).map(\.id), "\(search)")
                }
            }
        }
    }

    @Test("Words match from their start, diacritics optional; punctuation never breaks the search")
    func wordPrefixes() throws {
        try withSyntheticStore { store in
            let order = try store.caseloadOrder(caseworker: nil)
            func ids(_ search: String) throws -> [HouseholdRowid] { try store.caseloadMatches(CaseloadFilter(search: search), in: order) }
            #expect(try !ids("zoë").isEmpty)
            #expect(try ids("zoe") == ids("zoë"))
            #expect(try ids("OZTURK") == ids("Öztürk"))
            #expect(try ids("zoë kaya").count <= ids("zoë").count)
            #expect(try ids("ürk").isEmpty)   // not the start of a word
            for hostile in ["-", "\"", "o'", "*", "AND", "NEAR(", "a\"b", "€"] {
                #expect(throws: Never.self) { _ = try ids(hostile) }
            }
            #expect(try ids("-").count == 300)   // nothing to search for: everyone
        }
    }

    @Test("A closed household leaves the search and the list; reopened, it is back")
    func closedHouseholdsAreNotSearched() throws {
        try withSyntheticStore { store in
            let before = try store.caseloadCount(CaseloadFilter(search: "huishouden"))
            #expect(before == 300)
            try store.writer.write { db in try db.execute(sql: "UPDATE household SET status = 'closed' WHERE id = 'hh-0000001'") }
            #expect(try store.caseloadCount(CaseloadFilter(search: "huishouden")) == 299)
            #expect(try store.caseloadOrder(caseworker: nil).count == 299)
            try store.writer.write { db in try db.execute(sql: "UPDATE household SET status = 'open' WHERE id = 'hh-0000001'") }
            #expect(try store.caseloadCount(CaseloadFilter(search: "huishouden")) == 300)
        }
    }

    @Test("The list in memory keeps rowids in 32 bits: a rowid past that is refused with a sentence, not cut short")
    func rowidsBeyond32BitsRefused() throws {
        try withSyntheticStore { store in
            #expect(try store.caseloadOrder(caseworker: nil).count == 300)
            try store.writer.write { db in
                try db.execute(sql: "UPDATE household SET rowid = 4294967301 WHERE id = 'hh-0000007'")   // 2^32 + 5
            }
            #expect {
                _ = try store.caseloadOrder(caseworker: nil)
            } throws: { error in
                "\(error)".contains("32 bits")
            }
        }
    }
}
