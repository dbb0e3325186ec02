/// A single-line editor: the text, where the cursor stands, and what may be typed.
///
/// The cursor counts Characters (grapheme clusters), so ← → Backspace and Delete always
/// step over a whole letter as the reader sees it: "e\u{301}" is one letter, and so is
/// "李" even though it takes two columns. Whether the text is a valid amount or date is
/// not decided here: the Terminal module knows no Dutch money; the caller validates with
/// the domain's parsers and passes the message to `render`.
public struct TextField: Equatable, Sendable {
    /// What the field holds; decides which characters typing accepts.
    public enum Kind: Equatable, Sendable {
        /// Anything printable.
        case text
        /// Digits, "," "." "-" "€" and space: "€ 1.234,50", "-12,00".
        case amount
        /// Digits and "-": "31-12-2025".
        case date
        /// Digits and spaces: a BSN, a postcode's digits, a phone number.
        case digits
    }

    public var text: String
    /// Position of the cursor in Characters, 0...text.count.
    public var cursor: Int
    public var kind: Kind
    /// At most this many Characters, or no limit.
    public var maxLength: Int?

    /// A field with `text` and the cursor at `cursor` (nil: at the end).
    public init(text: String = "", cursor: Int? = nil, kind: Kind = .text, maxLength: Int? = nil) {
        self.text = text
        self.cursor = cursor ?? text.count
        self.kind = kind
        self.maxLength = maxLength
    }

    public var isEmpty: Bool { text.isEmpty }

    /// Whether typing `character` is allowed in a field of this kind.
    public func accepts(_ character: Character) -> Bool {
        switch kind {
        case .text: return !Self.isControl(character)
        case .amount: return Self.isDigit(character) || ",.-€ ".contains(character)
        case .date: return Self.isDigit(character) || character == "-"
        case .digits: return Self.isDigit(character) || character == " "
        }
    }

    /// Edits for one key. Returns true when the key belongs to the field: every printable
    /// character (also one the kind refuses, so a letter typed in an amount never reaches
    /// the screen as a command), the editing keys and ← → Home End Ctrl-←/→. Enter, Esc,
    /// Tab, ↑ ↓ and function keys return false: they are for the caller.
    public mutating func handle(_ key: Key) -> Bool {
        var chars = Array(text)
        var at = min(max(0, cursor), chars.count)
        defer { cursor = min(max(0, cursor), text.count) }
        switch key {
        case .character(let c):
            if Self.isControl(c) { return false }
            insert(String(c))
            return true
        case .left: at = max(0, at - 1)
        case .right: at = min(chars.count, at + 1)
        case .home: at = 0
        case .end: at = chars.count
        case .backspace:
            if at > 0 {
                chars.remove(at: at - 1)
                at -= 1
                text = String(chars)
            }
        case .delete:
            if at < chars.count {
                chars.remove(at: at)
                text = String(chars)
            }
        case .control("u"):
            text = ""
            at = 0
        case .wordLeft:
            while at > 0 && chars[at - 1].isWhitespace { at -= 1 }
            while at > 0 && !chars[at - 1].isWhitespace { at -= 1 }
        case .wordRight:
            while at < chars.count && !chars[at].isWhitespace { at += 1 }
            while at < chars.count && chars[at].isWhitespace { at += 1 }
        default:
            return false
        }
        cursor = at
        return true
    }

    /// Inserts what the kind accepts of `string` at the cursor (a paste), up to
    /// `maxLength`; line breaks and other control characters are left out. Returns true
    /// when the text changed.
    @discardableResult
    public mutating func insert(_ string: String) -> Bool {
        let chars = Array(text)
        let at = min(max(0, cursor), chars.count)
        var before = String(chars[..<at])
        let after = String(chars[at...])
        var changed = false
        for c in string where accepts(c) {
            let candidate = before + String(c)
            // A combining mark joins the letter before it: count the result, not the keys.
            if let maxLength, (candidate + after).count > maxLength { break }
            before = candidate
            changed = true
        }
        guard changed else { return false }
        text = before + after
        cursor = before.count
        return true
    }

    /// Draws the field on the first row of `rect`: `.fieldActive` when focused, `.field`
    /// otherwise, `.fieldInvalid` with a "!" in the last column when `error` is set (the
    /// mark tells the same without colour). When focused, the text scrolls so the cursor
    /// stays visible — measured in columns, wide characters count two — and
    /// `buffer.cursor` is set; when not, a text too long ends in "…".
    public func render(into buffer: inout ScreenBuffer, rect: Rect, focused: Bool, error: String?) {
        guard !rect.isEmpty else { return }
        let role: StyleRole = error != nil ? .fieldInvalid : focused ? .fieldActive : .field
        let line = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        buffer.fill(line, role: role)
        let available = rect.width - (error != nil && rect.width > 1 ? 1 : 0)
        if error != nil && rect.width > 1 {
            buffer.put("!", x: rect.maxX - 1, y: rect.y, width: 1, role: .fieldInvalid)
        }
        guard focused else {
            buffer.put(DisplayWidth.truncate(text, to: available, ascii: buffer.ascii), x: rect.x, y: rect.y,
                       width: available, role: role)
            return
        }
        let (start, cursorColumn) = scroll(width: available)
        let chars = Array(text)
        buffer.put(String(chars[start...]), x: rect.x, y: rect.y, width: available, role: role)
        buffer.cursor = Point(x: rect.x + min(cursorColumn, max(0, available - 1)), y: rect.y)
    }

    /// The first Character shown and the column of the cursor when the field is `width`
    /// columns wide. The text starts at its beginning while the cursor fits; after that the
    /// cursor stands at the right edge. Computed from the state alone, so `render` needs
    /// no memory of the last frame.
    public func scroll(width: Int) -> (start: Int, cursorColumn: Int) {
        let chars = Array(text)
        let at = min(max(0, cursor), chars.count)
        let cursorCell = at < chars.count ? max(1, DisplayWidth.of(chars[at])) : 1
        var start = 0
        var before = chars[..<at].reduce(0) { $0 + DisplayWidth.of($1) }
        while start < at && before + cursorCell > width {
            before -= DisplayWidth.of(chars[start])
            start += 1
        }
        return (start, before)
    }

    private static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isWholeNumber }

    private static func isControl(_ c: Character) -> Bool {
        c.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }
    }
}
