import CaseStore
import Casework
import Terminal

/// A line of the plan tab that can be chosen: the review date, a goal, an action of a goal.
enum PlanRow: Equatable {
    case review
    case goal(String)
    case action(goal: String, index: Int)
}

/// Tab 5: the one plan of the household, made with the family — goals per area of life,
/// each with who does what by when, a status, and the day the plan is reviewed together.
struct PlanState {
    var selected: PlanRow = .review
}

/// What the plan tab offers: `a` a goal, `+` an action of the chosen goal, Enter or `e` the
/// chosen line's form, Del removes (asking first), `p` prints the plan for the family.
enum PlanScreen {
    static func here(_ s: HouseholdState) -> Bool {
        s.tab == .plan && !s.isBusy && s.rows != nil
    }
    static func open(_ s: HouseholdState) -> Bool { here(s) && !OverviewScreen.closed(s) }
    static func closedWhy(_ s: HouseholdState, _ ctx: ScreenContext) -> String? {
        here(s) && OverviewScreen.closed(s) ? OverviewScreen.closedSentence(ctx.l) : nil
    }

    static func goalOfSelection(_ s: HouseholdState) -> String? {
        switch s.plan?.selected {
        case .goal(let id)?, .action(let id, _)?: id
        default: nil
        }
    }

    static var actions: [ScreenAction<HouseholdState>] {
        [
            ScreenAction(.add, label: { $0.pick("Nieuw doel", "New goal") }, help: { $0.pick("Een nieuw doel in het plan", "A new goal in the plan") },
                         when: { s, _ in open(s) }, whyNot: { s, ctx in closedWhy(s, ctx) }),
            ScreenAction(.addAction, when: { s, _ in open(s) && goalOfSelection(s) != nil },
                         whyNot: { s, ctx in closedWhy(s, ctx) ?? (here(s) ? ctx.l.pick("Kies eerst een doel (↑ ↓).", "Choose a goal first (↑ ↓).") : nil) }),
            ScreenAction(.open, label: { $0.pick("Wijzig", "Edit") }, help: { $0.pick("Wijzig de gekozen regel van het plan", "Edit the selected line of the plan") },
                         when: { s, _ in open(s) }, whyNot: { s, ctx in closedWhy(s, ctx) }),
            ScreenAction(.edit, label: { _ in nil }, help: { $0.pick("Wijzig de gekozen regel van het plan", "Edit the selected line of the plan") },
                         when: { s, _ in open(s) }, whyNot: { s, ctx in closedWhy(s, ctx) }),
            ScreenAction(.delete, help: { $0.pick("Haal het gekozen doel of de gekozen actie weg (vraagt eerst)", "Remove the selected goal or action (asks first)") },
                         when: { s, _ in open(s) && goalOfSelection(s) != nil }, whyNot: { s, ctx in closedWhy(s, ctx) }),
            ScreenAction(.print, help: { $0.pick("Schrijf het plan voor het gezin als tekstbestand, met plaatsen om te tekenen",
                                                  "Write the plan for the family as a text file, with places to sign") },
                         when: { s, _ in here(s) }),
        ]
    }

    static func extraHelp(_ l: Language) -> [HelpOverlay.Section] {
        [(l.pick("In het plan", "In the plan"),
          [("↑ ↓", l.pick("Kies de evaluatiedatum, een doel of een actie", "Choose the review date, a goal or an action")),
           (l.pick("Wie", "Who"), l.pick("iemand van het gezin, de regisseur, of een andere hulpverlener of organisatie met naam",
                                         "someone of the family, the caseworker, or another professional or organisation by name"))])]
    }

    /// The rows ↑ and ↓ go through, in order.
    static func rows(_ file: CaseFile) -> [PlanRow] {
        [.review] + (file.plan?.goals ?? []).flatMap { g in
            [PlanRow.goal(g.id)] + g.actions.indices.map { PlanRow.action(goal: g.id, index: $0) }
        }
    }

