import Foundation

/// Shows the input when a fuzz case crashes or hangs. A Swift trap (an overflow, a forced
/// unwrap of nil) ends the whole test process, so the input has to be on hand before the
/// case runs: each running fuzz test owns a slot holding the current case's number and its
/// first bytes, and a signal handler writes the slots out before the process dies. A
/// watchdog thread does the same for a case that runs longer than `hangLimit`, then aborts.
///
/// Everything the handler touches is allocated up front and written with `write(2)` only,
/// so it is safe to run inside a signal handler.
final class CurrentCase: @unchecked Sendable {
    static let slotCount = 8
    static let inputCapacity = 2048
    static let nameCapacity = 96
    /// Far above any case's time limit: only a case that never ends reaches it.
    static let hangLimitNanoseconds: UInt64 = 60_000_000_000

    private struct Slot {
        var active = false
        var caseIndex = 0
        var seed: UInt64 = 0
        var startedAt: UInt64 = 0
        var inputLength = 0
        var nameLength = 0
        var thread: pthread_t = 0
    }

    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<Slot> = {
        let p = UnsafeMutablePointer<Slot>.allocate(capacity: slotCount)
        p.initialize(repeating: Slot(), count: slotCount)
        return p
    }()
    nonisolated(unsafe) private static let inputs = UnsafeMutablePointer<UInt8>.allocate(capacity: slotCount * inputCapacity)
    nonisolated(unsafe) private static let names = UnsafeMutablePointer<UInt8>.allocate(capacity: slotCount * nameCapacity)
    nonisolated(unsafe) private static let output = UnsafeMutablePointer<UInt8>.allocate(capacity: 4 * inputCapacity + 512)
    private static let lock = NSLock()
    private static let installed: Void = { installHandlers(); startWatchdog() }()

    private let slot: Int

    private init(slot: Int) { self.slot = slot }

    /// A slot for the run named `name`, or nil when all are taken (the run goes on, without
    /// this help).
    static func claim(name: String, seed: UInt64) -> CurrentCase? {
        _ = installed
        lock.lock(); defer { lock.unlock() }
        guard let free = (0..<slotCount).first(where: { !slots[$0].active }) else { return nil }
        let nameBytes = Array(name.utf8.prefix(nameCapacity))
        for (i, b) in nameBytes.enumerated() { names[free * nameCapacity + i] = b }
        slots[free] = Slot(active: false, caseIndex: -1, seed: seed, startedAt: 0, inputLength: 0,
                           nameLength: nameBytes.count, thread: pthread_self())
        slots[free].active = true
        return CurrentCase(slot: free)
    }

    func begin(case index: Int, bytes: [UInt8]) {
        let n = min(bytes.count, Self.inputCapacity)
        bytes.withUnsafeBufferPointer { source in
            (Self.inputs + slot * Self.inputCapacity).update(from: source.baseAddress!, count: n)
        }
        // The case number last: the watchdog reads it as the sign that the rest is set.
        Self.slots[slot].startedAt = Self.monotonicNanoseconds()
        Self.slots[slot].thread = pthread_self()
        Self.slots[slot].inputLength = bytes.count
        Self.slots[slot].caseIndex = index
    }

    func release() {
        Self.lock.lock(); defer { Self.lock.unlock() }
        Self.slots[slot].active = false
    }

    static func monotonicNanoseconds() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }

    // MARK: reporting (signal-safe)

    private static let watchedSignals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]

    private static func installHandlers() {
        for signal in watchedSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                CurrentCase.writeSlots(culprit: pthread_self(), reason: "crashed")
                // Back to the default, and let the signal happen again: the process ends
                // the way it would have (and the Swift runtime's message stays above).
                Glibc.signal(sig, SIG_DFL)
                raise(sig)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
    }

    private static func startWatchdog() {
        let thread = Thread {
            while true {
                sleep(1)
                let now = monotonicNanoseconds()
                // A case may have started after `now` was read: only an earlier start counts.
                for i in 0..<slotCount where slots[i].active && slots[i].caseIndex >= 0
                    && now > slots[i].startedAt && now - slots[i].startedAt > hangLimitNanoseconds {
                    writeSlots(culprit: slots[i].thread, reason: "hangs (runs over 60 s)")
                    abort()
                }
            }
        }
        thread.name = "fuzz watchdog"
        thread.start()
    }

    /// `fuzz: NAME crashed in case N (seed S); its input (L bytes): "…"` for the run on the
    /// `culprit` thread, and for every other busy run what it was doing meanwhile.
    static func writeSlots(culprit: pthread_t, reason: StaticString) {
        for i in 0..<slotCount where slots[i].active && slots[i].caseIndex >= 0 {
            var out = SignalSafeLine(buffer: output)
            out.put("\nfuzz: ")
            for j in 0..<slots[i].nameLength { out.put(names[i * nameCapacity + j]) }
            out.put(" ")
            guard pthread_equal(slots[i].thread, culprit) != 0 else {
                // Another run on another thread: what it was doing is enough.
                out.put("was meanwhile in case "); out.put(number: UInt64(slots[i].caseIndex)); out.put("\n")
                out.write(to: 2)
                continue
            }
            out.put(reason); out.put(" in case "); out.put(number: UInt64(slots[i].caseIndex))
            out.put(" (seed "); out.put(number: slots[i].seed)
            out.put("); its input ("); out.put(number: UInt64(slots[i].inputLength)); out.put(" bytes): \"")
            for j in 0..<min(slots[i].inputLength, inputCapacity) { out.putEscaped(inputs[i * inputCapacity + j]) }
            out.put(slots[i].inputLength > inputCapacity ? "\"…\n" : "\"\n")
            out.write(to: 2)
        }
    }
}

/// A line built in preallocated memory, without allocating: usable in a signal handler.
private struct SignalSafeLine {
    let buffer: UnsafeMutablePointer<UInt8>
    var count = 0

    mutating func put(_ byte: UInt8) { buffer[count] = byte; count += 1 }

    mutating func put(_ text: StaticString) {
        let start = text.utf8Start
        for i in 0..<text.utf8CodeUnitCount { put(start[i]) }
    }

    mutating func put(number: UInt64) {
        var divisor: UInt64 = 1
        while number / divisor >= 10 { divisor *= 10 }
        while divisor > 0 { put(UInt8(48 + number / divisor % 10)); divisor /= 10 }
    }

    /// Printable ASCII as is, every other byte as `\xNN`.
    mutating func putEscaped(_ b: UInt8) {
        if b >= 0x20 && b < 0x7F && b != UInt8(ascii: "\\") && b != UInt8(ascii: "\"") { put(b); return }
        let hex: StaticString = "0123456789abcdef"
        put(UInt8(ascii: "\\")); put(UInt8(ascii: "x"))
        put(hex.utf8Start[Int(b >> 4)]); put(hex.utf8Start[Int(b & 0xF)])
    }

    func write(to fd: Int32) { _ = Glibc.write(fd, buffer, count) }
}
