import CaseStore
import Casework
import Foundation
import Terminal

/// Tab 4 of a household: its grant requests, the request form, and the steps after.
struct GrantsState {
    var list: [StoredGrant] = []
    var selected = 0
    var form: GrantRequestForm?
    /// When the oldest key not yet in the store's draft was typed: the draft is written
    /// within a second of it also while typing goes on (as a conversation's).
    var unsavedSince: Double?
    /// The evaluation being recorded for a paid grant.
    var evaluation: EvaluationForm?
    /// Submitting asks first: the request in the form, or else the selected draft.
    var confirmingSubmit = false
    /// Marking paid by hand asks first, saying whether the grant is in a payment batch.
    var confirmingPay: (grant: StoredGrant, batch: String?)?
    /// The grant just marked paid by hand: u takes it back.
    var lastPaid: StoredGrant?
    /// Withdrawing a draft or returned request asks first.
    var confirmingWithdraw: StoredGrant?
    /// An objection being recorded against the selected decision.
    var objection: (grant: StoredGrant, form: ObjectionForm)?
    var selectedGrant: StoredGrant? { list.indices.contains(selected) ? list[selected] : nil }
}

/// Whether it worked: the short-term goal (j/d/n), society's costs (h/g/l) and the
/// effect on participation in words.
struct EvaluationForm: Equatable {
    var grant: StoredGrant
    var shortTerm: Evaluation.Outcome?
    var societalCost: Evaluation.SocietalCost?
    var participation = TextField(text: "", cursor: 0, kind: .text, maxLength: 200)

    mutating func handle(_ key: Key) -> Bool {
        if shortTerm == nil, case .character(let c) = key {
            switch c { case "j", "y": shortTerm = .yes; case "d", "p": shortTerm = .partly; case "n": shortTerm = .no; default: break }
            return true
        }
        if societalCost == nil, case .character(let c) = key {
            switch c { case "h": societalCost = .higher; case "g", "s": societalCost = .similar; case "l": societalCost = .lower; default: break }
            return true
        }
        return participation.handle(key)
    }

    func prompt(_ l: Language) -> String {
        if shortTerm == nil { return l.pick("Doel op korte termijn bereikt? j ja · d deels · n nee", "Short-term goal reached? y yes · p partly · n no") }
        if societalCost == nil { return l.pick("Kosten voor de samenleving zonder deze bijstand: h hoger · g gelijk · l lager", "Society's costs without it: h higher · s similar · l lower") }
        return l.pick("Effect op meedoen (Enter bewaart): ", "Effect on participation (Enter saves): ")
    }
}

enum GrantsScreen {
    private static func here(_ s: HouseholdState) -> Bool { s.tab == .decisions && s.draftOffer == nil && s.grants != nil }
    private static func listing(_ s: HouseholdState) -> Bool {
        here(s) && s.grants?.form == nil && s.grants?.evaluation == nil && s.grants?.confirmingSubmit == false
            && s.grants?.confirmingPay == nil && s.grants?.confirmingWithdraw == nil && s.grants?.objection == nil
    }
    private static func inForm(_ s: HouseholdState) -> Bool { here(s) && s.grants?.form != nil && s.grants?.confirmingSubmit == false }
    private static func selected(_ s: HouseholdState, _ test: (Grant) -> Bool) -> Bool {
        listing(s) && (s.grants?.selectedGrant.map { test($0.grant) } ?? false)
    }

    /// The sentence for a grant's key pressed on a request where it cannot be done.
    private static func refusal(_ s: HouseholdState, _ say: (Grant) -> String) -> String? {
        guard listing(s), let g = s.grants?.selectedGrant else { return nil }
        return say(g.grant)
    }

