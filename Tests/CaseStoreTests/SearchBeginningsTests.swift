import Casework
import Foundation
import GRDB
import Testing
@testable import CaseStore

/// The search's common word beginnings kept in the store (docs/performance.md): it finds
/// exactly what the index finds, also after changes made since, knows which beginnings are
/// common, and folds typed words as the index does.
@Suite("Search beginnings kept in the store")
struct SearchBeginningsTests {
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

    @Test("A bitmap's members in a list's order: by hand, and as a plain filter would give them for lists dense and sparse")
    func membersInOrder() {
        // rowids 1, 3 and 70 (word 1, bit 6); 200 is past the bitmap's end
        var bits = HouseholdBits(highest: 100)
        for rowid: Int64 in [1, 3, 70] { bits.set(rowid, to: true) }
        #expect(bits.members(of: [70, 2, 200, 3, 1, 4]) == [70, 3, 1])
        bits.set(3, to: false)
        bits.set(200, to: true)   // grows to hold it
        #expect(bits.members(of: [70, 2, 200, 3, 1, 4]) == [70, 200, 1])
        #expect(bits.members(of: []) == [])
        // stored and read back as 64-bit little-endian words: rowid 1 is bit 1 of byte 0
        let stored = bits.stored
        #expect(stored.count == 32 && stored[0] == 0b10 && stored[8] == 0b100_0000)
        #expect(stored.withUnsafeBytes { HouseholdBits(stored: $0) } == bits)
        var random = SplitMix64(seed: 23)
        for density in [0, 1, 10, 50, 90, 100] {
            var bits = HouseholdBits(highest: 5_000)
            var members = Set<HouseholdRowid>()
            for rowid in 0...HouseholdRowid(5_000) where Int(random.next() % 100) < density {
                bits.set(Int64(rowid), to: true)
                members.insert(rowid)
            }
            let order = (0..<6_000).map { _ in HouseholdRowid(random.next() % 5_200) }
            let expected = order.filter(members.contains)
            #expect(bits.members(of: order) == expected, "density \(density)%")
            // With the count known, no room is kept for the whole list; a count too small
            // gives the first members, never a write past the room.
            let narrow = bits.members(of: order, capacity: expected.count + 1)
            #expect(narrow == expected && narrow.capacity < 2 * (expected.count + 1) + 16, "room kept for the whole list at \(density)%")
            #expect(bits.members(of: order, capacity: 3) == Array(expected.prefix(3)))
        }
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

    /// The households of `order` matching `filter` as the index alone finds them (the way
    /// before step 23): what the kept beginnings must agree with.
    func fromIndex(_ store: Store, _ filter: CaseloadFilter, in order: [HouseholdRowid]) throws -> [HouseholdRowid] {
        guard let match = CaseloadQuery(filter).match, let highest = order.max() else { return order }
        return try store.read { db in try HouseholdBits.matching(db, match: match, highest: Int64(highest)).members(of: order) }
    }

    /// Searches for every beginning of the words of the first households, typed in several
    /// ways, alone and after another word, and a few of other kinds.
    func searches(_ store: Store, extra: [String] = []) throws -> [String] {
        var searches = ["zoë kaya", "ÖZ", "öztürk", "van d", "1512 b", "Westzaan 1", "o'brien", "-", "ürk", "€"] + extra
        for row in try store.caseloadPage(CaseloadFilter(), offset: 0, limit: 12, today: Self.today) {
            for word in (row.name + " " + row.street + " " + row.postcode + " " + row.adults).split(separator: " ") {
                for length in 1...word.count {
                    let beginning = String(word.prefix(length))
                    searches += [beginning, beginning.uppercased(), "huis " + beginning]
                }
            }
        }
        return searches
    }

    /// Every search of `searches` finds with the kept beginnings what the index alone finds,
    /// for everyone and for one caseworker; the number compared.
    func compare(_ store: Store, _ searches: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        var compared = 0
        for caseworker in [nil, Store.syntheticCaseworkers[0]] {
            let order = try store.caseloadOrder(caseworker: caseworker)
            for search in searches {
                let filter = CaseloadFilter(caseworker: caseworker, search: search)
                #expect(try store.caseloadMatches(filter, in: order) == fromIndex(store, filter, in: order),
                        "\(search) (\(caseworker ?? "all"))", sourceLocation: sourceLocation)
                compared += 1
            }
        }
        return compared
    }

    @Test("With the store's beginnings the search finds exactly what the index finds, for everyone and for one caseworker")
    func agreesWithTheIndex() throws {
        try withSyntheticStore { store in
            // generated stores make them with the default threshold: 300 households share none
            #expect(try store.searchBeginningsState() == SearchBeginnings.State(kept: true, bitmaps: 0, changes: 0))
            let made = try store.buildSearchBeginnings(threshold: 10)
            #expect(made.bitmaps > 16 && made.aliases > 0 && made.bytes == made.bitmaps * 40)   // rowids up to 300: five 64-bit words
            #expect(try store.searchBeginningsState() == SearchBeginnings.State(kept: true, bitmaps: made.bitmaps, changes: 0))
            // not an empty table that trivially agrees: the common beginnings are in it
            let kept = try store.read { db in
                var changed: [Int64: [Int64]] = [:]
                return try ["1", "15", "huis", "huishouden", "van", "zaan", "qqq"].filter {
                    try SearchBeginnings.households(db, key: $0, forgotten: 0, changed: &changed) != nil
                }
            }
            #expect(kept == ["1", "15", "huis", "huishouden", "van", "zaan"])
            let all = try searches(store)
            #expect(try compare(store, all) > 200)
        }
    }

