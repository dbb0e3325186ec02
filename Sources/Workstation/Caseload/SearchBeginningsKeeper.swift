import CaseStore

/// Keeps the search's common word beginnings in the store (SearchBeginnings) usable: makes
/// them on a thread of its own in the caseload's pauses when the store keeps none yet or
/// when more than `SearchBeginnings.rebuildAfterChanges` changes wait to be folded in — at
/// most at 5% of a core, never on a read-only store. Until then a search still finds
/// exactly: the index answers what the bitmaps do not.
struct SearchBeginningsKeeper {
    /// A reference: copies of the caseload's state share the making under way.
    private let builder = BackgroundRead<SearchBeginnings.Build>()
    private var buildStarted: ContinuousClock.Instant?
    /// What the last making did (nil until one finished here).
    private(set) var lastBuild: SearchBeginnings.Build?
    /// The earliest moment of the next making: 19 times the last one's duration after it.
    private(set) var nextBuild: ContinuousClock.Instant?
    /// The store is asked at most once a second whether the beginnings need making.
    private var nextLook: ContinuousClock.Instant?
    /// A making waits for `nextBuild`.
    private var waiting = false

    var isBusy: Bool { builder.isBusy }

    /// Takes a finished making over, or starts one when the store needs it and the wait is
    /// over. True when there was something to do.
    mutating func idle(_ store: any ScreenReads, threshold: Int) throws -> Bool {
        var worked = false
        let now = ContinuousClock.now
        if let done = builder.take() {
            worked = true
            var took = buildStarted.map { now - $0 } ?? .zero
            if case .success(let built) = done {
                lastBuild = built
                took = .seconds(built.seconds)
            }
            nextBuild = now + took * 19
            nextLook = nil
        }
        // Not on a read-only store: it cannot be written, and its one connection would keep
        // the keys' reads waiting.
        guard !builder.isBusy && !store.isReadOnly else { return worked }
        if nextLook.map({ now >= $0 }) ?? true {
            nextLook = now + .seconds(1)
            waiting = try store.searchBeginningsState().needsBuilding
        }
        guard waiting && nextBuild.map({ now >= $0 }) ?? true else { return worked }
        waiting = false
        buildStarted = now
        builder.start { try store.buildSearchBeginnings(threshold: threshold) }
        return true
    }

    /// How long the loop may wait before the next `idle`: 50 ms while a making runs (to take
    /// it over), until the next may start when one waits, else nil.
    var wait: Double? {
        if builder.isBusy { return 0.05 }
        guard waiting, let nextBuild else { return nil }
        let left = ContinuousClock.now.duration(to: nextBuild)
        return min(1, max(0.05, left / .seconds(1)))
    }
}
