import Foundation
import GRDB
import GRDBSQLite

/// The households of the word beginnings that many households share — "1", "15", "van",
/// "rosmo…" — kept in the store as bitmaps, so a search keystroke costs about the same for a
/// regional service centre of a million households as in a village.
///
/// Why: the search index answers a beginning that 140,000 households share by streaming
/// 140,000 rows, 20–30 ms of a keystroke at a million households; its bitmap is one row of
/// 125 kB, read in a fraction of a millisecond. Until step 23 each workstation kept such
/// bitmaps in memory: at a million households all of them took 99 MB, and every workstation
/// made them again after every change anyone made.
///
/// Always exact: a household whose text in the index changes is noted in `search_change`
/// (by triggers on `household`, and by the statements that write the index themselves), and a
/// bitmap is read with the households changed since it was made taken out and asked of the
/// index alone. A workstation makes the bitmaps anew in its pauses when there are none or
/// when the noted changes pile up (the caseload's `SearchBeginningsKeeper`); each bitmap is
/// made and written in a write transaction of its own, so another's save waits at most for one.
public enum SearchBeginnings {
    /// A beginning shared by more households than this gets a bitmap: at 100,000 households
    /// the index answers 4,000 in about 0.3 ms.
    public static let defaultThreshold = 4_000
    /// Made anew when more changes than this are noted: each changed household is a lookup
    /// in the index for every common word typed.
    public static let rebuildAfterChanges = 1_000

    /// Store step 23. A bitmap row knows the last change noted when it was made (`seq`): the
    /// changes after it are the ones to ask the index about. A beginning with exactly the
    /// households of a longer one ("rosm" and "rosmo", both only "rosmolenstraat") names it
    /// (`sameAs`) instead of a bitmap of its own. The triggers note changes only once bitmaps
    /// are being kept (the meta row `searchBeginnings`).
    static let v23 = """
    CREATE TABLE search_beginning (
        beginning TEXT PRIMARY KEY NOT NULL,
        households BLOB,
        sameAs TEXT,
        seq INTEGER NOT NULL
    );
    CREATE TABLE search_change (seq INTEGER PRIMARY KEY AUTOINCREMENT, household INTEGER NOT NULL);
    CREATE TRIGGER search_change_on_insert AFTER INSERT ON household
        WHEN EXISTS (SELECT 1 FROM meta WHERE key = 'searchBeginnings')
    BEGIN
        INSERT INTO search_change (household) VALUES (new.rowid);
    END;
    CREATE TRIGGER search_change_on_delete AFTER DELETE ON household
        WHEN EXISTS (SELECT 1 FROM meta WHERE key = 'searchBeginnings')
    BEGIN
        INSERT INTO search_change (household) VALUES (old.rowid);
    END;
    CREATE TRIGGER search_change_on_update AFTER UPDATE OF status, name, street, postcode, city ON household
        WHEN EXISTS (SELECT 1 FROM meta WHERE key = 'searchBeginnings')
    BEGIN
        INSERT INTO search_change (household) VALUES (new.rowid);
    END;
    """

    /// Notes that the index's text of `household` (an id) changed, for a statement that
    /// writes the index itself (the members' names).
    static func noteChange(_ db: Database, household: String) throws {
        try db.execute(sql: """
            INSERT INTO search_change (household)
            SELECT rowid FROM household WHERE id = ? AND EXISTS (SELECT 1 FROM meta WHERE key = 'searchBeginnings')
            """, arguments: [household])
    }

    /// The last change noted so far (never reused: AUTOINCREMENT).
    static func lastChange(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'search_change'") ?? 0
    }

    /// Whether bitmaps are kept, how many, and how many changes wait to be folded in.
    public struct State: Equatable, Sendable {
        public let kept: Bool
        public let bitmaps: Int
        public let changes: Int
        public var needsBuilding: Bool { !kept || changes > SearchBeginnings.rebuildAfterChanges }
    }

    static func state(_ db: Database) throws -> State {
        State(kept: try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM meta WHERE key = 'searchBeginnings')") ?? false,
              bitmaps: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM search_beginning WHERE households IS NOT NULL") ?? 0,
              changes: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM search_change") ?? 0)
    }

    /// What one making of the bitmaps did.
    public struct Build: Sendable {
        public let bitmaps: Int
        public let aliases: Int
        public let bytes: Int
        public let seconds: Double
    }

    /// The households with every word of `search`: the common words from their bitmaps, the
    /// others from the index in one query; nil without a word. `scope` (an FTS5 expression,
    /// the owner token) narrows the index's part only: the caller's list is the scope.
    static func matching(_ db: Database, words: [String], scope: String?) throws -> HouseholdBits? {
        guard !words.isEmpty else { return nil }
        var combined: HouseholdBits?
        var uncommon: [String] = []
        var changed: [Int64: [Int64]] = [:]   // per seq: the households changed after it
        let forgotten = try Self.forgotten(db)
        for word in words {
            guard let key = SearchFolding.key(word), let common = try households(db, key: key, forgotten: forgotten, changed: &changed) else {
                uncommon.append(word); continue
            }
            if combined == nil { combined = common } else { combined!.formIntersection(common) }
        }
        if !uncommon.isEmpty {
            let highest = try Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(rowid) FROM household")) ?? 0
            let match = CaseloadQuery.expression(uncommon) + (scope.map { " AND \($0)" } ?? "")
            let found = try HouseholdBits.matching(db, match: match, highest: highest)
            if combined == nil { combined = found } else { combined!.formIntersection(found) }
        }
        return combined
    }

    /// The last change forgotten: a row older than it cannot be brought up to date.
    static func forgotten(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'searchBeginningsForgotten'")) ?? 0
    }

