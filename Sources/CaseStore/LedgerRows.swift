import Casework
import GRDB

/// One line of the ledger in any of its five sections.
public enum LedgerEntry: Equatable, Sendable {
    case income(IncomeLine)
    case expense(ExpenseLine)
    case debt(Debt)
    case deduction(Deduction)
    case asset(AssetLine)

    public var section: LedgerSection {
        switch self {
        case .income: .income
        case .expense: .expense
        case .debt: .debt
        case .deduction: .deduction
        case .asset: .asset
        }
    }

    /// The line as it is in a case file.
    public var document: JSONValue {
        switch self {
        case .income(let l): CaseFileWriter.income(l)
        case .expense(let l): CaseFileWriter.expense(l)
        case .debt(let d): CaseFileWriter.debt(d)
        case .deduction(let d): CaseFileWriter.deduction(d)
        case .asset(let a): CaseFileWriter.asset(a)
        }
    }

    /// The label people know the line by (a debt by its creditor).
    public var label: String {
        switch self {
        case .income(let l): l.label
        case .expense(let l): l.label
        case .debt(let d): d.creditor
        case .deduction(let d): d.label
        case .asset(let a): a.label
        }
    }

    static func read(_ section: LedgerSection, _ json: JSONValue) throws -> LedgerEntry {
        let result: Result<LedgerEntry, CaseFileRejection> = switch section {
        case .income: CaseFileReader.incomeLine(json).map(LedgerEntry.income)
        case .expense: CaseFileReader.expenseLine(json).map(LedgerEntry.expense)
        case .debt: CaseFileReader.debt(json).map(LedgerEntry.debt)
        case .deduction: CaseFileReader.deduction(json).map(LedgerEntry.deduction)
        case .asset: CaseFileReader.asset(json).map(LedgerEntry.asset)
        }
        switch result {
        case .success(let entry): return entry
        case .failure(let rejection):
            throw StoreError.database("a stored \(section.rawValue) line does not read: "
                                      + rejection.problems.map { $0.message(in: .en) }.joined(separator: "; "))
        }
    }
}

/// A ledger line as stored: its row id and the version an edit must be based on.
public struct StoredLedgerLine: Equatable, Sendable {
    public let id: Int64
    public let householdId: String
    public let position: Int
    public let version: Int
    public let changedBy: String
    public let changedAt: String
    public let entry: LedgerEntry
}

extension Store {
    /// The household's ledger lines, by section and position.
    public func ledgerLines(household: String) throws -> [StoredLedgerLine] {
        try read { db in try Self.ledgerLines(db, household: household) }
    }

    static func ledgerLines(_ db: Database, household: String) throws -> [StoredLedgerLine] {
        let order = "CASE section WHEN 'income' THEN 0 WHEN 'expense' THEN 1 WHEN 'debt' THEN 2 WHEN 'deduction' THEN 3 ELSE 4 END"
        return try Row.fetchAll(db, sql: "SELECT * FROM ledger_line WHERE householdId = ? ORDER BY \(order), position",
                                arguments: [household]).map(storedLine)
    }

    private static func storedLine(_ row: Row) throws -> StoredLedgerLine {
        guard let section = LedgerSection(rawValue: row["section"]) else {
            throw StoreError.database("unknown ledger section \(String(describing: row["section"] as String?))")
        }
        return StoredLedgerLine(id: row["id"], householdId: row["householdId"], position: row["position"],
                                version: row["version"], changedBy: row["changedBy"], changedAt: row["changedAt"],
                                entry: try LedgerEntry.read(section, try CaseFileRows.value(row["document"])))
    }

    /// Adds a line at the end of its section.
    public func addLedgerLine(_ entry: LedgerEntry, household: String, by actor: Actor) throws -> StoredLedgerLine {
        let document = CaseFileRows.doc(entry.document)
        return try change(by: actor, household: household, action: "ledger.add",
                          detail: "\(entry.section.rawValue) \(document)") { db, at in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM household WHERE id = ?)", arguments: [household]) == true else {
                throw StoreError.householdNotFound(id: household)
            }
            let position = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position) + 1, 0) FROM ledger_line WHERE householdId = ? AND section = ?",
                                            arguments: [household, entry.section.rawValue]) ?? 0
            try db.execute(sql: """
                INSERT INTO ledger_line (householdId, section, position, document, changedBy, changedAt)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [household, entry.section.rawValue, position, document, actor.user, at.iso])
            return try Self.storedLine(Row.fetchOne(db, sql: "SELECT * FROM ledger_line WHERE id = ?", arguments: [db.lastInsertedRowID])!)
        }
    }

    /// Saves an edited line, if nobody saved it since `line` was read. `overwriting`: `line`
    /// is someone else's version that refused an earlier save and was shown; this save goes
    /// over it on purpose, and the audit row says so.
    public func updateLedgerLine(_ line: StoredLedgerLine, to entry: LedgerEntry, by actor: Actor,
                                 overwriting: Bool = false) throws -> StoredLedgerLine {
        precondition(entry.section == line.entry.section, "a line stays in its section")
        let detail = "\(entry.section.rawValue) '\(line.entry.label)': "
            + Versioning.differences(line.entry.document.objectValue ?? [:], entry.document.objectValue ?? [:])
            + (overwriting ? Versioning.overwriteNote(changedBy: line.changedBy, version: line.version, changedAt: line.changedAt) : "")
        return try change(by: actor, household: line.householdId, action: "ledger.update", detail: detail) { db, at in
            try Versioning.update(db, table: "ledger_line", id: line.id, expected: line.version,
                                  columns: [("document", CaseFileRows.doc(entry.document))], by: actor.user, at: at.iso,
                                  what: Self.lineName(line.entry))
            return try Self.storedLine(Row.fetchOne(db, sql: "SELECT * FROM ledger_line WHERE id = ?", arguments: [line.id])!)
        }
    }

    /// Deletes a line, if nobody saved it since it was read.
    public func deleteLedgerLine(_ line: StoredLedgerLine, by actor: Actor) throws {
        try change(by: actor, household: line.householdId, action: "ledger.delete",
                   detail: "\(line.entry.section.rawValue) \(CaseFileRows.doc(line.entry.document))") { db, _ in
            try Versioning.delete(db, table: "ledger_line", id: line.id, expected: line.version, what: Self.lineName(line.entry))
        }
    }

    static func lineName(_ entry: LedgerEntry) -> String { entry.label }
}
