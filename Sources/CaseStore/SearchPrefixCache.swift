import Foundation
import GRDB
import GRDBSQLite

/// The households of the word beginnings that many households share — "1", "15", "van",
/// "huis…" — kept in memory, so a search keystroke costs about the same in a city as in a
/// village.
///
/// Why: the search index answers a beginning that 100,000 households share by streaming
/// 100,000 rows, 7 ms of every keystroke of "1512 b". With this cache a keystroke asks the
/// index only for its uncommon words (at most `threshold` households each; every more
/// common beginning is here) and combines bitmaps in memory. The result is the index's own:
/// the beginnings and their households are read from the index, and a typed word is looked
/// up in the index's folded form (`SearchFolding`).
///
/// Built in one read (one snapshot) for one list version (Schema.v6, v8: the version
/// changes with everything the index holds of a household, also by another process), off
/// the main loop (`BackgroundRead`); used only while the store is at that version.
public struct SearchPrefixCache: Sendable {
    /// At 100,000 households a beginning of 4,000 costs the index about 0.3 ms.
    public static let defaultThreshold = 4_000
    /// The most memory the bitmaps take: at 1,000,000 households a bitmap is 125 kB and 509
    /// beginnings pass the threshold (64 MB); then only the most common are kept — "1", "j",
    /// "van" — and the index answers the others (at most a few tens of thousands each).
    public static let maximumBytes = 8 << 20

    /// The list version the cache was built at.
    public let version: Int
    /// The highest household rowid at that version: the size of every bitmap.
    let highest: Int64
    private let bits: [String: HouseholdBits]
    private let aliases: [String: String]

    public var bitmaps: Int { bits.count }
    /// How long the build took: the caseload builds again no sooner than 19 times this
    /// after, so that the cache never takes more than 5% of a core (a terminal server with
    /// many caseworkers, each workstation rebuilding after every change anyone makes).
    public let buildSeconds: Double

    /// True when the cache holds every common beginning of the store at `version`.
    public func isReady(at version: Int) -> Bool { self.version == version }

    /// Reads the index's words with their counts in one pass, then the households of every
    /// common beginning: about half a second at 100,000 households, so not on the main loop.
    public static func build(_ store: Store, threshold: Int = defaultThreshold, maximumBytes: Int = maximumBytes) throws -> SearchPrefixCache {
        let clock = ContinuousClock()
        let started = clock.now
        _ = SearchFolding.folded   // asked of SQLite once, here rather than in a keystroke
        return try store.read { db in
            let version = try Store.listVersion(db)
            let highest = try Int64.fetchOne(db, sql: "SELECT MAX(rowid) FROM household") ?? 0
            var sweep = PrefixSweep(threshold: threshold)
            try eachTerm(db) { term, docs in sweep.add(term, docs: docs) }
            sweep.finish()
            // Within the memory the cache may take, the beginnings most households share.
            let fits = max(16, maximumBytes / (Int(highest) / 8 + 1))
            let planned = sweep.planned.count <= fits ? sweep.planned
                : Array(sweep.planned.sorted { (sweep.counts[$0] ?? 0, $1) > (sweep.counts[$1] ?? 0, $0) }.prefix(fits))
            let kept = Set(planned)
            var bits: [String: HouseholdBits] = [:]
            for prefix in planned {
                bits[prefix] = try HouseholdBits.matching(db, match: CaseloadQuery.expression([prefix]), highest: highest)
            }
            return SearchPrefixCache(version: version, highest: highest, bits: bits, aliases: sweep.aliases.filter { kept.contains($0.value) },
                                     buildSeconds: started.duration(to: clock.now) / .seconds(1))
        }
    }

    /// The households with a word that starts with `word` as typed, if the cache holds them.
    func households(startingWith word: String) -> HouseholdBits? {
        guard let key = SearchFolding.key(word) else { return nil }
        return bits[aliases[key] ?? key]
    }

    /// The households of `order` matching every word of `search`, in `order`'s order: the
    /// common words from the bitmaps, the others from the index in one query.
    func matches(_ db: Database, search: String, in order: [HouseholdRowid]) throws -> [HouseholdRowid] {
        var combined: HouseholdBits?
        var uncommon: [String] = []
        for word in CaseloadQuery.words(search) {
            guard let common = households(startingWith: word) else { uncommon.append(word); continue }
            if combined == nil { combined = common } else { combined!.formIntersection(common) }
        }
        if !uncommon.isEmpty {
            let found = try HouseholdBits.matching(db, match: CaseloadQuery.expression(uncommon), highest: highest)
            if combined == nil { combined = found } else { combined!.formIntersection(found) }
        }
        return combined?.members(of: order) ?? order
    }

    /// The index's words in the text column, in order, with the number of households
    /// holding each; stepped by hand (see CaseloadQuery.eachRowid): 141,000 words at 100,000
    /// households.
    static func eachTerm(_ db: Database, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) throws {
        let statement = try db.makeStatement(sql: "SELECT term, doc FROM household_search_terms WHERE col = 'text'")
        try CaseloadQuery.eachRow(db, statement) { raw in
            guard let text = sqlite3_column_text(raw, 0) else { return }
            body(UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(raw, 0))), Int(sqlite3_column_int64(raw, 1)))
        }
    }
}

extension Store {
    /// `caseloadMatches` with the common beginnings from `cache`, when it is ready at the
    /// list version `order` was read at; else from the index.
    public func caseloadMatches(_ filter: CaseloadFilter, in order: [HouseholdRowid], cache: SearchPrefixCache?, listVersion: Int) throws -> [HouseholdRowid] {
        guard let cache, cache.isReady(at: listVersion), let match = CaseloadQuery(filter).match else {
            return try caseloadMatches(filter, in: order)
        }
        return try read { db in
            // Checked again in this snapshot: a change committed since the caller's check
            // would mix the cache's words of one version with the index's of the next.
            guard try Self.listVersion(db) == cache.version else { return try CaseloadQuery.matches(db, match: match, in: order) }
            return try cache.matches(db, search: filter.search, in: order)
        }
    }
}

extension SearchPrefixCache: CustomStringConvertible {
    /// Short: a test that fails prints this, not 12.5 kB per bitmap.
    public var description: String { "SearchPrefixCache(version \(version), \(bits.count) bitmaps, \(aliases.count) aliases)" }
}
