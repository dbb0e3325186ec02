import CaseStore
import Casework
import Terminal

/// Tab 2 of a household: the five sections of the ledger, the line being typed, the
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
            case .asset(let x): f.assets.append(x)
            }
        }
        return f
    }
}

/// What the ledger offers, and how it saves: every change is its own unit of work, asked of
/// the app as an effect; what came of it returns in `receive`.
enum LedgerScreen {
    private static func here(_ s: HouseholdState) -> Bool { s.tab == .ledger && s.draftOffer == nil && s.ledger != nil }
    private static func listing(_ s: HouseholdState) -> Bool {
        here(s) && s.ledger?.form == nil && s.ledger?.confirmDelete == nil && s.ledger?.explaining == nil
    }
    private static func typing(_ s: HouseholdState) -> Bool { here(s) && s.ledger?.form != nil }
    private static func blankNewLine(_ s: HouseholdState) -> Bool {
        guard let form = s.ledger?.form, form.mode == .add else { return false }
        return form.label.isEmpty && form.amount.isEmpty
    }

    static var actions: [ScreenAction<HouseholdState>] {
        [
            ScreenAction(.add, help: { $0.pick("Nieuwe regel in dit deel; Enter bewaart en opent de volgende, PgDn wisselt van deel",
                                                "New line in this section; Enter saves and opens the next, PgDn changes section") },
                         when: { s, _ in listing(s) }),
            ScreenAction(.open, label: { $0.pick("Wijzig", "Edit") }, help: { $0.pick("Wijzig de gekozen regel", "Edit the selected line") },
                         when: { s, _ in listing(s) && s.ledger?.selectedLine != nil }),
            ScreenAction(.edit, label: { _ in nil }, help: { $0.pick("Wijzig de gekozen regel", "Edit the selected line") },
                         when: { s, _ in listing(s) && s.ledger?.selectedLine != nil }),
            ScreenAction(.copy, help: { $0.pick("Nieuwe regel als kopie van de gekozen", "New line copied from the selected one") },
                         when: { s, _ in listing(s) && s.ledger?.selectedLine != nil }),
            ScreenAction(.delete, help: { $0.pick("Wis de gekozen regel (vraagt eerst)", "Delete the selected line (asks first)") },
                         when: { s, _ in listing(s) && s.ledger?.selectedLine != nil }),
            ScreenAction(.undo, help: { $0.pick("Zet de laatst gewiste regel terug", "Bring back the last deleted line") },
                         when: { s, _ in listing(s) && s.ledger?.lastDeleted != nil }),
            ScreenAction(.explain, when: { s, _ in listing(s) }),
            ScreenAction(.nextSection, when: { s, _ in listing(s) }),
            ScreenAction(.previousSection, when: { s, _ in listing(s) }),
            // the line form
            ScreenAction(.confirm, label: { $0.pick("Bewaren", "Save") },
                         help: { $0.pick("Bewaar de regel (en open de volgende)", "Save the line (and open the next)") },
                         when: { s, _ in typing(s) && s.ledger?.form?.conflict == nil }),
            ScreenAction(.confirm, label: { $0.pick("Mijn versie bewaren", "Save mine") },
                         help: { $0.pick("Bewaar de regel zoals u hem typte, bewust over de nieuwe versie heen (staat in het logboek)",
                                         "Save the line as you typed it, knowingly over the new version (recorded in the audit trail)") },
                         when: { s, _ in typing(s) && s.ledger?.form?.conflict != nil }),
            ScreenAction(.save, label: { _ in nil }, help: { $0.pick("Bewaar de regel, zoals Enter", "Save the line, as Enter does") },
                         when: { s, _ in typing(s) }),
            ScreenAction(.nextField, when: { s, _ in typing(s) }),
            ScreenAction(.otherSection, when: { s, _ in typing(s) && blankNewLine(s) }),
            ScreenAction(.cancel, help: { $0.pick("Stop zonder te bewaren", "Stop without saving") },
                         when: { s, _ in typing(s) && s.ledger?.form?.conflict == nil }),
            ScreenAction(.keepTheirs, when: { s, _ in typing(s) && s.ledger?.form?.conflict != nil }),
            // the question before a delete, the explanation
            ScreenAction(.confirm, label: { $0.pick("Wissen", "Delete") }, help: { $0.pick("Wis de regel", "Delete the line") },
                         when: { s, _ in here(s) && s.ledger?.confirmDelete != nil }),
            ScreenAction(.cancel, label: { $0.pick("Niet wissen", "Keep") }, help: { $0.pick("Laat de regel staan", "Keep the line") },
                         when: { s, _ in here(s) && s.ledger?.confirmDelete != nil }),
            ScreenAction(.cancel, label: { $0.pick("Sluiten", "Close") }, help: { $0.pick("Sluit de uitleg", "Close the explanation") },
                         when: { s, _ in here(s) && s.ledger?.explaining != nil }),
        ]
    }

