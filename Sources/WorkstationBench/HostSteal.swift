import Foundation

/// The CPU time the host took from this machine while a measure ran: the `steal` column of
/// `/proc/stat`. On a virtual machine a keystroke that holds the CPU can still wait while the
/// hypervisor runs someone else; on this 2-core machine the slow keystrokes of a search were
/// the ones in which that time rose (docs/performance.md, "What a keystroke waits on"). Shown
/// beside the terminal's figures, so a run's tail can be read against it.
enum HostSteal {
    /// Stolen and all CPU time in clock ticks, summed over the CPUs; nil without /proc/stat.
    static func ticks() -> (stolen: Double, all: Double)? {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
              let line = text.split(separator: "\n").first, line.hasPrefix("cpu ") else { return nil }
        // user nice system idle iowait irq softirq steal (guest time is counted in user already)
        let fields = line.split(separator: " ").dropFirst().prefix(8).compactMap { Double($0) }
        guard fields.count == 8 else { return nil }
        return (fields[7], fields.reduce(0, +))
    }

    /// `body`'s result, and the percentage of all CPU time the host stole while it ran (nil
    /// when that cannot be read).
    static func percent<T>(during body: () throws -> T) rethrows -> (T, Double?) {
        let before = ticks()
        let value = try body()
        guard let before, let after = ticks(), after.all > before.all else { return (value, nil) }
        return (value, (after.stolen - before.stolen) / (after.all - before.all) * 100)
    }
}
