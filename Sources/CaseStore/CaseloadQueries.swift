import Casework
import GRDB
import GRDBSQLite

/// One row of the caseload list: what a caseworker scans to decide where to look first.
public struct CaseloadRow: Equatable, Sendable {
    public let id: String
    public let name: String
    /// The applicant and the partner, as people know the household: "Noëlle Verbeek".
    public let adults: String
    public let street: String
    public let postcode: String
    public let city: String
    public let caseworker: String?
    /// The team the household belongs to (see Access.swift).
    public let team: String?
    public let openSignals: Int
    /// Agreements of conversations and actions of the plan whose day has passed.
    public let overdueAgreements: Int
    public let grantsWaiting: Int
    /// What the grants waiting for a decision ask for together.
    public let waitingAmount: Money
    /// The date of the last conversation.
    public let lastContact: CalendarDate?
}

/// Which households the list shows.
public struct CaseloadFilter: Equatable, Sendable {
    /// Only households whose caseworker is this user; nil for all.
    public var caseworker: String?
    /// Words that must each appear in the name, address or postcode (any case).
    public var search: String
    /// The closed households instead of the open ones.
    public var closed: Bool

    public init(caseworker: String? = nil, search: String = "", closed: Bool = false) {
        self.caseworker = caseworker; self.search = search; self.closed = closed
    }
}

extension Store {
    /// How many households match: from a covering index, or from the search index alone.
    public func caseloadCount(_ filter: CaseloadFilter) throws -> Int {
        let query = CaseloadQuery(filter)
        return try read { db in try query.count(db) }
    }

    /// One page of matching households, by name: only the rows the screen shows are read.
    /// `today` decides which agreements are overdue.
    public func caseloadPage(_ filter: CaseloadFilter, offset: Int, limit: Int, today: CalendarDate) throws -> [CaseloadRow] {
        let query = CaseloadQuery(filter)
        return try read { db in
            try Self.caseloadRows(db, rowids: try query.page(db, offset: offset, limit: limit), today: today)
        }
    }

    /// The figures of each row only for the rows shown: ?1 is today, ?2 the page's rowids as
    /// a JSON array (at most a page).
    static let caseloadRowsSQL = """
        SELECT h.rowid, h.id, h.name, h.street, h.postcode, h.city, h.caseworker, h.team,
               (SELECT COUNT(*) FROM signal s WHERE s.householdId = h.id AND (s.status = 'nog-niet-opgepakt' OR (s.status = 'opgepakt' AND s.caseId IN (SELECT c.id FROM signal_case c WHERE c.open = 1)))) AS openSignals,
               (SELECT COUNT(*) FROM agreement a WHERE a.householdId = h.id AND a.done = 0 AND a.due < ?1)
               + (SELECT COUNT(*) FROM plan_goal p, json_each(p.document, '$.actions') x
                  WHERE p.householdId = h.id AND COALESCE(json_extract(p.document, '$.status'), 'open') IN ('open', 'partly')
                    AND json_extract(x.value, '$.done') IS NOT 1 AND json_extract(x.value, '$.due') < ?1) AS overdue,
               (SELECT COUNT(*) FROM grant_request g WHERE g.householdId = h.id AND g.status = 'submitted') AS waiting,
               (SELECT COALESCE(SUM(g.amountCents), 0) FROM grant_request g
                 WHERE g.householdId = h.id AND g.status = 'submitted') AS waitingCents,
               (SELECT group_concat(name, ' & ') FROM (SELECT m.name FROM member m WHERE m.householdId = h.id
                 AND m.role IN ('applicant', 'partner') ORDER BY m.role = 'partner', m.position)) AS adults,
               (SELECT MAX(c.date) FROM conversation c WHERE c.householdId = h.id) AS lastContact
        FROM household h WHERE h.rowid IN (SELECT value FROM json_each(?2))
        """

    static func caseloadRows(_ db: Database, rowids: [HouseholdRowid], today: CalendarDate) throws -> [CaseloadRow] {
        guard !rowids.isEmpty else { return [] }
        // One statement for every page, its rowids one JSON array: a statement with a mark
        // per rowid was a new statement for every page size, prepared again at each
        // keystroke of a search (preparing it, with its subqueries, was a sixth of a keystroke).
        let statement = try db.cachedStatement(sql: Self.caseloadRowsSQL)
        let wanted = "[" + rowids.map { String($0) }.joined(separator: ",") + "]"
        let arguments: StatementArguments = [today.iso, wanted]
        var byRowid: [Int64: CaseloadRow] = [:]
        for row in try Row.fetchAll(statement, arguments: arguments) {
            byRowid[row["rowid"]] = CaseloadRow(
                id: row["id"], name: row["name"], adults: row["adults"] ?? "", street: row["street"], postcode: row["postcode"],
                city: row["city"], caseworker: row["caseworker"], team: row["team"], openSignals: row["openSignals"],
                overdueAgreements: row["overdue"], grantsWaiting: row["waiting"],
                waitingAmount: Money(cents: row["waitingCents"]),
                lastContact: (row["lastContact"] as String?).flatMap(CalendarDate.init(iso:)))
        }
        return rowids.compactMap { byRowid[Int64($0)] }
    }

