import Casework
import GRDB

/// A case file to import: its name (for messages) and its bytes.
public struct CaseFileSource: Sendable {
    public let name: String
    public let bytes: [UInt8]
    public init(name: String, bytes: [UInt8]) { self.name = name; self.bytes = bytes }
}

extension Store {
    /// Imports case files all or nothing (see `importCaseFiles(_:by:strict:)`); returns the
    /// household ids, in file order.
    public func importCaseFiles(_ sources: [CaseFileSource], by actor: Actor) throws -> [String] {
        try importCaseFiles(sources, by: actor, strict: false).ids
    }

    /// What an import did: the new households, and the files whose family may have been in
    /// the store already (or twice in the import) — imported anyway, and said so.
    public struct ImportOutcome: Sendable {
        public let ids: [String]
        public let duplicates: [StoreError.ImportDuplicate]
    }

    /// Imports case files all or nothing: every file is read and checked first, then all
    /// are written in one transaction. Any problem in any file — also an id that is already
    /// in the store — and nothing is imported. A family that may be in the store already (a
    /// BSN, a name with a birth date, an address of an open household; see
    /// `possibleDuplicates`) is imported with a warning and an audit note, or with `strict`
    /// refuses the whole import.
    public func importCaseFiles(_ sources: [CaseFileSource], by actor: Actor, strict: Bool) throws -> ImportOutcome {
        var files: [(name: String, file: CaseFile)] = []
        var problems: [StoreError.ImportProblem] = []
        for source in sources {
            switch CaseFileReader.read(bytes: source.bytes) {
            case .success(let file):
                let recorded = RecordedGrantRules.problems(in: file)
                if recorded.isEmpty { files.append((source.name, file)) }
                problems += recorded.map { StoreError.ImportProblem(file: source.name, problem: $0) }
            case .failure(let rejection):
                problems += rejection.problems.map { StoreError.ImportProblem(file: source.name, problem: $0) }
            }
        }
        guard problems.isEmpty else { throw StoreError.importRejected(problems) }
        let names = files.map(\.name).joined(separator: ", ")
        let toImport = files
        return try change(by: actor, household: nil, action: "import", detail: names) { db, at in
            var problems: [StoreError.ImportProblem] = []
            var householdIds = Set<String>(), grantIds = Set<String>(), signalIds = Set<String>()
            func claim(_ id: String, path: String, file: String, table: String, seen: inout Set<String>) throws {
                if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)", arguments: [id]) == true {
                    problems.append(.init(file: file, problem: CaseFileProblem(path: path, kind: .idInStore(id))))
                } else if !seen.insert(id).inserted {
                    problems.append(.init(file: file, problem: CaseFileProblem(path: path, kind: .idTwiceInImport(id))))
                }
            }
            for (name, file) in toImport {
                if let id = file.household.id { try claim(id, path: "household.id", file: name, table: "household", seen: &householdIds) }
                for (i, grant) in file.grants.enumerated() {
                    if let id = grant.id { try claim(id, path: "grants[\(i)].id", file: name, table: "grant_request", seen: &grantIds) }
                }
                // A signal's sender id is unique in a store, waiting ones included.
                for (i, signal) in file.signals.enumerated() {
                    guard let id = signal.id else { continue }
                    let known = try Bool.fetchOne(db, sql: """
                        SELECT EXISTS (SELECT 1 FROM signal WHERE signalId = ?) OR EXISTS (SELECT 1 FROM signal_inbox WHERE signalId = ?)
                        """, arguments: [id, id]) ?? false
                    if known {
                        problems.append(.init(file: name, problem: CaseFileProblem(path: "signals[\(i)].id", kind: .idInStore(id))))
                    } else if !signalIds.insert(id).inserted {
                        problems.append(.init(file: name, problem: CaseFileProblem(path: "signals[\(i)].id", kind: .idTwiceInImport(id))))
                    }
                }
            }
            guard problems.isEmpty else { throw StoreError.importRejected(problems) }

