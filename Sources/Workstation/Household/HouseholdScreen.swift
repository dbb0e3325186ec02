import CaseStore
import Casework
import Terminal

/// One household, opened from the caseload: the overview and the tabs of its finances,
/// conversations, decisions and plan, each read when it is first shown.
public struct HouseholdState {
    public let id: String
    public var file: CaseFile
    /// The household's rows as stored, with their versions: what the overview and the plan
    /// change (nil only where a test builds the state from a case file alone).
    public var rows: HouseholdRows?
    public var tab = HouseholdTab.overview
    public var scroll = 0
    /// Tab 1: the chosen item.
    var overview = OverviewState()
    /// Tab 5.
    var plan: PlanState?
    /// The form of the overview or the plan that is open, or the question before a change.
    var edit: EditForm?
    var confirm: Confirmation?
    /// The handover note its receiver has not answered yet, shown over the household when
    /// they open it (set on opening; cleared by Enter, which the store hears too).
    var handoverOpen = false
    /// Tab 2, read when it is first opened.
    var ledger: LedgerState?
    /// Tab 3, read when it is first opened.
    var conversations: ConversationsState?
    /// Tab 4, read when it is first opened.
    var grants: GrantsState?
    /// A conversation typed earlier and not saved (after a crash or a kill), offered back.
    var draftOffer: ConversationDraft?
    /// A request typed earlier and not saved, opened again on tab 4: said once on the status line.
    var offeredBack: StatusMessage?
    /// The store's norm tables and policy versions, read when the household is opened.
    public var rules: CaseRules = .shipped
    /// The household's change counter when it was last read (HouseholdFollowing.swift).
    var changeCounter: Int?

    public init(id: String, file: CaseFile, rows: HouseholdRows? = nil) { self.id = id; self.file = file; self.rows = rows }
}

extension HouseholdState {
    /// The figures on today (never the reference date of the file it was imported from), with
    /// the ledger as it stands when tab 2 is open, the store's rules, and the draagkracht
    /// earlier requests of the period took. Nil when no norm table covers today.
    func figures(_ ctx: ScreenContext, excludingGrant: String? = nil) -> FinancialOverview? {
        var file = self.file
        if let ledger { file.finances = ledger.finances }
        return try? rules.overview(of: file, on: ctx.today, excludingGrant: excludingGrant).get()
    }
}

extension HouseholdState: Screen {
    /// True while a form, a question or a dialog of a tab has the keys.
    var isBusy: Bool {
        if draftOffer != nil || edit != nil || confirm != nil || handoverOpen { return true }
        switch tab {
        case .overview, .plan: return false
        case .ledger: return ledger.map(LedgerScreen.isBusy) ?? false
        case .conversations: return conversations.map(ConversationsScreen.isBusy) ?? false
        case .decisions: return grants.map(GrantsScreen.isBusy) ?? false
        }
    }

    static var actions: [ScreenAction<HouseholdState>] {
        [ScreenAction(.help),
         // a conversation typed earlier and not saved, offered back
         ScreenAction(.confirm, label: { $0.pick("Herstellen", "Restore") },
                      help: { $0.pick("Het niet-opgeslagen gesprek terugzetten en verder typen", "Restore the unsaved conversation and go on typing") },
                      when: { s, _ in s.draftOffer != nil }),
         ScreenAction(.discard, when: { s, _ in s.draftOffer != nil }),
         ScreenAction(.cancel, label: { $0.pick("Later", "Later") },
                      help: { $0.pick("Nu niet; de vraag komt terug als u het huishouden weer opent", "Not now; asked again when the household is opened") },
                      when: { s, _ in s.draftOffer != nil })]
            + HouseholdEditing.actions + OverviewScreen.actions + PlanScreen.actions
            + LedgerScreen.actions + ConversationsScreen.actions + GrantsScreen.actions
            + HouseholdTab.allCases.map { tab in ScreenAction(.tab(tab), when: { s, _ in !s.isBusy }) }
            + [ScreenAction(.checkpoints, when: { s, ctx in ctx.practice != nil && !s.isBusy })]
            + [ScreenAction(.back, help: { $0.pick("Terug naar de caseload", "Back to the caseload") },
                            when: { s, _ in !s.isBusy })]
    }

