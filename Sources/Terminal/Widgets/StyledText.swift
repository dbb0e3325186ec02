/// A piece of text with one meaning. Screens build their lines from spans so that the
/// role travels with the text and a theme (or a monochrome terminal) decides the looks.
public struct Span: Equatable, Sendable {
    public var text: String
    public var role: StyleRole

    public init(text: String, role: StyleRole = .normal) {
        self.text = text
        self.role = role
    }

    /// Columns the text takes on screen (wide characters count two, combining marks none).
    public var width: Int { DisplayWidth.of(text) }
}

/// One line of spans: what a paragraph, a list item or a row of an overview is made of.
/// A plain string literal is a line in the normal role.
public struct StyledLine: Equatable, Sendable, ExpressibleByStringLiteral {
    public var spans: [Span]

    public init(_ spans: [Span] = []) { self.spans = spans }
    public init(spans: [Span]) { self.spans = spans }
    public init(_ text: String, role: StyleRole = .normal) { spans = [Span(text: text, role: role)] }
    public init(stringLiteral value: String) { spans = [Span(text: value)] }

    /// Columns the whole line takes.
    public var width: Int { spans.reduce(0) { $0 + $1.width } }

    /// The text without roles (for searching, and for tests).
    public var text: String { spans.map(\.text).joined() }

    /// The line cut to at most `width` columns, span by span, never splitting a character.
    /// A cut shows no mark: callers who want "…" use `truncated(to:ascii:)`.
    public func prefix(width: Int) -> StyledLine {
        var left = max(0, width)
        var out: [Span] = []
        defer { if StyledLine(out).text != text { CutText.record(text, shown: StyledLine(out).text) } }
        for span in spans {
            if left == 0 { break }
            let w = span.width
            if w <= left {
                out.append(span)
                left -= w
            } else {
                out.append(Span(text: String(DisplayWidth.prefix(span.text, fitting: left)), role: span.role))
                left = 0
            }
        }
        return StyledLine(out)
    }

    /// The line cut to at most `width` columns with "…" (ASCII "~") in the role of the
    /// span that was cut, so a reader sees that something is missing.
    public func truncated(to width: Int, ascii: Bool = false) -> StyledLine {
        guard width > 0 else { return StyledLine() }
        if self.width <= width { return self }
        var cut = prefix(width: width - 1)
        let role = cut.spans.last?.role ?? spans[0].role
        cut.spans.append(Span(text: ascii ? "~" : "…", role: role))
        return cut
    }

    /// The line cut or padded with normal spaces to exactly `width` columns: a column of a
    /// two-column layout that must not push its neighbour.
    public func padded(to width: Int) -> StyledLine {
        var line = prefix(width: width)
        let missing = max(0, width) - line.width
        if missing > 0 { line.spans.append(Span(text: String(repeating: " ", count: missing))) }
        return line
    }

    public static func + (lhs: StyledLine, rhs: StyledLine) -> StyledLine { StyledLine(lhs.spans + rhs.spans) }

    /// Draws the line from `point`, at most `maxWidth` columns (and never past the screen).
    /// Returns the columns written.
    @discardableResult
    public func render(into buffer: inout ScreenBuffer, at point: Point, maxWidth: Int) -> Int {
        var used = 0
        for (i, span) in spans.enumerated() {
            let left = maxWidth - used
            if left <= 0 {
                // The spans that no longer fit are cut.
                if spans[i...].contains(where: { !$0.text.allSatisfy { $0 == " " } }) {
                    CutText.record(text, shown: StyledLine(Array(spans[..<i])).text)
                }
                break
            }
            used += buffer.put(span.text, x: point.x + used, y: point.y, width: left, role: span.role)
        }
        return used
    }
}
