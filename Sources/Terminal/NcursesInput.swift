#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw

/// Reading input: `wget_wch`, decoded by `KeyDecoding`, with the few things that need more
/// than one read (Alt-x, bracketed paste, the mouse) and the repaint after a suspend.
extension NcursesBackend {
    /// How long one wait in `wget_wch` lasts at most. Waiting in slices lets the loop notice
    /// a resume after `kill -STOP`/`kill -CONT` even when the read is restarted.
    static let sliceMilliseconds = 250
    /// How long to wait for the rest of an escape sequence or a paste that is under way.
    static let burstMilliseconds: Int32 = 20
    static let pasteGapMilliseconds: Int32 = 500

    public func nextEvent(timeout: Double?) -> Event? {
        if !pending.isEmpty { return pending.removeFirst() }
        let clock = ContinuousClock()
        // A day at most: a huge or infinite timeout must not overflow the conversion.
        let deadline = timeout.map { clock.now + .milliseconds(Int((min(max($0, 0), 86_400) * 1000).rounded(.up))) }
        while true {
            if TerminalSafety.takeResume() {
                resume()
                return .resize(size)
            }
            var wait = Self.sliceMilliseconds
            if let deadline {
                let left = clock.now.duration(to: deadline)
                wait = max(0, min(wait, Int(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)))
            }
            if let raw = read(milliseconds: Int32(wait)), let event = event(from: raw) { return event }
            if Self.terminalIsGone() { TerminalSafety.hangUp() }
            if let deadline, clock.now >= deadline { return nil }
        }
    }

    /// True when the terminal behind standard input is gone: `poll` reports a hang-up or an
    /// error on it. Then every read returns at once with nothing, and without this the loop
    /// read nothing at full speed — a core burnt on a shared host — whenever the kernel sent
    /// no SIGHUP: it sends it to the session's leader only, and a leader that ignores it
    /// (a wrapper with `trap '' HUP`, a tracer) stays and leaves the workstation running.
    static func terminalIsGone() -> Bool {
        var input = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&input, 1, 0) == 1 else { return false }
        return input.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// One `wget_wch`, waiting at most `milliseconds` (0: only what is already there). In a
    /// locale that is not UTF-8, bytes through `wgetch` instead (see `ByteInput`).
    func read(milliseconds: Int32) -> RawInput? {
        wtimeout(window, milliseconds)
        if !supportsUnicode { return readBytes() }
        var value: wint_t = 0
        let result = wget_wch(window, &value)
        if result == ERR { return nil }
        if result == KEY_CODE_YES {
            let code = Int32(bitPattern: value)
            let name = keyname(code).map { String(cString: $0) } ?? ""
            return .keyCode(code, name: name)
        }
        return .character(UInt32(value))
    }

    /// One key from `wgetch`: a key code, an ASCII character, or a UTF-8 sequence assembled
    /// from the bytes that come with it; nil on timeout.
    private func readBytes() -> RawInput? {
        // A loop, not a call of itself per sequence that is not UTF-8: a long paste of
        // Latin-1 text must not grow the stack.
        while true {
            let first = wgetch(window)
            if first == ERR { return nil }
            if first >= kt_key_min() {
                return .keyCode(first, name: keyname(first).map { String(cString: $0) } ?? "")
            }
            if first < 0x80 { return .character(UInt32(first)) }
            let length = ByteInput.sequenceLength(lead: UInt8(truncatingIfNeeded: first))
            guard length > 0 else { return nil }
            var bytes = [UInt8(truncatingIfNeeded: first)]
            wtimeout(window, Self.burstMilliseconds) // the rest of a character comes in the same burst
            while bytes.count < length {
                let next = wgetch(window)
                if next == ERR { break }
                // Not part of this character: it is the next key, kept for the next read.
                guard ByteInput.isContinuation(next) else { ungetch(next); break }
                bytes.append(UInt8(truncatingIfNeeded: next))
            }
            if let scalar = ByteInput.scalar(bytes) { return .character(scalar) }
            // Not UTF-8: dropped, and the next key (already there, if any) read instead, so a
            // paste is not cut short by it.
            wtimeout(window, 0)
        }
    }

