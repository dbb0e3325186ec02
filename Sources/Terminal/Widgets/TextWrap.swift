/// Word wrap by display width, for messages in dialogs, help texts and notices.
public enum TextWrap {
    /// `text` in lines of at most `width` columns. Lines break at spaces (runs of spaces
    /// become one), but a currency sign stays with its amount (`€ 1.234,56` moves whole); a
    /// word longer than a line is broken inside, never inside a character. A line break
    /// ("\n", "\r\n") starts a new line, and an empty line stays empty. No lines at all
    /// for a width below 1.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var current = ""
            var currentWidth = 0
            var started = false
            var units: [Substring] = []
            for word in paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                // "€", "-€", "(€": the amount that follows goes with it, if the two fit a line.
                if let last = units.last, last.hasSuffix("€"), DisplayWidth.of(last) + 1 + DisplayWidth.of(word) <= width {
                    units[units.count - 1] = Substring(last + " " + word)
                } else {
                    units.append(word)
                }
            }
            for word in units {
                let w = DisplayWidth.of(word)
                if started && currentWidth + 1 + w <= width {
                    current += " " + word
                    currentWidth += 1 + w
                    continue
                }
                if started { lines.append(current) }
                // The word starts a new line; a long one fills whole lines first.
                var rest = Substring(word)
                while DisplayWidth.of(rest) > width {
                    var head = DisplayWidth.prefix(rest, fitting: width)
                    // A wide character in a one-column line: take it anyway, or loop for ever.
                    if head.isEmpty { head = rest.prefix(1) }
                    lines.append(String(head))
                    rest = rest.dropFirst(head.count)
                }
                current = String(rest)
                currentWidth = DisplayWidth.of(rest)
                started = true
            }
            lines.append(current)
        }
        return lines
    }
}

extension StyledLine {
    /// The line in lines of at most `width` columns, each word keeping its role; lines after
    /// the first start with `indent` spaces. Breaks at spaces only; a currency sign stays with
    /// its amount (`€ 2.640,00` is never split), and a word longer than a line is broken
    /// inside, never inside a character. So a line of figures is never cut: it wraps.
    public func wrapped(width: Int, indent: Int = 0) -> [StyledLine] {
        guard width > 0 else { return [] }
        let hang = min(max(0, indent), width - 1)
        // Words with their roles; the spaces before a word are kept as its gap.
        var words: [(gap: Int, spans: [Span])] = []
        var gap = 0
        var glue = false   // the last word was a currency sign: the next joins it
        for span in spans {
            var word = ""
            func flush() {
                guard !word.isEmpty else { return }
                if glue, var last = words.popLast() {
                    last.spans.append(Span(text: String(repeating: " ", count: gap) + word, role: span.role))
                    words.append(last)
                } else if !words.isEmpty, gap == 0, var last = words.popLast() {
                    last.spans.append(Span(text: word, role: span.role))   // a word that runs on in the next span
                    words.append(last)
                } else {
                    words.append((gap, [Span(text: word, role: span.role)]))
                }
                glue = word.hasSuffix("€")   // "€", "-€", "(€": the amount follows
                word = ""; gap = 0
            }
            for character in span.text {
                if character == " " { flush(); gap += 1 } else { word.append(character) }
            }
            flush()
        }
        var lines: [StyledLine] = []
        var current: [Span] = []
        var used = 0
        for (i, word) in words.enumerated() {
            let w = word.spans.reduce(0) { $0 + $1.width }
            let space = i == 0 ? word.gap : max(1, word.gap)
            if !current.isEmpty && used + space + w > width {
                lines.append(StyledLine(current))
                current = [Span(text: String(repeating: " ", count: hang))]
                used = hang
            } else if !current.isEmpty || space > 0 {
                current.append(Span(text: String(repeating: " ", count: space)))
                used += space
            }
            // A word longer than the room left on a fresh line is broken inside.
            var rest = word.spans
            while rest.reduce(0, { $0 + $1.width }) > width - used, width - used > 0 {
                let head = StyledLine(rest).prefixWithoutRecord(width: width - used)
                current += head.spans
                lines.append(StyledLine(current))
                rest = StyledLine(rest).dropFirst(columns: head.width).spans
                current = [Span(text: String(repeating: " ", count: hang))]
                used = hang
                if head.width == 0 { break }
            }
            current += rest
            used += rest.reduce(0) { $0 + $1.width }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(StyledLine(current)) }
        return lines
    }

    /// `prefix(width:)` for wrapping: what does not fit goes on the next line, so it is not cut.
    func prefixWithoutRecord(width: Int) -> StyledLine {
        var left = max(0, width)
        var out: [Span] = []
        for span in spans {
            if left == 0 { break }
            if span.width <= left { out.append(span); left -= span.width } else {
                out.append(Span(text: String(DisplayWidth.prefix(span.text, fitting: left)), role: span.role)); left = 0
            }
        }
        return StyledLine(out)
    }

    /// The line without its first `columns` columns.
    func dropFirst(columns: Int) -> StyledLine {
        var skip = columns
        var out: [Span] = []
        for span in spans {
            if skip <= 0 { out.append(span); continue }
            if span.width <= skip { skip -= span.width; continue }
            let head = DisplayWidth.prefix(span.text, fitting: skip)
            out.append(Span(text: String(span.text.dropFirst(head.count)), role: span.role))
            skip = 0
        }
        return StyledLine(out)
    }
}
