import Testing

/// A small, deterministic property checker: a seeded SplitMix64 generator, many cases, and
/// the failing input in the message. Deterministic so a failure in CI reproduces here.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

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
