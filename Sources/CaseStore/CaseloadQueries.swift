import Casework
import GRDB

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
    public let openSignals: Int
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

    public init(caseworker: String? = nil, search: String = "") {
        self.caseworker = caseworker; self.search = search
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
            let rowids = try query.page(db, offset: offset, limit: limit)
            guard !rowids.isEmpty else { return [] }
            // The figures of each row only for the rows shown (an IN list of at most a page).
            let marks = Array(repeating: "?", count: rowids.count).joined(separator: ", ")
            let sql = """
                SELECT h.id, h.name, h.street, h.postcode, h.city, h.caseworker,
                       (SELECT COUNT(*) FROM signal s WHERE s.householdId = h.id AND s.status != 'closed') AS openSignals,
                       (SELECT COUNT(*) FROM agreement a WHERE a.householdId = h.id AND a.done = 0 AND a.due < ?) AS overdue,
                       (SELECT COUNT(*) FROM grant_request g WHERE g.householdId = h.id AND g.status = 'submitted') AS waiting,
                       (SELECT COALESCE(SUM(g.amountCents), 0) FROM grant_request g
                         WHERE g.householdId = h.id AND g.status = 'submitted') AS waitingCents,
                       (SELECT group_concat(name, ' & ') FROM (SELECT m.name FROM member m WHERE m.householdId = h.id
                         AND m.role IN ('applicant', 'partner') ORDER BY m.role = 'partner', m.position)) AS adults,
                       (SELECT MAX(c.date) FROM conversation c WHERE c.householdId = h.id) AS lastContact
                FROM household h WHERE h.rowid IN (\(marks))
                ORDER BY h.name COLLATE NOCASE, h.rowid
                """
            let arguments = StatementArguments([today.iso] as [(any DatabaseValueConvertible)?] + rowids.map { $0 })
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                CaseloadRow(id: row["id"], name: row["name"], adults: row["adults"] ?? "", street: row["street"], postcode: row["postcode"],
                            city: row["city"], caseworker: row["caseworker"], openSignals: row["openSignals"],
                            overdueAgreements: row["overdue"], grantsWaiting: row["waiting"],
                            waitingAmount: Money(cents: row["waitingCents"]),
                            lastContact: (row["lastContact"] as String?).flatMap(CalendarDate.init(iso:)))
            }
        }
    }
}

/// The caseload's filter as SQL, with the plan chosen by what was measured at 100,000
/// households (see Schema.v5 and README, "Performance").
struct CaseloadQuery {
    let caseworker: String?
    /// The search as an FTS5 expression: every word must start a word of the household's
    /// name, address, postcode or members; nil without a search.
    let match: String?
    /// True when every word has its own prefix index (one to three letters): probing the
    /// index for one household is then cheap.
    let shortWords: Bool

    init(_ filter: CaseloadFilter) {
        caseworker = filter.caseworker
        // Only letters and digits make words; anything else separates them ("o'brien",
        // "1512-AB"), so no typed character can break the search expression.
        let words = filter.search.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        shortWords = words.allSatisfy { $0.count <= 3 }
        guard !words.isEmpty else { match = nil; return }
        var expression = "text : (" + words.map { "\"\($0)\"*" }.joined(separator: " AND ") + ")"
        if let caseworker { expression += " AND owner : \"\(Schema.ownerToken(user: caseworker))\"" }
        match = expression
    }

    /// The index that walks the list in name order.
    private var orderedIndex: (sql: String, arguments: [(any DatabaseValueConvertible)?]) {
        if let caseworker {
            return ("household h INDEXED BY household_by_caseworker WHERE h.caseworker = ? AND h.status = 'open'", [caseworker])
        }
        return ("household h INDEXED BY household_open_by_name WHERE h.status = 'open'", [])
    }

    func count(_ db: Database) throws -> Int {
        if let match {
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM household_search WHERE household_search MATCH ?", arguments: [match]) ?? 0
        }
        let (from, arguments) = orderedIndex
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(from)", arguments: StatementArguments(arguments)) ?? 0
    }

    /// The rowids of one page, in name order.
    func page(_ db: Database, offset: Int, limit: Int) throws -> [Int64] {
        let order = "ORDER BY h.name COLLATE NOCASE, h.rowid LIMIT ? OFFSET ?"
        let (from, arguments) = orderedIndex
        guard let match else {
            return try Int64.fetchAll(db, sql: "SELECT h.rowid FROM \(from) \(order)", arguments: StatementArguments(arguments + [limit, offset]))
        }
        let matches = try count(db)
        if matches <= 2_000 {
            // Few matches: read them, sort them. Cost grows with the matches, not the city.
            return try Int64.fetchAll(db, sql: """
                SELECT h.rowid FROM household_search s CROSS JOIN household h ON h.rowid = s.rowid
                WHERE household_search MATCH ? \(order)
                """, arguments: [match, limit, offset])
        }
        if shortWords && offset + limit <= 200 {
            // Many households match one to three letters: walk the list in name order and ask
            // the search index about each row until the first pages are full (with more than
            // 2,000 matches a page is found within a few hundred rows of a city's list).
            return try Int64.fetchAll(db, sql: """
                SELECT h.rowid FROM \(from)
                AND EXISTS (SELECT 1 FROM household_search s WHERE household_search MATCH ? AND s.rowid = h.rowid) \(order)
                """, arguments: StatementArguments(arguments + [match, limit, offset]))
        }
        // Many matches of longer words: walk the list in name order against the set of matches.
        return try Int64.fetchAll(db, sql: """
            SELECT h.rowid FROM \(from)
            AND h.rowid IN (SELECT rowid FROM household_search WHERE household_search MATCH ?) \(order)
            """, arguments: StatementArguments(arguments + [match, limit, offset]))
    }
}
