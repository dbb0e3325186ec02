/// How wide a column is: a fixed number of columns (dates, amounts, counts), or a share of
/// what is left (names, addresses), never below a minimum.
public enum ColumnWidth: Equatable, Sendable {
    case fixed(Int)
    case flexible(minimum: Int, weight: Int)
}

/// One column of a table: its title, width and alignment (amounts align right, so their
/// digits line up).
public struct TableColumn: Equatable, Sendable {
    public enum Alignment: Equatable, Sendable { case left, right }

    public var title: String
    public var width: ColumnWidth
    public var alignment: Alignment

    public init(title: String, width: ColumnWidth, alignment: Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }

    /// The least this column needs to be shown at all.
    var minimumWidth: Int {
        switch width {
        case .fixed(let w): max(0, w)
        case .flexible(let minimum, _): max(0, minimum)
        }
    }
}

/// A list of rows in columns with a header, a selection and virtual scrolling: it asks for
/// the rows it shows and nothing else, so a caseload of 100,000 households costs as much
/// to draw as one of twenty.
///
/// Layout of a row: a two-column marker ("› " on the selected row, so the selection does
/// not rest on reverse video alone), then the columns with one space between them.
public enum Table {
    /// Columns taken by the selection marker at the left of every row.
    public static let markerWidth = 2

    /// Widths of `columns` in `width` columns, one space between visible columns. Fixed
    /// columns get their width, flexible ones their minimum plus a share of the rest by
    /// weight. When not all fit, columns are hidden (width 0) from the right: the first
    /// columns are the ones that identify a row. A first column that does not fit alone is
    /// narrowed rather than hidden, so a row never shows nothing.
    public static func layout(_ columns: [TableColumn], width: Int) -> [Int] {
        var widths = Array(repeating: 0, count: columns.count)
        guard width > 0, !columns.isEmpty else { return widths }

        // How many columns fit, from the left, with their minimum widths and separators.
        var shown = 0
        var needed = 0
        for column in columns {
            let extra = column.minimumWidth + (shown > 0 ? 1 : 0)
            if needed + extra > width { break }
            needed += extra
            shown += 1
        }
        if shown == 0 {
            widths[0] = width
            return widths
        }

        for i in 0..<shown { widths[i] = columns[i].minimumWidth }
        var rest = width - needed
        let flexible = (0..<shown).compactMap { i -> (index: Int, weight: Int)? in
            if case .flexible(_, let weight) = columns[i].width, weight > 0 { return (i, weight) }
            return nil
        }
        let totalWeight = flexible.reduce(0) { $0 + $1.weight }
        guard totalWeight > 0, rest > 0 else { return widths }

        // Shares by weight, rounded down; the columns left over go one each to the
        // flexible columns from the left, so the sum is exactly the width.
        var given = 0
        for f in flexible {
            let share = rest * f.weight / totalWeight
            widths[f.index] += share
            given += share
        }
        rest -= given
        var k = 0
        while rest > 0 {
            widths[flexible[k % flexible.count].index] += 1
            rest -= 1
            k += 1
        }
        return widths
    }

    /// Rows that fit below the header in `rect`.
    public static func visibleRows(rect: Rect) -> Int { max(0, rect.height - 1) }

    /// Draws the header and the visible rows of a table of `rowCount` rows into `rect`.
    ///
    /// `row(i)` gives the cells of row `i`, one span per column; it is called only for the
    /// rows on screen. The state is clamped to the rect here as well, so a state kept for
    /// a different page size still shows its selection. The selected row is painted in
    /// `.selection` (reverse video in every theme) when the table has the focus; it always
    /// has its marker. With more rows than fit, the header shows "selected/count" at the
    /// right; an empty table shows `emptyText`.
    /// How much of the selected row is painted in `.selection`.
    public enum Highlight: Sendable {
        /// The whole row.
        case row
        /// The marker and the first column: one ↓ then rewrites two names instead of two
        /// whole rows (half the bytes over a slow SSH link), and the other cells keep their
        /// meaning's colours on the selected row too.
        case firstColumn
    }