    /// Every household of the scope (one caseworker's, or all), as rowids in list order:
    /// read once when a search starts, so each keystroke after it costs the matches only.
    public func caseloadOrder(caseworker: String?, closed: Bool = false) throws -> [HouseholdRowid] {
        let query = CaseloadQuery(CaseloadFilter(caseworker: caseworker, closed: closed))
        return try read { db in try query.page(db, offset: 0, limit: -1) }
    }

    /// The order as the whole list's matches, with the list version it is the order of,
    /// read in one snapshot.
    public func caseloadOrderAndVersion(caseworker: String?, closed: Bool = false) throws -> (version: Int, order: CaseloadMatches) {
        let query = CaseloadQuery(CaseloadFilter(caseworker: caseworker, closed: closed))
        // The search's folding of letters with diacritics is asked of SQLite once (5 ms):
        // here, in the read a pause makes before a search, not in the first "ë" typed.
        _ = SearchFolding.folded
        let (version, order) = try read { db in
            (try Self.listVersion(db), try query.page(db, offset: 0, limit: -1))
        }
        return (version, CaseloadMatches(list: order))
    }

    /// Changes whenever the caseload's order may have changed (see Schema.v6), also by
    /// another process: an order read with the same version is still the list's order.
    public func caseloadListVersion() throws -> Int {
        try read { db in try Self.listVersion(db) }
    }

    static func listVersion(_ db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'listVersion'")) ?? 0
    }

    /// The households of `within` that match the filter's search, in list order: the search
    /// index gives the matching rowids (any order, no household read), the list the
    /// sequence. `within` is the whole list or the matches of a search this one narrows
    /// (more typed after it).
    public func caseloadMatches(_ filter: CaseloadFilter, in within: CaseloadMatches) throws -> CaseloadMatches {
        let query = CaseloadQuery(filter)
        if query.closed, !query.words.isEmpty {
            return try read { db in within.keeping(try query.closedMatches(db, in: within.all)) }
        }
        guard query.match != nil else { return within }
        return try read { db in try query.matches(db, in: within) }
    }

    /// The households of `order` that match the filter's search, in that order (the above,
    /// for a list as an array).
    public func caseloadMatches(_ filter: CaseloadFilter, in order: [HouseholdRowid]) throws -> [HouseholdRowid] {
        try caseloadMatches(filter, in: CaseloadMatches(list: order)).all
    }

    /// The caseload rows of these households, in this order.
    public func caseloadRows(_ rowids: [HouseholdRowid], today: CalendarDate) throws -> [CaseloadRow] {
        guard !rowids.isEmpty else { return [] }
        return try read { db in try Self.caseloadRows(db, rowids: rowids, today: today) }
    }
}

/// The caseload's filter as SQL, with the plan chosen by what was measured at 100,000
/// households (see Schema.v5 and README, "Performance").
struct CaseloadQuery {
    let caseworker: String?
    /// The closed households: the search index holds only open ones, so these are searched
    /// by their text (a slower scan, of a list people look in rarely).
    let closed: Bool
    let words: [String]
    /// The search as an FTS5 expression: every word must start a word of the household's
    /// name, address, postcode or members; nil without a search, and for closed households.
    let match: String?

    init(_ filter: CaseloadFilter) {
        caseworker = filter.caseworker
        closed = filter.closed
        words = Self.words(filter.search)
        guard !words.isEmpty, !closed else { match = nil; return }
        var expression = Self.expression(words)
        if let caseworker { expression += " AND owner : \"\(Schema.ownerToken(user: caseworker))\"" }
        match = expression
    }

    /// Only letters and digits make words; anything else separates them ("o'brien",
    /// "1512-AB"), so no typed character can break the search expression.
    static func words(_ search: String) -> [String] {
        search.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// Every word must start a word of the household's text. A quote inside a word is
    /// doubled, as FTS5 strings want it (typed words have none; the index's own words
    /// neither, but the expression does not rely on it).
    static func expression(_ words: [String]) -> String {
        "text : (" + words.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"*" }.joined(separator: " AND ") + ")"
    }

    /// The index that walks the list in name order.
    private var orderedIndex: (sql: String, arguments: [(any DatabaseValueConvertible)?]) {
        let status = closed ? "closed" : "open"
        if let caseworker {
            return ("household h INDEXED BY household_by_caseworker WHERE h.caseworker = ? AND h.status = '\(status)'", [caseworker])
        }
        return ("household h INDEXED BY household_open_by_name WHERE h.status = '\(status)'", [])
    }

