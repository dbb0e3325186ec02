import Foundation

/// A read of the store on a thread of its own (with its own connection from the store's
/// pool), while the main loop goes on reading keys; the loop takes the result when it is
/// there. For the caseload's work of a pause that costs more than a keystroke may wait:
/// the list's order at 100,000 households (13 ms), the search's word beginnings (a second).
public final class BackgroundRead<Value: Sendable>: @unchecked Sendable {
    /// Guards the two below; signalled when a read finishes (see `waitAndTake`).
    private let lock = NSCondition()
    private var result: Result<Value, any Error>?
    private var running = false

    public init() {}

    /// True from `start` until the result is taken.
    public var isBusy: Bool { lock.withLock { running || result != nil } }

    /// Starts `work` on a new thread, unless a read is still busy.
    public func start(_ work: @escaping @Sendable () throws -> Value) {
        let started = lock.withLock {
            guard !running && result == nil else { return false }
            running = true
            return true
        }
        guard started else { return }
        Thread.detachNewThread { [self] in
            Self.yieldToTheLoop()
            let done = Result { try work() }
            lock.withLock { result = done; running = false; lock.broadcast() }
        }
    }

    /// A nicer thread (nice 10): on a busy machine — a terminal server, two cores — a key
    /// the main loop draws goes before the second of the search's beginnings, not beside it.
    /// Linux keeps the nice value per thread: `who` 0 is the calling thread, not the process.
    static func yieldToTheLoop() {
        #if os(Linux)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
    }

    /// The read under way waited for, and taken: for a key that needs what it reads now,
    /// rather than reading it a second time beside it. Nil when none was started (or it was
    /// taken already).
    public func waitAndTake() -> Result<Value, any Error>? {
        lock.withLock {
            while running { lock.wait() }
            defer { result = nil }
            return result
        }
    }

    /// The finished read, once.
    public func take() -> Result<Value, any Error>? {
        lock.withLock {
            defer { result = nil }
            return result
        }
    }
}
