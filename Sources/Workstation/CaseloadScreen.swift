import CaseStore
import Casework
import Terminal

/// The caseload: the households of the caseworker (or all), searchable, newest worry first
/// visible at a glance (open signals, overdue agreements, grants waiting).
public struct CaseloadState {
    public enum Scope: Equatable { case mine, all }

    public var scope: Scope = .mine
    public var list = ListState(selected: 0, offset: 0)
    public var search = TextField(text: "", cursor: 0, kind: .text, maxLength: 60)
    public var searching = false
    public var count = 0
    /// The rows read for the visible window: `rows[0]` is row `pageOffset`.
    public var pageOffset = 0
    public var rows: [CaseloadRow] = []
    /// Every household of the scope in list order, with the store's list version it was
    /// read at (read when a search starts or the list is idle; again only when the version
    /// changed). Each keystroke of a search asks the search index for the matches only; their
    /// order and count come from here (see CaseloadQuery).
    var order: [Int64]?
    var orderVersion = -1
    /// The matches of the search as typed in `matchedText`. Typing more only narrows them,
    /// so the next keystroke filters these instead of the whole list.
    var matches: [Int64]?
    var matchedText = ""
    /// The staff's teams (user → team): which rows the user may not open, so the list shows
    /// of those only who and where (see Store.mayView).
    var teams: [String: String]?
    /// The list's order read in a pause, on a thread of its own (a reference: copies of the
    /// state share it), with its version and the scope's caseworker.
    let orderReader = BackgroundRead<(caseworker: String?, version: Int, order: [Int64])>()
    /// The common word beginnings' matches (see SearchCacheKeeper).
    var searchCacheKeeper = SearchCacheKeeper()
    public var searchCache: SearchPrefixCache? { searchCacheKeeper.cache }

    public init() {}

    func filter(_ env: AppEnvironment) -> CaseloadFilter {
        CaseloadFilter(caseworker: scope == .mine ? env.staff.user : nil, search: search.text)
    }

    func row(_ index: Int) -> CaseloadRow? {
        let i = index - pageOffset
        return rows.indices.contains(i) ? rows[i] : nil
    }

    var selectedRow: CaseloadRow? { count == 0 ? nil : row(list.selected) }
}

enum CaseloadAction: Hashable, Sendable {
    case help, search, open, scope, quit, clearSearch
}

enum CaseloadScreen {
    static func actions(_ l: Language) -> ActionTable<CaseloadAction> {
        ActionTable(actions: [
            Action(id: .help, keys: [.function(1), .character("?")], barLabel: l.pick("Help", "Help"),
                   help: l.pick("Deze hulp", "This help")),
            Action(id: .open, keys: [.enter], barLabel: l.pick("Openen", "Open"),
                   help: l.pick("Open het gekozen huishouden", "Open the selected household")),
            Action(id: .search, keys: [.function(3), .character("/")], barLabel: l.pick("Zoeken", "Search"),
                   help: l.pick("Zoek op naam, adres of postcode; de lijst wordt kleiner terwijl u typt",
                                "Search by name, address or postcode; the list narrows as you type")),
            Action(id: .scope, keys: [.function(4), .character("m")], barLabel: l.pick("Mijn/alle", "Mine/all"),
                   help: l.pick("Wissel tussen uw eigen huishoudens en alle huishoudens",
                                "Switch between your own households and all households")),
            Action(id: .clearSearch, keys: [.escape], barLabel: nil,
                   help: l.pick("Wis de zoekopdracht", "Clear the search")),
            Action(id: .quit, keys: [.function(10), .character("q")], barLabel: l.pick("Stoppen", "Quit"),
                   help: l.pick("Sluit Keukentafel af", "Close Keukentafel")),
        ])
    }

    /// Rows of the table on a screen of `size` (header, title, search line, table header,
    /// status line and key bar take the rest).
    static func pageSize(_ size: Size) -> Int { max(1, size.height - 7) }

