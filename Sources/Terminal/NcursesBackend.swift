#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw

/// The real terminal, through ncursesw. Thin on purpose: screens render into a
/// `ScreenBuffer`; this paints it and turns terminal input into `Event`s.
///
/// Decisions, and why:
/// - `raw()`, not `cbreak()`: Ctrl-C arrives as the key `.control("c")`, so a slip of the
///   finger cannot kill a half-typed conversation note; the workstation decides what it
///   means. Ctrl-Z arrives as a key too and is handled here (`suspend()`), returning
///   `.resize` after `fg` so the loop redraws. Signals sent from outside are handled by
///   `TerminalSafety`, which always restores the terminal.
/// - ESCDELAY 25 ms unless the user set `ESCDELAY`: a bare Escape otherwise takes a second.
/// - Frames are written cell by cell into stdscr, then `wnoutrefresh` + `doupdate`; never
///   `clear()`/`erase()`, so ncurses sends only the cells that changed.
/// - Not Sendable: curses is called from one thread, the loop's.
public final class NcursesBackend: Backend {
    public enum StartError: Error, Equatable, Sendable {
        /// stdin or stdout is not a terminal (a pipe, a file, cron).
        case notATerminal
        /// ncurses does not know `TERM` (the value given).
        case unknownTerminal(String)
        /// The terminal cannot place the cursor (TERM=dumb): no full-screen program can run.
        case notFullScreen(String)

        public func message(in language: UILanguage) -> String {
            switch self {
            case .notATerminal:
                language.pick("De werkplek heeft een terminal nodig (invoer en uitvoer zijn geen terminal).",
                              "The workstation needs a terminal (input and output are not a terminal).")
            case .unknownTerminal(let term):
                language.pick("Onbekend terminaltype TERM=\"\(term)\"; probeer TERM=xterm-256color.",
                              "Unknown terminal type TERM=\"\(term)\"; try TERM=xterm-256color.")
            case .notFullScreen(let term):
                language.pick("Terminaltype TERM=\"\(term)\" kan de cursor niet plaatsen; de werkplek heeft een volledig scherm nodig. Open hem in een echte terminal (xterm, GNOME Terminal, PuTTY, tmux).",
                              "Terminal type TERM=\"\(term)\" cannot place the cursor; the workstation needs a full screen. Open it in a real terminal (xterm, GNOME Terminal, PuTTY, tmux).")
            }
        }
    }

    public internal(set) var size: Size
    /// False when the locale is not UTF-8: screens then draw with ASCII (see NCURSES-NOTES).
    public let supportsUnicode: Bool
    /// How many colours the terminal has; 0 when it has none.
    public let colorCount: Int
    public var hasColors: Bool { colorCount > 0 }
    /// The theme in use; setting it redefines the colour pairs (the next `draw` shows it).
    public var theme: Theme { didSet { applyTheme() } }
    /// When true (the default), Ctrl-Z suspends to the shell instead of being a key.
    public var suspendsOnCtrlZ = true

    let window: UnsafeMutablePointer<WINDOW>
    private let defaultColors: Bool
    private let mouseMask: mmask_t
    private var plan: ColorPlan
    /// Each role's attributes and colour pair, as curses takes them.
    private var looks: [StyleRole: (attributes: attr_t, pair: Int32)] = [:]
    /// The frame curses' window holds: `draw` puts only the cells that differ from it (a
    /// keystroke changes a few dozen of a screen's thousands). Nil when the window must be
    /// written whole: at start, after a resize, a resume or a theme change.
    var drawn: ScreenBuffer?
    /// Events decoded ahead (a read after Escape that was not Alt-x), delivered first.
    var pending: [Event] = []
    private var cursorShown: Int32 = -1
    private var isShutDown = false
    /// One cell as NUL-terminated UTF-32 for `setcchar`; reused to avoid allocating per cell.
    private var cellText: [wchar_t] = Array(repeating: 0, count: 6)