            var ids: [String] = []
            var duplicates: [StoreError.ImportDuplicate] = []
            for (name, file) in toImport {
                var file = file
                let id = try file.household.id ?? Self.newId(db, prefix: "hh-", table: "household", taken: &householdIds)
                for i in file.grants.indices where file.grants[i].id == nil {
                    file.grants[i].id = try Self.newId(db, prefix: "gr-", table: "grant_request", taken: &grantIds)
                }
                // Zaak ids belong to the store that made them: an imported signal joins none here.
                for i in file.signals.indices { file.signals[i].caseId = nil }
                // Against the store and the files of this import written before it.
                let found = try Self.possibleDuplicates(db, of: file.household, excluding: nil)
                if !found.isEmpty { duplicates.append(StoreError.ImportDuplicate(file: name, duplicates: found)) }
                try CaseFileRows.insert(file, id: id, into: db, by: actor.user, at: at)
                try Audit.append(db, at: at, user: actor.user, household: id, action: "household.import",
                                 detail: "from \(name): \(file.household.members.count) members, "
                                    + "\(file.finances.income.count + file.finances.expenses.count + file.finances.debts.count + file.finances.deductions.count + file.finances.assets.count) ledger lines, "
                                    + "\(file.conversations.count) conversations, \(file.grants.count) grants"
                                    + (found.isEmpty ? "" : "; imported despite possible duplicates: "
                                        + found.map { $0.sentence(in: .en) }.joined(separator: " | ")))
                ids.append(id)
            }
            if strict && !duplicates.isEmpty { throw StoreError.importDuplicates(duplicates) }
            return ImportOutcome(ids: ids, duplicates: duplicates)
        }
    }

    /// A fresh id: the prefix and a six-digit number not yet used.
    static func newId(_ db: Database, prefix: String, table: String, taken: inout Set<String>) throws -> String {
        var n = (try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(rowid), 0) FROM \(table)") ?? 0) + 1
        while true {
            let digits = String(n)
            let id = prefix + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
            let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)", arguments: [id]) ?? false
            if !exists && taken.insert(id).inserted { return id }
            n += 1
        }
    }

    /// The household as a case file, without recording a view (for code that records its
    /// own, more specific audit row).
    public func caseFile(_ householdId: String) throws -> CaseFile {
        guard let file = try read({ db in try CaseFileRows.load(householdId, from: db) }) else {
            throw StoreError.householdNotFound(id: householdId)
        }
        return file
    }

    /// Reads what opening a household reads — its case file, its rows, its change counter
    /// and the end of its audit trail, where the view's row will go — and keeps none of it.
    /// For the caseload's read-ahead (HouseholdReadAhead): on a large store the pages of a
    /// household nobody opened for a while have left the system's file cache, and reading
    /// them from the disk made an opening take 30–100 ms instead of 4. Not a view: nothing
    /// read is shown, so nothing is recorded.
    public func readAhead(household id: String) throws {
        try read { db in
            _ = try CaseFileRows.load(id, from: db)
            _ = try Self.householdRows(db, id)
            _ = try Self.householdChangeCounter(db, id)
            _ = try Int64.fetchOne(db, sql: "SELECT max(id) FROM audit WHERE householdId = ?", arguments: [id])
        }
    }

    /// The household as a case file, with the view recorded in the audit trail as `action`
    /// (`household.export`, `household.overview`, …). Recorded first: no view goes unrecorded.
    public func viewCaseFile(_ householdId: String, by actor: Actor, action: String) throws -> CaseFile {
        guard try read({ db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM household WHERE id = ?)", arguments: [householdId]) }) == true else {
            throw StoreError.householdNotFound(id: householdId)
        }
        try recordView(by: actor, household: householdId, action: action)
        return try caseFile(householdId)
    }
}
