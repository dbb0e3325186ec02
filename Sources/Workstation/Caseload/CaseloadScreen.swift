import CaseStore
import Casework
import Terminal

/// The caseload: the households of the caseworker (or all, or the closed ones), searchable,
/// newest worry first visible at a glance (open signals, overdue agreements and plan
/// actions, grants waiting).
public struct CaseloadState {
    /// F4 goes round them: mine, all open ones, the closed ones.
    public enum Scope: Equatable {
        case mine, all, closed
        var next: Scope { self == .mine ? .all : self == .all ? .closed : .mine }
    }

    public var scope: Scope = .mine
    public var list = ListState(selected: 0, offset: 0)
    public var search = CaseloadState.emptySearch
    public var searching = false
    public var count = 0
    /// The rows read for the visible window: `rows[0]` is row `pageOffset`.
    public var pageOffset = 0
    public var rows: [CaseloadRow] = []
    /// Every household of the scope in list order, with the store's list version it was
    /// read at (read when a search starts or the list is idle; again only when the version
    /// changed). Each keystroke of a search asks the search index for the matches only; their
    /// order and count come from here (see CaseloadQuery).
    var order: CaseloadMatches?
    var orderVersion = -1
    /// The matches of the search as typed in `matchedText` (or the whole order, after Esc).
    /// Typing more only narrows them, so the next keystroke filters these instead of the
    /// whole list.
    var matches: CaseloadMatches?
    var matchedText = ""
    /// The staff's teams (user → team): which rows the user may not open, so the list shows
    /// of those only who and where (see Store.mayView).
    var teams: [String: String]?
    /// The list's order read in a pause, on a thread of its own (a reference: copies of the
    /// state share it), with its version and the scope's caseworker.
    let orderReader = BackgroundRead<(caseworker: String?, closed: Bool, version: Int, order: CaseloadMatches)>()
    /// The search's common word beginnings, kept in the store (see SearchBeginningsKeeper).
    var searchBeginningsKeeper = SearchBeginningsKeeper()
    /// The household under the cursor, read ahead in a pause (see HouseholdReadAhead).
    var readAhead = HouseholdReadAhead()
    /// What this caseload's last making of them did (nil when it made none).
    public var searchBeginningsBuild: SearchBeginnings.Build? { searchBeginningsKeeper.lastBuild }

    public init() {}

    func filter(_ ctx: ScreenContext) -> CaseloadFilter {
        CaseloadFilter(caseworker: scope == .mine ? ctx.staff.user : nil, search: search.text, closed: scope == .closed)
    }

    func row(_ index: Int) -> CaseloadRow? {
        let i = index - pageOffset
        return rows.indices.contains(i) ? rows[i] : nil
    }

    var selectedRow: CaseloadRow? { count == 0 ? nil : row(list.selected) }

    /// Whether the user may open the row's household (else the list shows only who and where).
    func mayOpen(_ row: CaseloadRow, _ ctx: ScreenContext) -> Bool {
        Store.mayView(ctx.actor, myTeam: teams?[ctx.staff.user], caseworker: row.caseworker, householdTeam: row.team)
    }

    /// The row Enter would open, while the list has the keys (not while a search is typed:
    /// then the row under the cursor changes with every letter).
    var restingRow: CaseloadRow? { searching ? nil : selectedRow }
}

