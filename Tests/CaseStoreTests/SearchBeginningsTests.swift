import Casework
import Foundation
import GRDB
import Testing
@testable import CaseStore

/// The search's cache of common word beginnings (docs/performance.md): it finds exactly what the index
/// finds, knows which beginnings are common, folds typed words as the index does, and is
/// used only at the list version it was built at.
@Suite("Search prefix cache")
struct SearchPrefixCacheTests {
    static let today = CalendarDate(iso: "2026-11-23")!

    /// Runs the sweep over (word, households) pairs given in sorted order.
    func sweep(_ terms: [(String, Int)], threshold: Int) -> PrefixSweep {
        var sweep = PrefixSweep(threshold: threshold)
        for (term, docs) in terms {
            Array(term.utf8).withUnsafeBufferPointer { sweep.add($0, docs: docs) }
        }
        sweep.finish()
        return sweep
    }

    @Test("The sweep finds the beginnings shared by more than the threshold, by hand")
    func sweepByHand() {
        // j, ja, jan: 3 + 5 + 2 = 10; jans: 5 + 2 = 7; janse, jansen: 5; janss, janssen: 2;
        // k … kees: 10. Over 4: all but janss and janssen.
        let found = sweep([("jan", 3), ("jansen", 5), ("janssen", 2), ("kees", 10)], threshold: 4)
        // "jan" is a word itself (3 of its 10), "jans" has two longer beginnings: bitmaps of
        // their own. "janse" holds only "jansen"; "j", "ja" only "jan…"; "k"…"kee" only "kees".
        #expect(found.planned == ["jansen", "jans", "jan", "kees"])
        #expect(found.aliases == ["janse": "jansen", "ja": "jan", "j": "jan", "kee": "kees", "ke": "kees", "k": "kees"])
    }

    @Test("A beginning that ends inside a character's bytes is never a key")
    func sweepKeepsCharactersWhole() {
        // "kı" is k + U+0131 (two bytes): its one-byte-longer beginning "k\u{C4}" is no text
        let found = sweep([("kı", 5)], threshold: 4)
        #expect(found.planned == ["kı"])
        #expect(found.aliases == ["k": "kı"])
        #expect(sweep([("kı", 4)], threshold: 4).planned.isEmpty)   // "more than", not "as many as"
    }

    @Test("Typed words are folded as the index folds them")
    func folding() {
        #expect(SearchFolding.key("Zoë") == "zoe")
        #expect(SearchFolding.key("ÖZTÜRK") == "ozturk")
        #expect(SearchFolding.key("Çelik") == "celik")
        #expect(SearchFolding.key("1512") == "1512")
        #expect(SearchFolding.key("a-b") == nil)   // not one word: to the index
        #expect(SearchFolding.key("€") == nil)
        #expect(SearchFolding.key("") == nil)
    }

    @Test("With the cache the search finds exactly what the index finds, for everyone and for one caseworker; also when memory keeps only the 16 most common beginnings",
          arguments: [SearchPrefixCache.maximumBytes, 1])
    func agreesWithTheIndex(maximumBytes: Int) throws {
        try withSyntheticStore { store in
            let cache = try SearchPrefixCache.build(store, threshold: 10, maximumBytes: maximumBytes)
            #expect(maximumBytes > 1 ? cache.bitmaps > 16 : cache.bitmaps == 16)
            let version = try store.caseloadListVersion()
            #expect(cache.isReady(at: version))
            // not an empty cache that trivially agrees: the common beginnings are in it
            for common in maximumBytes > 1 ? ["1", "15", "Huis", "huishouden", "van", "zaan"] : [] {
                #expect(cache.households(startingWith: common) != nil, "\(common)")
            }
            #expect(cache.households(startingWith: "qqq") == nil)
            // every beginning of the words of the first households' names and addresses, typed
            // in several ways, alone and after another word
            var searches = ["zoë kaya", "ÖZ", "öztürk", "van d", "1512 b", "Westzaan 1", "o'brien", "-", "ürk", "€"]
            for row in try store.caseloadPage(CaseloadFilter(), offset: 0, limit: 12, today: Self.today) {
                for word in (row.name + " " + row.street + " " + row.postcode + " " + row.adults).split(separator: " ") {
                    for length in 1...word.count {
                        let beginning = String(word.prefix(length))
                        searches += [beginning, beginning.uppercased(), "huis " + beginning]
                    }
                }
            }
            var compared = 0
            for caseworker in [nil, Store.syntheticCaseworkers[0]] {
                let order = try store.caseloadOrder(caseworker: caseworker)
                for search in searches {
                    let filter = CaseloadFilter(caseworker: caseworker, search: search)
                    let expected = try store.caseloadMatches(filter, in: order)
                    let found = try store.caseloadMatches(filter, in: order, cache: cache, listVersion: version)
                    #expect(found == expected, "\(search) (\(caseworker ?? "all"))")
                    compared += 1
                }
            }
            #expect(compared > 200)
        }
    }

