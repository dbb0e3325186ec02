import CaseStore
import Casework
import Terminal

/// One household, opened from the caseload. Tab 1 is the overview; the other tabs appear
/// as their screens are built.
public struct HouseholdState {
    public let id: String
    public var file: CaseFile
    public var tab = 0
    public var scroll = 0
    /// Tab 2, read when it is first opened.
    var ledger: LedgerState?
    /// Tab 3, read when it is first opened.
    var conversations: ConversationsState?
    /// Tab 4, read when it is first opened.
    var grants: GrantsState?
    /// A conversation typed earlier and not saved (after a crash or a kill), offered back.
    var draftOffer: ConversationDraft?

    public init(id: String, file: CaseFile) { self.id = id; self.file = file }
}

enum HouseholdAction: Hashable, Sendable {
    case help, back, tab(Int)
}

enum HouseholdScreen {
    static func tabTitles(_ l: Language) -> [String] {
        [l.pick("1 Overzicht", "1 Overview"), l.pick("2 Financiën", "2 Finances"), l.pick("3 Gesprekken", "3 Conversations"), l.pick("4 Besluiten", "4 Decisions")]
    }

    static func actions(_ l: Language) -> ActionTable<HouseholdAction> {
        ActionTable(actions: [
            Action(id: .help, keys: [.function(1), .character("?")], barLabel: l.pick("Help", "Help"),
                   help: l.pick("Deze hulp", "This help")),
            Action(id: .back, keys: [.escape, .character("q")], barLabel: l.pick("Terug", "Back"),
                   help: l.pick("Terug naar de caseload", "Back to the caseload")),
            Action(id: .tab(0), keys: [.function(2), .character("1")], barLabel: l.pick("Overzicht", "Overview"),
                   help: l.pick("Tab Overzicht", "Overview tab")),
            Action(id: .tab(1), keys: [.function(3), .character("2")], barLabel: l.pick("Financiën", "Finances"),
                   help: l.pick("Tab Financiën: inkomsten, uitgaven, schulden, inhoudingen", "Finances tab: income, expenses, debts, deductions")),
            Action(id: .tab(2), keys: [.function(4), .character("3")], barLabel: l.pick("Gesprekken", "Conversations"),
                   help: l.pick("Tab Gesprekken: de keukentafelgesprekken", "Conversations tab: the kitchen-table conversations")),
            Action(id: .tab(3), keys: [.function(5), .character("4")], barLabel: l.pick("Besluiten", "Decisions"),
                   help: l.pick("Tab Besluiten: aanvragen bijzondere bijstand", "Decisions tab: grant requests")),
        ])
    }

    /// Opens a household: the view is recorded in the audit trail before anything is shown.
    static func open(_ id: String, env: AppEnvironment) throws -> HouseholdState {
        let file = try env.store.viewCaseFile(id, by: env.actor, action: "household.view")
        var household = HouseholdState(id: id, file: file)
        household.draftOffer = try env.store.draft(household: id, user: env.staff.user)
        return household
    }

    static func bodyHeight(_ size: Size) -> Int { max(1, size.height - 5) }

    static func handle(_ key: Key, state: inout AppState, env: AppEnvironment, now: Double = 0) throws {
        guard var household = state.household else { return }
        if let draft = household.draftOffer {
            switch key {
            case .enter:
                // Restore: on tab 3, the form as it was, editing the same conversation.
                var conversations = try ConversationsScreen.load(household.id, env: env)
                let stored = conversations.list.first { $0.id == draft.conversationId }
                var form = ConversationForm.fromDraft(draft, stored: stored)
                // Saved by someone else since the typing began: both versions in view.
                if let conflict = ConversationConflict.restored(form, env: env) {
                    form.conflict = conflict
                    state.message = StatusMessage(ConversationConflict.refused(conflict, env: env, restored: true), isError: true)
                }
                conversations.form = form
                household.conversations = conversations
                household.tab = 2
                household.draftOffer = nil
            case .character("d"), .delete:
                try env.store.discardDraft(household: household.id, by: env.actor)
                household.draftOffer = nil
            case .escape:
                household.draftOffer = nil   // asked again next time the household opens
            default: break
            }
            state.household = household
            return
        }
        if household.tab == 2 {
            let used = try ConversationsScreen.handle(key, household: &household, state: &state, env: env, now: now)
            state.household = household
            if used { return }
        }
        if household.tab == 3 {
            let used = try GrantsScreen.handle(key, household: &household, state: &state, env: env)
            state.household = household
            if used { return }
        }
        if household.tab == 1 {
            let used = try LedgerScreen.handle(key, household: &household, state: &state, env: env)
            if let ledger = household.ledger { household.file.finances = ledger.finances }
            state.household = household
            if used { return }
        }
        let page = bodyHeight(state.size)
        switch key {
        case .up, .character("k"): household.scroll -= 1
        case .down, .character("j"): household.scroll += 1
        case .pageUp: household.scroll -= page
        case .pageDown: household.scroll += page
        case .home: household.scroll = 0
        case .end: household.scroll = .max
        default:
            switch actions(env.l).action(for: key) {
            case .help?: state.help = 0
            case .back?:
                state.household = nil
                state.screen = .caseload
                return
            case .tab(let n)?:
                household.tab = n
                if n == 1 && household.ledger == nil { household.ledger = try LedgerScreen.load(household.id, env: env) }
                if n == 2 && household.conversations == nil { household.conversations = try ConversationsScreen.load(household.id, env: env) }
                if n == 3 && household.grants == nil { household.grants = try GrantsScreen.load(household.id, env: env) }
            case nil: break
            }
        }
        state.household = household
        clampScroll(&state, env: env)
    }

