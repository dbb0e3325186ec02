import Casework
import Testing
@testable import CaseStore

/// A search's matches in list order (CaseloadMatches): a wide match held as the list and a
/// bitmap gives the same count and pages as the list filtered, from whichever point a page
/// is walked to.
@Suite("A search's matches in list order")
struct CaseloadMatchesTests {
    func bits(_ rowids: [HouseholdRowid], highest: Int64 = 200) -> HouseholdBits {
        var bits = HouseholdBits(highest: highest)
        for rowid in rowids { bits.set(Int64(rowid), to: true) }
        return bits
    }

    @Test("By hand: three of a list of five, pages clamped to the count")
    func byHand() {
        let whole = CaseloadMatches(list: [5, 2, 9, 7, 1])
        #expect(whole.isWholeList && whole.count == 5)
        // 100 is no household of the list: not counted, never shown
        var found = whole.narrowed(by: bits([2, 7, 1, 100]))
        #expect(found.count == 3 && found.isHeldAsBits)   // 3 of 5 is a wide match
        #expect(found.all == [2, 7, 1])
        #expect(found.rowids(1..<3) == [7, 1])
        #expect(found.rowids(0..<1) == [2])
        #expect(found.rowids(2..<10) == [1])
        #expect(found.rowids(5..<8) == [])
        // typing more: 7 and 1 still match
        var narrower = found.narrowed(by: bits([7, 1]))
        #expect(narrower.count == 2 && narrower.rowids(0..<25) == [7, 1])
    }

    @Test("A narrow match (a sixteenth of the list or less, and under 256) is an array, narrowed by the next keystroke")
    func narrowIsAnArray() {
        let list = (0..<HouseholdRowid(160)).reversed().map { $0 }
        let ten = CaseloadMatches(list: list).narrowed(by: bits(Array(0..<10)))
        #expect(!ten.isHeldAsBits && ten.count == 10 && ten.all == Array((0..<10).reversed()))
        let eleven = CaseloadMatches(list: list).narrowed(by: bits(Array(0..<11)))
        #expect(eleven.isHeldAsBits && eleven.count == 11)
        let two = ten.narrowed(by: bits([3, 8]))
        #expect(!two.isHeldAsBits && two.all == [8, 3])
    }

    @Test("From 256 matches on a match is bits even where it is less than a sixteenth of the list")
    func manyMatchesAreBitsInALongList() {
        // 10,000 households in an order of their own: a sixteenth is 625
        let list = (0..<HouseholdRowid(10_000)).map { ($0 * 7_919) % 10_000 }
        let whole = CaseloadMatches(list: list)
        // every 39th rowid from 0: 257 households (0, 39, …, 9,984); the first 255 and 256 of them
        let members = Array(stride(from: HouseholdRowid(0), to: 10_000, by: 39))
        #expect(members.count == 257)
        let narrow = whole.narrowed(by: bits(Array(members.prefix(255)), highest: 10_000))
        #expect(!narrow.isHeldAsBits && narrow.count == 255)
        var wide = whole.narrowed(by: bits(Array(members.prefix(256)), highest: 10_000))
        #expect(wide.isHeldAsBits && wide.count == 256)
        // the same households in the same order as the list filtered, page by page
        let expected = list.filter(Set(members.prefix(256)).contains)
        #expect(wide.all == expected)
        for start in stride(from: 0, to: 256, by: 25) {
            #expect(wide.rowids(start..<start + 25) == Array(expected[start..<min(256, start + 25)]))
        }
        // typing more narrows the bits to an array below 256
        let fewer = wide.narrowed(by: bits(Array(members.prefix(3)), highest: 10_000))
        #expect(!fewer.isHeldAsBits && fewer.all == list.filter(Set(members.prefix(3)).contains))
    }

    @Test("Pages walked forward, backward, from the end and by jumps are the list filtered, at every density")
    func pagesAsTheListFiltered() {
        var random = SplitMix64(seed: 24)
        // a list of 3,000 households among rowids up to 5,000, in an order of its own
        var rowids = Array(HouseholdRowid(0)..<5_000)
        for i in rowids.indices.reversed() { rowids.swapAt(i, Int(random.next() % UInt64(i + 1))) }
        let list = Array(rowids.prefix(3_000))
        let whole = CaseloadMatches(list: list)
        for density in [0, 3, 7, 20, 50, 93, 100] {
            let members = (0..<HouseholdRowid(5_100)).filter { _ in Int(random.next() % 100) < density }
            let expected = list.filter(Set(members).contains)
            var found = whole.narrowed(by: bits(members, highest: 5_100))
            #expect(found.count == expected.count && found.all == expected, "density \(density)%")
            #expect(found.isHeldAsBits == (expected.count * 16 > list.count || expected.count >= 256))
            func page(_ start: Int, _ size: Int = 23) {
                let want = Array(expected[min(start, expected.count)..<min(start + size, expected.count)])
                #expect(found.rowids(start..<start + size) == want, "density \(density)%, page at \(start)")
            }
            for start in stride(from: 0, to: expected.count, by: 23) { page(start) }          // PgDn
            for start in stride(from: expected.count - 1, through: 0, by: -23) { page(start) } // PgUp
            page(max(0, expected.count - 23))                                                    // End
            for _ in 0..<40 { page(Int(random.next() % UInt64(expected.count + 1)), 1 + Int(random.next() % 30)) }
        }
    }
}