    /// The households with a word starting with `key` (folded as the index folds), from its
    /// bitmap with the changes since folded in; nil when it has none, or only one older than
    /// the changes forgotten (two makings at once: one wrote an alias after the other had
    /// forgotten the changes it needs).
    static func households(_ db: Database, key: String, forgotten: Int64, changed: inout [Int64: [Int64]]) throws -> HouseholdBits? {
        let lookup = try db.cachedStatement(sql: "SELECT households, sameAs, seq FROM search_beginning WHERE beginning = ?")
        var bits: HouseholdBits?
        var sameAs: String?
        var seq = Int64.max
        /// One row: its households (none for an alias), the beginning it names, and the
        /// changes counted from the older of the rows read.
        func read(_ beginning: String) throws {
            try lookup.setArguments([beginning])
            try CaseloadQuery.eachRow(db, lookup) { raw in
                seq = min(seq, sqlite3_column_int64(raw, 2))
                if let text = sqlite3_column_text(raw, 1) { sameAs = String(cString: text) }
                if let blob = sqlite3_column_blob(raw, 0) {
                    bits = HouseholdBits(stored: UnsafeRawBufferPointer(start: blob, count: Int(sqlite3_column_bytes(raw, 0))))
                }
            }
        }
        try read(key)
        if let other = sameAs { try read(other) }
        guard var found = bits, seq >= forgotten else { return nil }
        if changed[seq] == nil {
            var rowids: [Int64] = []
            try CaseloadQuery.eachRowid(db, sql: "SELECT DISTINCT household FROM search_change WHERE seq > ?", arguments: [seq]) {
                rowids.append($0)
            }
            changed[seq] = rowids
        }
        guard let since = changed[seq], !since.isEmpty else { return found }
        // A changed household is in the bitmap as the index has it now, not as it had it.
        for rowid in since { found.set(rowid, to: false) }
        try CaseloadQuery.eachRowid(db, sql: """
            SELECT rowid FROM household_search WHERE household_search MATCH ?
            AND rowid IN (SELECT household FROM search_change WHERE seq > ?)
            """, arguments: [CaseloadQuery.expression([key]), seq]) { found.set($0, to: true) }
        return found
    }

    /// Makes every bitmap anew: which beginnings are common is read in one snapshot (the
    /// index's words with their counts, `PrefixSweep`); each bitmap is then made from the
    /// index and written in a write transaction of its own, with the last change noted at
    /// that moment. Beginnings no longer common go, and the changes every bitmap has folded in.
    static func build(_ writer: any DatabaseWriter, threshold: Int) throws -> Build {
        let clock = ContinuousClock()
        let started = clock.now
        _ = SearchFolding.folded   // asked of SQLite once, here rather than in a keystroke
        // Changes are noted from here on, also the ones made while the bitmaps are made.
        try writer.write { db in try db.execute(sql: "INSERT OR IGNORE INTO meta (key, value) VALUES ('searchBeginnings', 'kept')") }
        let (planned, aliases, seq) = try writer.read { db in
            var sweep = PrefixSweep(threshold: threshold)
            try eachTerm(db) { term, docs in sweep.add(term, docs: docs) }
            sweep.finish()
            return (sweep.planned, sweep.aliases, try lastChange(db))
        }
        var bytes = 0
        for beginning in planned {
            bytes += try writer.write { db in
                let highest = try Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(rowid) FROM household")) ?? 0
                let bits = try HouseholdBits.matching(db, match: CaseloadQuery.expression([beginning]), highest: highest).stored
                try db.execute(sql: "INSERT OR REPLACE INTO search_beginning (beginning, households, sameAs, seq) VALUES (?, ?, NULL, ?)",
                               arguments: [beginning, bits, try lastChange(db)])
                return bits.count
            }
        }
        let kept = Set(planned)
        try writer.write { db in
            // An alias is as old as the snapshot that found it the same as its beginning.
            for (alias, beginning) in aliases where kept.contains(beginning) {
                try db.execute(sql: "INSERT OR REPLACE INTO search_beginning (beginning, households, sameAs, seq) VALUES (?, NULL, ?, ?)",
                               arguments: [alias, beginning, seq])
            }
            let keys = kept.union(aliases.keys.filter { kept.contains(aliases[$0]!) })
            for gone in try String.fetchAll(db, sql: "SELECT beginning FROM search_beginning") where !keys.contains(gone) {
                try db.execute(sql: "DELETE FROM search_beginning WHERE beginning = ?", arguments: [gone])
            }
            // What every bitmap has folded in is not needed any more.
            let oldest = try Int64.fetchOne(db, sql: "SELECT MIN(seq) FROM search_beginning") ?? lastChange(db)
            if oldest > (try forgotten(db)) {
                try db.execute(sql: "DELETE FROM search_change WHERE seq <= ?", arguments: [oldest])
                try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('searchBeginningsForgotten', ?)", arguments: [String(oldest)])
            }
        }
        return Build(bitmaps: planned.count, aliases: aliases.count, bytes: bytes,
                     seconds: started.duration(to: clock.now) / .seconds(1))
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
    /// Makes the search's bitmaps of common word beginnings anew (see SearchBeginnings):
    /// a second at 100,000 households, written a bitmap at a time.
    @discardableResult
    public func buildSearchBeginnings(threshold: Int = SearchBeginnings.defaultThreshold) throws -> SearchBeginnings.Build {
        if isReadOnly { throw StoreError.readOnly(path: location.path) }
        do { return try SearchBeginnings.build(writer, threshold: threshold) } catch { throw mapped(error) }
    }

    /// Whether the store keeps the bitmaps, and how many changes wait to be folded in.
    public func searchBeginningsState() throws -> SearchBeginnings.State {
        try read { db in try SearchBeginnings.state(db) }
    }
}
