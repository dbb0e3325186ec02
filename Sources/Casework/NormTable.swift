/// Net social-assistance norms per month, including holiday allowance, valid from a date
/// until the next table. Tables are data: a new half-year adds a table, not code.
public struct NormTable: Equatable, Sendable {
    public let validFrom: CalendarDate
    public let source: String
    public let norms: [NormCategory: Money]

    public init(validFrom: CalendarDate, source: String, norms: [NormCategory: Money]) {
        precondition(Set(norms.keys) == Set(NormCategory.allCases), "a norm table needs every category")
        self.validFrom = validFrom; self.source = source; self.norms = norms
    }

    public func norm(for category: NormCategory) -> Money { norms[category]! }
}

/// All known tables, oldest first.
public struct NormTables: Sendable {
    public let tables: [NormTable]

    public init(_ tables: [NormTable]) {
        precondition(!tables.isEmpty, "at least one norm table")
        self.tables = tables.sorted { $0.validFrom < $1.validFrom }
    }

    /// The table in force on `date`: the newest one that starts on or before it.
    public func table(on date: CalendarDate) -> Result<NormTable, NormTableError> {
        guard let table = tables.last(where: { $0.validFrom <= date }) else {
            return .failure(.beforeOldest(date: date, oldest: tables[0].validFrom))
        }
        return .success(table)
    }

    /// True when the table in force on `date` began more than six months before it: norms
    /// change on 1 January and 1 July, so a newer table has probably been published.
    public static func isOutdated(_ table: NormTable, on date: CalendarDate) -> Bool {
        table.validFrom.adding(months: 6) < date
    }
}

public enum NormTableError: Error, Equatable, Sendable {
    case beforeOldest(date: CalendarDate, oldest: CalendarDate)
}