    /// Reads the count and the visible page again (after a filter change or a move).
    static func reload(_ state: inout CaseloadState, env: AppEnvironment, size: Size, keepSelection: Bool = true) throws {
        let filter = state.filter(env)
        if state.teams == nil || filter.search.isEmpty {
            // Read again on every reload but the keystrokes of a search (a small table): a
            // team change shows at the next look at the list.
            state.teams = Dictionary(try env.store.staff().map { ($0.user, $0.team) }) { first, _ in first }
        }
        if filter.search.isEmpty {
            // Without a search the order in memory gives count and pages, when it is still
            // the list's (Esc after a search); else the indexes do, without reading it.
            state.matches = nil
            if state.order != nil, try env.store.caseloadListVersion() == state.orderVersion {
                state.matches = state.order
                state.matchedText = ""
            }
            state.count = try state.matches?.count ?? env.store.caseloadCount(filter)
        } else {
            // readOrder first: it forgets the matches when the list changed meanwhile.
            let order = try readOrder(&state, env: env)
            let narrowing = state.matches != nil && filter.search.count > state.matchedText.count
                && filter.search.hasPrefix(state.matchedText)
            let within = narrowing ? state.matches! : order
            let matches = try env.store.caseloadMatches(filter, in: within, cache: state.searchCache,
                                                        listVersion: state.orderVersion)
            state.matches = matches
            state.matchedText = filter.search
            state.count = matches.count
        }
        if !keepSelection { state.list = ListState(selected: 0, offset: 0) }
        state.list.clamp(count: state.count, pageSize: pageSize(size))
        state.rows = []  // the filter or the data changed: what was read is stale
        try loadPage(&state, env: env, size: size)
    }

    /// The scope's households in list order (see `CaseloadState.order`): read again only when
    /// the store's list version changed.
    @discardableResult
    static func readOrder(_ state: inout CaseloadState, env: AppEnvironment) throws -> [Int64] {
        if let order = state.order, try env.store.caseloadListVersion() == state.orderVersion { return order }
        let (version, order) = try env.store.caseloadOrderAndVersion(caseworker: state.filter(env).caseworker)
        state.order = order
        state.orderVersion = version
        state.matches = nil  // matched against an older list
        return order
    }

    /// A pause on the caseload: the list's order is read, so the search started after it
    /// does not wait for it; then the search's cache of common word beginnings is built
    /// (again, when the list version changed). Both on threads of their own — at 100,000
    /// households they cost 13 ms and half a second — and taken over here when done. True
    /// when there was something to do.
    static func idle(_ state: inout CaseloadState, env: AppEnvironment) throws -> Bool {
        var worked = false
        if let done = state.orderReader.take() {
            worked = true
            // Not when "/" read it meanwhile: then neither the order nor an error matters.
            if state.order == nil {
                let read = try done.get()
                if read.caseworker == state.filter(env).caseworker {   // else F4 changed the scope meanwhile
                    state.order = read.order
                    state.orderVersion = read.version
                    state.matches = nil
                }
            }
        }
        let store = env.store
        if state.order == nil && !state.orderReader.isBusy {
            let caseworker = state.filter(env).caseworker
            state.orderReader.start {
                let (version, order) = try store.caseloadOrderAndVersion(caseworker: caseworker)
                return (caseworker, version, order)
            }
            worked = true
        }
        if try state.searchCacheKeeper.idle(store, threshold: env.searchCacheThreshold) { worked = true }
        return worked
    }

    /// How long the loop may wait for a key before the next `idle`: 50 ms while the order
    /// is missing (not between two keys typed in a row) or a read of the pause is under way
    /// (to take it over); until the next build may start when one waits; nil when there is
    /// nothing to do (the second's tick still looks whether the list changed).
    static func idleWait(_ state: CaseloadState) -> Double? {
        state.order == nil || state.orderReader.isBusy ? 0.05 : state.searchCacheKeeper.wait
    }