    func title(_ l: Language) -> String { l.pick("Huishouden", "Household") }

    /// A question over a form (close the conversation?) takes letters as answers.
    var isTyping: Bool {
        edit != nil || (conversations?.form != nil && conversations?.confirmClose == false) || ledger?.form != nil
            || (grants?.form != nil && grants?.confirmingSubmit == false) || grants?.evaluation != nil || grants?.objection != nil
    }

    func extraHelp(_ ctx: ScreenContext) -> [HelpOverlay.Section] {
        switch tab {
        case .overview: OverviewScreen.extraHelp(ctx.l)
        case .plan: PlanScreen.extraHelp(ctx.l)
        case .ledger: LedgerScreen.extraHelp(ctx.l) + [policySection(ctx)]
        case .conversations: ConversationsScreen.extraHelp(ctx.l)
        case .decisions: GrantsScreen.extraHelp(ctx.l) + [policySection(ctx)]
        }
    }

    /// The municipality's policy in force today, read-only: where the figures of the ledger
    /// and the grant form come from (a team leader changes it with `keukentafel policy set`).
    func policySection(_ ctx: ScreenContext) -> HelpOverlay.Section {
        let version = rules.policy(on: ctx.today)
        let rows = PolicyText.lines(version, language: ctx.l).dropFirst().map { line -> HelpOverlay.Row in
            let text = line.trimmingCharacters(in: .whitespaces)
            guard let colon = text.range(of: ": ") else { return ("", text) }
            return (String(text[..<colon.lowerBound]), String(text[colon.upperBound...]))
        }
        let table = (try? rules.normTables.table(on: ctx.today).get()).map {
            [(ctx.l.pick("Normtabel", "Norm table"), ctx.l.pick("per ", "of ") + $0.validFrom.dutch)]
        } ?? []
        return (ctx.l.pick("Beleid (versie \(version.number), vanaf \(version.validFrom.dutch))",
                           "Policy (version \(version.number), from \(version.validFrom.dutch))"), Array(rows) + table)
    }

    static func bodyHeight(_ size: Size) -> Int { max(1, size.height - 5) }

    mutating func handle(_ command: Command?, key: Key, _ ctx: ScreenContext) -> [Effect] {
        if command == .help { return [.help] }
        if command == .checkpoints { return [.checkPractice(household: id)] }
        if let draft = draftOffer {
            switch command {
            case .confirm?:
                // Restore: on tab 3, the form as it was, editing the same conversation.
                var effects: [Effect] = []
                do {
                    var conversations = try ConversationsScreen.load(id, ctx)
                    let stored = conversations.list.first { $0.id == draft.conversationId }
                    var form = ConversationForm.fromDraft(draft, stored: stored)
                    // Saved by someone else since the typing began: both versions in view.
                    if let conflict = ConversationConflict.restored(form, ctx: ctx) {
                        form.conflict = conflict
                        effects.append(.status(StatusMessage(ConversationConflict.refused(conflict, ctx: ctx, restored: true), isError: true)))
                    }
                    conversations.form = form
                    self.conversations = conversations
                } catch {
                    return [.status(StatusMessage(error.message(ctx.l), isError: true))]
                }
                tab = .conversations
                draftOffer = nil
                return effects
            case .discard?:
                draftOffer = nil
                return [.store(.discardDraft(household: id))]
            case .cancel?:
                draftOffer = nil   // asked again next time the household opens
            default: break
            }
            return []
        }
        if let effects = HouseholdEditing.handle(command, key: key, household: &self, ctx) { return effects }
        let tabEffects: [Effect]?
        switch tab {
        case .overview: tabEffects = OverviewScreen.handle(command, key: key, household: &self, ctx)
        case .plan: tabEffects = PlanScreen.handle(command, key: key, household: &self, ctx)
        case .ledger: tabEffects = LedgerScreen.handle(command, key: key, household: &self, ctx)
        case .conversations: tabEffects = ConversationsScreen.handle(command, key: key, household: &self, ctx)
        case .decisions: tabEffects = GrantsScreen.handle(command, key: key, household: &self, ctx)
        }
        if let tabEffects { return tabEffects }
        if command == nil, let move = Move(key) {
            // The overview scrolls; kept within its text by clampScroll.
            scroll = move == .end ? .max : move.applied(to: scroll, count: .max, page: Self.bodyHeight(ctx.size))
            clampScroll(ctx)
            return []
        }
        switch (command, key) {
        case (.back?, _): return [.go(.caseload)]
        case (.tab(let next)?, _):
            do {
                try show(next, ctx)
            } catch {
                return [.status(StatusMessage(error.message(ctx.l), isError: true))]
            }
            defer { offeredBack = nil }
            return offeredBack.map { [.status($0)] } ?? []
        default: return []
        }
    }