    /// The question after a crash: the draft typed earlier, over whatever tab is shown.
    static func drawDraftOffer(_ household: HouseholdState, env: AppEnvironment, into buffer: inout ScreenBuffer, area rest: Rect) {
        let l = env.l
        if let draft = household.draftOffer {
            Dialog(title: l.pick("Niet-opgeslagen gesprek", "Unsaved conversation"),
                   message: l.pick("Er is een gesprek dat nog niet was opgeslagen (concept van \(draft.savedAt.prefix(16).replacingOccurrences(of: "T", with: " "))). Herstellen en verder typen?",
                                   "There is a conversation that was not saved (draft of \(draft.savedAt.prefix(16).replacingOccurrences(of: "T", with: " "))). Restore it and go on typing?"),
                   buttons: [KeyHint(keys: "Enter", label: l.pick("Herstellen", "Restore")),
                             KeyHint(keys: "d", label: l.pick("Weggooien", "Discard")),
                             KeyHint(keys: "Esc", label: l.pick("Later", "Later"))]).render(into: &buffer, bounds: rest)
        }
    }

    /// Keeps the overview's scroll position within its text (after a key or a resize). The
    /// text is only laid out when the position could be out of range.
    static func clampScroll(_ state: inout AppState, env: AppEnvironment) {
        guard var household = state.household, household.scroll != 0 else { return }
        let content = HouseholdOverview.lines(household, env: env, width: state.size.width - 2)
        household.scroll = min(max(0, household.scroll), max(0, content.count - bodyHeight(state.size)))
        state.household = household
    }

    static func render(_ state: AppState, env: AppEnvironment, into buffer: inout ScreenBuffer, body: Rect) {
        guard let household = state.household else { return }
        let l = env.l
        let (tabs, rest) = body.splitTop(1)
        TabBar.render(into: &buffer, rect: tabs.inset(horizontal: 1), titles: tabTitles(l), active: household.tab)
        if household.tab == 1 {
            LedgerView.render(household, env: env, into: &buffer, area: rest)
            drawDraftOffer(household, env: env, into: &buffer, area: rest)
            return
        }
        if household.tab == 3 {
            GrantsView.render(household, state: state, env: env, into: &buffer, area: rest)
            return
        }
        if household.tab == 2 {
            ConversationsView.render(household, state: state, env: env, into: &buffer, area: rest)
            drawDraftOffer(household, env: env, into: &buffer, area: rest)
            return
        }
        let area = rest.inset(horizontal: 1)
        let content = HouseholdOverview.lines(household, env: env, width: area.width)
        for (i, line) in content.dropFirst(household.scroll).prefix(area.height).enumerated() {
            line.render(into: &buffer, at: Point(x: area.x, y: area.y + i), maxWidth: area.width)
        }
        if content.count > area.height {
            let mark = "\(household.scroll + 1)–\(min(content.count, household.scroll + area.height))/\(content.count)"
            buffer.put(mark, x: area.maxX - DisplayWidth.of(mark), y: tabs.y, role: .dim)
        }
        drawDraftOffer(household, env: env, into: &buffer, area: rest)
    }
}