    /// Makes sure the visible rows are read; reads only what the screen shows.
    static func loadPage(_ state: inout CaseloadState, env: AppEnvironment, size: Size) throws {
        let visible = pageSize(size)
        let needed = state.list.offset..<min(state.count, state.list.offset + visible)
        if needed.isEmpty { state.rows = []; state.pageOffset = state.list.offset; return }
        if state.pageOffset <= needed.lowerBound && state.pageOffset + state.rows.count >= needed.upperBound { return }
        state.pageOffset = state.list.offset
        if let matches = state.matches {
            state.rows = try env.store.caseloadRows(Array(matches[needed]), today: env.today)
        } else {
            state.rows = try env.store.caseloadPage(state.filter(env), offset: state.list.offset, limit: visible, today: env.today)
        }
    }

    /// Handles a key; returns the id of a household to open, if any.
    static func handle(_ key: Key, state: inout AppState, env: AppEnvironment) throws -> String? {
        let l = env.l
        if state.caseload.searching {
            switch key {
            case .escape:
                state.caseload.searching = false
                state.caseload.search = TextField(text: "", cursor: 0, kind: .text, maxLength: 60)
                try reload(&state.caseload, env: env, size: state.size, keepSelection: false)
            case .enter, .down, .tab:
                state.caseload.searching = false
            case .function(1):
                state.help = 0
            default:
                if state.caseload.search.handle(key) {
                    try reload(&state.caseload, env: env, size: state.size, keepSelection: false)
                }
            }
            return nil
        }
        if state.caseload.list.handle(key, count: state.caseload.count, pageSize: pageSize(state.size)) {
            try loadPage(&state.caseload, env: env, size: state.size)
            return nil
        }
        switch actions(l).action(for: key) {
        case .help?: state.help = 0
        case .search?:
            state.caseload.searching = true
            // The list's order is made sure of now, so the typed characters after it needn't.
            try readOrder(&state.caseload, env: env)
            state.caseload.matches = nil
        case .open?: return state.caseload.selectedRow?.id
        case .scope?:
            state.caseload.scope = state.caseload.scope == .mine ? .all : .mine
            state.caseload.order = nil  // the other scope's order
            state.caseload.matches = nil
            try reload(&state.caseload, env: env, size: state.size, keepSelection: false)
        case .clearSearch?:
            if !state.caseload.search.text.isEmpty {
                state.caseload.search = TextField(text: "", cursor: 0, kind: .text, maxLength: 60)
                try reload(&state.caseload, env: env, size: state.size, keepSelection: false)
            }
        case .quit?: state.quit = true
        case nil: break
        }
        return nil
    }

