/// One entry of the key bar: the key as the user presses it and what it does.
public struct KeyHint: Equatable, Sendable {
    public var keys: String
    public var label: String

    public init(keys: String, label: String) {
        self.keys = keys
        self.label = label
    }
}

/// The bottom line of every screen: ` F1 Help  / Zoeken  Enter Open`, keys in `.keyName`,
/// what they do in `.keyHint`. It shows the keys that matter here; help (F1) lists all.
public enum KeyBar {
    /// Columns between two hints.
    static let gap = 2

    /// Draws as many `hints` as fit on the first row of `rect`, in order. The rest is
    /// dropped from the end, but the first hint (help, by convention) always stays — cut
    /// if it must — because it is the way to every other key. Returns the columns each
    /// drawn hint took, in order, so a click can be matched to its key.
    @discardableResult
    public static func render(into buffer: inout ScreenBuffer, rect: Rect, hints: [KeyHint]) -> [Range<Int>] {
        guard !rect.isEmpty else { return [] }
        var drawn: [Range<Int>] = []
        buffer.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1))
        var x = rect.x + 1
        for (i, hint) in hints.enumerated() {
            let start = i == 0 ? x : x + gap
            let needed = DisplayWidth.of(hint.keys) + 1 + DisplayWidth.of(hint.label)
            if i > 0 && start + needed > rect.maxX { break }
            x = start
            x += buffer.put(hint.keys, x: x, y: rect.y, width: rect.maxX - x, role: .keyName)
            if x < rect.maxX {
                x += buffer.put(" " + hint.label, x: x, y: rect.y, width: rect.maxX - x, role: .keyHint)
            }
            drawn.append(start..<x)
        }
        return drawn
    }
}