    @Test("After changes elsewhere (an address, a name, a member, a household closed, one added) the search still finds what the index finds; a new making folds them in")
    func changesAfterTheBitmaps() throws {
        try withSyntheticStore { store in
            try store.buildSearchBeginnings(threshold: 10)
            let (rowid, city) = try store.read { db in
                let row = try Row.fetchOne(db, sql: "SELECT rowid, city FROM household WHERE id = 'hh-0000007'")!
                return (HouseholdRowid(row["rowid"] as Int64), row["city"] as String)
            }
            let order = try store.caseloadOrder(caseworker: nil)
            #expect(try store.caseloadMatches(CaseloadFilter(search: city), in: order).contains(rowid))
            // another workstation changes what the index holds of five households
            let other = try Store.open(at: store.location, clock: store.clock)
            try other.writer.write { db in
                try db.execute(sql: "UPDATE household SET street = 'Zwiepstraat 3', city = 'Elders' WHERE id = 'hh-0000007'")
                try db.execute(sql: "UPDATE household SET name = 'Huishouden Vanderveen' WHERE id = 'hh-0000008'")
                try db.execute(sql: "UPDATE household SET status = 'closed' WHERE id = 'hh-0000009'")
            }
            let member = try #require(try other.householdRows("hh-0000010").members.first)
            var renamed = member.value
            renamed.name = "Zoë Vanderveen"
            _ = try other.updateMember(member, to: renamed, by: leader.actor)
            let generator = SyntheticHouseholds(seed: 77, caseworkers: Store.syntheticCaseworkers, teamleader: leader.user)
            try other.insertGenerated([generator.household(5_000, today: Self.today)], by: leader.actor)
            #expect(try store.searchBeginningsState().changes == 5)
            let now = try store.caseloadOrder(caseworker: nil)
            #expect(try !store.caseloadMatches(CaseloadFilter(search: city), in: now).contains(rowid))
            #expect(try store.caseloadMatches(CaseloadFilter(search: "zwiep"), in: now) == [rowid])
            let changedSearches = ["elders", "zwiep", "vanderveen", "van", "vande", "zoë v", "zoe", "huis", city, String(city.prefix(2))]
            let all = try changedSearches + searches(store)
            #expect(try compare(store, all) > 200)
            // made anew: the changes are folded in and forgotten, and it still agrees
            try store.buildSearchBeginnings(threshold: 10)
            #expect(try store.searchBeginningsState().changes == 0)
            #expect(try compare(store, changedSearches) == 2 * changedSearches.count)
            // a row older than the changes forgotten (two makings at once) is not used: the
            // index answers for it
            try other.writer.write { db in
                try db.execute(sql: "UPDATE household SET city = 'Elders' WHERE id = 'hh-0000011'")
                try db.execute(sql: "UPDATE search_beginning SET seq = -1 WHERE beginning = 'van'")
            }
            let stale = try store.read { db in
                var changed: [Int64: [Int64]] = [:]
                return try SearchBeginnings.households(db, key: "van", forgotten: try SearchBeginnings.forgotten(db), changed: &changed)
            }
            #expect(stale == nil)
            #expect(try compare(store, ["van", "van d", "elders"]) == 6)
        }
    }

    @Test("Only a store that keeps beginnings notes changes; a read-only store searches from them but does not make them")
    func notedOnlyWhenKept() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            #expect(try store.searchBeginningsState() == SearchBeginnings.State(kept: false, bitmaps: 0, changes: 0))
            let generator = SyntheticHouseholds(seed: 3, caseworkers: Store.syntheticCaseworkers, teamleader: leader.user)
            try store.insertGenerated((0..<3).map { generator.household($0, today: Self.today) }, by: leader.actor)
            #expect(try store.searchBeginningsState().changes == 0)   // nothing kept, nothing noted
            try store.buildSearchBeginnings(threshold: 1)
            try store.insertGenerated([generator.household(3, today: Self.today)], by: leader.actor)
            #expect(try store.searchBeginningsState().changes == 1)
            let readOnly = try Store.open(at: store.location, clock: store.clock, forceReadOnly: true)
            #expect(throws: StoreError.self) { try readOnly.buildSearchBeginnings() }
            let order = try readOnly.caseloadOrder(caseworker: nil)
            #expect(order.count == 4)
            for search in ["huis", "h", "1"] {
                #expect(try readOnly.caseloadMatches(CaseloadFilter(search: search), in: order)
                        == fromIndex(readOnly, CaseloadFilter(search: search), in: order), "\(search)")
            }
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
