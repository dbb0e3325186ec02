import CaseStore
import Casework
import Terminal

/// Tab 1's own state: which item is chosen, and the score `u` can take back.
struct OverviewState {
    var selected: OverviewItem?
    /// The score given last here, by this user: `u` takes it back.
    var undoScore: Stored<LifeDomainScore>?
}

/// The overview, changed where it is shown: ↑ ↓ choose an item, Enter or `e` opens its
/// form, `a` adds one to its section, Del removes a member or a goal (asking first), `u`
/// takes back the score just given. And the case itself: `o` assign, `s` close, `r` reopen.
enum OverviewScreen {
    static func here(_ s: HouseholdState) -> Bool {
        s.tab == .overview && !s.isBusy && s.rows != nil
    }
    static func closed(_ s: HouseholdState) -> Bool { s.rows?.record.isClosed ?? false }
    static func open(_ s: HouseholdState) -> Bool { here(s) && !closed(s) }
    static func closedSentence(_ l: Language) -> String {
        l.pick("Dit huishouden is gesloten; r heropent het.", "This household is closed; r reopens it.")
    }

    static func isHolderOrLeader(_ s: HouseholdState, _ ctx: ScreenContext) -> Bool {
        ctx.staff.role == .teamleader || s.rows?.record.caseworker == ctx.staff.user
    }

    static var actions: [ScreenAction<HouseholdState>] {
        [
            ScreenAction(.open, label: { $0.pick("Wijzig", "Edit") }, help: { $0.pick("Wijzig wat gekozen is, hier in het overzicht", "Edit the selected item, here in the overview") },
                         when: { s, _ in open(s) && s.overview.selected != nil },
                         whyNot: { s, ctx in here(s) && closed(s) ? closedSentence(ctx.l) : nil }),
            ScreenAction(.edit, label: { _ in nil }, help: { $0.pick("Wijzig wat gekozen is", "Edit the selected item") },
                         when: { s, _ in open(s) && s.overview.selected != nil },
                         whyNot: { s, ctx in here(s) && closed(s) ? closedSentence(ctx.l) : nil }),
            ScreenAction(.add, label: { l in l.pick("Nieuw", "Add") },
                         help: { $0.pick("Voeg toe aan het gekozen deel: een lid, een score, een doel, een signaal", "Add to the selected section: a member, a score, a goal, a signal") },
                         when: { s, _ in open(s) && addable(s.overview.selected) },
                         whyNot: { s, ctx in
                             if here(s) && closed(s) { return closedSentence(ctx.l) }
                             return here(s) ? ctx.l.pick("Afspraken maakt u in een gesprek (tab 3).", "Agreements are made in a conversation (tab 3).") : nil
                         }),
            ScreenAction(.delete, help: { $0.pick("Haal het gekozen lid of doel weg (vraagt eerst)", "Remove the selected member or goal (asks first)") },
                         when: { s, _ in open(s) && removable(s) },
                         whyNot: { s, ctx in
                             guard here(s), !closed(s) else { return here(s) ? closedSentence(ctx.l) : nil }
                             if case .member? = s.overview.selected {
                                 return ctx.l.pick("De aanvrager blijft; maak eerst iemand anders aanvrager.", "The applicant stays; make someone else the applicant first.")
                             }
                             return ctx.l.pick("Weghalen kan bij een lid of een doel; een signaal sluit u af met zijn status.",
                                               "A member or a goal can be removed; a signal is closed with its status.")
                         }),
            ScreenAction(.undo, label: { $0.pick("Score terug", "Undo score") },
                         help: { $0.pick("Zet de score die u net gaf terug", "Take back the score you just gave") },
                         when: { s, _ in open(s) && s.overview.undoScore != nil }),
            ScreenAction(.assign, when: { s, ctx in open(s) && (ctx.staff.role == .teamleader || takeable(s, ctx)) },
                         whyNot: { s, ctx in
                             guard here(s) else { return nil }
                             return closed(s) ? closedSentence(ctx.l)
                                 : ctx.l.pick("Toewijzen en overdragen doet een teamleider.", "Assigning and transferring is for a team leader.")
                         }),
            ScreenAction(.closeCase, when: { s, ctx in open(s) && isHolderOrLeader(s, ctx) },
                         whyNot: { s, ctx in
                             guard here(s) else { return nil }
                             return closed(s) ? ctx.l.pick("Dit huishouden is al gesloten.", "This household is closed already.")
                                 : ctx.l.pick("Afsluiten doet de regisseur van dit huishouden of een teamleider.", "Closing is for this household's caseworker or a team leader.")
                         }),
            ScreenAction(.reopen, when: { s, ctx in here(s) && closed(s) && isHolderOrLeader(s, ctx) },
                         whyNot: { s, ctx in
                             guard here(s) else { return nil }
                             return closed(s) ? ctx.l.pick("Heropenen doet de regisseur van dit huishouden of een teamleider.", "Reopening is for this household's caseworker or a team leader.")
                                 : ctx.l.pick("Dit huishouden is open.", "This household is open.")
                         }),
        ]
    }