extension CaseloadState: ReadingScreen {
    static var actions: [ScreenAction<CaseloadState>] {
        [
            ScreenAction(.help),
            ScreenAction(.open, help: { $0.pick("Open het gekozen huishouden", "Open the selected household") },
                         when: { s, _ in !s.searching }),
            ScreenAction(.newHousehold, when: { s, ctx in !s.searching && !ctx.readOnly },
                         whyNot: { s, ctx in s.searching ? nil : StoreError.readOnly(path: ctx.storePath).message(in: ctx.l) }),
            ScreenAction(.search, when: { s, _ in !s.searching }),
            ScreenAction(.scope, label: { $0.pick("Mijn/alle/gesloten", "Mine/all/closed") },
                         help: { $0.pick("Wissel: uw eigen huishoudens, alle open huishoudens, de gesloten huishoudens",
                                         "Switch: your own households, all open households, the closed households") },
                         when: { s, _ in !s.searching }),
            ScreenAction(.review, when: { s, ctx in !s.searching && ctx.staff.role == .teamleader },
                         whyNot: { s, ctx in s.searching ? nil : ctx.l.pick("De beoordelingslijst is voor teamleiders.", "The review queue is for team leaders.") }),
            ScreenAction(.dashboard, when: { s, _ in !s.searching }),
            ScreenAction(.otherRole, when: { s, ctx in !s.searching && ctx.storeKind == .demo }),
            // While searching: Enter (or ↓) goes to the list, Esc clears the search.
            ScreenAction(.confirm, label: { $0.pick("Naar de lijst", "To the list") },
                         help: { $0.pick("Klaar met zoeken: naar de lijst", "Done searching: to the list") }, when: { s, _ in s.searching }),
            // q leaves the program from here (before Esc's table entry, which shares it).
            ScreenAction(.quit, when: { s, _ in !s.searching }),
            // After quit: on a narrow key bar F10 stays (the way out); F1 lists F12 always.
            ScreenAction(.signals, when: { s, _ in !s.searching }),
            ScreenAction(.back, label: { $0.pick("Zoeken wissen", "Clear search") },
                         help: { $0.pick("Wis de zoekopdracht", "Clear the search") }, when: { s, _ in s.searching || !s.search.isEmpty }),
        ]
    }

    func title(_ l: Language) -> String { l.pick("Caseload", "Caseload") }
    var isTyping: Bool { searching }

    /// Rows of the table on a screen of `size`: the program's header, the title line, the
    /// table's header, the status line and the key bar take five; every other row shows a
    /// household (`Table.visibleRows` of the table's rect, as `render` lays it out).
    static func pageSize(_ size: Size) -> Int { max(1, size.height - 5) }

    /// Reads the count and the visible page again (after a filter change or a move).
    mutating func reload(_ ctx: ScreenContext, keepSelection: Bool = true) throws {
        let filter = self.filter(ctx)
        if teams == nil || filter.search.isEmpty {
            // Read again on every reload but the keystrokes of a search (a small table): a
            // team change shows at the next look at the list.
            teams = Dictionary(try ctx.reads.staff().map { ($0.user, $0.team) }) { first, _ in first }
        }
        if filter.search.isEmpty {
            // Without a search the order in memory gives count and pages, when it is still
            // the list's (Esc after a search); else the indexes do, without reading it.
            matches = nil
            if order != nil, try ctx.reads.caseloadListVersion() == orderVersion {
                matches = order
                matchedText = ""
            }
            count = try matches?.count ?? ctx.reads.caseloadCount(filter)
        } else {
            // readOrder first: it forgets the matches when the list changed meanwhile.
            let order = try readOrder(ctx)
            let narrowing = matches != nil && filter.search.count > matchedText.count && filter.search.hasPrefix(matchedText)
            let within = narrowing ? matches! : order
            let found = try ctx.reads.caseloadMatches(filter, in: within)
            matches = found
            matchedText = filter.search
            count = found.count
        }
        if !keepSelection { list = ListState(selected: 0, offset: 0) }
        list.clamp(count: count, pageSize: Self.pageSize(ctx.size))
        rows = []  // the filter or the data changed: what was read is stale
        try loadPage(ctx)
    }

    /// The scope's households in list order (see `order`): read again only when the
    /// store's list version changed.
    @discardableResult
    mutating func readOrder(_ ctx: ScreenContext) throws -> CaseloadMatches {
        if let order, try ctx.reads.caseloadListVersion() == orderVersion { return order }
        // The pause is reading this order already (`/` straight after F4): its read is waited
        // for, not made a second time beside it. At a million households that read is a
        // quarter second, and two of them at once took both cores while the first keys of
        // the search were typed.
        if order == nil, orderReader.isBusy, case .success(let read)? = orderReader.waitAndTake(),
           read.caseworker == filter(ctx).caseworker, read.closed == (scope == .closed),
           try ctx.reads.caseloadListVersion() == read.version {
            order = read.order
            orderVersion = read.version
            matches = nil
            return read.order
        }
        let (version, fresh) = try ctx.reads.caseloadOrderAndVersion(caseworker: filter(ctx).caseworker, closed: scope == .closed)
        order = fresh
        orderVersion = version
        matches = nil  // matched against an older list
        return fresh
    }