    /// Shows a tab, reading its lines the first time.
    mutating func show(_ next: HouseholdTab, _ ctx: ScreenContext) throws {
        switch next {
        case .overview: break
        case .plan: if plan == nil { plan = PlanState() }
        case .ledger: if ledger == nil { ledger = try LedgerScreen.load(id, ctx) }
        case .conversations: if conversations == nil { conversations = try ConversationsScreen.load(id, ctx) }
        case .decisions:
            if grants == nil {
                var loaded = try GrantsScreen.load(id, ctx)
                offeredBack = GrantsScreen.offerBack(&loaded, household: id, ctx)
                grants = loaded
            }
        }
        tab = next
    }

    mutating func receive(_ outcome: Outcome, _ ctx: ScreenContext) -> [Effect] {
        switch outcome {
        case .edited(let result):
            return ConversationsScreen.edited(result, household: &self, ctx)
        case .stored(let request, let result):
            switch request {
            case .addLedgerLine, .updateLedgerLine, .deleteLedgerLine, .restoreLedgerLine:
                return LedgerScreen.receive(request, result, household: &self, ctx)
            case .saveConversation, .saveDraft, .discardDraft, .addScore, .printConversation:
                return ConversationsScreen.receive(request, result, household: &self, ctx)
            case .saveGrantDraft, .submitGrant, .payGrant, .unpayGrant, .evaluateGrant, .writeLetter, .printLetterCopy, .withdrawGrant, .recordObjection:
                return GrantsScreen.receive(request, result, household: &self, ctx)
            case .editHousehold(let change, _):
                var effects = HouseholdEditing.receive(change, result, household: &self, ctx)
                if case .addGoal = change, case .success = result, let last = file.plan?.goals.last { PlanScreen.select(goal: last.id, in: &self) }
                PlanScreen.keepSelection(&self)
                if case .close = change, case .success = result { effects.append(.go(.caseload)) }
                return effects
            case .printPlan:
                switch result {
                case .success(.file(let path)): return [.status(StatusMessage(ctx.l.pick("Plan geschreven: ", "Plan written: ") + path))]
                case .failure(let error): return [.status(StatusMessage(error.message(in: ctx.l), isError: true))]
                default: return []
                }
            case .saveGrantFormDraft, .discardGrantFormDraft:
                // Unsaved typing that could not be kept is said; the form keeps it and tries again.
                if case .failure(let error) = result {
                    grants?.form?.dirty = true
                    return [.status(StatusMessage(error.message(in: ctx.l), isError: true))]
                }
                return []
            case .decideGrant, .decideObjection, .recordContact, .closeSignalCase, .setAsideSignal, .attachSignal, .viewForReview, .checkDuplicates, .createHousehold, .saveIntakeDraft, .discardIntakeDraft:
                return []
            }
        }
    }

    /// A pause: the draft of the conversation or the request being typed goes to the store now.
    mutating func pause(_ ctx: ScreenContext) -> [Effect] {
        var effects: [Effect] = []
        if var grants {
            if let effect = GrantsScreen.draft(&grants, household: id) { effects.append(effect) }
            self.grants = grants
        }
        guard var conversations else { return effects }
        defer { self.conversations = conversations }
        return effects + (ConversationsScreen.draft(&conversations, household: id, ctx).map { [$0] } ?? [])
    }

