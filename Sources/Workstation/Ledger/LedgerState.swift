import CaseStore
import Casework
import Terminal

/// Tab 2 of a household: the four sections of the ledger, the line being typed, the
/// question before a delete, the last deleted line for undo, and the explanation overlay.
struct LedgerState {
    var lines: [StoredLedgerLine] = []
    var section: LedgerSection = .income
    var selected: [LedgerSection: Int] = [:]
    var form: LineForm?
    var confirmDelete: StoredLedgerLine?
    var lastDeleted: LedgerEntry?
    /// The section whose total is explained, when the explanation is open.
    var explaining: LedgerSection?

    func lines(in section: LedgerSection) -> [StoredLedgerLine] { lines.filter { $0.entry.section == section } }

    var selectedLine: StoredLedgerLine? {
        let list = lines(in: section)
        guard !list.isEmpty else { return nil }
        return list[min(selected[section] ?? 0, list.count - 1)]
    }

    /// The finances as the lines now stand.
    var finances: Finances {
        var f = Finances()
        for line in lines {
            switch line.entry {
            case .income(let x): f.income.append(x)
            case .expense(let x): f.expenses.append(x)
            case .debt(let x): f.debts.append(x)
            case .deduction(let x): f.deductions.append(x)
            }
        }
        return f
    }
}

enum LedgerAction: Hashable, Sendable {
    case help, back, add, edit, copy, delete, undo, explain, nextSection, previousSection
}

/// What the ledger does with keys, and how it saves: every change is its own unit of work.
enum LedgerScreen {
    static func actions(_ l: Language) -> ActionTable<LedgerAction> {
        ActionTable(actions: [
            Action(id: .help, keys: [.function(1), .character("?")], barLabel: l.pick("Help", "Help"), help: l.pick("Deze hulp", "This help")),
            Action(id: .add, keys: [.character("a"), .insert], barLabel: l.pick("Nieuw", "Add"),
                   help: l.pick("Nieuwe regel in dit deel; Enter bewaart en opent de volgende, PgDn wisselt van deel",
                                "New line in this section; Enter saves and opens the next, PgDn changes section")),
            Action(id: .edit, keys: [.enter, .character("e")], barLabel: l.pick("Wijzig", "Edit"),
                   help: l.pick("Wijzig de gekozen regel", "Edit the selected line")),
            Action(id: .copy, keys: [.character("c")], barLabel: l.pick("Kopie", "Copy"),
                   help: l.pick("Nieuwe regel als kopie van de gekozen", "New line copied from the selected one")),
            Action(id: .delete, keys: [.delete], barLabel: l.pick("Wissen", "Delete"),
                   help: l.pick("Wis de gekozen regel (vraagt eerst)", "Delete the selected line (asks first)")),
            Action(id: .undo, keys: [.character("u")], barLabel: nil,
                   help: l.pick("Zet de laatst gewiste regel terug", "Bring back the last deleted line")),
            Action(id: .explain, keys: [.character("x")], barLabel: l.pick("Uitleg", "Explain"),
                   help: l.pick("Leg het totaal van dit deel uit, regel voor regel", "Explain this section's total, line by line")),
            Action(id: .nextSection, keys: [.tab], barLabel: l.pick("Volgend deel", "Next section"),
                   help: l.pick("Naar het volgende deel (inkomsten, uitgaven, schulden, inhoudingen)",
                                "To the next section (income, expenses, debts, deductions)")),
            Action(id: .previousSection, keys: [.backTab], barLabel: nil, help: l.pick("Naar het vorige deel", "To the previous section")),
            Action(id: .back, keys: [.escape, .character("q")], barLabel: l.pick("Terug", "Back"),
                   help: l.pick("Terug naar de caseload", "Back to the caseload")),
        ])
    }

    static func load(_ id: String, env: AppEnvironment) throws -> LedgerState {
        var state = LedgerState()
        state.lines = try env.store.ledgerLines(household: id)
        return state
    }

    /// The figures for the lines as they stand (nil when the reference date has no norm table).
    static func overview(_ household: HouseholdState, env: AppEnvironment) -> FinancialOverview? {
        var file = household.file
        if let ledger = household.ledger { file.finances = ledger.finances }
        return try? file.overview(today: env.today).get()
    }

