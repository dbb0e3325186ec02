/// Word wrap by display width, for messages in dialogs, help texts and notices.
public enum TextWrap {
    /// `text` in lines of at most `width` columns. Lines break at spaces (runs of spaces
    /// become one); a word longer than a line is broken inside, never inside a character.
    /// A line break ("\n", "\r\n") starts a new line, and an empty line stays empty.
    /// No lines at all for a width below 1.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var current = ""
            var currentWidth = 0
            var started = false
            for word in paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
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