    /// A pause on the caseload: the list's order is read, so the search started after it
    /// does not wait for it; and the store's bitmaps of common word beginnings are made
    /// when it has none or many changes wait (SearchBeginningsKeeper). Both on threads of
    /// their own — at 100,000 households they cost 13 ms and about a second — and taken over
    /// here when done. True when there was something to do.
    mutating func idle(_ ctx: ScreenContext) throws -> Bool {
        var worked = false
        if let done = orderReader.take() {
            worked = true
            // Not when "/" read it meanwhile: then neither the order nor an error matters.
            if order == nil {
                let read = try done.get()
                if read.caseworker == filter(ctx).caseworker && read.closed == (scope == .closed) {   // else F4 changed the scope meanwhile
                    order = read.order
                    orderVersion = read.version
                    matches = nil
                }
            }
        }
        let reads = ctx.reads
        if order == nil && !orderReader.isBusy {
            let caseworker = filter(ctx).caseworker, closed = scope == .closed
            orderReader.start {
                let (version, order) = try reads.caseloadOrderAndVersion(caseworker: caseworker, closed: closed)
                return (caseworker, closed, version, order)
            }
            worked = true
        }
        if try searchBeginningsKeeper.idle(reads, threshold: ctx.searchBeginningThreshold) { worked = true }
        let resting = restingRow
        if readAhead.idle(reads, selected: resting?.id, mayOpen: resting.map { mayOpen($0, ctx) } ?? false) { worked = true }
        return worked
    }

    /// How long the loop may wait for a key before the next `idle`: 50 ms while the order
    /// is missing (not between two keys typed in a row) or a read of the pause is under way
    /// (to take it over); until the next build may start when one waits; 20 ms for the
    /// read-ahead of the household under the cursor; nil when there is nothing to do (the
    /// second's tick still looks whether the list changed).
    var idleWait: Double? {
        [order == nil || orderReader.isBusy ? 0.05 : searchBeginningsKeeper.wait,
         readAhead.wait(selected: restingRow?.id)].compactMap { $0 }.min()
    }

    /// Makes sure the visible rows are read; reads only what the screen shows.
    mutating func loadPage(_ ctx: ScreenContext) throws {
        let visible = Self.pageSize(ctx.size)
        let needed = list.offset..<min(count, list.offset + visible)
        if needed.isEmpty { rows = []; pageOffset = list.offset; return }
        if pageOffset <= needed.lowerBound && pageOffset + rows.count >= needed.upperBound { return }
        pageOffset = list.offset
        if var matches {
            let rowids = matches.rowids(needed)
            self.matches = matches   // where its walk ended: the next page starts there
            rows = try ctx.reads.caseloadRows(rowids, today: ctx.today)
        } else {
            rows = try ctx.reads.caseloadPage(filter(ctx), offset: list.offset, limit: visible, today: ctx.today)
        }
    }

    mutating func handleReading(_ command: Command?, key: Key, _ ctx: ScreenContext) throws -> [Effect] {
        if searching {
            switch command {
            case .help?: return [.help]
            case .back?:
                searching = false
                search = Self.emptySearch
                try reload(ctx, keepSelection: false)
            case .confirm?: searching = false
            default:
                if key == .down || key == .tab { searching = false }
                else if search.handle(key) { try reload(ctx, keepSelection: false) }
            }
            return []
        }
        if command == nil, list.handle(key, count: count, pageSize: Self.pageSize(ctx.size)) {
            try loadPage(ctx)
            return []
        }
        switch command {
        case .help?: return [.help]
        case .search?:
            searching = true
            // The list's order is made sure of now, so the typed characters after it needn't.
            try readOrder(ctx)
            matches = nil
        case .open?: if let id = selectedRow?.id { return [.go(.household(id))] }
        case .scope?:
            scope = scope.next
            order = nil  // the other scope's order
            matches = nil
            try reload(ctx, keepSelection: false)
        case .back?:
            search = Self.emptySearch
            try reload(ctx, keepSelection: false)
        case .newHousehold?: return [.go(.intake)]
        case .review?: return [.go(.review)]
        case .signals?: return [.go(.signals)]
        case .dashboard?: return [.go(.dashboard)]
        case .otherRole?: return [.switchDemoRole]
        case .quit?: return [.quit]
        default: break
        }
        return []
    }

