/// A question or notice in a box in the middle of the screen:
///
///     ┌ Regel verwijderen ──────────────┐
///     │                                 │
///     │ Huur € 650,00 per maand         │
///     │ verwijderen?                    │
///     │                                 │
///     │     [Enter] Ja   [Esc] Nee      │
///     └─────────────────────────────────┘
///
/// Buttons are keys, not things to click: each shows the key that answers, so the dialog
/// is read and answered without a mouse and without colour.
public struct Dialog: Equatable, Sendable {
    public var title: String
    public var message: String
    /// The answers, e.g. `KeyHint(keys: "Enter", label: "Ja")`, shown as `[Enter] Ja`.
    public var buttons: [KeyHint]
    /// The widest the box gets, border included: long messages wrap rather than span a
    /// wide screen, which reads badly.
    public var maxWidth: Int

    public init(title: String, message: String, buttons: [KeyHint], maxWidth: Int = 60) {
        self.title = title
        self.message = message
        self.buttons = buttons
        self.maxWidth = maxWidth
    }

    /// Columns between the border and the text, on each side.
    static let padding = 1
    /// Columns between two buttons.
    static let buttonGap = 3

    /// The button line as spans: `[Enter]` in `.keyName`, ` Ja` in `.dialog`.
    var buttonLine: StyledLine {
        var spans: [Span] = []
        for (i, button) in buttons.enumerated() {
            if i > 0 { spans.append(Span(text: String(repeating: " ", count: Self.buttonGap), role: .dialog)) }
            spans.append(Span(text: "[" + button.keys + "]", role: .keyName))
            spans.append(Span(text: " " + button.label, role: .dialog))
        }
        return StyledLine(spans)
    }

    /// Where the box stands in `bounds`: as narrow as its content allows (but room for
    /// the title), at most `maxWidth`, centred; as high as its wrapped message, at most
    /// `bounds`.
    public func frame(in bounds: Rect) -> Rect {
        let chrome = 2 + 2 * Self.padding
        let outerMax = max(0, min(maxWidth, bounds.width))
        let longestLine = message.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { DisplayWidth.of($0) }.max() ?? 0
        let content = max(longestLine, buttonLine.width, DisplayWidth.of(title) + 4, 20)
        let width = min(outerMax, content + chrome)
        let lines = TextWrap.wrap(message, width: max(1, width - chrome))
        return bounds.centered(width: width, height: lines.count + 5)
    }

    /// Clears the dialog's area and draws it: border with title, message, buttons.
    public func render(into buffer: inout ScreenBuffer, bounds: Rect) {
        let box = frame(in: bounds)
        guard box.width >= 3, box.height >= 3 else { return }
        buffer.fill(box, role: .dialog)
        buffer.box(box, role: .border, title: title, titleRole: .title)
        let inner = Rect(x: box.x + 1 + Self.padding, y: box.y + 1,
                         width: box.width - 2 - 2 * Self.padding, height: box.height - 2)
        guard inner.width > 0 else { return }
        // Rows: blank, message…, blank, buttons. A message too long for the screen is cut
        // with "…" on its last visible line; the buttons always stay.
        var lines = TextWrap.wrap(message, width: inner.width)
        let room = max(0, inner.height - 3)
        if lines.count > room {
            lines = Array(lines.prefix(room))
            if let last = lines.indices.last {
                lines[last] = DisplayWidth.truncate(lines[last] + " …", to: inner.width, ascii: buffer.ascii)
            }
        }
        for (i, line) in lines.enumerated() {
            buffer.put(line, x: inner.x, y: inner.y + 1 + i, width: inner.width, role: .dialog)
        }
        let buttons = buttonLine
        if inner.height >= 1 {
            let x = inner.x + max(0, (inner.width - buttons.width) / 2)
            buttons.render(into: &buffer, at: Point(x: x, y: inner.maxY - 1), maxWidth: inner.maxX - x)
        }
    }
}
