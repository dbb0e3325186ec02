/// Net social-assistance norms per month, including holiday allowance, valid from a date
/// until the next table. Tables are data (`Sources/Casework/Norms/`, and those a team
/// leader adds to the store with `keukentafel norms add`): a new half-year adds a table,
/// not code.
public struct NormTable: Equatable, Sendable {
    public let validFrom: CalendarDate
    public let source: String
    public let norms: [NormCategory: Money]
    /// The raise of art. 20 lid 3 Pw for an applicant or partner aged 18–20 who cannot
    /// rely on their parents; nil in tables from before the law had it (2026-01-01).
    public let youthRaise: Money?

    public init(validFrom: CalendarDate, source: String, norms: [NormCategory: Money], youthRaise: Money? = nil) {
        precondition(Set(norms.keys) == Set(NormCategory.allCases), "a norm table needs every category")
        self.validFrom = validFrom; self.source = source; self.norms = norms; self.youthRaise = youthRaise
    }

    public func norm(for category: NormCategory) -> Money { norms[category]! }
}

/// All known tables, oldest first.
public struct NormTables: Equatable, Sendable {
    public let tables: [NormTable]

    public init(_ tables: [NormTable]) {
        precondition(!tables.isEmpty, "at least one norm table")
        self.tables = tables.sorted { $0.validFrom < $1.validFrom }
    }

    /// These tables and `added`; a table of the same date as a shipped one replaces it.
    public func adding(_ added: [NormTable]) -> NormTables {
        let dates = Set(added.map(\.validFrom))
        return NormTables(tables.filter { !dates.contains($0.validFrom) } + added)
    }

    /// The table in force on `date`: the newest one that starts on or before it.
    public func table(on date: CalendarDate) -> Result<NormTable, NormTableError> {
        guard let table = tables.last(where: { $0.validFrom <= date }) else {
            return .failure(.beforeOldest(date: date, oldest: tables[0].validFrom))
        }
        return .success(table)
    }

    /// The table that starts on exactly `date`, if any.
    public func table(from date: CalendarDate) -> NormTable? { tables.first { $0.validFrom == date } }

    /// True when the table in force on `date` began more than six months before it: norms
    /// change on 1 January and 1 July, so a newer table has probably been published.
    public static func isOutdated(_ table: NormTable, on date: CalendarDate) -> Bool {
        table.validFrom.adding(months: 6) < date
    }
}

public enum NormTableError: Error, Equatable, Sendable {
    case beforeOldest(date: CalendarDate, oldest: CalendarDate)
}
