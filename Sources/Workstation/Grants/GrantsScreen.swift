import CaseStore
import Casework
import Foundation
import Terminal

/// Tab 4 of a household: its grant requests, the request form, and the steps after.
struct GrantsState {
    var list: [StoredGrant] = []
    var selected = 0
    var form: GrantRequestForm?
    /// The evaluation being recorded for a paid grant.
    var evaluation: EvaluationForm?
    var selectedGrant: StoredGrant? { list.indices.contains(selected) ? list[selected] : nil }
}

enum GrantsAction: Hashable, Sendable { case help, add, open, submit, letter, pay, evaluate, back }

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
    static func actions(_ l: Language) -> ActionTable<GrantsAction> {
        ActionTable(actions: [
            Action(id: .help, keys: [.function(1), .character("?")], barLabel: l.pick("Help", "Help"), help: l.pick("Deze hulp", "This help")),
            Action(id: .add, keys: [.character("a"), .insert], barLabel: l.pick("Nieuwe aanvraag", "New request"),
                   help: l.pick("Begin een aanvraag bijzondere bijstand", "Start a request for special assistance")),
            Action(id: .open, keys: [.enter, .character("e")], barLabel: l.pick("Openen", "Open"),
                   help: l.pick("Open de aanvraag (een concept kan nog worden gewijzigd)", "Open the request (a draft can still be changed)")),
            Action(id: .submit, keys: [.character("i")], barLabel: l.pick("Indienen", "Submit"),
                   help: l.pick("Dien het gekozen concept in; tot het mandaat is het daarmee toegekend", "Submit the selected draft; within the mandate that approves it")),
            Action(id: .letter, keys: [.character("l")], barLabel: l.pick("Brief", "Letter"),
                   help: l.pick("Schrijf de besluitbrief van een besluit als tekstbestand", "Write the decision letter as a text file")),
            Action(id: .pay, keys: [.character("b")], barLabel: l.pick("Betaald", "Paid"),
                   help: l.pick("Zet een toegekende aanvraag op betaald (nu, door u)", "Mark an approved grant paid (now, by you)")),
            Action(id: .evaluate, keys: [.character("v")], barLabel: l.pick("Evalueren", "Evaluate"),
                   help: l.pick("Leg vast of het werkte (op een betaalde aanvraag)", "Record whether it worked (on a paid grant)")),
            Action(id: .back, keys: [.escape, .character("q")], barLabel: l.pick("Terug", "Back"), help: l.pick("Terug naar de caseload", "Back to the caseload")),
        ])
    }

    static func formHelp(_ l: Language) -> [(keys: String, text: String)] {
        [("Tab Shift-Tab", l.pick("Volgend / vorig veld", "Next / previous field")),
         ("← → letter", l.pick("Kies route, soort, vorm en plandoel", "Choose route, category, form and plan goal")),
         ("F2", l.pick("Bewaar als concept", "Save as draft")),
         ("F4", l.pick("Indienen: de regels toetsen alles en noemen elke reden", "Submit: the rules check everything and name every reason")),
         (l.pick("Kosten zonder", "Costs without"), l.pick("één post per regel: omschrijving | bedrag", "one item per line: label | amount")),
         ("Esc", l.pick("Sluiten zonder bewaren", "Close without saving"))]
    }

    static func load(_ id: String, env: AppEnvironment) throws -> GrantsState {
        var state = GrantsState()
        state.list = try env.store.grants(household: id)
        return state
    }

    static func handle(_ key: Key, household: inout HouseholdState, state: inout AppState, env: AppEnvironment) throws -> Bool {
        guard var grants = household.grants else { return false }
        defer { household.grants = grants }
        let l = env.l
        if var evaluation = grants.evaluation {
            switch key {
            case .escape: grants.evaluation = nil
            case .enter where evaluation.shortTerm != nil && evaluation.societalCost != nil:
                _ = try env.store.evaluateGrant(evaluation.grant, Evaluation(shortTerm: evaluation.shortTerm!,
                                                                            participation: evaluation.participation.text,
                                                                            societalCost: evaluation.societalCost), by: env.actor)
                grants.evaluation = nil
                grants.list = try env.store.grants(household: household.id)
                state.message = StatusMessage(l.pick("Evaluatie van \(evaluation.grant.id) vastgelegd.", "Evaluation of \(evaluation.grant.id) recorded."))
            default:
                _ = evaluation.handle(key)
                grants.evaluation = evaluation
            }
            return true
        }
        if var form = grants.form {
            switch key {
            case .escape: grants.form = nil
            case .function(2):
                if let saved = try saveDraft(form, household: household.id, state: &state, env: env) {
                    grants.list = try env.store.grants(household: household.id)
                    grants.form = nil
                    state.message = StatusMessage(l.pick("Concept \(saved.id) bewaard.", "Draft \(saved.id) saved."))
                }
            case .function(4):
                if let saved = try saveDraft(form, household: household.id, state: &state, env: env) {
                    form.stored = saved
                    grants.form = form
                    if try submit(saved, state: &state, env: env) { grants.form = nil }
                    grants.list = try env.store.grants(household: household.id)
                }
            case .function(1): state.help = 0
            default:
                _ = form.handle(key, goals: household.file.plan?.goals ?? [], width: max(20, state.size.width - 40))
                grants.form = form
            }
            return true
        }
        switch key {
        case .up, .character("k"): grants.selected = max(0, grants.selected - 1); return true
        case .down, .character("j"): grants.selected = min(max(0, grants.list.count - 1), grants.selected + 1); return true
        case .home: grants.selected = 0; return true
        case .end: grants.selected = max(0, grants.list.count - 1); return true
        default: break
        }
        switch actions(l).action(for: key) {
        case .help?: state.help = 0
        case .add?: grants.form = GrantRequestForm()
        case .open?: if let g = grants.selectedGrant { grants.form = GrantRequestForm(g) }
        case .submit?:
            if let g = grants.selectedGrant { _ = try submit(g, state: &state, env: env); grants.list = try env.store.grants(household: household.id) }
        case .letter?:
            if let g = grants.selectedGrant {
                guard g.grant.status.isDecided && g.grant.status != .returned else {
                    state.message = StatusMessage(l.pick("Er is nog geen besluit over deze aanvraag.", "There is no decision on this request yet."), isError: true)
                    return true
                }
                let path = env.outputFolder + "/besluit-\(g.id).txt"
                let text = DecisionLetter.text(grant: g.grant, household: household.file.household,
                                               sender: DecisionLetter.Sender(team: env.staff.team.isEmpty ? "Wijkteam" : env.staff.team),
                                               sent: env.today,
                                               figures: (try? household.file.overview(today: env.today).get()).map { FinancialSnapshot(overview: $0, cost: g.grant.amount) })
                guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
                    throw StoreError.cannotCreate(path: path, reason: "cannot write")
                }
                try env.store.recordView(by: env.actor, household: household.id, action: "grant.letter", detail: g.id)
                state.message = StatusMessage(l.pick("Besluitbrief geschreven: \(path)", "Decision letter written: \(path)"))
            }
        case .pay?:
            if let g = grants.selectedGrant {
                _ = try env.store.payGrant(g, by: env.actor)
                grants.list = try env.store.grants(household: household.id)
                state.message = StatusMessage(l.pick("\(g.id) staat op betaald.", "\(g.id) is marked paid."))
            }
        case .evaluate?:
            if let g = grants.selectedGrant {
                guard g.grant.status == .paid else {
                    state.message = StatusMessage(l.pick("Evalueren kan op een betaalde aanvraag.", "Only a paid grant can be evaluated."), isError: true)
                    return true
                }
                grants.evaluation = EvaluationForm(grant: g)
            }
        case .back?, nil: return false
        }
        return true
    }

    /// Saves the form as a draft; nil (with the reason on the status line) when it cannot.
    private static func saveDraft(_ form: GrantRequestForm, household: String, state: inout AppState, env: AppEnvironment) throws -> StoredGrant? {
        switch form.grant(env.l) {
        case .failure(let problem):
            state.message = StatusMessage(problem.message, isError: true)
            return nil
        case .success(let grant):
            if let stored = form.stored { return try env.store.updateGrantDraft(stored, to: grant, by: env.actor) }
            return try env.store.addGrantDraft(grant, household: household, by: env.actor)
        }
    }

    /// Submits; every reason it is refused goes on the status line. True when it went in.
    private static func submit(_ grant: StoredGrant, state: inout AppState, env: AppEnvironment) throws -> Bool {
        let l = env.l
        do {
            let result = try env.store.submitGrant(grant, by: env.actor)
            state.message = StatusMessage(result.grant.status == .approved
                ? l.pick("\(result.id) ingediend en binnen het mandaat toegekend; de teamleider ziet hem achteraf.",
                         "\(result.id) submitted and approved within the mandate; the team leader reviews it afterwards.")
                : l.pick("\(result.id) ingediend; hij wacht op de teamleider.", "\(result.id) submitted; it waits for the team leader."))
            return true
        } catch StoreError.grantRefusals(let reasons) {
            state.message = StatusMessage(l.pick("Niet ingediend: ", "Not submitted: ") + reasons.map { $0.message(in: l) }.joined(separator: " "),
                                          isError: true)
            return false
        }
    }
}