    /// The event for one raw input, reading more when it needs to; nil when it means nothing.
    func event(from raw: RawInput) -> Event? {
        switch KeyDecoding.decode(raw) {
        case .key(.control("z")) where suspendsOnCtrlZ:
            suspend()
            return .resize(size)
        case .key(let key):
            return .key(key)
        case .escape:
            return afterEscape()
        case .resize:
            // Everything is sent again after a resize: ncurses assumes the terminal kept what
            // it showed, but a terminal that shrank dropped rows from the top, and one that
            // passed through other sizes between two reads (a storm) cut or cleared cells
            // ncurses still believes are there: the screen would stay blank in places.
            kt_force_full_repaint()
            drawn = nil
            size = currentSize()
            return .resize(size)
        case .mouse:
            return mouseEvent()
        case .ignored:
            return nil
        }
    }

    /// Escape alone, Alt-x, a sequence curses did not know, or a bracketed paste.
    private func afterEscape() -> Event? {
        let next = read(milliseconds: 0)
        if case .character(let first)? = next, first == 0x5B || first == 0x4F { // "[" or "O"
            var following = [first]
            var keyCode: RawInput?
            var sequence = KeyDecoding.escapeSequence(following)
            // The rest of a sequence comes in the same burst; a person typing Alt-[ does not
            // follow it with digits within a few milliseconds.
            while sequence == .incomplete, let more = read(milliseconds: Self.burstMilliseconds) {
                guard case .character(let value) = more else { keyCode = more; break }
                following.append(value)
                sequence = KeyDecoding.escapeSequence(following)
            }
            switch sequence {
            case .key(let key): return .key(key)
            case .pasteStart: return .paste(readPaste())
            case .unknown: return nil
            case .incomplete, .notASequence:
                // Alt plus the first character, then the rest as typed.
                for value in following.dropFirst() { queue(.character(value)) }
                if let keyCode { queue(keyCode) }
                return .key(.alt(Character(Unicode.Scalar(UInt8(first)))))
            }
        }
        switch KeyDecoding.afterEscape(next) {
        case .escape:
            return .key(.escape)
        case .alt(let character):
            return .key(.alt(character))
        case .escapeThen(let raw):
            // Decoding `raw` may queue events of its own; it comes before them.
            if let event = event(from: raw) { pending.insert(event, at: 0) }
            return .key(.escape)
        }
    }

    /// Queues a key read ahead, to be delivered by the next `nextEvent`.
    private func queue(_ raw: RawInput) {
        switch KeyDecoding.decode(raw) {
        case .key(let key): pending.append(.key(key))
        case .escape: pending.append(.key(.escape))
        default: break
        }
    }

    /// The pasted text up to the end marker (or until the terminal stops sending).
    private func readPaste() -> String {
        var collector = BracketedPaste.Collector()
        while !collector.isComplete, let raw = read(milliseconds: Self.pasteGapMilliseconds) {
            // Key codes cannot be part of pasted text; a resize during a paste is noticed
            // by the loop at its next draw anyway.
            if case .character(let value) = raw { collector.feed(value) }
        }
        return collector.text
    }

    /// The waiting mouse event: a press or release of the left button, or the wheel.
    private func mouseEvent() -> Event? {
        var x: Int32 = 0, y: Int32 = 0
        var state: mmask_t = 0
        guard kt_getmouse(&x, &y, &state) == OK else { return nil }
        let position = Point(x: Int(x), y: Int(y))
        let kind: MouseEvent.Kind
        if state & kt_button4_pressed() != 0 {
            kind = .scrollUp
        } else if state & kt_button5_pressed() != 0 {
            kind = .scrollDown
        } else if state & (kt_button1_pressed() | kt_button1_clicked()) != 0 {
            kind = .press
        } else if state & kt_button1_released() != 0 {
            kind = .release
        } else {
            return nil
        }
        return .mouse(MouseEvent(kind: kind, position: position))
    }
}
