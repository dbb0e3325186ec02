/// One read from curses, before it means anything: what `wget_wch` gave.
public enum RawInput: Equatable, Sendable {
    /// `wget_wch` returned OK: a Unicode scalar value, or a control code (1…31, 127).
    case character(UInt32)
    /// `wget_wch` returned KEY_CODE_YES: a curses key code with its `keyname()`, such as
    /// "KEY_UP", "KEY_F(3)" or "kLFT5" (Ctrl-Left).
    case keyCode(Int32, name: String)
}

/// What a raw input is for the workstation.
public enum DecodedInput: Equatable, Sendable {
    case key(Key)
    /// Escape: the backend looks at what follows at once (Alt-x, bracketed paste).
    case escape
    /// KEY_RESIZE: the terminal has a new size (already in effect in curses).
    case resize
    /// KEY_MOUSE: a mouse event is waiting in `getmouse`.
    case mouse
    /// Nothing the workstation uses (Ctrl-@, Shift-F5, an unknown key code).
    case ignored
}

/// The mapping from curses input to `Key`, kept free of curses so it can be tested
/// without a terminal. Function keys are matched by `keyname()`, never by number: the
/// codes of modified keys depend on the terminfo entry (Alt-Up is 572 under tmux-256color,
/// 569 under xterm-256color), their names do not.
public enum KeyDecoding {
    public static func decode(_ input: RawInput) -> DecodedInput {
        switch input {
        case .character(let value): character(value)
        case .keyCode(_, let name): keyCode(named: name)
        }
    }

