import Foundation

/// Monotonic time in seconds: wall-clock changes never disturb a measurement.
func monotonicSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// How long `body` took, in milliseconds.
func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = monotonicSeconds()
    try body()
    return (monotonicSeconds() - start) * 1000
}

/// Repeated measurements of one thing, summarised as median, 99th percentile and maximum.
public struct Samples: Sendable {
    public private(set) var values: [Double] = []

    public init(_ values: [Double] = []) { self.values = values }

    public mutating func add(_ value: Double) { values.append(value) }
    public mutating func add(contentsOf other: Samples) { values += other.values }

    public var count: Int { values.count }
    public var median: Double { percentile(50) }
    public var p99: Double { percentile(99) }
    public var max: Double { values.max() ?? .nan }

    /// The nearest-rank percentile: with fewer than 100 samples p99 is the maximum.
    public func percentile(_ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank - 1))]
    }
}