    static var actions: [ScreenAction<HouseholdState>] {
        [
            ScreenAction(.add, label: { $0.pick("Nieuwe aanvraag", "New request") },
                         help: { $0.pick("Begin een aanvraag bijzondere bijstand", "Start a request for special assistance") },
                         when: { s, _ in listing(s) }),
            ScreenAction(.open, help: { $0.pick("Open de aanvraag (een concept kan nog worden gewijzigd)", "Open the request (a draft can still be changed)") },
                         when: { s, _ in selected(s) { _ in true } }),
            ScreenAction(.edit, label: { _ in nil }, help: { $0.pick("Open de aanvraag (een concept kan nog worden gewijzigd)", "Open the request (a draft can still be changed)") },
                         when: { s, _ in selected(s) { _ in true } }),
            ScreenAction(.submit, when: { s, _ in selected(s) { $0.status == .draft || $0.status == .returned } },
                         whyNot: { s, ctx in refusal(s) { ctx.l.pick("Alleen een concept of een teruggestuurde aanvraag kan worden ingediend; deze aanvraag is \($0.status.name(in: ctx.l)).",
                                                                      "Only a draft or a returned request can be submitted; this request is \($0.status.name(in: ctx.l)).") } }),
            ScreenAction(.delete, label: { $0.pick("Intrekken", "Withdraw") },
                         help: { $0.pick("Trek een concept of teruggestuurde aanvraag in (vraagt eerst; hij blijft in het dossier)",
                                         "Withdraw a draft or returned request (asks first; it stays on record)") },
                         when: { s, _ in selected(s) { $0.status == .draft || $0.status == .returned } },
                         whyNot: { s, ctx in refusal(s) { ctx.l.pick("Alleen een concept of een teruggestuurde aanvraag kan worden ingetrokken; deze is \($0.status.name(in: ctx.l)).",
                                                                      "Only a draft or a returned request can be withdrawn; this one is \($0.status.name(in: ctx.l)).") } }),
            ScreenAction(.letter, when: { s, _ in selected(s) { $0.status.isDecided && $0.status != .returned } },
                         whyNot: { s, ctx in refusal(s) { _ in ctx.l.pick("Er is nog geen besluit over deze aanvraag.", "There is no decision on this request yet.") } }),
            // Shown to team leaders only: a caseworker's key bar does not offer what is refused.
            ScreenAction(.pay, when: { s, ctx in ctx.staff.role == .teamleader && selected(s) { $0.status == .approved } },
                         whyNot: { s, ctx in
                             ctx.staff.role != .teamleader && selected(s) { $0.status == .approved }
                                 ? ctx.l.pick("Op betaald zetten doet een teamleider.", "Marking paid is for a team leader.")
                                 : refusal(s) { _ in ctx.l.pick("Alleen een toegekende aanvraag kan op betaald.", "Only an approved grant can be marked paid.") }
                         }),
            ScreenAction(.evaluate, when: { s, _ in selected(s) { $0.status == .paid } },
                         whyNot: { s, ctx in refusal(s) { _ in ctx.l.pick("Evalueren kan op een betaalde aanvraag.", "Only a paid grant can be evaluated.") } }),
            // the request form
            ScreenAction(.save, label: { $0.pick("Concept", "Draft") }, help: { $0.pick("Bewaar als concept", "Save as draft") },
                         when: { s, _ in inForm(s) }),
            ScreenAction(.submit, when: { s, _ in inForm(s) }),
            ScreenAction(.nextField, when: { s, _ in inForm(s) }),
            ScreenAction(.cancel, label: { $0.pick("Sluiten", "Close") }, help: { $0.pick("Sluiten zonder bewaren", "Close without saving") },
                         when: { s, _ in inForm(s) }),
            // submitting asks first
            ScreenAction(.confirm, label: { $0.pick("Indienen", "Submit") }, help: { $0.pick("Ja, dien de aanvraag in", "Yes, submit the request") },
                         when: { s, _ in here(s) && s.grants?.confirmingSubmit == true }),
            ScreenAction(.cancel, label: { $0.pick("Niet indienen", "Do not submit") }, help: { $0.pick("Terug zonder in te dienen", "Back without submitting") },
                         when: { s, _ in here(s) && s.grants?.confirmingSubmit == true }),
            ScreenAction(.objection, when: { s, _ in selected(s) { [.approved, .rejected, .paid, .evaluated].contains($0.status) && $0.openObjection == nil } },
                         whyNot: { s, ctx in refusal(s) { g in g.openObjection != nil
                             ? GrantRefusal.objectionAlreadyOpen.message(in: ctx.l) : GrantRefusal.objectionWithoutDecision(g.status).message(in: ctx.l) } }),
            // recording an objection
            ScreenAction(.confirm, label: { $0.pick("Vastleggen", "Record") }, help: { $0.pick("Leg het bezwaar vast", "Record the objection") },
                         when: { s, _ in here(s) && s.grants?.objection != nil }),
            ScreenAction(.nextField, when: { s, _ in here(s) && s.grants?.objection != nil }),
            ScreenAction(.cancel, help: { $0.pick("Stop zonder vast te leggen", "Stop without recording") },
                         when: { s, _ in here(s) && s.grants?.objection != nil }),
            // withdrawing asks first
            ScreenAction(.confirm, label: { $0.pick("Intrekken", "Withdraw") }, help: { $0.pick("Ja, trek de aanvraag in", "Yes, withdraw the request") },
                         when: { s, _ in here(s) && s.grants?.confirmingWithdraw != nil }),
            ScreenAction(.cancel, label: { $0.pick("Niet", "No") }, help: { $0.pick("Terug zonder iets te veranderen", "Back without changing anything") },
                         when: { s, _ in here(s) && s.grants?.confirmingWithdraw != nil }),
            // marking paid by hand asks first; u takes it back
            ScreenAction(.confirm, label: { $0.pick("Op betaald", "Mark paid") }, help: { $0.pick("Ja, de betaling is gedaan", "Yes, the payment was made") },
                         when: { s, _ in here(s) && s.grants?.confirmingPay != nil }),
            ScreenAction(.cancel, label: { $0.pick("Niet", "No") }, help: { $0.pick("Terug zonder iets te veranderen", "Back without changing anything") },
                         when: { s, _ in here(s) && s.grants?.confirmingPay != nil }),
            ScreenAction(.undo, label: { $0.pick("Terug", "Undo") }, help: { $0.pick("Zet de laatst op betaald gezette aanvraag terug", "Take back the payment just marked") },
                         when: { s, _ in listing(s) && s.grants?.lastPaid != nil }),
            // the evaluation of a paid grant
            ScreenAction(.confirm, label: { $0.pick("Bewaren", "Save") }, help: { $0.pick("Leg de evaluatie vast", "Record the evaluation") },
                         when: { s, _ in here(s) && s.grants?.evaluation.map { $0.shortTerm != nil && $0.societalCost != nil } == true }),
            ScreenAction(.cancel, help: { $0.pick("Stop zonder vast te leggen", "Stop without recording") },
                         when: { s, _ in here(s) && s.grants?.evaluation != nil }),
        ]
    }