    static let emptySearch = TextField(text: "", cursor: 0, kind: .text, maxLength: 60)

    func render(into buffer: inout ScreenBuffer, area body: Rect, _ ctx: ScreenContext) {
        let l = ctx.l
        let caseload = self
        let (top, tableArea) = body.splitTop(1)
        let title = switch caseload.scope {
        case .mine: l.pick("Mijn huishoudens", "My households")
        case .all: l.pick("Alle huishoudens", "All households")
        case .closed: l.pick("Gesloten huishoudens", "Closed households")
        }
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
        let showCaseworker = caseload.scope != .mine && body.width >= 100
        if showCaseworker {
            columns.append(TableColumn(title: l.pick("Regisseur", "Caseworker"), width: .flexible(minimum: 10, weight: 2)))
        }
        let empty = !caseload.search.isEmpty
            ? l.pick("Niets gevonden voor \"\(caseload.search.text)\". Esc wist de zoekopdracht.",
                     "Nothing found for \"\(caseload.search.text)\". Esc clears the search.")
            : caseload.scope == .closed ? l.pick("Geen gesloten huishoudens. F4 toont uw eigen.", "No closed households. F4 shows your own.")
            : l.pick("Geen huishoudens. n neemt een nieuw huishouden in; F4 toont alle huishoudens.",
                     "No households. n takes in a new household; F4 shows all households.")
        // The address column's width, so an address gives up its city, then its postcode,
        // before a number is cut.
        let addressWidth = Table.layout(columns, width: tableArea.width - 2)[1]
        Table.render(into: &buffer, rect: tableArea.inset(horizontal: 1), columns: columns, state: caseload.list,
                     rowCount: caseload.count, focused: !caseload.searching, emptyText: empty,
                     highlight: .firstColumn) { index in
            guard let row = caseload.row(index) else { return [Span(text: "…", role: .dim)] }
            let mayOpen = caseload.mayOpen(row, ctx)
            let address = Self.address(street: row.street, postcode: row.postcode, city: row.city, width: addressWidth)
            var cells = [
                Span(text: row.adults.isEmpty ? row.name : row.adults, role: .normal),
                Span(text: address, role: .normal),
                Span(text: row.openSignals == 0 ? "" : "\(row.openSignals)", role: row.openSignals == 0 ? .normal : .warning),
                Span(text: row.overdueAgreements == 0 ? "" : "\(row.overdueAgreements)!", role: row.overdueAgreements == 0 ? .normal : .overdue),
                Span(text: row.grantsWaiting == 0 ? "" : row.waitingAmount.dutch, role: .normal),
                Span(text: row.lastContact.map(Self.shortDate) ?? "—", role: row.lastContact == nil ? .dim : .normal),
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

    /// The address as much as fits whole: street, postcode and city; street and postcode;
    /// the street. Only a street longer than the column is cut (with "…"); without a street,
    /// the postcode and city.
    static func address(street: String, postcode: String, city: String, width: Int) -> String {
        let place = [postcode, city].filter { !$0.isEmpty }.joined(separator: " ")
        let candidates = [[street, place], [street, postcode], [street]].map { $0.filter { !$0.isEmpty }.joined(separator: ", ") }
        return candidates.first { !$0.isEmpty && DisplayWidth.of($0) <= width } ?? (street.isEmpty ? place : street)
    }

    /// `20-11-26`: the list's date column; the full date is on the household screen.
    static func shortDate(_ d: CalendarDate) -> String { String(d.dutch.prefix(6)) + String(d.dutch.suffix(2)) }
}

extension Rect {
    /// Narrower by `margin` columns on the left and right.
    func inset(horizontal margin: Int) -> Rect { Rect(x: x + margin, y: y, width: width - 2 * margin, height: height) }
}