    /// True while a form, a question or the explanation has the keys: the household's own
    /// keys (tabs, back) wait.
    static func isBusy(_ ledger: LedgerState) -> Bool { ledger.form != nil || ledger.confirmDelete != nil || ledger.explaining != nil }

    static func extraHelp(_ l: Language) -> [HelpOverlay.Section] {
        [(l.pick("In een regel", "In a line"),
          [("Tab ↓ / Shift-Tab ↑", l.pick("Volgend / vorig veld", "Next / previous field")),
           (l.pick("letter", "letter"), l.pick("Kies de keuze die met die letter begint, en ga door", "Pick the choice starting with that letter, and move on")),
           ("← →", l.pick("Blader door de keuzes", "Step through the choices"))])]
    }

    static func load(_ id: String, _ ctx: ScreenContext) throws -> LedgerState {
        var state = LedgerState()
        state.lines = try ctx.reads.ledgerLines(household: id)
        return state
    }

    /// The figures for the lines as they stand (nil when the reference date has no norm table).
    static func overview(_ household: HouseholdState, ctx: ScreenContext) -> FinancialOverview? {
        household.figures(ctx)
    }

    /// Handles a key on tab 2; nil when it is not the ledger's (tabs, back).
    static func handle(_ command: Command?, key: Key, household: inout HouseholdState, _ ctx: ScreenContext) -> [Effect]? {
        guard var ledger = household.ledger else { return nil }
        defer { household.ledger = ledger }
        let id = household.id
        if ledger.explaining != nil {
            if command == .cancel || command == .explain || key == .enter { ledger.explaining = nil }
            return []
        }
        if let line = ledger.confirmDelete {
            switch command {
            case .confirm?:
                ledger.confirmDelete = nil
                return [.store(.deleteLedgerLine(line))]
            case .cancel?: ledger.confirmDelete = nil
            default: break
            }
            return []
        }
        if var form = ledger.form {
            switch command {
            case .cancel?, .keepTheirs?: ledger.form = nil
            case .confirm?, .save?:
                switch form.entry(ctx.l) {
                case .failure(let problem):
                    form.focus = form.fields.firstIndex(of: problem.field) ?? form.focus
                    ledger.form = form
                    return [.status(StatusMessage(problem.message, isError: true))]
                case .success(let entry):
                    ledger.form = form
                    switch form.mode {
                    case .add: return [.store(.addLedgerLine(entry, household: id))]
                    // After a refused save the form is based on the other person's version,
                    // which was shown: this save goes over it on purpose.
                    case .edit(let line): return [.store(.updateLedgerLine(line, to: entry, overwriting: form.conflict != nil))]
                    }
                }
            case .otherSection?:
                // A blank new line moves to the next or previous section.
                let all = LedgerSection.allCases
                let i = all.firstIndex(of: form.section)!
                let next = all[(i + (key == .pageDown ? 1 : all.count - 1)) % all.count]
                ledger.form = LineForm(section: next)
                ledger.section = next
            default:
                _ = form.handle(key, ctx.l)
                ledger.form = form
            }
            return []
        }
        let list = ledger.lines(in: ledger.section)
        if command == nil, let move = Move(key) {
            ledger.selected[ledger.section] = move.applied(to: ledger.selected[ledger.section] ?? 0, count: list.count, page: ctx.size.height - 12)
            return []
        }
        switch command {
        case .add?: ledger.form = LineForm(section: ledger.section)
        case .open?, .edit?:
            if let line = ledger.selectedLine { ledger.form = LineForm(section: line.entry.section, mode: .edit(line), from: line.entry) }
        case .copy?:
            if let line = ledger.selectedLine { ledger.form = LineForm(section: line.entry.section, from: line.entry) }
        case .delete?: ledger.confirmDelete = ledger.selectedLine
        case .undo?:
            if let entry = ledger.lastDeleted { return [.store(.restoreLedgerLine(entry, household: id))] }
        case .explain?: ledger.explaining = ledger.section
        case .nextSection?, .previousSection?:
            let all = LedgerSection.allCases
            let i = all.firstIndex(of: ledger.section)!
            ledger.section = all[(i + (command == .nextSection ? 1 : all.count - 1)) % all.count]
        default: return nil
        }
        return []
    }

