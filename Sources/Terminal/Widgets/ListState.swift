/// Where a list stands: which row is selected and which row is at the top of the view.
/// The list itself lives elsewhere (often only the visible page is loaded), so every
/// method takes the row count and the page size: the rows that fit on screen now.
///
/// The one rule: the selection is always visible, and the view moves as little as it
/// can to keep it so — the eye keeps its place when the list scrolls.
public struct ListState: Equatable, Sendable {
    /// Index of the selected row (0 when the list is empty).
    public var selected: Int
    /// Index of the first visible row.
    public var offset: Int

    public init(selected: Int = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// Moves for ↑ ↓ PgUp PgDn Home End (and `j`/`k`, as in less and vi). Returns true
    /// when the key is a movement key and so consumed, also at the edge of the list where
    /// nothing moves: the caller must not read `j` as anything else.
    public mutating func handle(_ key: Key, count: Int, pageSize: Int) -> Bool {
        let page = max(1, pageSize)
        switch key {
        case .up, .character("k"): select(selected - 1, count: count, pageSize: page)
        case .down, .character("j"): select(selected + 1, count: count, pageSize: page)
        case .pageUp: select(selected - page, count: count, pageSize: page)
        case .pageDown: select(selected + page, count: count, pageSize: page)
        case .home: select(0, count: count, pageSize: page)
        case .end: select(count - 1, count: count, pageSize: page)
        default: return false
        }
        return true
    }

    /// Selects row `index` (clamped to the list) and scrolls just enough to show it.
    public mutating func select(_ index: Int, count: Int, pageSize: Int) {
        selected = index
        clamp(count: count, pageSize: pageSize)
    }

    /// Brings the state back into the list after it changed size (a search narrowed it,
    /// the window grew): the selection inside the rows, visible, and no empty space below
    /// the last row while there are rows above the view.
    public mutating func clamp(count: Int, pageSize: Int) {
        let page = max(1, pageSize)
        guard count > 0 else {
            selected = 0
            offset = 0
            return
        }
        selected = min(max(0, selected), count - 1)
        if selected < offset { offset = selected }
        if selected >= offset + page { offset = selected - page + 1 }
        offset = min(max(0, offset), max(0, count - page))
    }

    /// The rows on screen: the only ones a virtual list needs to load or draw.
    public func visibleRange(count: Int, pageSize: Int) -> Range<Int> {
        let start = min(max(0, offset), max(0, count))
        return start..<min(count, start + max(0, pageSize))
    }
}