    static func isBusy(_ grants: GrantsState) -> Bool {
        grants.form != nil || grants.evaluation != nil || grants.confirmingSubmit || grants.confirmingPay != nil
            || grants.confirmingWithdraw != nil || grants.objection != nil
    }

    static func extraHelp(_ l: Language) -> [HelpOverlay.Section] {
        [(l.pick("In een aanvraag", "In a request"),
          [("← → " + l.pick("letter", "letter"), l.pick("Kies route, soort, vorm en plandoel", "Choose route, category, form and plan goal")),
           (l.pick("Kosten zonder", "Costs without"), l.pick("één post per regel: omschrijving | bedrag", "one item per line: label | amount"))])]
    }

    static func load(_ id: String, _ ctx: ScreenContext) throws -> GrantsState {
        var state = GrantsState()
        state.list = try ctx.reads.grants(household: id)
        return state
    }

    /// Handles a key on tab 4; nil when it is not this tab's (tabs, back).
    static func handle(_ command: Command?, key: Key, household: inout HouseholdState, _ ctx: ScreenContext) -> [Effect]? {
        guard var grants = household.grants else { return nil }
        defer { household.grants = grants }
        let l = ctx.l, id = household.id
        if var objection = grants.objection {
            switch command {
            case .cancel?: grants.objection = nil
            case .confirm?:
                guard let day = objection.form.receivedDay else {
                    return [.status(StatusMessage(l.pick("Schrijf de ontvangstdatum als dd-mm-jjjj.", "Write the date received as dd-mm-yyyy."), isError: true))]
                }
                return [.store(.recordObjection(objection.grant, received: day, grounds: objection.form.grounds.text))]
            default:
                objection.form.handle(key)
                grants.objection = objection
            }
            return []
        }
        if let withdraw = grants.confirmingWithdraw {
            grants.confirmingWithdraw = nil
            return command == .confirm ? [.store(.withdrawGrant(withdraw))] : []
        }
        if let pay = grants.confirmingPay {
            grants.confirmingPay = nil
            return command == .confirm ? [.store(.payGrant(pay.grant))] : []
        }
        if grants.confirmingSubmit {
            grants.confirmingSubmit = false
            guard command == .confirm else { return [] }
            if let form = grants.form {
                switch form.grant(l) {
                case .failure(let problem): return [.status(StatusMessage(problem.message, isError: true))]
                case .success(let grant): return [.store(.submitGrant(grant, stored: form.stored, household: id))]
                }
            }
            if let g = grants.selectedGrant { return [.store(.submitGrant(g.grant, stored: g, household: id))] }
            return []
        }
        if var evaluation = grants.evaluation {
            switch command {
            case .cancel?: grants.evaluation = nil
            case .confirm?:
                guard let shortTerm = evaluation.shortTerm else { return [] }
                return [.store(.evaluateGrant(evaluation.grant, Evaluation(shortTerm: shortTerm, participation: evaluation.participation.text,
                                                                           societalCost: evaluation.societalCost)))]
            default:
                _ = evaluation.handle(key)
                grants.evaluation = evaluation
            }
            return []
        }
        if var form = grants.form {
            if command != .cancel { form.leaving = false }
            switch command {
            case .cancel?:
                // What was typed is not thrown away on one key: the first Esc says so.
                if form.changed && !form.leaving {
                    form.leaving = true
                    grants.form = form
                    return [.status(StatusMessage(l.pick("Deze aanvraag is niet bewaard: F2 bewaart hem als concept; nog een keer Esc gooit het getypte weg.",
                                                         "This request is not saved: F2 saves it as a draft; Esc once more throws away what was typed.")))]
                }
                grants.form = nil
                return [.store(.discardGrantFormDraft(household: id))]
            case .save?:
                switch form.grant(l) {
                case .failure(let problem): return [.status(StatusMessage(problem.message, isError: true))]
                case .success(let grant): return [.store(.saveGrantDraft(grant, stored: form.stored, household: id))]
                }
            case .submit?:
                // Submitting asks first: it is a decision on a resident's money.
                if case .failure(let problem) = form.grant(l) { return [.status(StatusMessage(problem.message, isError: true))] }
                grants.confirmingSubmit = true
            default:
                if key == .enter, !form.field.isEditor {
                    if form.focus < GrantRequestForm.Field.allCases.count - 1 { form.move(1) }
                } else {
                    let before = form.typed
                    _ = form.handle(key, goals: household.file.plan?.goals ?? [], width: max(20, ctx.size.width - 40))
                    if form.typed != before { form.dirty = true; form.changed = true }
                }
                grants.form = form
                // Typing without a pause still reaches the store within a second of its oldest key.
                if form.dirty {
                    let since = grants.unsavedSince ?? ctx.now
                    grants.unsavedSince = since
                    if ctx.now - since >= ConversationsState.draftDelay, let draft = draft(&grants, household: id) { return [draft] }
                }
            }
            return []
        }
        if command == nil, let move = Move(key) {
            grants.selected = move.applied(to: grants.selected, count: grants.list.count, page: ctx.size.height - 8)
            return []
        }
        let g = grants.selectedGrant
        switch command {
        case .add?: grants.form = GrantRequestForm()
        case .open?, .edit?: if let g { grants.form = GrantRequestForm(g) }
        case .submit?: if g != nil { grants.confirmingSubmit = true }
        case .delete?: grants.confirmingWithdraw = g
        case .objection?: if let g { grants.objection = (g, ObjectionForm(today: ctx.today)) }
        case .letter?:
            if let g {
                guard DecisionLetter.Kind(g.grant.status) != nil else {
                    return [.status(StatusMessage(ctx.l.pick("Over deze aanvraag is nog niet beslist; een besluitbrief komt er na goedkeuren of afwijzen.",
                                                             "This request is not decided yet; a decision letter follows approval or rejection."),
                                                  isError: true))]
                }
                // Sent already for this decision: its letter again, identical (the decision was
                // made known on that day; a new letter would carry another date and term).
                if let sent = try? ctx.reads.decisionLetter(of: g.grant), let day = Moment(iso: sent.writtenAt)?.localDate {
                    return [.store(.printLetterCopy(sent.text, name: "besluit-\(g.id)-kopie.txt", sentOn: day))]
                }
                // The sender is the municipality's settings in the store; without them no letter.
                guard let municipality = try? ctx.reads.municipality() else {
                    return [.status(StatusMessage(ctx.l.pick("De gemeente is nog niet ingesteld: een teamleider doet dat met keukentafel municipality set.",
                                                             "The municipality is not set yet: a team leader sets it with keukentafel municipality set."),
                                                  isError: true))]
                }
                guard !municipality.signer.trimmingCharacters(in: .whitespaces).isEmpty,
                      !municipality.signerRole.trimmingCharacters(in: .whitespaces).isEmpty else {
                    return [.status(StatusMessage(ctx.l.pick("Wie de brief ondertekent ontbreekt (signer en signerRole): een teamleider vult ze aan met keukentafel municipality set.",
                                                             "Who signs the letter is missing (signer and signerRole): a team leader adds them with keukentafel municipality set."),
                                                  isError: true))]
                }
                guard let text = DecisionLetter.text(grant: g.grant, household: household.file.household,
                                               sender: DecisionLetter.Sender(municipality, team: ctx.staff.team.isEmpty ? "Wijkteam" : ctx.staff.team),
                                               sent: ctx.today,
                                               figures: g.grant.snapshot == nil
                                                   ? household.figures(ctx, excludingGrant: g.id).map { FinancialSnapshot(overview: $0, cost: g.grant.amount) } : nil,
                                               practice: ctx.storeKind == .demo) else { return [] }
                return [.store(.writeLetter(g, household: id, text: text))]
            }
        case .pay?:
            // Money: a team leader's, and only after a question that says what it means.
            guard ctx.staff.role == .teamleader else {
                return [.status(StatusMessage(l.pick("Op betaald zetten doet een teamleider.", "Marking paid is for a team leader."), isError: true))]
            }
            if let g { grants.confirmingPay = (g, try? ctx.reads.paymentBatch(ofGrant: g.id)) }
        case .undo?:
            if let paid = grants.lastPaid, let now = grants.list.first(where: { $0.id == paid.id }) { return [.store(.unpayGrant(now))] }
        case .evaluate?: if let g { grants.evaluation = EvaluationForm(grant: g) }
        default: return nil
        }
        return []
    }