    /// Handles a key on tab 2. Returns false when the key is not for the ledger (tabs, back).
    static func handle(_ key: Key, household: inout HouseholdState, state: inout AppState, env: AppEnvironment) throws -> Bool {
        guard var ledger = household.ledger else { return false }
        defer { household.ledger = ledger }
        let l = env.l
        if ledger.explaining != nil {
            if [.escape, .character("x"), .enter, .character("q")].contains(key) { ledger.explaining = nil }
            return true
        }
        if let line = ledger.confirmDelete {
            switch key {
            case .enter, .character("j"), .character("y"):
                ledger.confirmDelete = nil
                do {
                    try env.store.deleteLedgerLine(line, by: env.actor)
                } catch let error as StoreError {
                    // Changed or deleted by someone else since it was shown: nothing is deleted,
                    // and the list shows the line as it is now.
                    try reload(&ledger, household.id, env)
                    state.message = StatusMessage(LedgerConflictView.deleteRefused(error, label: line.entry.label, env: env), isError: true)
                    return true
                }
                ledger.lastDeleted = line.entry
                try reload(&ledger, household.id, env)
                state.message = StatusMessage(l.pick("\"\(line.entry.label)\" gewist; u zet hem terug.",
                                                     "\"\(line.entry.label)\" deleted; u brings it back."))
            case .escape, .character("n"):
                ledger.confirmDelete = nil
            default: break
            }
            return true
        }
        if var form = ledger.form {
            if form.conflict != nil, let action = ConflictKeys.ledger(l).action(for: key) {
                switch action {
                case .saveMine: ledger.form = try save(&ledger, form, household: household.id, state: &state, env: env)
                case .keepTheirs: ledger.form = nil
                case .help: state.help = 0
                case .addTheirs: break
                }
                return true
            }
            switch key {
            case .escape:
                ledger.form = nil
            case .function(1):
                state.help = 0
            case .enter:
                ledger.form = try save(&ledger, form, household: household.id, state: &state, env: env)
            case .pageDown where form.mode == .add && form.label.isEmpty && form.amount.isEmpty,
                 .pageUp where form.mode == .add && form.label.isEmpty && form.amount.isEmpty:
                // A blank new line moves to the next or previous section.
                let all = LedgerSection.allCases
                let i = all.firstIndex(of: form.section)!
                let next = all[(i + (key == .pageDown ? 1 : all.count - 1)) % all.count]
                ledger.form = LineForm(section: next)
                ledger.section = next
            default:
                _ = form.handle(key, l)
                ledger.form = form
            }
            return true
        }
        let list = ledger.lines(in: ledger.section)
        switch key {
        case .up, .character("k"):
            ledger.selected[ledger.section] = max(0, (ledger.selected[ledger.section] ?? 0) - 1); return true
        case .down, .character("j"):
            ledger.selected[ledger.section] = min(max(0, list.count - 1), (ledger.selected[ledger.section] ?? 0) + 1); return true
        case .home: ledger.selected[ledger.section] = 0; return true
        case .end: ledger.selected[ledger.section] = max(0, list.count - 1); return true
        default: break
        }
        switch actions(l).action(for: key) {
        case .add?: ledger.form = LineForm(section: ledger.section)
        case .edit?:
            if let line = ledger.selectedLine { ledger.form = LineForm(section: line.entry.section, mode: .edit(line), from: line.entry) }
        case .copy?:
            if let line = ledger.selectedLine { ledger.form = LineForm(section: line.entry.section, from: line.entry) }
        case .delete?: ledger.confirmDelete = ledger.selectedLine
        case .undo?:
            if let entry = ledger.lastDeleted {
                _ = try env.store.addLedgerLine(entry, household: household.id, by: env.actor)
                ledger.lastDeleted = nil
                try reload(&ledger, household.id, env)
                state.message = StatusMessage(l.pick("\"\(entry.label)\" staat er weer.", "\"\(entry.label)\" is back."))
            }
        case .explain?: ledger.explaining = ledger.section
        case .nextSection?, .previousSection?:
            let all = LedgerSection.allCases
            let i = all.firstIndex(of: ledger.section)!
            ledger.section = all[(i + (key == .tab ? 1 : all.count - 1)) % all.count]
        case .help?: state.help = 0
        case .back?, nil: return false
        }
        return true
    }

    /// Saves the form as its own unit of work. A new line opens the next blank form in the
    /// same section, so a list of lines is typed without leaving the form.
    /// Returns the form to show next (nil: closed).
    private static func save(_ ledger: inout LedgerState, _ form: LineForm, household: String,
                             state: inout AppState, env: AppEnvironment) throws -> LineForm? {
        let l = env.l
        var form = form
        switch form.entry(l) {
        case .failure(let problem):
            form.focus = form.fields.firstIndex(of: problem.field) ?? form.focus
            state.message = StatusMessage(problem.message, isError: true)
            return form
        case .success(let entry):
            do {
                switch form.mode {
                case .add:
                    let saved = try env.store.addLedgerLine(entry, household: household, by: env.actor)
                    try reload(&ledger, household, env)
                    ledger.selected[saved.entry.section] = ledger.lines(in: saved.entry.section).firstIndex { $0.id == saved.id } ?? 0
                    state.message = StatusMessage(l.pick("Bewaard: \(entry.label). Typ de volgende regel, of Esc.",
                                                         "Saved: \(entry.label). Type the next line, or Esc."))
                    return LineForm(section: form.section)
                case .edit(let line):
                    // After a refused save the form is based on the other person's version,
                    // which was shown: this save goes over it on purpose.
                    _ = try env.store.updateLedgerLine(line, to: entry, by: env.actor, overwriting: form.conflict != nil)
                    try reload(&ledger, household, env)
                    state.message = StatusMessage(form.conflict.map { c in
                        l.pick("Bewaard: \(entry.label), over de versie van \(c.who(l)) heen.", "Saved: \(entry.label), over \(c.who(l))'s version.")
                    } ?? l.pick("Bewaard: \(entry.label).", "Saved: \(entry.label)."))
                    return nil
                }
            } catch let error as StoreError {
                // Someone else changed or removed the line: the form keeps what was typed and
                // shows their version beside it, so nothing is lost and nothing overwritten
                // unseen.
                try reload(&ledger, household, env)
                // A save refused for another reason (a full disk) after a conflict keeps the
                // conflict: the form is still based on their version, which stays shown, and
                // the next save still goes over it knowingly.
                if let conflict = LedgerConflictView.conflict(error, form: form, lines: ledger.lines, env: env) {
                    form.conflict = conflict
                    form.mode = conflict.theirs.map(LineForm.Mode.edit) ?? .add
                    state.message = StatusMessage(LedgerConflictView.refused(conflict, label: entry.label, env: env), isError: true)
                } else {
                    state.message = StatusMessage(error.message(in: l), isError: true)
                }
                return form
            }
        }
    }

    static func reload(_ ledger: inout LedgerState, _ household: String, _ env: AppEnvironment) throws {
        ledger.lines = try env.store.ledgerLines(household: household)
    }
}