    /// The closed households of `order` whose text holds every word (any case; letters with
    /// diacritics as typed), in `order`'s order.
    func closedMatches(_ db: Database, in order: [HouseholdRowid]) throws -> [HouseholdRowid] {
        let conditions = words.map { _ in "instr(lower(\(Schema.searchText("h"))), lower(?)) > 0" }.joined(separator: " AND ")
        var found = Set<Int64>()
        try Self.eachRowid(db, sql: "SELECT h.rowid FROM household h WHERE h.status = 'closed' AND \(conditions)",
                           arguments: StatementArguments(words)) { found.insert($0) }
        return order.filter { found.contains(Int64($0)) }
    }

    func count(_ db: Database) throws -> Int {
        if closed && !words.isEmpty {
            return try closedMatches(db, in: page(db, offset: 0, limit: -1, searching: false)).count
        }
        if let match {
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM household_search WHERE household_search MATCH ?", arguments: [match]) ?? 0
        }
        return try keptCount(db)
    }

    /// The households of the scope, without a search: the count the store keeps (migration
    /// v17), not the index counted.
    func keptCount(_ db: Database) throws -> Int {
        let status = closed ? "closed" : "open"
        if let caseworker {
            return try Int.fetchOne(db, sql: "SELECT n FROM household_count WHERE caseworker = ? AND status = ?",
                                    arguments: [caseworker, status]) ?? 0
        }
        return try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(n), 0) FROM household_count WHERE status = ?", arguments: [status]) ?? 0
    }

    /// The rowids of one page, in name order.
    func page(_ db: Database, offset: Int, limit: Int, searching: Bool = true) throws -> [HouseholdRowid] {
        let (from, arguments) = orderedIndex
        if closed && searching && !words.isEmpty {
            let found = try closedMatches(db, in: page(db, offset: 0, limit: -1, searching: false))
            let start = min(offset, found.count)
            return Array(found[start..<(limit < 0 ? found.count : min(found.count, start + limit))])
        }
        guard match != nil else {
            var rowids: [HouseholdRowid] = []
            var unfit = false
            // The whole list (a million rowids in a regional service centre) in one buffer of
            // the count the store keeps: grown by doubling, the old and new buffers were both
            // held at the last step, half as much again as the list at the peak.
            if limit < 0 && offset == 0 { rowids.reserveCapacity(try keptCount(db)) }
            try Self.eachRowid(db, sql: "SELECT h.rowid FROM \(from) ORDER BY h.name COLLATE NOCASE, h.rowid LIMIT ? OFFSET ?",
                               arguments: StatementArguments(arguments + [limit, offset])) { rowid in
                if let fits = HouseholdRowid(exactly: rowid) { rowids.append(fits) } else { unfit = true }
            }
            if unfit { throw StoreError.database("a household's row number does not fit in 32 bits; this version keeps lists of up to four billion") }
            return rowids
        }
        let all = try CaseloadQuery(CaseloadFilter(caseworker: caseworker, closed: closed)).page(db, offset: 0, limit: -1)
        var found = try matches(db, in: CaseloadMatches(list: all))
        guard limit >= 0 else { return Array(found.all.dropFirst(offset)) }
        return found.rowids(offset..<offset + limit)
    }

    /// The households of `within` the search index matches, in list order. Measured at
    /// 100,000 households: asking SQLite for the matches sorted by name costs a household
    /// read per match or a walk of the whole list; a bitmap of the matches over the list
    /// kept in memory costs neither.
    ///
    /// The common words' households come from the bitmaps the store keeps (SearchBeginnings),
    /// the others from the index. `within` is the scope's list or a part of it; the
    /// caseworker's token narrows the index's part too (CaseloadMatches, for how they are held).
    func matches(_ db: Database, in within: CaseloadMatches) throws -> CaseloadMatches {
        guard within.count > 0 else { return within }
        let scope = caseworker.map { "owner : \"\(Schema.ownerToken(user: $0))\"" }
        guard let found = try SearchBeginnings.matching(db, words: words, scope: scope) else { return within }
        return within.narrowed(by: found)
    }

    /// Calls `body` with the first column of each row, stepped by hand: a city-wide list or
    /// match is 100,000 rows, and a row through a GRDB cursor cost three times the query.
    static func eachRowid(_ db: Database, sql: String, arguments: StatementArguments, _ body: (Int64) -> Void) throws {
        let statement = try db.cachedStatement(sql: sql)
        try statement.setArguments(arguments)
        try eachRow(db, statement) { body(sqlite3_column_int64($0, 0)) }
    }

    /// Steps `statement` to its end, calling `body` with the raw statement at each row.
    static func eachRow(_ db: Database, _ statement: Statement, _ body: (OpaquePointer) -> Void) throws {
        let raw = statement.sqliteStatement
        defer { sqlite3_reset(raw) }
        while true {
            let code = sqlite3_step(raw)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            body(raw)
        }
    }
}