    /// The question after a crash: the draft typed earlier, over whatever tab is shown.
    func drawDraftOffer(_ ctx: ScreenContext, into buffer: inout ScreenBuffer, area rest: Rect) {
        let l = ctx.l
        guard let draft = draftOffer else { return }
        let when = draft.savedAt.prefix(16).replacingOccurrences(of: "T", with: " ")
        Dialog(title: l.pick("Niet-opgeslagen gesprek", "Unsaved conversation"),
               message: l.pick("Er is een gesprek dat nog niet was opgeslagen (concept van \(when)). Herstellen en verder typen?",
                               "There is a conversation that was not saved (draft of \(when)). Restore it and go on typing?"),
               buttons: dialogButtons(ctx)).render(into: &buffer, bounds: rest)
    }

    /// Keeps the overview's scroll position within its text (after a key or a resize). The
    /// text is only laid out when the position could be out of range.
    mutating func clampScroll(_ ctx: ScreenContext) {
        guard scroll != 0 else { return }
        let content = HouseholdOverview.rows(self, ctx: ctx, width: ctx.size.width - 3)
        scroll = min(max(0, scroll), max(0, content.count - Self.bodyHeight(ctx.size)))
    }

    /// Scrolls the overview so the chosen item's lines are in view.
    mutating func keepSelectionInView(_ ctx: ScreenContext) {
        guard let selected = overview.selected else { return }
        let content = HouseholdOverview.rows(self, ctx: ctx, width: ctx.size.width - 3)
        let lines = content.indices.filter { content[$0].items.contains { $0.item == selected } }
        guard let first = lines.first, let last = lines.last else { return }
        let height = Self.bodyHeight(ctx.size)
        if first < scroll { scroll = first } else if last >= scroll + height { scroll = min(first, last - height + 1) }
    }

    func render(into buffer: inout ScreenBuffer, area body: Rect, _ ctx: ScreenContext) {
        let (tabs, rest) = body.splitTop(1)
        TabBar.render(into: &buffer, rect: tabs.inset(horizontal: 1), titles: HouseholdTab.allCases.map { $0.title(ctx.l) }, active: tab.rawValue)
        switch tab {
        case .ledger: LedgerView.render(self, ctx: ctx, into: &buffer, area: rest)
        case .decisions: GrantsView.render(self, ctx: ctx, into: &buffer, area: rest)
        case .conversations: ConversationsView.render(self, ctx: ctx, into: &buffer, area: rest)
        case .plan: PlanView.render(self, ctx: ctx, into: &buffer, area: rest)
        case .overview: renderOverview(into: &buffer, tabs: tabs, rest: rest, ctx)
        }
        HouseholdEditing.render(self, ctx: ctx, into: &buffer, area: rest, buttons: dialogButtons(ctx))
        drawDraftOffer(ctx, into: &buffer, area: rest)
    }

    /// The overview's lines, the chosen item marked (› in the margin, the selection's colour).
    private func renderOverview(into buffer: inout ScreenBuffer, tabs: Rect, rest: Rect, _ ctx: ScreenContext) {
        let area = rest.inset(horizontal: 1)
        let content = HouseholdOverview.rows(self, ctx: ctx, width: area.width)
        let chosen = rows == nil || edit != nil || confirm != nil ? nil : overview.selected
        for (i, row) in content.dropFirst(scroll).prefix(area.height).enumerated() {
            let y = area.y + i
            _ = row.line.render(into: &buffer, at: Point(x: area.x, y: y), maxWidth: area.width)
            for entry in row.items where entry.item == chosen {
                let columns = entry.columns.isEmpty ? 0..<area.width : entry.columns
                buffer.put("›", x: area.x + columns.lowerBound - 1, y: y, role: .selection)
                let segment = HouseholdOverview.slice(row.line.text, columns)
                buffer.put(segment + String(repeating: " ", count: max(0, columns.count - DisplayWidth.of(segment))),
                           x: area.x + columns.lowerBound, y: y, width: columns.count, role: .selection)
            }
        }
        if content.count > area.height {
            let mark = "\(scroll + 1)–\(min(content.count, scroll + area.height))/\(content.count)"
            buffer.put(mark, x: area.maxX - DisplayWidth.of(mark), y: tabs.y, role: .dim)
        }
    }
}
