/// A key as the workstation understands it, decoded by the backend from whatever the
/// terminal sent. Screens match on these, never on curses codes.
public enum Key: Hashable, Sendable {
    /// A typed character (letters, digits, punctuation, any Unicode).
    case character(Character)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    /// F1…F12.
    case function(Int)
    /// Ctrl plus a letter, lower case: `.control("e")` is Ctrl-E.
    case control(Character)
    /// Alt plus a character (arrives as Escape then the character).
    case alt(Character)
    /// Ctrl-Left / Ctrl-Right: move by word.
    case wordLeft, wordRight

    /// How the key is written in the key bar and in help: `F1`, `Enter`, `/`, `Ctrl-E`.
    public var label: String {
        switch self {
        case .character(" "): "␣"
        case .character(let c): String(c)
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .insert: "Ins"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .function(let n): "F\(n)"
        case .control(let c): "Ctrl-\(String(c).uppercased())"
        case .alt(let c): "Alt-\(c)"
        case .wordLeft: "Ctrl-←"
        case .wordRight: "Ctrl-→"
        }
    }
}

public struct MouseEvent: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case press, release, scrollUp, scrollDown }
    public var kind: Kind
    public var position: Point
    public init(kind: Kind, position: Point) { self.kind = kind; self.position = position }
}

/// What the loop reacts to.
public enum Event: Equatable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal has a new size.
    case resize(Size)
    /// A block of pasted text (bracketed paste), delivered whole.
    case paste(String)
    /// Time passed without input (for autosave and clocks).
    case tick
}
