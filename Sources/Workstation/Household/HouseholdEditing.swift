import CaseStore
import Casework
import Terminal

/// A question before a change that cannot be taken back by a key: removing a member or a
/// goal, taking over a household, opening a closed one again.
struct Confirmation: Equatable {
    let title: String
    let message: String
    let yes: String
    let edit: HouseholdEdit
}

/// The forms and questions the overview and the plan share: one at a time, over the tab.
/// A save is one effect; what came of it returns here — the household as it is now, or a
/// refusal: someone else's newer version (kept beside what was typed), or a rule.
enum HouseholdEditing {
    static func editing(_ s: HouseholdState) -> Bool { s.edit != nil && s.draftOffer == nil }
    static func asking(_ s: HouseholdState) -> Bool { s.confirm != nil && s.draftOffer == nil }
    /// The handover note the receiver has not read yet, shown on opening.
    static func handoverUnread(_ s: HouseholdState) -> Bool { s.handoverOpen && s.draftOffer == nil }

    /// Whether `rows` hold a handover note that `user`, its receiver, has not answered yet.
    static func handoverFor(_ user: String, in rows: HouseholdRows) -> Bool {
        rows.record.handover?.unread == true && rows.record.caseworker == user
    }

    static var actions: [ScreenAction<HouseholdState>] {
        [
            ScreenAction(.confirm, label: { $0.pick("Gelezen", "Read") }, help: { $0.pick("De overdracht is gelezen", "The handover is read") },
                         when: { s, _ in handoverUnread(s) }),
            ScreenAction(.save, help: { $0.pick("Sla op wat in het formulier staat", "Save what is in the form") },
                         when: { s, _ in editing(s) && s.edit?.form.theirs == nil }),
            ScreenAction(.save, label: { $0.pick("Mijn versie opslaan", "Save mine") },
                         help: { $0.pick("Sla uw versie op, bewust over die van de ander heen (staat in het logboek)",
                                         "Save your version, knowingly over the other's (recorded in the audit trail)") },
                         when: { s, _ in editing(s) && s.edit?.form.theirs != nil }),
            ScreenAction(.nextField, when: { s, _ in editing(s) }),
            ScreenAction(.cancel, help: { $0.pick("Sluit het formulier zonder op te slaan", "Close the form without saving") },
                         when: { s, _ in editing(s) && s.edit?.form.theirs == nil }),
            ScreenAction(.keepTheirs, when: { s, _ in editing(s) && s.edit?.form.theirs != nil }),
            ScreenAction(.confirm, label: { s in s.pick("Ja", "Yes") }, help: { $0.pick("Ja: doe wat de vraag zegt", "Yes: do what the question says") },
                         when: { s, _ in asking(s) }),
            ScreenAction(.cancel, label: { $0.pick("Nee", "No") }, help: { $0.pick("Nee: laat alles zoals het is", "No: leave everything as it is") },
                         when: { s, _ in asking(s) }),
        ]
    }

    /// Keys while a form, a question or the handover note is open; nil when none is.
    static func handle(_ command: Command?, key: Key, household s: inout HouseholdState, _ ctx: ScreenContext) -> [Effect]? {
        if handoverUnread(s) {
            guard command == .confirm else { return [] }
            s.handoverOpen = false
            return [.store(.editHousehold(.handoverRead, household: s.id))]
        }
        if let question = s.confirm {
            switch command {
            case .confirm?:
                s.confirm = nil
                return [.store(.editHousehold(question.edit, household: s.id))]
            case .cancel?: s.confirm = nil
            default: break
            }
            return []
        }
        guard var edit = s.edit else { return nil }
        switch command {
        case .cancel?, .keepTheirs?:
            s.edit = nil
            return [.status(StatusMessage(command == .keepTheirs ? ctx.l.pick("Hun versie blijft staan.", "Their version stays.")
                                          : ctx.l.pick("Niets opgeslagen.", "Nothing saved.")))]
        case .save?:
            switch edit.request(s, ctx: ctx) {
            case .failure(let problem):
                edit.form.show(problem)
                s.edit = edit
                return []
            case .success(let change):
                return [.store(.editHousehold(change, household: s.id))]
            }
        default:
            _ = edit.form.handle(key)
            s.edit = edit
            return []
        }
    }

