import Casework
import Foundation
import FuzzSupport
import GRDB
import Testing
@testable import CaseStore

/// Hostile case files for the importer the command line calls (`Store.importCaseFiles`)
/// (docs/reliability.md): mutations of the sample households. Each file is imported whole — it is then
/// in the store and exports back to the same data — or refused with every problem at a
/// JSON path that is in the file, and then the store is unchanged, row for row.
@Suite("Import under hostile case files")
struct ImportFuzzTests {
    static let cases = FuzzBudget.cases(quick: 400, full: 10_000)
    /// Two halves with their own stores, run side by side: the cases are many and each is
    /// a transaction, and CI has two cores.
    static let parts = 2
    /// An import is one transaction; a refusal is a parse. Far above both, and not timed
    /// again: a second import of the same file is another operation.
    static let limit = FuzzTimeLimit(base: .seconds(3), perKilobyte: .milliseconds(5), retimeSlowCases: false)
    static let fileName = "fuzz.json"
    static let today = CalendarDate(year: 2026, month: 11, day: 23)!

    @Test(arguments: 1...parts)
    func mutatedCaseFilesImportWholeOrNotAtAll(part: Int) throws {
        let mutator = try CaseFileMutator(seeds: try sampleFileNames().map { try sampleSource($0).bytes })
        try withFuzzFolder { folder in
            let stores = try FuzzStores(folder: folder)
            var made = 0
            let run = FuzzRun.run("case-file import (in-process, part \(part) of \(Self.parts))", cases: Self.cases / Self.parts,
                                  seed: UInt64(10 + part), timeLimit: Self.limit,
                                  generate: { rng -> [UInt8] in
                                      made += 1
                                      return mutator.mutate(&rng, uniqueId: "fz-\(made)")
                                  },
                                  check: { bytes in try Self.check(bytes, store: stores.storeForNextCase(), rows: &stores.rows) })
            print(run.summary)
            #expect(run.failures == 0, "\(run.failureReport)")
            #expect(run.accepted > 0 && run.refused > 0, "\(run.summary)")
        }
    }

    /// `rows`: the rows in the store before the import, and after it on return.
    static func check(_ bytes: [UInt8], store: Store, rows: inout RowCounts) throws -> FuzzVerdict {
        let before = rows
        let outcome = Result { try store.importCaseFiles([CaseFileSource(name: fileName, bytes: bytes)], by: caseworker) }
        let after = try RowCounts(store)
        rows = after
        switch outcome {
        case .success(let ids):
            guard case .success(var file) = CaseFileReader.read(bytes: bytes) else { return .failed("imported a file the reader refuses") }
            guard ids.count == 1 else { return .failed("one file gave the ids \(ids)") }
            guard after - before == RowCounts(of: file) else {
                return .failed("the import added \(after - before) rows; the file has \(RowCounts(of: file))")
            }
            let exported = try store.caseFile(ids[0])
            // What the store adds: the household id, and ids for grants that had none.
            file.household.id = ids[0]
            for i in file.grants.indices where file.grants[i].id == nil && i < exported.grants.count {
                file.grants[i].id = exported.grants[i].id
            }
            guard exported == file else { return .failed("the stored household differs from the file") }
            guard case .success(let again) = CaseFileReader.read(text: CaseFileWriter.text(exported)), again == exported else {
                return .failed("the export does not read back as the same household")
            }
            // What the workstation and the commands compute from it must not trap either
            // (an overflow ends the program): the overview, and each grant's letter.
            _ = exported.overview(today: today)
            for grant in exported.grants {
                _ = DecisionLetter.text(grant: grant, household: exported.household, sender: .init(municipality: "Gemeente Fuzz", team: "Fuzz"), sent: today)
            }
            return .accepted
        case .failure(StoreError.importRejected(let problems)):
            guard after == before else { return .failed("refused, yet the store changed: \(after - before)") }
            return problemsAreClear(problems, bytes: bytes).map { .failed($0) } ?? .refused
        case .failure(let error):
            return .failed("neither imported nor refused with problems: \(error)")
        }
    }

