/// A row of tabs: ` 1 Overzicht │[2 Financiën]│ 3 Gesprekken `. The active tab is in
/// `.tabActive` and between brackets, so it is found without colour too. Titles carry
/// their own key ("1 Overzicht"): the bar shows what the user types.
public enum TabBar {
    /// Draws `titles` on the first row of `rect` with tab `active` marked. When the tabs do
    /// not fit, every title is shortened to the same largest width that fits (with "…"),
    /// so the numbers at their start stay readable as long as possible.
    public static func render(into buffer: inout ScreenBuffer, rect: Rect, titles: [String], active: Int) {
        guard !rect.isEmpty else { return }
        let line = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        buffer.fill(line)
        guard !titles.isEmpty else { return }
        let shown = fitted(titles, width: rect.width, ascii: buffer.ascii)
        let separator = buffer.ascii ? "|" : "│"
        var x = rect.x
        for (i, title) in shown.enumerated() {
            if i > 0 {
                x += buffer.put(separator, x: x, y: rect.y, width: rect.maxX - x, role: .border)
            }
            if x >= rect.maxX { break }
            let isActive = i == active
            let text = isActive ? "[" + title + "]" : " " + title + " "
            x += buffer.put(text, x: x, y: rect.y, width: rect.maxX - x, role: isActive ? .tabActive : .tabInactive)
        }
    }

    /// Columns the tabs take with titles cut to at most `cap` columns.
    static func totalWidth(_ titles: [String], cap: Int) -> Int {
        titles.reduce(0) { $0 + min(DisplayWidth.of($1), cap) + 2 } + max(0, titles.count - 1)
    }

    /// The titles as shown in `width` columns: whole when they fit, else each cut to the
    /// largest common width that fits (at least one column; below that the bar clips).
    static func fitted(_ titles: [String], width: Int, ascii: Bool) -> [String] {
        let longest = titles.map { DisplayWidth.of($0) }.max() ?? 0
        if totalWidth(titles, cap: longest) <= width { return titles }
        var cap = longest
        while cap > 1 && totalWidth(titles, cap: cap) > width { cap -= 1 }
        return titles.map { title in
            // With two columns or more a "…" says the title is cut; with one the first
            // letter (the tab's number) says more than an ellipsis would.
            cap >= 2 ? DisplayWidth.truncate(title, to: cap, ascii: ascii) : String(DisplayWidth.prefix(title, fitting: cap))
        }
    }
}
