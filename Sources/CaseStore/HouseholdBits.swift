import Foundation
import GRDB

/// A household's rowid in the lists kept in memory (the list's order, a search's matches):
/// 32 bits, half of SQLite's 64 — a million households' order is 4 MB, not 8, and a peak of
/// memory at a million households was the order and its matches. `CaseloadQuery.page`
/// refuses a rowid that does not fit (a store would need four billion households).
public typealias HouseholdRowid = UInt32

/// A set of households as one bit per rowid: what the search index matched, held so that
/// matches can be combined and put in list order without asking SQLite per household.
struct HouseholdBits: Sendable, Equatable {
    private(set) var words: [UInt64]

    /// Room for the rowids 0...highest; others are never members.
    init(highest: Int64) {
        words = [UInt64](repeating: 0, count: Int(max(highest, 0) >> 6) + 1)
    }

    /// The households the search index matches for an FTS5 expression.
    static func matching(_ db: Database, match: String, highest: Int64) throws -> HouseholdBits {
        var bits = HouseholdBits(highest: highest)
        let limit = Int64(bits.words.count) << 6
        try bits.words.withUnsafeMutableBufferPointer { words in
            try CaseloadQuery.eachRowid(db, sql: "SELECT rowid FROM household_search WHERE household_search MATCH ?",
                                        arguments: [match]) { rowid in
                if rowid >= 0 && rowid < limit { words[Int(rowid >> 6)] |= 1 << UInt64(rowid & 63) }
            }
        }
        return bits
    }

    /// The bits as stored (`SearchBeginnings`): 64-bit little-endian words, rowid r at bit
    /// r % 64 of word r / 64.
    init(stored bytes: UnsafeRawBufferPointer) {
        words = [UInt64](repeating: 0, count: max(1, bytes.count / 8))
        words.withUnsafeMutableBytes { target in
            target.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes.prefix(target.count)))
        }
        for i in words.indices { words[i] = UInt64(littleEndian: words[i]) }
    }

    /// The bits to store (see `init(stored:)`).
    var stored: Data { words.map(\.littleEndian).withUnsafeBytes { Data($0) } }

    /// Adds or removes one household, making room when its rowid is past the end.
    mutating func set(_ rowid: Int64, to member: Bool) {
        guard rowid >= 0 else { return }
        let word = Int(rowid >> 6)
        if word >= words.count {
            guard member else { return }
            words.append(contentsOf: repeatElement(0, count: word + 1 - words.count))
        }
        if member { words[word] |= 1 << UInt64(rowid & 63) } else { words[word] &= ~(1 << UInt64(rowid & 63)) }
    }

    /// Keeps only the households also in `other`.
    mutating func formIntersection(_ other: HouseholdBits) {
        let shared = min(words.count, other.words.count)
        for i in 0..<shared { words[i] &= other.words[i] }
        for i in shared..<words.count { words[i] = 0 }
    }

    /// Whether the household is a member.
    func contains(_ rowid: HouseholdRowid) -> Bool {
        let word = Int(rowid >> 6)
        return word < words.count && words[word] & (1 << UInt64(rowid & 63)) != 0
    }

    /// How many households are members of both: the bits both hold, counted.
    func countShared(with other: HouseholdBits) -> Int {
        var n = 0
        for i in 0..<min(words.count, other.words.count) { n += (words[i] & other.words[i]).nonzeroBitCount }
        return n
    }

    /// The rowids of `order` that are members, in `order`'s order, in an array of at most
    /// `capacity` (one more than the members expected, or `order`'s count: then no room is
    /// kept for more than are found). By hand over raw buffers (`filter` with a closure cost
    /// 1 ms of a city's 100,000 rows), and without a branch per household: each rowid is
    /// written and the end moves on by its bit, because a common beginning at a million
    /// households ("1", "van") holds half the list or more, where a branch per household is
    /// a guess lost every other time.
    func members(of order: [HouseholdRowid], capacity: Int? = nil) -> [HouseholdRowid] {
        let limit = words.count << 6
        let room = min(order.count, max(1, capacity ?? order.count))
        return words.withUnsafeBufferPointer { words in
            order.withUnsafeBufferPointer { order in
                [HouseholdRowid](unsafeUninitializedCapacity: room) { buffer, count in
                    guard let out = buffer.baseAddress, let words = words.baseAddress else { count = 0; return }
                    var n = 0
                    for rowid in order {
                        // Full: more members than the caller expected (never, when its count
                        // is right); the rest is not written past the end.
                        guard n < room else { break }
                        let r = Int(rowid)
                        out[n] = rowid
                        n &+= r < limit ? Int(truncatingIfNeeded: (words[r &>> 6] &>> UInt64(r & 63)) & 1) : 0
                    }
                    count = n
                }
            }
        }
    }
}
