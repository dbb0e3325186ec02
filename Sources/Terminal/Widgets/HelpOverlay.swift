/// The help screen over everything else (F1 or ?): sections of keys and what they do, in
/// two aligned columns, scrollable when longer than the screen.
///
///     ┌ Help — caseload ─────────────────────────────┐
///     │ Caseload                                     │
///     │   F1 ?      Deze hulp                        │
///     │   Enter     Open het gekozen huishouden      │
///     │                                              │
///     │ Bewegen                                      │
///     │   ↑ ↓ j k   Regel omhoog / omlaag            │
///     │ Esc sluiten                        1–6/9 ▼   │
///     └──────────────────────────────────────────────┘
///
/// The rows come from the screen's `ActionTable`, so help and key bar never disagree.
public enum HelpOverlay {
    public typealias Row = (keys: String, text: String)
    public typealias Section = (title: String, rows: [Row])

    /// The widest the box gets: lines of help longer than this read badly.
    static let maxWidth = 100

    /// The box: most of `bounds`, a margin of two columns and one row around it.
    public static func frame(in bounds: Rect) -> Rect {
        bounds.centered(width: min(bounds.width - 4, maxWidth), height: bounds.height - 2)
    }

    /// Where the sections are drawn inside `box`: within the border and one column of
    /// padding, above the footer row.
    static func contentRect(_ box: Rect) -> Rect {
        Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 3)
    }

    /// The help as lines of `width` columns: a section title in `.header`, then per row the
    /// keys (in `.keyName`, padded to the widest keys, at most a third of the width) and
    /// the text, wrapped with its continuation lines under the text column. A blank line
    /// between sections.
    public static func lines(_ sections: [Section], width: Int) -> [StyledLine] {
        let indent = 2, gap = 2
        let widestKeys = sections.flatMap(\.rows).map { DisplayWidth.of($0.keys) }.max() ?? 0
        let keysWidth = min(widestKeys, max(1, width / 3))
        let textWidth = max(1, width - indent - keysWidth - gap)
        var out: [StyledLine] = []
        for (s, section) in sections.enumerated() {
            if s > 0 { out.append(StyledLine()) }
            out.append(StyledLine(section.title, role: .header))
            for row in section.rows {
                let wrapped = TextWrap.wrap(row.text, width: textWidth)
                for (i, text) in (wrapped.isEmpty ? [""] : wrapped).enumerated() {
                    let keys = i == 0 ? DisplayWidth.fit(row.keys, to: keysWidth) : String(repeating: " ", count: keysWidth)
                    out.append(StyledLine([
                        Span(text: String(repeating: " ", count: indent), role: .dialog),
                        Span(text: keys, role: i == 0 ? .keyName : .dialog),
                        Span(text: String(repeating: " ", count: gap) + text, role: .dialog),
                    ]))
                }
            }
        }
        return out
    }

    /// The largest useful scroll position in `bounds`: callers clamp with it, so holding ↓
    /// does not wind up a position that ↑ must unwind first.
    public static func maxScroll(bounds: Rect, sections: [Section]) -> Int {
        let content = contentRect(frame(in: bounds))
        return max(0, lines(sections, width: content.width).count - content.height)
    }

    /// Clears the box and draws the help from line `scroll` (clamped), the footer (the
    /// application's words, e.g. how to close it) and, when the help is longer than the box, which lines are shown:
    /// "▲ 7–26/40 ▼", the arrows only where there is more.
    public static func render(
        into buffer: inout ScreenBuffer, bounds: Rect, title: String, sections: [Section],
        scroll: Int, footer: String
    ) {
        let box = frame(in: bounds)
        guard box.width >= 5, box.height >= 4 else { return }
        buffer.fill(box, role: .dialog)
        buffer.box(box, role: .border, title: title, titleRole: .title)
        let content = contentRect(box)
        let all = lines(sections, width: content.width)
        let top = min(max(0, scroll), max(0, all.count - content.height))
        for (i, line) in all.dropFirst(top).prefix(content.height).enumerated() {
            line.render(into: &buffer, at: Point(x: content.x, y: content.y + i), maxWidth: content.width)
        }

        let footerY = box.maxY - 2
        var mark = ""
        if all.count > content.height {
            let last = min(all.count, top + content.height)
            let dash = buffer.ascii ? "-" : "–"
            mark = (top > 0 ? "▲ " : "") + "\(top + 1)\(dash)\(last)/\(all.count)" + (last < all.count ? " ▼" : "")
        }
        let markWidth = DisplayWidth.of(mark)
        let footerWidth = content.width - (markWidth > 0 ? markWidth + 1 : 0)
        buffer.put(DisplayWidth.truncate(footer, to: footerWidth, ascii: buffer.ascii), x: content.x, y: footerY,
                   width: max(0, footerWidth), role: .keyHint)
        if markWidth > 0 && markWidth <= content.width {
            buffer.put(mark, x: content.maxX - markWidth, y: footerY, role: .dim)
        }
    }
}
