/// A multi-line text editor for notes typed during a conversation: UTF-8 with wide and
/// combining characters, soft word wrap by display width, movement by character, word,
/// visual line and page, deletion of whole grapheme clusters, and pastes of any size in one
/// step. Text is kept as `Character`s (grapheme clusters), so "e" plus a combining accent
/// is one thing to the cursor and to Backspace.
public struct TextEditor: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// The cursor: an index into `characters` (0…count).
    public var cursor: Int
    public var maxLength: Int?
    /// The display column kept while moving up and down through lines of other lengths.
    var goalColumn: Int?

    public init(text: String = "", maxLength: Int? = nil) {
        characters = Array(Self.normalised(text))
        cursor = characters.count
        self.maxLength = maxLength
    }

    public var text: String { String(characters) }
    public var count: Int { characters.count }
    public var isEmpty: Bool { characters.isEmpty }

    /// A soft-wrapped line: `characters[start..<end]`, without its line break.
    public struct Line: Equatable, Sendable {
        public let start: Int
        public let end: Int
    }

    // MARK: layout

    /// The text in lines of at most `width` columns: a paragraph breaks after the last space
    /// that fits, or inside a word longer than the line.
    public static func layout(_ characters: [Character], width: Int) -> [Line] {
        let width = max(1, width)
        var lines: [Line] = []
        var start = 0, column = 0, lastSpace: Int? = nil
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c == "\n" {
                lines.append(Line(start: start, end: i))
                start = i + 1; column = 0; lastSpace = nil
                i += 1
                continue
            }
            let w = DisplayWidth.of(c)
            if column + w > width && i > start {
                if let space = lastSpace, space >= start {
                    lines.append(Line(start: start, end: space + 1))
                    start = space + 1
                } else {
                    lines.append(Line(start: start, end: i))
                    start = i
                }
                column = DisplayWidth.of(characters[start..<i].map { String($0) }.joined())
                lastSpace = nil
                continue
            }
            if c == " " { lastSpace = i }
            column += w
            i += 1
        }
        lines.append(Line(start: start, end: characters.count))
        return lines
    }

    /// The visual line and display column of the cursor.
    public func cursorPosition(width: Int) -> (row: Int, column: Int) {
        let lines = Self.layout(characters, width: width)
        let row = Self.row(of: cursor, in: lines)
        let line = lines[row]
        return (row, columns(line.start, cursor))
    }

    static func row(of index: Int, in lines: [Line]) -> Int {
        // A wrapped line's end is the next line's start: the cursor there belongs to the next.
        for (r, line) in lines.enumerated() where index >= line.start && (index < line.end || r == lines.count - 1
                                                                           || (index == line.end && lines[r + 1].start > line.end)) {
            return r
        }
        return lines.count - 1
    }

    private func columns(_ from: Int, _ to: Int) -> Int {
        var total = 0
        for i in from..<max(from, to) { total += DisplayWidth.of(characters[i]) }
        return total
    }

    /// The index in `line` nearest to display column `column`.
    private func index(in line: Line, atColumn column: Int) -> Int {
        var used = 0
        var i = line.start
        while i < line.end {
            let w = DisplayWidth.of(characters[i])
            if used + w > column { break }
            used += w
            i += 1
        }
        // A wrapped line ending in a space: stay before the break, not on the next line.
        if i == line.end && i > line.start && i < characters.count && characters[i - 1] == " " && characters[i] != "\n" { i -= 1 }
        return i
    }

    // MARK: editing

    /// Line breaks as "\n"; tabs as four spaces; other control characters dropped.
    static func normalised(_ text: String) -> [Character] {
        var out: [Character] = []
        out.reserveCapacity(text.count)
        var previousWasCR = false
        for c in text {
            switch c {
            case "\r\n": out.append("\n")
            case "\r": out.append("\n")
            case "\n": if !previousWasCR { out.append("\n") }
            case "\t": out += ["    "].flatMap { Array($0) }
            default:
                if let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1,
                   scalar.value < 0x20 || scalar.value == 0x7F { break }
                out.append(c)
            }
            previousWasCR = c == "\r"
        }
        return out
    }

    /// Inserts typed or pasted text at the cursor, up to `maxLength`; returns false when
    /// something had to be left out.
    @discardableResult
    public mutating func insert(_ text: String) -> Bool {
        var new = Self.normalised(text)
        var complete = true
        if let maxLength, characters.count + new.count > maxLength {
            new = Array(new.prefix(max(0, maxLength - characters.count)))
            complete = false
        }
        characters.insert(contentsOf: new, at: cursor)
        cursor += new.count
        goalColumn = nil
        return complete
    }

    /// Handles a key for a box of `width` columns and `pageHeight` rows. Returns true when
    /// the key was for the editor.
    public mutating func handle(_ key: Key, width: Int, pageHeight: Int = 10) -> Bool {
        let keepGoal: Bool
        switch key {
        case .character(let c):
            insert(String(c)); return true
        case .enter:
            insert("\n"); return true
        case .backspace:
            if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
            keepGoal = false
        case .delete:
            if cursor < characters.count { characters.remove(at: cursor) }
            keepGoal = false
        case .left:
            cursor = max(0, cursor - 1); keepGoal = false
        case .right:
            cursor = min(characters.count, cursor + 1); keepGoal = false
        case .wordLeft:
            while cursor > 0 && !characters[cursor - 1].isLetterOrNumber { cursor -= 1 }
            while cursor > 0 && characters[cursor - 1].isLetterOrNumber { cursor -= 1 }
            keepGoal = false
        case .wordRight:
            while cursor < characters.count && !characters[cursor].isLetterOrNumber { cursor += 1 }
            while cursor < characters.count && characters[cursor].isLetterOrNumber { cursor += 1 }
            keepGoal = false
        case .home, .end:
            let lines = Self.layout(characters, width: width)
            let line = lines[Self.row(of: cursor, in: lines)]
            cursor = key == .home ? line.start : index(in: line, atColumn: Int.max)
            keepGoal = false
        case .up, .down, .pageUp, .pageDown:
            let lines = Self.layout(characters, width: width)
            let row = Self.row(of: cursor, in: lines)
            let goal = goalColumn ?? columns(lines[row].start, cursor)
            let step = switch key { case .up: -1; case .down: 1; case .pageUp: -max(1, pageHeight); default: max(1, pageHeight) }
            let target = min(max(0, row + step), lines.count - 1)
            if target == row {
                cursor = step < 0 ? 0 : characters.count
            } else {
                cursor = index(in: lines[target], atColumn: goal)
            }
            goalColumn = goal
            keepGoal = true
        default:
            return false
        }
        if !keepGoal { goalColumn = nil }
        return true
    }

    // MARK: drawing

    /// The first visible row that keeps the cursor in a box of `height` rows, given the
    /// row shown at the top before.
    public func scroll(width: Int, height: Int, from top: Int) -> Int {
        let row = cursorPosition(width: width).row
        if row < top { return row }
        if row >= top + height { return row - height + 1 }
        return top
    }

    /// Draws the text from row `top`; places the terminal cursor when focused.
    public func render(into buffer: inout ScreenBuffer, rect: Rect, focused: Bool, top: Int = 0, role: StyleRole = .field) {
        buffer.fill(rect, role: role)
        let lines = Self.layout(characters, width: rect.width)
        for (i, line) in lines.dropFirst(top).prefix(rect.height).enumerated() {
            let text = String(characters[line.start..<line.end])
            buffer.put(text, x: rect.x, y: rect.y + i, width: rect.width, role: role)
        }
        if focused {
            let position = cursorPosition(width: rect.width)
            let y = position.row - top
            if y >= 0 && y < rect.height { buffer.cursor = Point(x: rect.x + min(position.column, rect.width - 1), y: rect.y + y) }
        }
    }

    /// The count with its thousands grouped by `separator` ("10.010" or "10,010"); the
    /// application adds its words.
    public func groupedCount(separator: Character) -> String {
        var grouped = ""
        for (i, c) in String(count).reversed().enumerated() {
            if i > 0 && i % 3 == 0 { grouped.append(separator) }
            grouped.append(c)
        }
        return String(grouped.reversed())
    }
}

extension Character {
    var isLetterOrNumber: Bool { isLetter || isNumber }
}
