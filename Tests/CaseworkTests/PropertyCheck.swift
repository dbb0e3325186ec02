import Testing
@testable import Casework

// A small, deterministic property checker: Casework's seeded SplitMix64, many cases, and
// the failing input in the message. Deterministic so a failure in CI reproduces here.

/// Runs `property` on `count` generated inputs; records the first counterexamples.
func forAll<T>(count: Int = 10_000, seed: UInt64 = 20261123,
               _ generate: (inout SplitMix64) -> T, _ property: (T) -> Bool,
               sourceLocation: SourceLocation = #_sourceLocation) {
    var rng = SplitMix64(seed: seed)
    var failures = 0
    for _ in 0..<count {
        let input = generate(&rng)
        if !property(input) {
            failures += 1
            if failures <= 3 { Issue.record("property fails for \(input)", sourceLocation: sourceLocation) }
        }
    }
}

/// Amounts people enter: mostly everyday sizes, sometimes up to the parser's limit.
func anyCents(_ rng: inout SplitMix64) -> Int {
    switch Int.random(in: 0..<4, using: &rng) {
    case 0: Int.random(in: 0...1_000, using: &rng)
    case 1: Int.random(in: 0...500_000, using: &rng)
    case 2: Int.random(in: 0...100_000_000, using: &rng)
    default: Int.random(in: 0...100_000_000_000, using: &rng)
    }
}
