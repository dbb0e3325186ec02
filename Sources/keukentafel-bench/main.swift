import Foundation
import WorkstationBench

// keukentafel-bench [--sizes 1000,10000,100000,1000000] [--rounds N] [--stores DIR] [--keukentafel PATH]
// keukentafel-bench --team [--team-seconds 60] [--team-households 10000] [--team-workstations 10]
//                    [--team-key-ms 80] [--team-think-ms 500]
// Measures the workstation against its budgets (docs/performance.md) and prints a table; with
// --team, only the team scenario: ten workstations at once on one store ("A team at work").
// Run from the package root after `swift build -c release --static-swift-stdlib` (see README, "Performance").

var sizes = [1_000, 10_000, 100_000, 1_000_000]
var rounds = 200
var folder = FileManager.default.currentDirectoryPath + "/.build/bench-stores"
var binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("keukentafel").path
var team = false
var teamSeconds = 60.0
var teamHouseholds = 10_000
var teamWorkstations = 10
var teamPace = TeamPace()
var arguments = CommandLine.arguments.dropFirst()
func fail(_ text: String) -> Never {
    FileHandle.standardError.write(Data((text + "\n").utf8))
    exit(64)
}
while let argument = arguments.popFirst() {
    if argument == "--team" { team = true; continue }
    guard let value = arguments.popFirst() else { fail("\(argument) needs a value") }
    switch argument {
    case "--sizes":
        let parsed = value.split(separator: ",").compactMap { Int($0) }
        guard !parsed.isEmpty, parsed.allSatisfy({ $0 > 0 }) else { fail("--sizes: numbers separated by commas, e.g. 1000,10000") }
        sizes = parsed
    case "--rounds":
        guard let n = Int(value), n >= 10 else { fail("--rounds: at least 10") }
        rounds = n
    case "--stores": folder = value
    case "--keukentafel": binary = value
    case "--team-seconds":
        guard let n = Double(value), n >= 1 else { fail("--team-seconds: at least 1") }
        teamSeconds = n
    case "--team-households":
        guard let n = Int(value), n >= 100 else { fail("--team-households: at least 100") }
        teamHouseholds = n
    case "--team-key-ms":
        guard let n = Double(value), n >= 0 else { fail("--team-key-ms: milliseconds between keys") }
        teamPace.keyInterval = n / 1000
    case "--team-think-ms":
        guard let n = Double(value), n >= 0 else { fail("--team-think-ms: milliseconds to read a screen") }
        teamPace.think = n / 1000
    case "--team-workstations":
        guard let n = Int(value), n >= 2, n <= 21 else { fail("--team-workstations: 2 to 21 (a team leader and up to 20 caseworkers)") }
        teamWorkstations = n
    default:
        fail("unknown option \(argument); options: --sizes, --rounds, --stores, --keukentafel, --team, --team-seconds, "
             + "--team-households, --team-workstations, --team-key-ms, --team-think-ms")
    }
}
guard FileManager.default.isExecutableFile(atPath: binary) else {
    fail("no keukentafel binary at \(binary): run `swift build -c release --static-swift-stdlib` first, or pass --keukentafel PATH")
}
let log: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
if team {
    do {
        var scenario = TeamScenario(households: teamHouseholds, seconds: teamSeconds, workstations: teamWorkstations,
                                    stores: BenchStores(folder: folder), binary: binary, log: log)
        scenario.pace = teamPace
        let results = try scenario.run()
        print(results.table, terminator: "")
        exit(results.passed ? 0 : 1)
    } catch {
        fail("team scenario failed: \(error)")
    }
}
do {
    let benchmark = Benchmark(sizes: sizes, stores: BenchStores(folder: folder), binary: binary, rounds: rounds, log: log)
    let figures = try benchmark.run()
    print(Report.table(figures), terminator: "")
    exit(figures.allSatisfy { $0.within() } ? 0 : 1)
} catch {
    fail("benchmark failed: \(error)")
}