    static func select(goal id: String, in s: inout HouseholdState) {
        if s.plan == nil { s.plan = PlanState() }
        s.plan?.selected = .goal(id)
    }

    static func confirmDelete(_ goal: Stored<Goal>, _ l: Language) -> Confirmation {
        Confirmation(title: l.pick("Doel weghalen", "Remove goal"),
                     message: l.pick("\"\(goal.value.text)\" met \(goal.value.actions.count) acties uit het plan halen?",
                                     "Remove \"\(goal.value.text)\" with its \(goal.value.actions.count) actions from the plan?"),
                     yes: l.pick("Weghalen", "Remove"), edit: .deleteGoal(goal))
    }

    /// Handles a key on tab 5; nil when it is not the plan's (tabs, back).
    static func handle(_ command: Command?, key: Key, household s: inout HouseholdState, _ ctx: ScreenContext) -> [Effect]? {
        guard let rows = s.rows else { return nil }
        if s.plan == nil { s.plan = PlanState() }
        let l = ctx.l
        let lines = Self.rows(s.file)
        if command == nil, let move = Move(key) {
            let at = lines.firstIndex(of: s.plan!.selected) ?? 0
            s.plan?.selected = lines[move.applied(to: at, count: lines.count, page: HouseholdState.bodyHeight(ctx.size) / 2)]
            return []
        }
        func stored(_ id: String) -> Stored<Goal>? { rows.goals.first { $0.value.id == id } }
        switch command {
        case .add?: s.edit = EditForm.make(.goal(nil), household: s, ctx: ctx)
        case .addAction?:
            if let id = goalOfSelection(s), let goal = stored(id) { s.edit = EditForm.make(.action(goal, index: nil), household: s, ctx: ctx) }
        case .open?, .edit?:
            switch s.plan!.selected {
            case .review: s.edit = EditForm.make(.reviewDate(rows.record), household: s, ctx: ctx)
            case .goal(let id): if let goal = stored(id) { s.edit = EditForm.make(.goal(goal), household: s, ctx: ctx) }
            case .action(let id, let i):
                if let goal = stored(id), goal.value.actions.indices.contains(i) {
                    s.edit = EditForm.make(.action(goal, index: i), household: s, ctx: ctx)
                }
            }
        case .delete?:
            switch s.plan!.selected {
            case .goal(let id): if let goal = stored(id) { s.confirm = confirmDelete(goal, l) }
            case .action(let id, let i):
                guard let goal = stored(id), goal.value.actions.indices.contains(i) else { break }
                var without = goal.value
                without.actions.remove(at: i)
                s.confirm = Confirmation(title: l.pick("Actie weghalen", "Remove action"),
                                         message: l.pick("\"\(goal.value.actions[i].text)\" uit het plan halen?",
                                                         "Remove \"\(goal.value.actions[i].text)\" from the plan?"),
                                         yes: l.pick("Weghalen", "Remove"), edit: .updateGoal(goal, without, overwriting: false))
            case .review: break
            }
        case .print?:
            let caseworker = s.file.household.caseworker ?? ctx.staff.user
            let staff = (try? ctx.reads.staff()) ?? []
            let member = staff.first { $0.user == caseworker }
            let text = PlanLetter.text(s.file, caseworker: member?.name ?? caseworker, team: member?.team ?? "", today: ctx.today)
            return [.store(.printPlan(text, household: s.id))]
        default: return nil
        }
        return []
    }

    /// After a change the chosen line stays chosen where it still is.
    static func keepSelection(_ s: inout HouseholdState) {
        guard let plan = s.plan, !rows(s.file).contains(plan.selected) else { return }
        switch plan.selected {
        case .action(let id, _) where rows(s.file).contains(.goal(id)): s.plan?.selected = .goal(id)
        default: s.plan?.selected = .review
        }
    }
}