    static func render(_ state: AppState, env: AppEnvironment, into buffer: inout ScreenBuffer, body: Rect) {
        let l = env.l
        let caseload = state.caseload
        let (top, tableArea) = body.splitTop(1)
        let title = caseload.scope == .mine
            ? l.pick("Mijn huishoudens", "My households") : l.pick("Alle huishoudens", "All households")
        let countText = "\(caseload.count) " + (caseload.count == 1 ? l.pick("huishouden", "household") : l.pick("huishoudens", "households"))
        var x = top.x + buffer.put(title, x: top.x + 1, y: top.y, role: .title) + 1
        x += buffer.put(" · " + countText, x: x, y: top.y, role: .dim)
        let searchLabel = l.pick("Zoeken: ", "Search: ")
        let fieldWidth = 30
        let labelX = top.maxX - fieldWidth - DisplayWidth.of(searchLabel) - 1
        if labelX > x + 1 && (caseload.searching || !caseload.search.isEmpty) {
            buffer.put(searchLabel, x: labelX, y: top.y, role: caseload.searching ? .keyName : .dim)
            caseload.search.render(into: &buffer, rect: Rect(x: top.maxX - fieldWidth - 1, y: top.y, width: fieldWidth, height: 1),
                                   focused: caseload.searching, error: nil)
        }
        var columns = [
            TableColumn(title: l.pick("Naam", "Name"), width: .flexible(minimum: 16, weight: 8)),
            TableColumn(title: l.pick("Adres", "Address"), width: .flexible(minimum: 12, weight: 3)),
            TableColumn(title: l.pick("Sign", "Sig"), width: .fixed(4), alignment: .right),
            TableColumn(title: l.pick("Laat", "Late"), width: .fixed(4), alignment: .right),
            TableColumn(title: l.pick("Aanvraag", "Requested"), width: .fixed(11), alignment: .right),
            TableColumn(title: l.pick("Contact", "Contact"), width: .fixed(8)),
        ]
        // Whose household it is matters when the list shows everyone's, and there is room.
        let showCaseworker = caseload.scope == .all && body.width >= 100
        if showCaseworker {
            columns.append(TableColumn(title: l.pick("Regisseur", "Caseworker"), width: .flexible(minimum: 10, weight: 2)))
        }
        let empty = caseload.search.isEmpty
            ? l.pick("Geen huishoudens. F4 toont alle huishoudens.", "No households. F4 shows all households.")
            : l.pick("Niets gevonden voor \"\(caseload.search.text)\". Esc wist de zoekopdracht.",
                     "Nothing found for \"\(caseload.search.text)\". Esc clears the search.")
        Table.render(into: &buffer, rect: tableArea.inset(horizontal: 1), columns: columns, state: caseload.list,
                     rowCount: caseload.count, focused: !caseload.searching, emptyText: empty,
                     highlight: .firstColumn) { index in
            guard let row = caseload.row(index) else { return [Span(text: "…", role: .dim)] }
            let teams = caseload.teams ?? [:]
            let mayOpen = Store.mayView(env.actor, myTeam: teams[env.staff.user], caseworker: row.caseworker,
                                        theirTeam: row.caseworker.flatMap { teams[$0] })
            let address = [row.street, [row.postcode, row.city].filter { !$0.isEmpty }.joined(separator: " ")]
                .filter { !$0.isEmpty }.joined(separator: ", ")
            var cells = [
                Span(text: row.adults.isEmpty ? row.name : row.adults, role: .normal),
                Span(text: address, role: .normal),
                Span(text: row.openSignals == 0 ? "" : "\(row.openSignals)", role: row.openSignals == 0 ? .normal : .warning),
                Span(text: row.overdueAgreements == 0 ? "" : "\(row.overdueAgreements)!", role: row.overdueAgreements == 0 ? .normal : .overdue),
                Span(text: row.grantsWaiting == 0 ? "" : row.waitingAmount.dutch, role: .normal),
                Span(text: row.lastContact.map(shortDate) ?? "—", role: row.lastContact == nil ? .dim : .normal),
            ]
            if !mayOpen {
                // Another team's household: who and where (is this family known already?),
                // not how it is doing.
                for i in 2..<5 { cells[i] = Span(text: "", role: .normal) }
                cells[5] = Span(text: l.pick("elders", "other"), role: .dim)
            }
            if showCaseworker { cells.append(Span(text: row.caseworker ?? "—", role: .dim)) }
            return cells
        }
    }

    /// `20-11-26`: the list's date column; the full date is on the household screen.
    static func shortDate(_ d: CalendarDate) -> String { String(d.dutch.prefix(6)) + String(d.dutch.suffix(2)) }

    static func hints(_ state: AppState, env: AppEnvironment) -> [KeyHint] {
        let l = env.l
        if state.caseload.searching {
            return [KeyHint(keys: "F1", label: l.pick("Help", "Help")),
                    KeyHint(keys: "Enter", label: l.pick("Naar de lijst", "To the list")),
                    KeyHint(keys: "Esc", label: l.pick("Zoeken wissen", "Clear search"))]
        }
        var hints = actions(l).keyHints
        if env.staff.role == .teamleader { hints.insert(KeyHint(keys: "F6", label: l.pick("Beoordelen", "Review")), at: hints.count - 1) }
        hints.insert(KeyHint(keys: "F7", label: l.pick("Dashboard", "Dashboard")), at: hints.count - 1)
        if env.store.kind == .demo { hints.insert(KeyHint(keys: "F9", label: l.pick("Andere rol", "Other role")), at: hints.count - 1) }
        return hints
    }
}

extension Rect {
    /// Narrower by `margin` columns on the left and right.
    func inset(horizontal margin: Int) -> Rect { Rect(x: x + margin, y: y, width: width - 2 * margin, height: height) }
}
