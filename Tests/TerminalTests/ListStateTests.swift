import Testing
@testable import Terminal

@Suite struct ListStateTests {
    /// Presses `keys` in turn; returns the state and whether every key was handled.
    func press(_ keys: [Key], from list: ListState = ListState(), count: Int, pageSize: Int) -> (ListState, Bool) {
        var list = list
        var all = true
        for key in keys where !list.handle(key, count: count, pageSize: pageSize) { all = false }
        return (list, all)
    }

    @Test func arrowsAndVimKeysMoveOneRow() {
        let (down, handledDown) = press([.down, .character("j")], count: 100, pageSize: 10)
        #expect(handledDown)
        #expect(down == ListState(selected: 2, offset: 0))
        let (up, handledUp) = press([.character("k"), .up], from: down, count: 100, pageSize: 10)
        #expect(handledUp)
        #expect(up == ListState(selected: 0, offset: 0))
    }

    @Test func movementAtTheEdgeIsConsumedAndStaysPut() {
        let (list, handled) = press([.up, .pageUp], count: 5, pageSize: 10)
        #expect(handled)
        #expect(list == ListState(selected: 0, offset: 0))
    }

    @Test func otherKeysAreNotHandled() {
        let start = ListState(selected: 3, offset: 1)
        for key in [Key.character("x"), .enter, .escape, .tab, .function(1)] {
            let (list, handled) = press([key], from: start, count: 10, pageSize: 5)
            #expect(!handled)
            #expect(list == start)
        }
    }

    @Test func pageKeysMoveAPageAndScrollMinimally() {
        var list = ListState(selected: 3, offset: 0)
        _ = list.handle(.pageDown, count: 100, pageSize: 10)
        #expect(list == ListState(selected: 13, offset: 4))
        _ = list.handle(.pageDown, count: 100, pageSize: 10)
        #expect(list == ListState(selected: 23, offset: 14))
        _ = list.handle(.pageUp, count: 100, pageSize: 10)
        #expect(list == ListState(selected: 13, offset: 13))
        _ = list.handle(.pageDown, count: 15, pageSize: 10)
        #expect(list == ListState(selected: 14, offset: 5))
    }

    @Test func homeAndEnd() {
        var list = ListState(selected: 40, offset: 35)
        _ = list.handle(.end, count: 100, pageSize: 10)
        #expect(list == ListState(selected: 99, offset: 90))
        _ = list.handle(.home, count: 100, pageSize: 10)
        #expect(list == ListState(selected: 0, offset: 0))
    }

    @Test func anEmptyListStaysAtZero() {
        let (list, handled) = press([.down, .end, .pageDown], from: ListState(selected: 7, offset: 3), count: 0, pageSize: 10)
        #expect(handled)
        #expect(list == ListState(selected: 0, offset: 0))
        #expect(list.visibleRange(count: 0, pageSize: 10).isEmpty)
    }

    @Test func selectScrollsJustEnoughToShowTheRow() {
        var list = ListState(selected: 5, offset: 0)
        list.select(12, count: 100, pageSize: 10)
        #expect(list == ListState(selected: 12, offset: 3))
        list.select(8, count: 100, pageSize: 10)
        #expect(list == ListState(selected: 8, offset: 3))
        list.select(1, count: 100, pageSize: 10)
        #expect(list == ListState(selected: 1, offset: 1))
        list.select(-5, count: 100, pageSize: 10)
        #expect(list == ListState(selected: 0, offset: 0))
        list.select(500, count: 100, pageSize: 10)
        #expect(list == ListState(selected: 99, offset: 90))
    }

    @Test func clampAfterTheListShrankKeepsTheSelectionVisible() {
        var list = ListState(selected: 50, offset: 45)
        list.clamp(count: 20, pageSize: 10)
        #expect(list == ListState(selected: 19, offset: 10))
    }

    @Test func clampAfterTheWindowGrewFillsTheView() {
        var list = ListState(selected: 95, offset: 90)
        list.clamp(count: 100, pageSize: 20)
        #expect(list == ListState(selected: 95, offset: 80))
        #expect(list.visibleRange(count: 100, pageSize: 20) == 80..<100)
    }

    @Test func theSelectionIsVisibleAfterEveryKey() {
        let keys: [Key] = [.down, .pageDown, .pageDown, .end, .up, .pageUp, .home, .character("j"), .pageDown, .up]
        for count in [0, 1, 7, 10, 11, 250] {
            for pageSize in [1, 3, 10, 30] {
                var list = ListState()
                for key in keys {
                    _ = list.handle(key, count: count, pageSize: pageSize)
                    #expect(list.offset <= list.selected)
                    #expect(list.selected < max(1, list.offset + pageSize))
                    #expect(list.selected < max(1, count))
                    #expect(list.offset <= max(0, count - pageSize))
                }
            }
        }
    }
}
