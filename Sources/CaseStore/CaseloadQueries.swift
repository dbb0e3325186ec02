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
    /// How many households match.
    public func caseloadCount(_ filter: CaseloadFilter) throws -> Int {
        let (whereSQL, arguments) = Self.caseloadWhere(filter)
        let bound = StatementArguments(arguments)
        return try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM household h \(whereSQL)", arguments: bound) ?? 0 }
    }

    /// One page of matching households, by name: only the rows the screen shows are read.
    /// `today` decides which agreements are overdue.
    public func caseloadPage(_ filter: CaseloadFilter, offset: Int, limit: Int, today: CalendarDate) throws -> [CaseloadRow] {
        let (whereSQL, arguments) = Self.caseloadWhere(filter)
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
            FROM household h \(whereSQL)
            ORDER BY h.name COLLATE NOCASE, h.id
            LIMIT ? OFFSET ?
            """
        var all: [(any DatabaseValueConvertible)?] = [today.iso]
        all += arguments
        all += [limit, offset]
        let bound = StatementArguments(all)
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: bound).map { row in
                CaseloadRow(id: row["id"], name: row["name"], adults: row["adults"] ?? "", street: row["street"], postcode: row["postcode"],
                            city: row["city"], caseworker: row["caseworker"], openSignals: row["openSignals"],
                            overdueAgreements: row["overdue"], grantsWaiting: row["waiting"],
                            waitingAmount: Money(cents: row["waitingCents"]),
                            lastContact: (row["lastContact"] as String?).flatMap(CalendarDate.init(iso:)))
            }
        }
    }

    private static func caseloadWhere(_ filter: CaseloadFilter) -> (String, [(any DatabaseValueConvertible)?]) {
        var clauses: [String] = ["h.status = 'open'"]
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let caseworker = filter.caseworker {
            clauses.append("h.caseworker = ?")
            arguments.append(caseworker)
        }
        for word in filter.search.split(whereSeparator: { $0 == " " }) where !word.isEmpty {
            if word.count >= 3 {
                // The trigram index: no scan of every household per keystroke.
                clauses.append("h.rowid IN (SELECT rowid FROM household_search WHERE household_search MATCH ?)")
                arguments.append("\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
                continue
            }
            // One or two letters: too short for trigrams; a scan, bounded by what is shown.
            clauses.append("(h.name LIKE ? ESCAPE '\\' OR h.street LIKE ? ESCAPE '\\' OR h.city LIKE ? ESCAPE '\\' "
                           + "OR replace(h.postcode, ' ', '') LIKE ? ESCAPE '\\' "
                           + "OR EXISTS (SELECT 1 FROM member m WHERE m.householdId = h.id AND m.name LIKE ? ESCAPE '\\'))")
            let pattern = "%" + String(word).replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
            arguments += [pattern, pattern, pattern, pattern, pattern]
        }
        return ("WHERE " + clauses.joined(separator: " AND "), arguments)
    }
}