    /// What came of a grant's write: the list read again and a sentence that says what
    /// happened — or, refused, every reason, with the form kept as it was typed.
    static func receive(_ request: StoreRequest, _ result: Result<StoreReply, StoreError>, household: inout HouseholdState,
                        _ ctx: ScreenContext) -> [Effect] {
        guard var grants = household.grants else { return [] }
        defer { household.grants = grants }
        let l = ctx.l
        if let list = try? ctx.reads.grants(household: household.id) { grants.list = list }
        switch result {
        case .failure(let error):
            return [.status(StatusMessage(error.message(in: l), isError: true))]
        case .success(let reply):
            switch (request, reply) {
            case (.saveGrantDraft, .grant(let saved)):
                grants.form = nil
                return [.status(StatusMessage(l.pick("Concept \(saved.id) bewaard.", "Draft \(saved.id) saved."))),
                        .store(.discardGrantFormDraft(household: household.id))]
            case (.submitGrant, .submitted(let result)):
                grants.form = nil
                return [.store(.discardGrantFormDraft(household: household.id)), .status(StatusMessage(result.grant.status == .approved
                    ? l.pick("\(result.id) ingediend en binnen het mandaat toegekend; de teamleider ziet hem achteraf.",
                             "\(result.id) submitted and approved within the mandate; the team leader reviews it afterwards.")
                    : l.pick("\(result.id) ingediend; hij wacht op de teamleider.", "\(result.id) submitted; it waits for the team leader.")))]
            case (.submitGrant, .notSubmitted(let draft, let reasons)):
                // Kept as a draft, so the next try updates it rather than adding another.
                grants.form?.stored = draft
                return [.status(StatusMessage(l.pick("Niet ingediend: ", "Not submitted: ") + reasons.map { $0.message(in: l) }.joined(separator: " "),
                                              isError: true))]
            case (.recordObjection(let g, _, _), .grant(let after)):
                grants.objection = nil
                let due = after.grant.openObjection.map(\.decisionDue.dutch) ?? "—"
                let late = after.grant.openObjection?.isLate == true
                return [.status(StatusMessage(l.pick("Bezwaar tegen \(g.id) vastgelegd; de teamleider beslist uiterlijk \(due)." + (late ? " Het kwam na de bezwaartermijn binnen." : ""),
                                                     "Objection against \(g.id) recorded; the team leader decides by \(due)." + (late ? " It came in after the objection term." : ""))))]
            case (.withdrawGrant(let g), _):
                return [.status(StatusMessage(l.pick("\(g.id) is ingetrokken; hij blijft in het dossier.", "\(g.id) is withdrawn; it stays on record.")))]
            case (.unpayGrant(let g), _):
                grants.lastPaid = nil
                return [.status(StatusMessage(l.pick("\(g.id) staat weer op toegekend en is opnieuw te betalen.", "\(g.id) is approved again and payable."))),]
            case (.payGrant(let g), _):
                grants.lastPaid = grants.list.first { $0.id == g.id }
                return [.status(StatusMessage(l.pick("\(g.id) staat op betaald; u zet dat terug.", "\(g.id) is marked paid; u takes that back.")))]
            case (.evaluateGrant(let g, _), _):
                grants.evaluation = nil
                return [.status(StatusMessage(l.pick("Evaluatie van \(g.id) vastgelegd.", "Evaluation of \(g.id) recorded.")))]
            case (.printLetterCopy(_, _, let day), .file(let path)):
                return [.status(StatusMessage(l.pick("De brief ging al op \(day.dutch) uit; een kopie ervan: \(path)",
                                                     "The letter went out on \(day.dutch) already; a copy of it: \(path)")))]
            case (.writeLetter, .file(let path)):
                return [.status(StatusMessage(l.pick("Besluitbrief geschreven: \(path)", "Decision letter written: \(path)")))]
            default:
                return []
            }
        }
    }
}