    /// What came of a save, a delete or an undo: the lines read again, the next blank line
    /// after an add, and a refused save kept in the form beside the other person's version.
    static func receive(_ request: StoreRequest, _ result: Result<StoreReply, StoreError>, household: inout HouseholdState,
                        _ ctx: ScreenContext) -> [Effect] {
        guard var ledger = household.ledger else { return [] }
        defer {
            household.ledger = ledger
            household.file.finances = ledger.finances
        }
        let l = ctx.l
        // Whatever happened, the list shows the lines as they are now.
        do { ledger.lines = try ctx.reads.ledgerLines(household: household.id) } catch { return [.status(StatusMessage(error.message(l), isError: true))] }
        switch (request, result) {
        case (.deleteLedgerLine(let line), .success):
            ledger.lastDeleted = line.entry
            return [.status(StatusMessage(l.pick("\"\(line.entry.label)\" gewist; u zet hem terug.", "\"\(line.entry.label)\" deleted; u brings it back.")))]
        case (.deleteLedgerLine(let line), .failure(let error)):
            // Changed or deleted by someone else since it was shown: nothing is deleted, and
            // the list shows the line as it is now.
            return [.status(StatusMessage(LedgerConflictView.deleteRefused(error, label: line.entry.label, ctx: ctx), isError: true))]
        case (.restoreLedgerLine(let entry, _), .success):
            ledger.lastDeleted = nil
            return [.status(StatusMessage(l.pick("\"\(entry.label)\" staat er weer.", "\"\(entry.label)\" is back.")))]
        case (.addLedgerLine(let entry, _), .success(.ledgerLine(let saved))):
            ledger.selected[saved.entry.section] = ledger.lines(in: saved.entry.section).firstIndex { $0.id == saved.id } ?? 0
            // The next blank line in the same section: a list of lines is typed without leaving the form.
            ledger.form = LineForm(section: ledger.form?.section ?? saved.entry.section)
            return [.status(StatusMessage(l.pick("Bewaard: \(entry.label). Typ de volgende regel, of Esc.",
                                                 "Saved: \(entry.label). Type the next line, or Esc.")))]
        case (.updateLedgerLine(_, let entry, _), .success):
            let conflict = ledger.form?.conflict
            ledger.form = nil
            return [.status(StatusMessage(conflict.map { c in
                l.pick("Bewaard: \(entry.label), over de versie van \(c.who(l)) heen.", "Saved: \(entry.label), over \(c.who(l))'s version.")
            } ?? l.pick("Bewaard: \(entry.label).", "Saved: \(entry.label).")))]
        case (_, .failure(let error)):
            // Someone else changed or removed the line: the form keeps what was typed and
            // shows their version beside it, so nothing is lost and nothing overwritten
            // unseen. A save refused for another reason (a full disk) after a conflict keeps
            // the conflict: the form is still based on their version, which stays shown.
            guard var form = ledger.form else { return [.status(StatusMessage(error.message(in: l), isError: true))] }
            if let conflict = LedgerConflictView.conflict(error, form: form, lines: ledger.lines, ctx: ctx) {
                form.conflict = conflict
                form.mode = conflict.theirs.map(LineForm.Mode.edit) ?? .add
                ledger.form = form
                return [.status(StatusMessage(LedgerConflictView.refused(conflict, label: form.label.text, ctx: ctx), isError: true))]
            }
            return [.status(StatusMessage(error.message(in: l), isError: true))]
        default:
            return []
        }
    }
}