    static func addable(_ item: OverviewItem?) -> Bool {
        switch item {
        case .agreement?, .condition?, .empty(.agreements)?: false
        default: true
        }
    }

    static func removable(_ s: HouseholdState) -> Bool {
        switch s.overview.selected {
        case .member(let i)?: s.file.household.members.indices.contains(i) && s.file.household.members[i].role != .applicant
        case .goal?: true
        default: false
        }
    }

    /// A caseworker may take a household of their team that nobody holds.
    static func takeable(_ s: HouseholdState, _ ctx: ScreenContext) -> Bool {
        ctx.staff.role == .caseworker && (s.rows?.record.caseworker ?? "").isEmpty
    }

    static func extraHelp(_ l: Language) -> [HelpOverlay.Section] {
        [(l.pick("In het overzicht", "In the overview"),
          [("↑ ↓", l.pick("Kies wat u wilt wijzigen: naam en adres, een lid, een score, een doel, een signaal, een afspraak",
                          "Choose an item: name and address, a member, a score, a goal, a signal, an agreement")),
           ("Enter", l.pick("Een doel opent het plan (tab 5)", "A goal opens the plan (tab 5)"))])]
    }

    /// Handles a key on tab 1; nil when it is not the overview's (tabs, back).
    static func handle(_ command: Command?, key: Key, household s: inout HouseholdState, _ ctx: ScreenContext) -> [Effect]? {
        guard let rows = s.rows else { return nil }
        let l = ctx.l
        let items = HouseholdOverview.items(HouseholdOverview.rows(s, ctx: ctx, width: ctx.size.width - 3))
        if command == nil, let move = Move(key), !items.isEmpty {
            let at = s.overview.selected.flatMap(items.firstIndex(of:)) ?? 0
            let next = move.applied(to: at, count: items.count, page: HouseholdState.bodyHeight(ctx.size) / 2)
            // Past the last item (the timeline has none): the rest scrolls into view, so every
            // line of the overview can be read on a small screen.
            if next == at && at == items.count - 1 && (key == .down || key == .pageDown || key == .end) {
                let lines = HouseholdOverview.rows(s, ctx: ctx, width: ctx.size.width - 3).count
                let height = HouseholdState.bodyHeight(ctx.size)
                s.scroll = key == .down ? min(s.scroll + 1, max(0, lines - height)) : max(0, lines - height)
                return []
            }
            s.overview.selected = items[next]
            s.keepSelectionInView(ctx)
            return []
        }
        switch command {
        case .open?, .edit?:
            switch s.overview.selected {
            case .facts?: s.edit = EditForm.make(.nameAndAddress(rows.record), household: s, ctx: ctx)
            case .member(let i)? where rows.members.indices.contains(i): s.edit = EditForm.make(.member(rows.members[i]), household: s, ctx: ctx)
            case .score(let domain)?: s.edit = EditForm.make(.score, household: s, ctx: ctx, domain: domain)
            case .goal(let id)?:
                do { try s.show(.plan, ctx) } catch { return [.status(StatusMessage(error.message(ctx.l), isError: true))] }
                PlanScreen.select(goal: id, in: &s)
            case .signal(let i)? where rows.signals.indices.contains(i): s.edit = EditForm.make(.signal(rows.signals[i]), household: s, ctx: ctx)
            case .agreement(let k)? where rows.agreements.indices.contains(k):
                s.edit = EditForm.make(.agreement(rows.agreements[k]), household: s, ctx: ctx)
            case .condition(let grant, let index)?:
                // Read now, with its version: the grants tab may not have been opened.
                guard let stored = try? ctx.reads.grants(household: s.id).first(where: { $0.id == grant }),
                      stored.grant.conditions.indices.contains(index) else { return [] }
                s.edit = EditForm.make(.condition(stored, index: index), household: s, ctx: ctx)
            case .empty(.agreements)?:
                return [.status(StatusMessage(l.pick("Afspraken maakt u in een gesprek (tab 3).", "Agreements are made in a conversation (tab 3)."), isError: true))]
            case .empty(let section)?: return add(section, &s, ctx)
            default: break
            }
        case .add?:
            switch s.overview.selected {
            case .facts?, .member?, nil: s.edit = EditForm.make(.member(nil), household: s, ctx: ctx)
            case .score(let domain)?: s.edit = EditForm.make(.score, household: s, ctx: ctx, domain: domain)
            case .goal?: return add(.plan, &s, ctx)
            case .signal?: return add(.signals, &s, ctx)
            case .empty(let section)?: return add(section, &s, ctx)
            case .agreement?, .condition?: break
            }
        case .delete?:
            switch s.overview.selected {
            case .member(let i)? where rows.members.indices.contains(i):
                let member = rows.members[i]
                s.confirm = Confirmation(title: l.pick("Lid weghalen", "Remove member"),
                                         message: l.pick("\(member.value.name) uit dit huishouden halen? De norm en de cijfers veranderen mee.",
                                                         "Remove \(member.value.name) from this household? The norm and the figures change with it."),
                                         yes: l.pick("Weghalen", "Remove"), edit: .deleteMember(member))
            case .goal(let id)?:
                guard let goal = rows.goals.first(where: { $0.value.id == id }) else { break }
                s.confirm = PlanScreen.confirmDelete(goal, l)
            default: break
            }
        case .undo?:
            if let score = s.overview.undoScore { return [.store(.editHousehold(.undoScore(score), household: s.id))] }
        case .assign?:
            if takeable(s, ctx) && ctx.staff.role != .teamleader {
                s.confirm = Confirmation(title: l.pick("Overnemen", "Take over"),
                                         message: l.pick("Dit huishouden is van niemand. Neemt u het over als regisseur?",
                                                         "Nobody holds this household. Do you take it over as its caseworker?"),
                                         yes: l.pick("Overnemen", "Take over"), edit: .assign(to: ctx.staff.user, note: ""))
            } else {
                let candidates = ((try? ctx.reads.staff()) ?? []).filter { $0.role != .trainer }
                s.edit = EditForm.make(.assign(candidates: candidates), household: s, ctx: ctx)
            }
        case .closeCase?: s.edit = EditForm.make(.close, household: s, ctx: ctx)
        case .reopen?:
            s.confirm = Confirmation(title: l.pick("Heropenen", "Reopen"),
                                     message: l.pick("\(s.file.household.name) weer openen? Het komt terug in de caseload.",
                                                     "Open \(s.file.household.name) again? It comes back to the caseload."),
                                     yes: l.pick("Heropenen", "Reopen"), edit: .reopen)
        default: return nil
        }
        return []
    }

    private static func add(_ section: OverviewSection, _ s: inout HouseholdState, _ ctx: ScreenContext) -> [Effect] {
        switch section {
        case .scores: s.edit = EditForm.make(.score, household: s, ctx: ctx)
        case .plan: s.edit = EditForm.make(.goal(nil), household: s, ctx: ctx)
        case .signals: s.edit = EditForm.make(.signal(nil), household: s, ctx: ctx)
        case .agreements: break
        }
        return []
    }
}