    /// Takes over the terminal. Call `shutdown()` (or let the backend go) to give it back.
    /// - Parameters:
    ///   - theme: the theme to draw with; nil: `default`, or `monochrome` without colours.
    ///     Usually set afterwards from `ThemeChoice.resolve(…, terminalHasColors: hasColors, …)`.
    ///   - mouse: report clicks and the scroll wheel (then the terminal's own selection
    ///     needs Shift).
    public init(theme: Theme? = nil, mouse: Bool = true) throws(StartError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        TerminalSafety.install() // before newterm: ncurses then leaves our handlers alone
        supportsUnicode = Self.setUpLocale()
        if getenv("ESCDELAY") == nil { _ = kt_set_escdelay(25) }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard kt_newterm() != nil, let window = kt_stdscr() else { throw .unknownTerminal(term) }
        guard kt_can_address_cursor() else {
            endwin()
            throw .notFullScreen(term)
        }
        self.window = window
        TerminalSafety.setActive(true)

        raw()      // Ctrl-C, Ctrl-Z, Ctrl-S/Ctrl-Q arrive as keys
        noecho()
        nonl()     // Enter arrives as 13 and output newlines are not translated
        keypad(window, true)
        meta(window, true)
        // Until the screen has once been left and resumed, ncurses (6.4) writes its output
        // out after every cursor move, as it does for a program that uses its cursor motion
        // alone: a frame was a hundred writes of 30 bytes, each one waking the terminal (or
        // sshd) on the other end, and a search keystroke took 5–15 ms longer to arrive whole
        // on a busy 2-core host. Left and resumed once, before anything is drawn, it sends a
        // frame in a few writes. (endwin restores the terminal's modes; doupdate restores
        // raw, noecho and nonl set above.)
        endwin()
        doupdate()

        if has_colors() {
            start_color()
            defaultColors = use_default_colors() == OK
            colorCount = Int(kt_colors())
        } else {
            defaultColors = false
            colorCount = 0
        }
        mouseMask = mouse ? kt_button1_pressed() | kt_button1_released() | kt_button4_pressed() | kt_button5_pressed() : 0
        if mouse {
            mousemask(mouseMask, nil)
            mouseinterval(0) // no click detection delay: press and release come at once
        }

        let chosen = theme ?? (colorCount > 0 ? BuiltInThemes.default : BuiltInThemes.monochrome)
        self.theme = chosen
        plan = ColorPlan(theme: chosen, colors: 0, defaultColors: false, maxPairs: 0)
        size = Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
        applyTheme()
        setCursor(visible: false)
        wnoutrefresh(window)
        doupdate() // flush curses' start-up output before writing our own sequence
        Self.writeToTerminal(BracketedPaste.enable)
    }

    deinit { shutdown() }