    public static func render(
        into buffer: inout ScreenBuffer, rect: Rect, columns: [TableColumn], state: ListState,
        rowCount: Int, focused: Bool, emptyText: String, highlight: Highlight = .row, row: (Int) -> [Span]
    ) {
        guard !rect.isEmpty else { return }
        buffer.fill(rect)
        let ascii = buffer.ascii
        let visible = visibleRows(rect: rect)
        var state = state
        state.clamp(count: rowCount, pageSize: visible)
        // The cells of the rows on screen, asked for once.
        let shown = rowCount > 0 ? state.visibleRange(count: rowCount, pageSize: visible).map { ($0, row($0)) } : []
        // With more rows than fit, the position ("12/5000") stands at the right of the header:
        // the columns are laid out beside it, so it never covers a column's title. Its width is
        // that of the last row's position, so the columns stay put while the selection moves.
        let markWidth = rowCount > visible ? DisplayWidth.of(" \(rowCount)/\(rowCount)") : 0
        let fitsMark = markWidth > 0 && markWidth * 2 < rect.width
        let widths = layout(ascii ? widenedForASCII(columns, rows: shown.map(\.1)) : columns,
                            width: rect.width - markerWidth - (fitsMark ? markWidth : 0))

        // Header.
        buffer.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), role: .header)
        drawCells(into: &buffer, x: rect.x + markerWidth, y: rect.y, maxX: rect.maxX, widths: widths, columns: columns,
                  spans: columns.map { Span(text: $0.title, role: .header) })

        if fitsMark {
            let mark = " \(state.selected + 1)/\(rowCount)"
            buffer.put(mark, x: rect.maxX - DisplayWidth.of(mark), y: rect.y, role: .header)
        }

        guard rowCount > 0 else {
            let lines = TextWrap.wrap(emptyText, width: rect.width - markerWidth)
            for (i, line) in lines.prefix(visible).enumerated() {
                buffer.put(line, x: rect.x + markerWidth, y: rect.y + 1 + i, width: rect.width - markerWidth, role: .dim)
            }
            return
        }

        for (index, spans) in shown {
            let y = rect.y + 1 + index - state.offset
            let isSelected = index == state.selected
            if isSelected {
                buffer.put(ascii ? ">" : "›", x: rect.x, y: y, width: markerWidth, role: focused ? .selection : .dim)
            }
            drawCells(into: &buffer, x: rect.x + markerWidth, y: y, maxX: rect.maxX, widths: widths, columns: columns,
                      spans: spans)
            if isSelected && focused {
                let width = highlight == .row ? rect.width : min(rect.width, markerWidth + (widths.first ?? 0))
                buffer.paint(Rect(x: rect.x, y: y, width: width, height: 1), role: .selection)
            }
        }
    }

    /// In ASCII mode a fixed column grows so that the cells on screen that fit it in Unicode
    /// fit in their long ASCII form too ("€ 6.500,00" is 10 columns, "EUR 6.500,00" 12); the
    /// flexible columns give way. Amount columns are fixed: this is what keeps their "EUR".
    /// A cell too long for its column anyway is cut as always and widens nothing.
    static func widenedForASCII(_ columns: [TableColumn], rows: [[Span]]) -> [TableColumn] {
        columns.enumerated().map { i, column in
            guard case .fixed(let width) = column.width else { return column }
            var needed = width
            for text in [column.title] + rows.compactMap({ i < $0.count ? $0[i].text : nil }) where DisplayWidth.of(text) <= width {
                needed = max(needed, DisplayWidth.of(ASCIIFallback.long(text)))
            }
            var wider = column
            wider.width = .fixed(max(width, needed))
            return wider
        }
    }

    /// One line of cells: each span cut (with "…") to its column's width and aligned;
    /// spans beyond the columns are ignored, missing ones are empty. Padding stays in the
    /// normal role, so only the text carries the span's meaning.
    private static func drawCells(
        into buffer: inout ScreenBuffer, x: Int, y: Int, maxX: Int, widths: [Int], columns: [TableColumn], spans: [Span]
    ) {
        var column = x
        for (i, w) in widths.enumerated() where w > 0 {
            let span = i < spans.count ? spans[i] : Span(text: "")
            var source = span.text
            if buffer.ascii {
                // "EUR 6.500,00" where the column has room, else "E 6.500,00": never cut.
                let long = ASCIIFallback.long(source)
                source = DisplayWidth.of(long) <= w ? long : ASCIIFallback.short(source)
            }
            let text = DisplayWidth.truncate(source, to: w, ascii: buffer.ascii)
            let pad = columns[i].alignment == .right ? w - DisplayWidth.of(text) : 0
            buffer.put(text, x: column + pad, y: y, width: min(w - pad, maxX - column - pad), role: span.role)
            column += w + 1
        }
    }
}