    /// A character from `wget_wch`. In raw mode Ctrl-C and Ctrl-Z arrive here as 3 and 26.
    public static func character(_ value: UInt32) -> DecodedInput {
        switch value {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter) // Enter is 13 with nonl(); Ctrl-J is 10
        case 27: return .escape
        case 8, 127: return .key(.backspace) // terminals send either for Backspace
        case 1...26:
            return .key(.control(Character(Unicode.Scalar(UInt8(96 + value)))))
        case 0, 28...31, 0x80...0x9F: return .ignored // Ctrl-@, Ctrl-\ … and C1 controls
        default:
            guard let scalar = Unicode.Scalar(value) else { return .ignored }
            return .key(.character(Character(scalar)))
        }
    }

    /// A curses key code, by its `keyname()`.
    public static func keyCode(named name: String) -> DecodedInput {
        if let key = namedKeys[name] { return .key(key) }
        switch name {
        case "KEY_RESIZE": return .resize
        case "KEY_MOUSE": return .mouse
        default: break
        }
        // Modified keys from the terminfo entry: "kDC5" is Ctrl-Delete, "kUP3" Alt-Up. The
        // modifier is dropped (Ctrl-Left/Right are words, above): the key still works.
        if name.count >= 3, name.first == "k", let last = name.last, ("2"..."8").contains(last),
           let key = modifiedKeys[String(name.dropFirst().dropLast())] {
            return .key(key)
        }
        // "KEY_F(n)"; F13 and above are Shift-/Ctrl-F1… and not used.
        if name.hasPrefix("KEY_F("), name.hasSuffix(")"),
           let n = Int(name.dropFirst(6).dropLast()), (1...12).contains(n) {
            return .key(.function(n))
        }
        return .ignored
    }

    static let namedKeys: [String: Key] = [
        "KEY_UP": .up, "KEY_DOWN": .down, "KEY_LEFT": .left, "KEY_RIGHT": .right,
        "KEY_HOME": .home, "KEY_END": .end, "KEY_PPAGE": .pageUp, "KEY_NPAGE": .pageDown,
        "KEY_DC": .delete, "KEY_IC": .insert, "KEY_BACKSPACE": .backspace,
        "KEY_ENTER": .enter, "KEY_BTAB": .backTab,
        // The keypad with NumLock off, and the vt220 names some terminals use for Home/End.
        "KEY_A1": .home, "KEY_A3": .pageUp, "KEY_C1": .end, "KEY_C3": .pageDown,
        "KEY_FIND": .home, "KEY_SELECT": .end,
        // Shifted keys with names of their own: the key without Shift.
        "KEY_SLEFT": .left, "KEY_SRIGHT": .right, "KEY_SR": .up, "KEY_SF": .down,
        "KEY_SHOME": .home, "KEY_SEND": .end, "KEY_SPREVIOUS": .pageUp, "KEY_SNEXT": .pageDown,
        "KEY_SDC": .delete, "KEY_SIC": .insert,
        // Ctrl-Left/Right (5) move by word; Alt-Left/Right (3) too, as on macOS terminals.
        "kLFT5": .wordLeft, "kRIT5": .wordRight, "kLFT3": .wordLeft, "kRIT3": .wordRight,
    ]

    /// The base names of terminfo's modified keys (`kUP5`, `kHOM3`, …).
    static let modifiedKeys: [String: Key] = [
        "UP": .up, "DN": .down, "LFT": .left, "RIT": .right, "HOM": .home, "END": .end,
        "PRV": .pageUp, "NXT": .pageDown, "DC": .delete, "IC": .insert,
    ]

    /// What an Escape means given the input that followed it at once (nil: nothing did).
    public enum AfterEscape: Equatable, Sendable {
        /// Escape on its own.
        case escape
        /// Alt plus a printable character.
        case alt(Character)
        /// Escape, then a key of its own (Escape then Enter, then an arrow…).
        case escapeThen(RawInput)
    }

    /// Alt-x arrives as Escape and `x` in one burst; anything else after Escape stays a
    /// separate key. (`[` and `O`, which may start a sequence curses did not know, are
    /// looked at by the backend first: see `escapeSequence`.)
    public static func afterEscape(_ next: RawInput?) -> AfterEscape {
        guard let next else { return .escape }
        if case .key(.character(let c)) = decode(next) { return .alt(c) }
        return .escapeThen(next)
    }

    /// An escape sequence curses did not turn into a key code, by what followed Escape.
    public enum Sequence: Equatable, Sendable {
        /// It may go on: read more (briefly) and ask again.
        case incomplete
        /// A known key (Home as `ESC [1~` when TERM does not match the terminal, …).
        case key(Key)
        /// `ESC [200~`: a bracketed paste starts.
        case pasteStart
        /// A whole sequence that means nothing here (Shift-F5, focus reports): dropped.
        case unknown
        /// Not a sequence: Alt plus the first character, then the rest as typed.
        case notASequence
    }

    /// Decodes the characters after Escape as a CSI (`ESC [ params final`) or SS3
    /// (`ESC O final`) sequence. Curses decodes the sequences of the terminfo entry; these are
    /// the ones terminals send anyway when TERM names another terminal (tmux sends
    /// `ESC [1~` for Home when TERM=xterm-256color), plus the bracketed-paste marker.
    public static func escapeSequence(_ following: [UInt32]) -> Sequence {
        guard let introducer = following.first else { return .incomplete }
        let rest = following.dropFirst()
        if introducer == 0x4F { // "O": SS3, one final character
            guard let final = rest.first else { return .incomplete }
            let keys: [UInt32: Key] = [0x41: .up, 0x42: .down, 0x43: .right, 0x44: .left, 0x48: .home, 0x46: .end,
                                       0x50: .function(1), 0x51: .function(2), 0x52: .function(3), 0x53: .function(4)]
            return keys[final].map { .key($0) } ?? .notASequence
        }
        guard introducer == 0x5B else { return .notASequence } // "["
        var parameters = ""
        for value in rest {
            switch value {
            case 0x30...0x3F: // digits, ";", "<", "=", ">", "?"
                guard parameters.count < 16 else { return .unknown }
                parameters.unicodeScalars.append(Unicode.Scalar(UInt8(value)))
            case 0x40...0x7E:
                return csi(parameters: parameters, final: Character(Unicode.Scalar(UInt8(value))))
            default:
                return .notASequence
            }
        }
        return .incomplete
    }

    /// The meaning of a complete CSI sequence (xterm, vt220 and rxvt forms).
    static func csi(parameters: String, final: Character) -> Sequence {
        let fields = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        let number = fields.first.flatMap { $0 } ?? 1
        let modifier = fields.count > 1 ? fields[1] : nil
        let word = modifier == 5 || modifier == 3 // Ctrl or Alt
        switch final {
        case "A": return .key(.up)
        case "B": return .key(.down)
        case "C": return .key(word ? .wordRight : .right)
        case "D": return .key(word ? .wordLeft : .left)
        case "H": return .key(.home)
        case "F": return .key(.end)
        case "Z": return .key(.backTab)
        case "~":
            if number == 200 { return .pasteStart }
            let keys: [Int: Key] = [1: .home, 7: .home, 2: .insert, 3: .delete, 4: .end, 8: .end, 5: .pageUp, 6: .pageDown]
            if let key = keys[number] { return .key(key) }
            let functions: [Int: Int] = [11: 1, 12: 2, 13: 3, 14: 4, 15: 5, 17: 6, 18: 7, 19: 8, 20: 9, 21: 10, 23: 11, 24: 12]
            // A modified function key (Shift-F3) is not used, as with curses' KEY_F(13…).
            if let n = functions[number], modifier == nil { return .key(.function(n)) }
            return .unknown
        default:
            return .unknown
        }
    }
}
