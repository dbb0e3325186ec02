import Foundation

/// VisiData — the terminal tool a data-minded user would reach for — on the same store and
/// terminal, side by side with the workstation: its first frame, loading all households,
/// its peak memory and the bytes of one cursor-down. Measured only when `vd` is installed.
public enum Visidata {
    /// The `vd` program: from PATH, through pyenv's shim to the real script when there is one
    /// (the shim's own start-up is not VisiData's).
    static func program() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        guard let found = path.split(separator: ":").map({ "\($0)/vd" }).first(where: FileManager.default.isExecutableFile(atPath:)) else {
            return nil
        }
        guard (try? String(contentsOfFile: found, encoding: .utf8))?.contains("pyenv") == true else { return found }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pyenv", "which", "vd"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return found }
        process.waitUntilExit()
        let real = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return FileManager.default.isExecutableFile(atPath: real) ? real : found
    }

    /// VisiData's figures, or nil when it is not installed (`pip install visidata`).
    public static func measure(stores: BenchStores, households: Int, log: (String) -> Void) throws -> [Figure]? {
        guard let vd = program() else {
            log("VisiData is not installed (pip install visidata): no comparison")
            return nil
        }
        let cached = try stores.cached(households: households, log: log)
        log("VisiData on the \(households)-household store …")
        let home = "\(stores.folder)/vd-home-\(getpid())"
        try stores.makePrivateDirectory(home)
        defer { try? FileManager.default.removeItem(atPath: home) }
        var firstFrame = Samples(), loaded = Samples(), memory = Samples(), down = Samples()
        for round in 0..<3 {
            let started = monotonicSeconds()
            let terminal = try PseudoTerminal(
                executable: vd, arguments: ["-N", cached.path, "+:household:1:1"],
                environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": home,
                              "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"],
                width: 120, height: 30)
            try terminal.waitFor("hh-0000001", timeout: 60)
            firstFrame.add((monotonicSeconds() - started) * 1000)
            try terminal.waitFor("\(households) rows", timeout: 120)
            loaded.add((monotonicSeconds() - started) * 1000)
            terminal.drain(quiet: 0.3)
            if round == 0 {
                for _ in 0..<20 {
                    terminal.send("\u{1b}OB")
                    down.add(Double(terminal.drain()))
                }
            }
            if let peak = terminal.peakMemoryMegabytes { memory.add(peak) }
            terminal.terminate()
        }
        return [
            Figure(name: firstFrameName, households: households, unit: "ms", statistic: .median, budget: nil, samples: firstFrame),
            Figure(name: "VisiData: all households loaded", households: households, unit: "ms", statistic: .median, budget: nil, samples: loaded),
            Figure(name: "VisiData: peak memory (VmHWM)", households: households, unit: "MB", statistic: .value, budget: nil, samples: memory),
            Figure(name: "VisiData: bytes for one ↓", households: households, unit: "B", statistic: .max, budget: nil, samples: down),
        ]
    }

    static let firstFrameName = "VisiData: start to first frame"
}
