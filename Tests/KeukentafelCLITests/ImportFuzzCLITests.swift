import Casework
import Foundation
import FuzzSupport
import GRDB
import Testing

/// The real binary on hostile case files (docs/reliability.md): `keukentafel import` on mutated
/// sample households, now and then beside a valid file (all or nothing). Exit 0 with the
/// ids and households that export, or exit 65 with the problems on stderr and the store
/// unchanged; never a signal, a Swift runtime error or a control character on stderr.
@Suite("keukentafel import under hostile case files")
struct ImportFuzzCLITests {
    /// Each case starts the binary (about 20 ms) and most refusals cost no more.
    static let cases = FuzzBudget.cases(quick: 20, full: 200)
    static let limit = FuzzTimeLimit(base: .seconds(15), perKilobyte: .milliseconds(10), retimeSlowCases: false)

    /// A mutated file, whether a valid household is imported beside it, and in which language.
    struct Case: FuzzInput {
        let bytes: [UInt8]
        let withValidFile: Bool
        let english: Bool
        let id: String
        var fuzzBytes: [UInt8] { bytes }
    }

    @Test func importIsWholeOrNothingAndNeverCrashes() throws {
        let samples = try FileManager.default.contentsOfDirectory(atPath: CLI.packageRoot.appendingPathComponent("sample-data").path)
            .filter { $0.hasPrefix("hh-") && $0.hasSuffix(".json") }.sorted()
        let mutator = try CaseFileMutator(seeds: samples.map {
            Array(try Data(contentsOf: CLI.packageRoot.appendingPathComponent("sample-data/" + $0)))
        })
        try CLI.withTemporaryDirectory { folder in
            let store = folder.appendingPathComponent("store/keukentafel.sqlite").path
            let initialised = try CLI.run(["init", "--store", store, "--name", "Fuzz Teamleider", "--team", "Wijkteam Oost"])
            try #require(initialised.status == 0, "\(initialised.stderr)")
            var made = 0
            let run = FuzzRun.run("keukentafel import (the binary)", cases: Self.cases, seed: 20, timeLimit: Self.limit,
                                  generate: { rng in
                                      made += 1
                                      let id = "cli-\(made)"
                                      return Case(bytes: mutator.mutate(&rng, uniqueId: id), withValidFile: rng.chance(1, in: 4),
                                                  english: rng.chance(1, in: 3), id: id)
                                  },
                                  check: { c in try Self.check(c, store: store, folder: folder, mutator: mutator) })
            print(run.summary)
            #expect(run.failures == 0, "\(run.failureReport)")
            #expect(run.accepted > 0 && run.refused > 0, "\(run.summary)")
        }
    }

    static func check(_ c: Case, store: String, folder: URL, mutator: CaseFileMutator) throws -> FuzzVerdict {
        let mutated = folder.appendingPathComponent("mutated.json"), valid = folder.appendingPathComponent("valid.json")
        try Data(c.bytes).write(to: mutated)
        var files = [mutated.path]
        if c.withValidFile {
            // A sample household under a fresh id: it may only go in together with the other.
            let household = JSONPath.renamingIds(mutator.seeds[0], to: c.id + "-valid")
            try Data(JSONWriter.write(household).utf8).write(to: valid)
            files.insert(valid.path, at: 0)
        }
        let before = try rowCounts(store)
        let run = try CLI.run(["import", "--store", store] + files + (c.english ? ["--lang", "en"] : []))
        let after = try rowCounts(store)

        if run.killedBySignal { return .failed("killed by signal \(run.status); stderr: \(run.stderr.suffix(2_000))") }
        for sign in ["Fatal error", "Stack dump", "Illegal instruction", "Segmentation fault", "Current stack trace"]
        where run.stderr.contains(sign) {
            return .failed("the Swift runtime failed: \(run.stderr.suffix(2_000))")
        }
        if let control = run.stderr.unicodeScalars.first(where: { $0 != "\n" && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) }) {
            return .failed("stderr holds the control character U+\(String(control.value, radix: 16)): \(run.stderr.prefix(500))")
        }
        switch run.status {
        case 0:
            let ids = run.stdout.split(separator: "\n").map(String.init)
            // The mutations of the same samples are the same families: warned of, one line each.
            let warnings = run.stderr.split(separator: "\n")
            let onlyWarnings = warnings.allSatisfy { $0.hasPrefix("Let op: ") || $0.hasPrefix("Note: ") }
            guard ids.count == files.count, onlyWarnings else {
                return .failed("exit 0 with ids \(ids) for \(files.count) files; stderr: \(run.stderr.prefix(500))")
            }
            let added = (after["household"] ?? 0) - (before["household"] ?? 0)
            guard added == files.count else { return .failed("\(files.count) files added \(added) households") }
            for id in ids {
                let export = try CLI.run(["export", id, "--store", store])
                guard export.status == 0, case .success(let file) = CaseFileReader.read(text: export.stdout), file.household.id == id else {
                    return .failed("household \(id) does not export: exit \(export.status), \(export.stderr.prefix(500))")
                }
            }
            return .accepted
        case 65:
            guard after == before else { return .failed("exit 65, yet the store changed: \(before) → \(after)") }
            guard run.stdout.isEmpty, run.stderr.hasPrefix("Niets geïmporteerd:") || run.stderr.hasPrefix("Nothing imported:"),
                  run.stderr.contains(mutated.path + ": ") else {
                return .failed("exit 65 without the problems of the file: \(run.stderr.prefix(500))")
            }
            return .refused
        default:
            return .failed("exit \(run.status): \(run.stderr.prefix(1_000))")
        }
    }

    /// The rows of every table an import writes, read from the file as it is on disk.
    static func rowCounts(_ store: String) throws -> [String: Int] {
        var configuration = Configuration()
        configuration.readonly = true
        let database = try DatabaseQueue(path: store, configuration: configuration)
        return try database.read { db in
            guard let row = try Row.fetchOne(db, sql: StoreTables.countRows) else { return [:] }
            return Dictionary(uniqueKeysWithValues: StoreTables.imported.enumerated().map { ($1, row[$0] as Int) })
        }
    }
}
