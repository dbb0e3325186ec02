import CaseStore

/// Keeps the caseload's search cache (SearchPrefixCache) at the store's list version: builds
/// it on a thread of its own in the caseload's pauses, again after the version changed, at
/// most at 5% of a core and never on a read-only store; until it is there a search asks the
/// index, as without it.
struct SearchCacheKeeper {
    private(set) var cache: SearchPrefixCache?
    /// A reference: copies of the caseload's state share the build under way.
    private let builder = BackgroundRead<SearchPrefixCache>()
    /// The list version the last build was started at (also when it failed: no new try
    /// until the version changes).
    private var startedAt: Int?
    private var buildStarted: ContinuousClock.Instant?
    /// The earliest moment of the next build: 19 times the last one's duration after it.
    private(set) var nextBuild: ContinuousClock.Instant?
    /// A build waits for `nextBuild`.
    private var waiting = false

    var isBusy: Bool { builder.isBusy }

    /// Takes a finished build over, or starts one when the version changed and the wait is
    /// over. True when there was something to do.
    mutating func idle(_ store: any ScreenReads, threshold: Int) throws -> Bool {
        var worked = false
        if let done = builder.take() {
            worked = true
            var took = buildStarted.map { ContinuousClock.now - $0 } ?? .zero
            if case .success(let built) = done {
                cache = built
                took = .seconds(built.buildSeconds)
            }
            nextBuild = ContinuousClock.now + took * 19
        }
        // Not on a read-only store: its one connection would keep the keys' reads waiting.
        guard !builder.isBusy && !store.isReadOnly else { return worked }
        let version = try store.caseloadListVersion()
        waiting = cache?.isReady(at: version) != true && startedAt != version
        guard waiting && nextBuild.map({ ContinuousClock.now >= $0 }) ?? true else { return worked }
        waiting = false
        startedAt = version
        buildStarted = ContinuousClock.now
        builder.start { try store.searchCache(threshold: threshold) }
        return true
    }

    /// How long the loop may wait before the next `idle`: 50 ms while a build runs (to take
    /// it over), until the next build may start when one waits, else nil.
    var wait: Double? {
        if builder.isBusy { return 0.05 }
        guard waiting, let nextBuild else { return nil }
        let left = ContinuousClock.now.duration(to: nextBuild)
        return min(1, max(0.05, left / .seconds(1)))
    }
}
