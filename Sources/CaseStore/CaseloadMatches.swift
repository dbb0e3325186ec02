/// The households of a caseload's list that a search matches, in the list's order — or the
/// whole list, before anything is typed.
///
/// Why not simply an array of rowids: at a million households the first letters typed, "1"
/// or "van", match half the list or more, and each keystroke wrote such an array in list
/// order (megabytes the allocator had to zero, the previous one freed) to show 25 of them;
/// settled on the screen those keystrokes were the slowest (p99 18–30 ms). A wide match is
/// therefore held as the list and the bitmap of the matches: its count is the bits the list
/// shares with it counted, and a page is found by walking the list from its start, its end
/// or the last page read. A match is wide when it is at least a sixteenth of the list (at
/// most 16 households walked per match) or at least `heldAsBitsFrom` households. Only a
/// narrower one is held as an array, which the next keystroke (more typed, so fewer matches)
/// narrows without walking the whole list again.
public struct CaseloadMatches: Sendable {
    /// The list in order, and its households as bits (made once per list read).
    let list: [HouseholdRowid]
    private let listBits: HouseholdBits

    private enum Kept: Sendable {
        case whole
        case rowids([HouseholdRowid])
        case bits(HouseholdBits)
    }
    private let kept: Kept

    /// How many households match.
    public let count: Int

    /// Where the last page read of a wide match ended: `index` matches lie in
    /// `list[0..<position]`. The next page (↓, PgDn) walks on from here.
    private var walked = (index: 0, position: 0)

    /// The whole list: every household of `list` (a list has each household once).
    public init(list: [HouseholdRowid]) {
        self.list = list
        var bits = HouseholdBits(highest: Int64(list.max() ?? 0))
        for rowid in list { bits.set(Int64(rowid), to: true) }
        listBits = bits
        kept = .whole
        count = list.count
    }

    private init(_ whole: CaseloadMatches, kept: Kept, count: Int) {
        list = whole.list
        listBits = whole.listBits
        self.kept = kept
        self.count = count
    }

    /// True for the whole list (no search narrowed it).
    public var isWholeList: Bool {
        if case .whole = kept { return true }
        return false
    }

    /// From this many matches on, a match is held as bits whatever the list's length: an
    /// array would be the whole list stepped through once (3–9 ms at a million households,
    /// the slowest part of the keystroke that narrows "ja" or "öz"), where a page is found
    /// by walking at most a tenth of a million-household list (25 rows at 1 in 4,000).
    static let heldAsBitsFrom = 256

    /// True for a wide match, held as the list and a bitmap (no array of its own).
    var isHeldAsBits: Bool {
        if case .bits = kept { return true }
        return false
    }

    /// The households of these matches that are also in `found`: a search that narrows them.
    func narrowed(by found: HouseholdBits) -> CaseloadMatches {
        if case .rowids(let rowids) = kept {
            let narrowed = found.members(of: rowids, capacity: rowids.count)
            return CaseloadMatches(self, kept: .rowids(narrowed), count: narrowed.count)
        }
        // The matches of a search are within the list it searched, whatever was typed before.
        let shared = found.countShared(with: listBits)
        guard shared * 16 > list.count || shared >= Self.heldAsBitsFrom else {
            return CaseloadMatches(self, kept: .rowids(found.members(of: list, capacity: shared + 1)), count: shared)
        }
        return CaseloadMatches(self, kept: .bits(found), count: shared)
    }

    /// These rowids of the list as the matches (closed households, searched by their text).
    func keeping(_ rowids: [HouseholdRowid]) -> CaseloadMatches {
        CaseloadMatches(self, kept: .rowids(rowids), count: rowids.count)
    }

    /// Every match, in list order.
    public var all: [HouseholdRowid] {
        switch kept {
        case .whole: list
        case .rowids(let rowids): rowids
        case .bits(let bits): bits.members(of: list, capacity: count + 1)
        }
    }

    /// The matches at these positions (clamped to the count), in list order.
    public mutating func rowids(_ range: Range<Int>) -> [HouseholdRowid] {
        let range = range.clamped(to: 0..<count)
        switch kept {
        case .whole: return Array(list[range])
        case .rowids(let rowids): return Array(rowids[range])
        case .bits(let bits): return walk(bits, to: range)
        }
    }

    /// The matches of `range` found by walking the list from the nearest point known: its
    /// start, its end or the end of the last page read.
    private mutating func walk(_ bits: HouseholdBits, to range: Range<Int>) -> [HouseholdRowid] {
        guard !range.isEmpty else { return [] }
        let target = range.lowerBound
        let anchors = [(index: 0, position: 0), walked, (index: count, position: list.count)]
        var (index, position) = anchors.min { abs($0.index - target) < abs($1.index - target) }!
        var found: [HouseholdRowid] = []
        found.reserveCapacity(range.count)
        list.withUnsafeBufferPointer { list in
            // Afterwards `index` matches lie before `position`, and the next match is the
            // first of the range.
            while index < target && position < list.count {
                if bits.contains(list[position]) { index += 1 }
                position += 1
            }
            while index > target && position > 0 {
                position -= 1
                if bits.contains(list[position]) { index -= 1 }
            }
            while found.count < range.count && position < list.count {
                if bits.contains(list[position]) { found.append(list[position]) }
                position += 1
            }
        }
        walked = (index + found.count, position)
        return found
    }
}
