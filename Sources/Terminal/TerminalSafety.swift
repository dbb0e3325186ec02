#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw
import Synchronization

/// Makes sure the terminal is given back in a usable state however the process ends or
/// stops: a caseworker must never be left with a raw, invisible-cursor, alternate-screen
/// terminal (see NCURSES-NOTES.md, "Restoring the terminal"). As htop does:
///
/// - SIGINT, SIGTERM, SIGHUP, SIGQUIT: `endwin`, the default action back, the signal raised
///   again — the process ends with the status the signal means (130 for SIGINT, …).
/// - SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE (crashes, `fatalError`): `endwin`, the
///   handler that was there before (the Swift backtracer's) put back, then return so the
///   faulting instruction runs again and the backtracer sees the real context. SIGABRT,
///   SIGTRAP and crash signals sent by `kill` are raised again instead, since returning
///   would not reach the old handler.
/// - SIGTSTP (Ctrl-Z, `kill -TSTP`): `endwin`, stop for real, and on `fg` flag a resume so
///   the backend repaints and tells the loop (`.resize`). SIGCONT after a SIGSTOP flags the
///   same.
/// - `atexit`: `endwin`, for `exit()` from anywhere.
///
/// They are installed before `newterm`, so ncurses sees handlers in place and does not add
/// its own for SIGINT/SIGTERM/SIGTSTP (it still installs its SIGWINCH handler, which gives
/// `KEY_RESIZE`).
///
/// What a handler touches was prepared beforehand: two atomics and a table of previous
/// actions, all created in `install()` before any handler exists. `endwin` from a handler is
/// not strictly async-signal-safe; ncurses' own handlers do the same, and the alternative —
/// a broken terminal — is worse.
enum TerminalSafety {
    static let terminatingSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    static let crashSignals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]

    /// Installs every handler once; later calls do nothing.
    static func install() {
        guard installedOnce.exchange(true, ordering: .relaxed) == false else { return }
        // Touch the globals now so no lazy initialisation happens inside a handler.
        _ = cursesActive.load(ordering: .relaxed)
        _ = resumePending.load(ordering: .relaxed)
        _ = previousActions

        for signal in terminatingSignals { setHandler(signal) { handleTerminating($0) } }
        for signal in crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = { signal, info, _ in handleCrash(signal, info) }
            action.sa_flags = SA_SIGINFO | SA_ONSTACK
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, previousActions + Int(signal))
        }
        installStopHandler()
        setHandler(SIGCONT) { _ in handleContinue() }
        atexit { restoreTerminal() }
        // A blocked signal mask survives exec: a parent that blocked SIGWINCH or SIGTERM
        // (a test runner, a service manager) would leave us deaf to resizes and to kill.
        var mask = sigset_t()
        sigemptyset(&mask)
        for signal in terminatingSignals + crashSignals + [SIGWINCH, SIGTSTP, SIGCONT] { sigaddset(&mask, signal) }
        sigprocmask(SIG_UNBLOCK, &mask, nil)
    }

    /// Whether curses owns the terminal now (between `newterm` and `shutdown`).
    static func setActive(_ active: Bool) { cursesActive.store(active ? 1 : 0, ordering: .sequentiallyConsistent) }

    /// True once after the process was continued from a stop: the screen must be repainted.
    static func takeResume() -> Bool { resumePending.exchange(0, ordering: .sequentiallyConsistent) == 1 }

    /// Ends the process as a SIGHUP does (the terminal is given back as far as it can be,
    /// the status says SIGHUP): for a terminal found gone without the signal. What was
    /// typed is in the draft, which is written every second (a quarter second while typing).
    static func hangUp() -> Never {
        raise(SIGHUP)
        // Only when SIGHUP could not end it (a handler that returned): end anyway.
        restoreTerminal()
        _exit(129)
    }

    /// Stops the process as Ctrl-Z would in cooked mode (in raw mode Ctrl-Z is a key): the
    /// SIGTSTP handler restores the terminal, and this returns after `fg`.
    static func suspend() { raise(SIGTSTP) }

    /// Installs `handler` for `signal` without SA_RESTART, so a blocking read returns.
    static func setHandler(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        action.sa_flags = SA_ONSTACK
        sigemptyset(&action.sa_mask)
        sigaction(signal, &action, nil)
    }

    static func installStopHandler() { setHandler(SIGTSTP) { _ in handleStop() } }
}

// MARK: - State shared with the handlers

/// 1 while curses owns the terminal. An atomic: written by the loop, read by handlers.
private let cursesActive = Atomic<Int32>(0)
/// Set by the SIGTSTP/SIGCONT handlers, taken by the backend's event loop.
private let resumePending = Atomic<Int32>(0)
private let installedOnce = Atomic<Bool>(false)
/// The actions that were installed before ours, indexed by signal number (the Swift
/// backtracer's for the crash signals). Written once in `install()` before the handlers
/// exist and only read afterwards, hence `nonisolated(unsafe)`: a raw pointer keeps the
/// handler free of Swift runtime calls.
nonisolated(unsafe) private let previousActions: UnsafeMutablePointer<sigaction> = {
    let table = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    table.initialize(repeating: sigaction(), count: 65)
    return table
}()

private let pasteOff: StaticString = "\u{1B}[?2004l"

/// Leaves curses mode if curses has the terminal; safe to call more than once.
private func restoreTerminal() {
    guard cursesActive.exchange(0, ordering: .sequentiallyConsistent) == 1 else { return }
    endwin()
    writeRaw(pasteOff)
}

private func writeRaw(_ text: StaticString) {
    text.withUTF8Buffer { bytes in _ = write(STDOUT_FILENO, bytes.baseAddress, bytes.count) }
}

private func handleTerminating(_ signal: Int32) {
    restoreTerminal()
    var action = sigaction()
    action.__sigaction_handler.sa_handler = SIG_DFL
    sigemptyset(&action.sa_mask)
    sigaction(signal, &action, nil)
    // Blocked while this handler runs; delivered with the default action when it returns.
    raise(signal)
}

private func handleCrash(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?) {
    restoreTerminal()
    sigaction(signal, previousActions + Int(signal), nil)
    // si_code <= 0: sent by a process (kill, raise, abort), not a fault that would recur.
    let sent = (info?.pointee.si_code ?? 0) <= 0
    if signal == SIGABRT || signal == SIGTRAP || sent { raise(signal) }
}

private func handleStop() {
    let savedErrno = errno
    let wasActive = cursesActive.load(ordering: .sequentiallyConsistent) == 1
    if wasActive {
        endwin()
        writeRaw(pasteOff)
    }
    // Stop for real: the default action, unblocked, raised. The process halts in raise().
    var action = sigaction()
    action.__sigaction_handler.sa_handler = SIG_DFL
    sigemptyset(&action.sa_mask)
    sigaction(SIGTSTP, &action, nil)
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGTSTP)
    sigprocmask(SIG_UNBLOCK, &set, nil)
    raise(SIGTSTP)
    // Continued (`fg`): take SIGTSTP back and let the loop repaint.
    TerminalSafety.installStopHandler()
    if wasActive { resumePending.store(1, ordering: .sequentiallyConsistent) }
    errno = savedErrno
}

private func handleContinue() {
    if cursesActive.load(ordering: .sequentiallyConsistent) == 1 {
        resumePending.store(1, ordering: .sequentiallyConsistent)
    }
}
