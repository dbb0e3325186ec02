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
        guard let move = Move(key) else { return false }
        select(move.applied(to: selected, count: count, page: max(1, pageSize)), count: count, pageSize: pageSize)
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

/// The keys that move a selection or a view, read in one place: ↑ ↓ (and `k` `j`, as in less
/// and vi), PgUp PgDn, Home End. Every list and scrolled text moves with these and only these.
public enum Move: Equatable, Sendable {
    case up, down, pageUp, pageDown, home, end

    /// The movement `key` means, or nil when it is no movement key.
    public init?(_ key: Key) {
        switch key {
        case .up, .character("k"): self = .up
        case .down, .character("j"): self = .down
        case .pageUp: self = .pageUp
        case .pageDown: self = .pageDown
        case .home: self = .home
        case .end: self = .end
        default: return nil
        }
    }

    /// `index` moved, within `0..<count` (0 for an empty list); a page is `page` rows.
    public func applied(to index: Int, count: Int, page: Int) -> Int {
        let moved: Int = switch self {
        case .up: index - 1
        case .down: index + 1
        case .pageUp: index - max(1, page)
        case .pageDown: index + max(1, page)
        case .home: 0
        case .end: count - 1
        }
        return min(max(0, moved), max(0, count - 1))
    }
}
