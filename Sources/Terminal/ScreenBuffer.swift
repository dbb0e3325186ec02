/// One cell of the screen: a grapheme cluster, the columns it takes, and its role. The
/// column right of a wide character is a continuation cell with empty text.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var width: Int
    public var role: StyleRole

    public init(text: String, width: Int, role: StyleRole) {
        self.text = text; self.width = width; self.role = role
    }

    public static let blank = Cell(text: " ", width: 1, role: .normal)
    public var isContinuation: Bool { width == 0 }
}

/// A grid of styled cells: what a screen looks like, without a terminal. Screens render
/// into it from scratch every frame; a backend paints it.
public struct ScreenBuffer: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should stand (a text field being typed in), or nil.
    public var cursor: Point?
    /// Draw with ASCII only (a locale that is not UTF-8): borders, marks and ellipses.
    public let ascii: Bool

    public init(size: Size, ascii: Bool = false) {
        self.size = size
        self.ascii = ascii
        cells = Array(repeating: .blank, count: max(0, size.width) * max(0, size.height))
    }

    public var width: Int { size.width }
    public var height: Int { size.height }
    public var bounds: Rect { size.rect }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set { cells[y * size.width + x] = newValue }
    }

    /// Writes `text` from (x, y), clipped to `width` columns (and the screen), in `role`.
    /// Control characters are dropped; a wide character that does not fit becomes a space.
    /// In ASCII mode the text is written as `ASCIIFallback.sameWidth(text)`: the same
    /// columns, so a layout measured on the Unicode text holds. Returns the columns written.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, width: Int? = nil, role: StyleRole = .normal) -> Int {
        guard y >= 0, y < size.height, x < size.width else { return 0 }
        let limit = min(x + (width ?? size.width), size.width)
        // ASCII mode: the whole text first, in its own columns (see ASCIIFallback), so "€"
        // becomes "EUR" where padding makes room and "E" where it does not.
        if ascii { return putCharacters(ASCIIFallback.sameWidth(text), x: x, y: y, limit: limit, role: role) }
        return putCharacters(text, x: x, y: y, limit: limit, role: role)
    }

    private mutating func putCharacters(_ text: some StringProtocol, x: Int, y: Int, limit: Int, role: StyleRole) -> Int {
        var column = x
        var written = 0   // characters of `text` drawn whole
        var cut = false
        for character in text {
            var w = DisplayWidth.of(character)
            if w == 0 { written += 1; continue }
            if column >= limit { cut = true; break }
            var shown = String(character)
            if column + w > limit {
                // A wide character in the last column: a space in its place, and a cut.
                cut = true
                shown = " "; w = 1
            }
            if column >= 0 {
                clearWide(at: column, y: y)
                self[column, y] = Cell(text: shown, width: w, role: role)
                if w == 2, column + 1 < size.width {
                    clearWide(at: column + 1, y: y)
                    self[column + 1, y] = Cell(text: "", width: 0, role: role)
                }
            }
            column += w
            if cut { break }
            written += 1
        }
        // What does not fit is cut: recorded for the layout check (trailing spaces are padding).
        if cut, text.dropFirst(written).contains(where: { $0 != " " }) { CutText.record(text, shown: text.prefix(written)) }
        return column - x
    }

    /// Overwriting half of a wide character blanks its other half, so no stray half stays.
    private mutating func clearWide(at x: Int, y: Int) {
        let cell = self[x, y]
        if cell.isContinuation, x > 0 { self[x - 1, y] = Cell(text: " ", width: 1, role: self[x - 1, y].role) }
        if cell.width == 2, x + 1 < size.width { self[x + 1, y] = Cell(text: " ", width: 1, role: cell.role) }
    }

    /// Fills `rect` with spaces in `role`.
    public mutating func fill(_ rect: Rect, role: StyleRole = .normal) {
        let clipped = rect.intersection(bounds)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { self[x, y] = Cell(text: " ", width: 1, role: role) }
        }
    }

    /// Gives `role` to the cells of `rect`, keeping their text (a selected row).
    public mutating func paint(_ rect: Rect, role: StyleRole) {
        let clipped = rect.intersection(bounds)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { self[x, y].role = role }
        }
    }

    /// A border around `rect` with Unicode box characters (ASCII in ASCII mode), and a
    /// title in the top edge.
    public mutating func box(_ rect: Rect, role: StyleRole = .border, title: String? = nil, titleRole: StyleRole = .title) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let (h, v, tl, tr, bl, br) = ascii ? ("-", "|", "+", "+", "+", "+") : ("─", "│", "┌", "┐", "└", "┘")
        put(tl + String(repeating: h, count: rect.width - 2) + tr, x: rect.x, y: rect.y, width: rect.width, role: role)
        put(bl + String(repeating: h, count: rect.width - 2) + br, x: rect.x, y: rect.maxY - 1, width: rect.width, role: role)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            put(v, x: rect.x, y: y, width: 1, role: role)
            put(v, x: rect.maxX - 1, y: y, width: 1, role: role)
        }
        if let title, rect.width > 4 {
            put(" " + DisplayWidth.truncate(title, to: rect.width - 6, ascii: ascii) + " ",
                x: rect.x + 2, y: rect.y, width: rect.width - 4, role: titleRole)
        }
    }

    /// A horizontal line.
    public mutating func horizontalLine(x: Int, y: Int, width: Int, role: StyleRole = .border) {
        put(String(repeating: ascii ? "-" : "─", count: max(0, width)), x: x, y: y, width: width, role: role)
    }

    /// The text of each row, trailing spaces kept: what a terminal would show.
    public var lines: [String] {
        (0..<size.height).map { y in
            var line = ""
            for x in 0..<size.width where !self[x, y].isContinuation { line += self[x, y].text }
            return line
        }
    }

    /// The rows as text with style marks: `{role:text}` around every run that is not
    /// `normal`, for golden files that also check meaning.
    public var styledLines: [String] {
        (0..<size.height).map { y in
            var line = "", run = "", runRole = StyleRole.normal
            func flush() {
                if run.isEmpty { return }
                line += runRole == .normal ? run : "{\(runRole.rawValue):\(run)}"
                run = ""
            }
            for x in 0..<size.width where !self[x, y].isContinuation {
                let cell = self[x, y]
                if cell.role != runRole { flush(); runRole = cell.role }
                run += cell.text
            }
            flush()
            return line
        }
    }

    /// Whole screen as one text with line breaks and trailing spaces removed.
    public var text: String { lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n") }
}

extension Rect {
    public func intersection(_ other: Rect) -> Rect {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        let x1 = min(maxX, other.maxX), y1 = min(maxY, other.maxY)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}
