import Foundation
import WorkstationBench

// keukentafel-bench [--sizes 1000,10000,100000] [--rounds N] [--stores DIR] [--keukentafel PATH]
// Measures the workstation against its budgets (docs/performance.md) and prints a table.
// Run from the package root after `swift build -c release` (see README, "Performance").

var sizes = [1_000, 10_000, 100_000]
var rounds = 200
var folder = FileManager.default.currentDirectoryPath + "/.build/bench-stores"
var binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("keukentafel").path
var arguments = CommandLine.arguments.dropFirst()
func fail(_ text: String) -> Never {
    FileHandle.standardError.write(Data((text + "\n").utf8))
    exit(64)
}
while let argument = arguments.popFirst() {
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
    default: fail("unknown option \(argument); options: --sizes, --rounds, --stores, --keukentafel")
    }
}
guard FileManager.default.isExecutableFile(atPath: binary) else {
    fail("no keukentafel binary at \(binary): run `swift build -c release` first, or pass --keukentafel PATH")
}
let log: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
do {
    let benchmark = Benchmark(sizes: sizes, stores: BenchStores(folder: folder), binary: binary, rounds: rounds, log: log)
    let figures = try benchmark.run()
    print(Report.table(figures), terminator: "")
    do {
        if let visidata = try Visidata.measure(stores: BenchStores(folder: folder), households: sizes.max()!, log: log) {
            print("\n" + visidata)
        }
    } catch {
        log("VisiData could not be measured: \(error)")  // the comparison only; our figures stand
    }
    exit(figures.allSatisfy { $0.within() } ? 0 : 1)
} catch {
    fail("benchmark failed: \(error)")
}