    /// Gives the terminal back (leaves curses mode, turns paste and mouse reporting off).
    /// Safe to call more than once; the backend draws nothing afterwards.
    public func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        TerminalSafety.setActive(false)
        if mouseMask != 0 { mousemask(0, nil) }
        curs_set(1)
        endwin()
        Self.writeToTerminal(BracketedPaste.disable)
    }

    // MARK: Drawing

    public func draw(_ buffer: ScreenBuffer) {
        guard !isShutDown else { return }
        let rows = min(buffer.height, size.height), columns = min(buffer.width, size.width)
        let before = drawn?.size == buffer.size ? drawn : nil
        // Neighbouring cells mostly share a role: its look is looked up when it changes (a
        // role hashes by its name, and a whole screen is thousands of cells).
        var role = StyleRole.normal, look = looks[.normal] ?? (0, 0)
        for y in 0..<rows {
            for x in 0..<columns {
                let cell = buffer[x, y]
                if cell.isContinuation { continue } // drawn with the wide character on its left
                if let before, before[x, y] == cell { continue }
                if cell.role != role { role = cell.role; look = looks[role] ?? (0, 0) }
                // A non-UTF-8 locale: never send bytes the terminal would garble.
                let text = supportsUnicode || cell.text.unicodeScalars.allSatisfy(\.isASCII)
                    ? cell.text : cell.text.first.map(ASCIIFallback.short) ?? " "
                if text.count <= 1 {
                    put(text, y: y, x: x, width: cell.width, limit: columns, attributes: look.attributes, pair: look.pair)
                } else {
                    // An ASCII stand-in for a wide character ("??"): one character a column.
                    for (offset, character) in text.prefix(max(1, cell.width)).enumerated() where x + offset < columns {
                        put(String(character), y: y, x: x + offset, width: 1, limit: columns, attributes: look.attributes, pair: look.pair)
                    }
                }
            }
        }
        drawn = buffer
        if let cursor = buffer.cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < columns, cursor.y < rows {
            setCursor(visible: true)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            setCursor(visible: false)
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Writes one cell. When ncurses counts the character one column narrower than we do
    /// (wcwidth and DisplayWidth disagree on some emoji), the column it left is blanked so
    /// no stale character shows there.
    private func put(_ text: String, y: Int, x: Int, width: Int, limit: Int, attributes: attr_t, pair: Int32) {
        var count = 0
        for scalar in text.unicodeScalars where count < 5 {
            cellText[count] = wchar_t(bitPattern: scalar.value)
            count += 1
        }
        if count == 0 { cellText[0] = 32; count = 1 }
        cellText[count] = 0
        var after = cellText.withUnsafeBufferPointer { kt_put_cell(window, Int32(y), Int32(x), $0.baseAddress, attributes, pair) }
        if after < 0 { // setcchar refused it (a cluster starting with a combining mark)
            cellText[0] = 32; cellText[1] = 0
            after = cellText.withUnsafeBufferPointer { kt_put_cell(window, Int32(y), Int32(x), $0.baseAddress, attributes, pair) }
        }
        if width == 2, Int(after) == x + 1, x + 1 < limit {
            cellText[0] = 32; cellText[1] = 0
            _ = cellText.withUnsafeBufferPointer { kt_put_cell(window, Int32(y), Int32(x + 1), $0.baseAddress, attributes, pair) }
        }
    }

    private func setCursor(visible: Bool) {
        let wanted: Int32 = visible ? 1 : 0
        guard wanted != cursorShown else { return }
        curs_set(wanted)
        cursorShown = wanted
    }

    /// Defines the colour pairs of the theme and the attributes of every role.
    private func applyTheme() {
        plan = ColorPlan(theme: theme, colors: colorCount, defaultColors: defaultColors, maxPairs: Int(kt_color_pairs()))
        for pair in plan.pairs {
            init_pair(Int16(pair.number), Int16(pair.foreground), Int16(pair.background))
        }
        for role in StyleRole.allCases {
            let look = plan.look(for: role)
            var value = kt_a_normal()
            if look.bold { value |= kt_a_bold() }
            if look.reverse { value |= kt_a_reverse() }
            if look.underline { value |= kt_a_underline() }
            if look.dim { value |= kt_a_dim() }
            looks[role] = (value, Int32(look.pair))
        }
        drawn = nil
    }

    // MARK: Suspend and resume

    /// Stops the process for the shell (as Ctrl-Z does in other programs) and repaints after
    /// `fg`. The loop should redraw: `nextEvent` returns `.resize` after a suspend.
    public func suspend() {
        guard !isShutDown else { return }
        TerminalSafety.suspend() // the SIGTSTP handler leaves curses mode; returns after fg
        _ = TerminalSafety.takeResume()
        resume()
    }

    /// Hands the terminal to another program (an editor) and takes it back afterwards.
    public func runOutside(_ body: () -> Void) {
        guard !isShutDown else { body(); return }
        Self.writeToTerminal(BracketedPaste.disable)
        if mouseMask != 0 { mousemask(0, nil) }
        endwin()
        body()
        resume()
    }

    /// After a stop: back into curses mode, everything repainted, paste and mouse back on.
    func resume() {
        kt_force_full_repaint()
        drawn = nil
        wnoutrefresh(window)
        doupdate() // after endwin, this restores raw mode and the alternate screen
        if mouseMask != 0 { mousemask(mouseMask, nil) }
        Self.writeToTerminal(BracketedPaste.enable)
        size = currentSize()
    }

    func currentSize() -> Size { Size(width: Int(getmaxx(window)), height: Int(getmaxy(window))) }

    // MARK: Locale

    /// `setlocale(LC_ALL, "")` and whether the result is UTF-8. When the locale asked for
    /// is not installed (nl_NL.UTF-8 often is not), setlocale fails and leaves "C": then, if
    /// the environment asked for UTF-8, C.UTF-8 is used for the character type, since it
    /// exists on every glibc system and is all the terminal needs.
    static func setUpLocale() -> Bool {
        setlocale(LC_ALL, "")
        if isUTF8Codeset() { return true }
        let names: [String] = ["LC_ALL", "LC_CTYPE", "LANG"]
        let asked = names.compactMap { name in getenv(name).map { String(cString: $0) } }.first { !$0.isEmpty } ?? ""
        let wantsUTF8 = asked.lowercased().filter { $0 != "-" }.contains("utf8")
        if wantsUTF8, setlocale(LC_CTYPE, "C.UTF-8") != nil { return isUTF8Codeset() }
        return false
    }

    private static func isUTF8Codeset() -> Bool {
        guard let codeset = kt_codeset() else { return false }
        return String(cString: codeset) == "UTF-8"
    }

    static func writeToTerminal(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }
}