    /// What came of a change: the household read again and the form closed, or the refusal.
    static func receive(_ change: HouseholdEdit, _ result: Result<StoreReply, StoreError>, household s: inout HouseholdState,
                        _ ctx: ScreenContext) -> [Effect] {
        let l = ctx.l
        switch result {
        case .success(.household(let file, let rows)):
            s.file = file
            s.rows = rows
            // Figures follow the members (a role or a birth date moves the norm): read again when shown.
            s.ledger = nil
            s.grants = nil
            s.edit = nil
            if case .addScore = change {
                s.overview.undoScore = rows.scores.filter { $0.changedBy == ctx.staff.user }.max { $0.id < $1.id }
            } else if case .undoScore = change {
                s.overview.undoScore = nil
            }
            // A member removed, the last open agreement done: the choice moves to what is still there.
            let items = HouseholdOverview.items(HouseholdOverview.rows(s, ctx: ctx, width: ctx.size.width - 3))
            if let selected = s.overview.selected, !items.contains(selected) {
                s.overview.selected = items.last { item in
                    switch (item, selected) {
                    case (.member, .member), (.signal, .signal), (.agreement, .agreement), (.condition, .condition), (.score, .score), (.goal, .goal): true
                    default: false
                    }
                } ?? items.first
            }
            return [.status(StatusMessage(done(change, l)))]
        case .success: return []
        case .failure(let error):
            guard var edit = s.edit else { return [.status(StatusMessage(error.message(in: l), isError: true))] }
            switch error {
            case .conflict, .rowGone:
                // Someone else saved this item first: what they saved beside what was typed.
                guard let rows = try? ctx.reads.householdRows(s.id), let fresh = edit.refreshed(rows) else {
                    s.edit = nil
                    return [.status(StatusMessage(error.message(in: l), isError: true))]
                }
                s.rows = rows
                if let file = try? ctx.reads.caseFile(s.id) { s.file = file }
                let theirs = EditForm.make(fresh, household: s, ctx: ctx).form
                edit.purpose = fresh
                edit.overwriting = true
                edit.form.theirs = Dictionary(uniqueKeysWithValues: theirs.fields.map { ($0.id, theirs.shown($0)) })
                s.edit = edit
                return [.status(StatusMessage(error.message(in: l), isError: true))]
            default:
                edit.form.problem = FieldForm.Problem(field: edit.form.focused.id, message: error.message(in: l))
                s.edit = edit
                return []
            }
        }
    }

    /// What the status line says after a change.
    static func done(_ change: HouseholdEdit, _ l: Language) -> String {
        switch change {
        case .addMember(let m): l.pick("\(m.name) toegevoegd.", "\(m.name) added.")
        case .updateMember(_, let m, _): l.pick("\(m.name) opgeslagen.", "\(m.name) saved.")
        case .deleteMember(let s): l.pick("\(s.value.name) is uit het huishouden gehaald.", "\(s.value.name) was removed from the household.")
        case .nameAndAddress: l.pick("Naam en adres opgeslagen.", "Name and address saved.")
        case .addScore(let s): l.pick("\(s.domain.name(in: l)): \(s.score) \(ZRM.label(s.score, in: l)). u zet het terug.",
                                      "\(s.domain.name(in: l)): \(s.score) \(ZRM.label(s.score, in: l)). u takes it back.")
        case .undoScore(let s): l.pick("Score \(s.value.domain.name(in: l)) teruggezet.", "Score of \(s.value.domain.name(in: l)) taken back.")
        case .addSignal, .updateSignal: l.pick("Signaal opgeslagen.", "Signal saved.")
        case .updateAgreement: l.pick("Afspraak opgeslagen.", "Agreement saved.")
        case .updateCondition(let g, _, _): l.pick("Voorwaarde van \(g.id) opgeslagen.", "Condition of \(g.id) saved.")
        case .addGoal, .updateGoal: l.pick("Plan opgeslagen.", "Plan saved.")
        case .deleteGoal: l.pick("Doel verwijderd.", "Goal removed.")
        case .reviewDate: l.pick("Evaluatiedatum opgeslagen.", "Review date saved.")
        case .assign(let to, _): l.pick("Het huishouden is nu van \(to).", "The household is now held by \(to).")
        case .close: l.pick("Het huishouden is gesloten; het staat onder F4 bij de gesloten huishoudens.",
                            "The household is closed; F4 lists it among the closed households.")
        case .reopen: l.pick("Het huishouden is weer open.", "The household is open again.")
        case .handoverRead: l.pick("Overdracht gelezen; hij blijft in het overzicht staan.", "Handover read; it stays in the overview.")
        }
    }

    /// The form or the question over the tab, or the handover note on opening.
    static func render(_ s: HouseholdState, ctx: ScreenContext, into buffer: inout ScreenBuffer, area: Rect, buttons: [KeyHint]) {
        let l = ctx.l
        if handoverUnread(s), let handover = s.rows?.record.handover {
            Dialog(title: l.pick("Overdracht van \(handover.by)", "Handover from \(handover.by)"), message: handover.note,
                   buttons: buttons).render(into: &buffer, bounds: area)
        } else if let question = s.confirm {
            Dialog(title: question.title, message: question.message, buttons: buttons).render(into: &buffer, bounds: area)
        } else if let edit = s.edit {
            FieldFormView.render(edit.form, ctx: ctx, into: &buffer, bounds: area) { edit.note($0, ctx: ctx) }
        }
    }
}