    /// Nil when every problem names this file, a JSON path in it (or a line and column for
    /// a syntax error) and says in one plain line what is wrong; else what is not so.
    static func problemsAreClear(_ problems: [StoreError.ImportProblem], bytes: [UInt8]) -> String? {
        guard !problems.isEmpty else { return "refused without a problem" }
        lazy var json = try? JSONParser.parse(bytes).get()
        // A file of 50,000 broken elements has 150,000 problems: the first hundred and the
        // last are checked, which shows the kind of each and keeps the check fast.
        for p in problems.prefix(100) + problems.suffix(1) {
            guard p.file == fileName else { return "a problem names the file \(p.file)" }
            for language in Language.allCases {
                let message = p.problem.message(in: language)
                if message.unicodeScalars.contains(where: isControl) {
                    return "a message has control characters in it: \(FuzzText.describe(Array(message.utf8)))"
                }
                if message.count > 2_000 { return "a message of \(message.count) characters" }
            }
            switch p.problem.kind {
            case .syntax(let line, let column, _):
                guard line >= 1, column >= 1, p.problem.path.isEmpty else { return "a syntax error at \(line):\(column)" }
            case .missing, .requiredForStatus, .recordedMotivationTooShort:   // the motivation may be missing, or too short
                guard let json, JSONPath.resolves(p.problem.path, in: json, allowingMissingKey: true) else {
                    return "the missing field \(p.problem.path) is not in an object of the file"
                }
            default:
                guard let json, JSONPath.resolves(p.problem.path, in: json) else {
                    return "the path \(p.problem.path) of \"\(p.problem.message(in: .en))\" is not in the file"
                }
            }
        }
        return nil
    }

    /// Characters that move the cursor, recolour or clear a terminal, or reverse text.
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.properties.generalCategory == .control || s.properties.isBidiControl
            || s.properties.generalCategory == .lineSeparator || s.properties.generalCategory == .paragraphSeparator
    }
}

/// The stores the cases import into: a fresh one every `casesPerStore` cases, so counting
/// rows stays cheap and a long run does not slow down as the store grows.
final class FuzzStores {
    static let casesPerStore = 500
    let folder: String
    private(set) var store: Store
    /// The rows in `store` now (after the last case).
    var rows: RowCounts
    private var casesInStore = 0, storesMade = 1

    init(folder: String) throws {
        self.folder = folder
        store = try makeStore(in: folder + "/1")
        rows = try RowCounts(store)
    }

    func storeForNextCase() throws -> Store {
        casesInStore += 1
        if casesInStore > Self.casesPerStore {
            storesMade += 1
            casesInStore = 1
            store = try makeStore(in: folder + "/\(storesMade)")
            rows = try RowCounts(store)
        }
        return store
    }
}

/// A temporary folder for the fuzz stores, in memory (/dev/shm) where there is one: an
/// fsync on a busy CI disk can stall for seconds, and that is not what the cases time.
func withFuzzFolder<T>(_ body: (String) throws -> T) throws -> T {
    let files = FileManager.default
    let base = files.isWritableFile(atPath: "/dev/shm") ? "/dev/shm" : files.temporaryDirectory.path
    let folder = base + "/keukentafel-import-fuzz-\(UUID().uuidString)"
    try files.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? files.removeItem(atPath: folder) }
    return try body(folder)
}

/// The rows of every table an import writes, read in one statement.
struct RowCounts: Equatable, CustomStringConvertible {
    static let tables = StoreTables.imported
    var rows: [String: Int]

    init(_ rows: [String: Int]) { self.rows = rows }

    init(_ store: Store) throws {
        let counts = try store.read { db in
            try Row.fetchOne(db, sql: StoreTables.countRows).map { row in Self.tables.indices.map { row[$0] as Int } }
        }
        guard let counts else { throw StoreError.database("no row counts") }
        rows = Dictionary(uniqueKeysWithValues: zip(Self.tables, counts).map { ($0, $1) })
    }

    /// The rows a file brings: its household, members, lines, …, and two audit rows (the
    /// import and the household's).
    init(of file: CaseFile) {
        let f = file.finances
        rows = ["household": 1, "member": file.household.members.count,
                "ledger_line": f.income.count + f.expenses.count + f.debts.count + f.deductions.count + f.assets.count,
                "signal": file.signals.count, "life_domain_score": file.lifeDomains.count,
                "plan_goal": file.plan?.goals.count ?? 0, "conversation": file.conversations.count,
                "agreement": file.conversations.reduce(0) { $0 + $1.agreements.count },
                "grant_request": file.grants.count, "household_search": 1, "audit": 2]
    }

    static func - (a: RowCounts, b: RowCounts) -> RowCounts {
        RowCounts(Dictionary(uniqueKeysWithValues: tables.map { ($0, (a.rows[$0] ?? 0) - (b.rows[$0] ?? 0)) }))
    }

    var description: String { Self.tables.map { "\($0) \(rows[$0] ?? 0)" }.joined(separator: ", ") }
}