    @Test("A cache of an older list version is not used, also when the version changes after the caller's check (v8)")
    func versionFollowsAddresses() throws {
        try withSyntheticStore { store in
            let cache = try SearchPrefixCache.build(store, threshold: 10)
            let before = try store.caseloadListVersion()
            let (rowid, city) = try store.read { db in
                let row = try Row.fetchOne(db, sql: "SELECT rowid, city FROM household WHERE id = 'hh-0000007'")!
                return (HouseholdRowid(row["rowid"] as Int64), row["city"] as String)
            }
            let order = try store.caseloadOrder(caseworker: nil)
            let oldCity = CaseloadFilter(search: city)
            #expect(cache.households(startingWith: city) != nil)   // a common word: from the cache
            #expect(try store.caseloadMatches(oldCity, in: order, cache: cache, listVersion: before).contains(rowid))
            // another workstation moves the household (only its address): the index changes,
            // so must the version
            let other = try Store.open(at: store.location, clock: store.clock)
            try other.writer.write { db in
                try db.execute(sql: "UPDATE household SET street = 'Zwiepstraat 3', city = 'Elders' WHERE id = 'hh-0000007'")
            }
            let after = try store.caseloadListVersion()
            #expect(after > before)
            #expect(!cache.isReady(at: after))
            // the old cache would still find the household in its old city: it is not used,
            // neither at the new version nor when the caller checked before the change
            for version in [after, before] {
                #expect(try !store.caseloadMatches(oldCity, in: order, cache: cache, listVersion: version).contains(rowid))
                #expect(try store.caseloadMatches(CaseloadFilter(search: "zwiep"), in: order, cache: cache, listVersion: version) == [rowid])
            }
            let rebuilt = try SearchPrefixCache.build(store, threshold: 10)
            #expect(rebuilt.isReady(at: after))
            #expect(try !store.caseloadMatches(oldCity, in: order, cache: rebuilt, listVersion: after).contains(rowid))
            #expect(try store.caseloadMatches(CaseloadFilter(search: "elders"), in: order, cache: rebuilt, listVersion: after) == [rowid])
        }
    }

    @Test("A read in the background delivers its value or its error once, and one read at a time")
    func backgroundRead() throws {
        struct Refused: Error {}
        let read = BackgroundRead<Int>()
        #expect(!read.isBusy)
        let gate = DispatchSemaphore(value: 0)
        read.start { gate.wait(); return 7 }
        read.start { 8 }   // ignored: the first is busy
        #expect(read.isBusy)
        #expect(read.take() == nil)
        gate.signal()
        #expect(try waitForTake(read)?.get() == 7)
        #expect(read.take() == nil)
        #expect(!read.isBusy)
        read.start { throw Refused() }
        let failed = try #require(waitForTake(read))
        #expect(throws: Refused.self) { try failed.get() }
    }

    func waitForTake<T>(_ read: BackgroundRead<T>) -> Result<T, any Error>? {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let done = read.take() { return done }
            usleep(1_000)
        }
        return nil
    }
}
