import CaseStore
import Casework
import Terminal

/// What a form of the overview or the plan changes: the item it was opened on, as stored
/// (nil for a new one), so the save names the version it is based on.
enum EditPurpose: Equatable {
    case nameAndAddress(HouseholdRecord)
    case member(Stored<Member>?)
    case score
    case signal(Stored<Signal>?)
    case agreement(StoredAgreement)
    /// A condition of a decided grant, kept as an agreement with the grant.
    case condition(StoredGrant, index: Int)
    case goal(Stored<Goal>?)
    /// An action of a goal: its place, or nil for a new one.
    case action(Stored<Goal>, index: Int?)
    case reviewDate(HouseholdRecord)
    /// Assign or transfer (team leaders): to whom, from the staff list, with a note.
    case assign(candidates: [StaffMember])
    case close
}

/// A form of the overview or the plan: the fields, what they change, and whether the next
/// save goes knowingly over someone else's version.
struct EditForm: Equatable {
    var form: FieldForm
    var purpose: EditPurpose
    var overwriting = false

    static func yesNo(_ l: Language) -> [String] { [l.pick("nee", "no"), l.pick("ja", "yes")] }
    static func domains(_ l: Language) -> [String] { LifeDomain.allCases.map { $0.name(in: l) } }
    static func scores(_ l: Language) -> [String] { (1...5).map { "\($0) " + ZRM.label($0, in: l) } }

    /// The form for `purpose`, filled with what is stored (or the defaults of a new one).
    static func make(_ purpose: EditPurpose, household: HouseholdState, ctx: ScreenContext, domain: LifeDomain? = nil) -> EditForm {
        let l = ctx.l
        let f = FieldForm.self
        var form: FieldForm
        switch purpose {
        case .nameAndAddress:
            let h = household.file.household
            form = FieldForm(title: l.pick("Naam en adres", "Name and address"), fields: [
                f.text("name", l.pick("Naam", "Name"), h.name, maxLength: 80),
                f.text("address", l.pick("Adres", "Address"), h.address.map(AddressLine.line) ?? "", maxLength: 120),
            ])
        case .member(let stored):
            let m = stored?.value
            form = FieldForm(title: stored == nil ? l.pick("Nieuw lid", "New member") : l.pick("Lid wijzigen", "Edit member"), fields: [
                f.text("name", l.pick("Naam", "Name"), m?.name ?? "", maxLength: 80),
                f.text("born", l.pick("Geboortedatum", "Birth date"), m?.birthDate?.dutch ?? "", kind: .date, maxLength: 10),
                f.choice("role", l.pick("Rol", "Role"), MemberRole.allCases.map { $0.name(in: l) },
                         MemberRole.allCases.firstIndex(of: m?.role ?? .child) ?? 2),
                f.text("bsn", "BSN", m?.bsn?.digits ?? "", kind: .digits, maxLength: 11),
                // Art. 20 lid 3 Pw: a young adult (18–20) who cannot rely on their parents gets
                // a higher norm; the reason is part of the decision, so it is written down.
                f.text("parents", l.pick("Geen steun ouders", "No parental help"), m?.cannotRelyOnParents ?? "", maxLength: 200),
            ])
        case .score:
            let current = domain.flatMap { HouseholdOverview.latestScores(household.file)[$0] }
            form = FieldForm(title: l.pick("Score geven", "Give a score"), fields: [
                f.choice("domain", l.pick("Leefgebied", "Area of life"), domains(l), LifeDomain.allCases.firstIndex(of: domain ?? .financien) ?? 0),
                f.choice("score", l.pick("Score", "Score"), scores(l), (current?.score ?? 3) - 1),
                f.text("date", l.pick("Datum", "Date"), ctx.today.dutch, kind: .date, maxLength: 10),
                f.text("note", l.pick("Notitie", "Note"), "", maxLength: 300),
            ])
        case .signal(let stored?) where stored.value.caseId != nil:
            // A signal of a zaak: what the zaak rests on changes in the queue (F12) only.
            let s = stored.value
            form = FieldForm(title: l.pick("Signaal \(s.id ?? "") (zaak \(s.caseId ?? ""); status in F12)", "Signal \(s.id ?? "") (case \(s.caseId ?? ""); status in F12)"), fields: [
                f.text("creditor", l.pick("Schuldeiser", "Creditor"), s.creditor, maxLength: 80),
                f.text("amount", l.pick("Achterstand", "In arrears"), s.amount.dutchNumber, kind: .amount, maxLength: 20),
                f.text("since", l.pick("Sinds", "Since"), s.since?.dutch ?? "", kind: .date, maxLength: 10),
            ])
        case .signal(let stored):
            let s = stored?.value
            form = FieldForm(title: stored == nil ? l.pick("Signaal met de hand", "Signal by hand") : l.pick("Signaal", "Signal"), fields: [
                f.choice("partner", l.pick("Soort", "Kind"), Signal.Partner.allCases.map { $0.name(in: l) },
                         Signal.Partner.allCases.firstIndex(of: s?.partner ?? .huur) ?? 0),
                f.text("creditor", l.pick("Schuldeiser", "Creditor"), s?.creditor ?? "", maxLength: 80),
                f.text("amount", l.pick("Achterstand", "In arrears"), s?.amount.dutchNumber ?? "", kind: .amount, maxLength: 20),
                f.text("since", l.pick("Sinds", "Since"), s?.since?.dutch ?? "", kind: .date, maxLength: 10),
                f.text("received", l.pick("Binnengekomen", "Received"), (s?.received ?? ctx.today).dutch, kind: .date, maxLength: 10),
                f.choice("crisis", l.pick("Crisis", "Crisis"), yesNo(l), s?.crisis == true ? 1 : 0),
                f.choice("warm", l.pick("Warme overdracht", "Warm handover"), yesNo(l), s?.warmHandover == true ? 1 : 0),
                f.choice("status", l.pick("Status", "Status"), Signal.Status.allCases.map { $0.name(in: l) },
                         Signal.Status.allCases.firstIndex(of: s?.status ?? .notYetPickedUp) ?? 0),
            ])
        case .condition(let stored, let index):
            let a = stored.grant.conditions[index]
            form = FieldForm(title: l.pick("Voorwaarde \(stored.id): ", "Condition \(stored.id): ") + String(a.text.prefix(40)), fields: [
                f.choice("done", l.pick("Klaar", "Done"), yesNo(l), a.done ? 1 : 0),
                f.text("due", l.pick("Datum", "Date"), a.due?.dutch ?? "", kind: .date, maxLength: 10),
                f.text("owner", l.pick("Wie", "Who"), a.owner, maxLength: 80),
            ])
        case .agreement(let stored):
            let a = stored.row.value
            form = FieldForm(title: String(a.text.prefix(50)), fields: [
                f.choice("done", l.pick("Klaar", "Done"), yesNo(l), a.done ? 1 : 0),
                f.text("due", l.pick("Datum", "Date"), a.due?.dutch ?? "", kind: .date, maxLength: 10),
                f.text("owner", l.pick("Wie", "Who"), a.owner, maxLength: 80),
            ])
        case .goal(let stored):
            let g = stored?.value
            form = FieldForm(title: stored == nil ? l.pick("Nieuw doel", "New goal") : l.pick("Doel wijzigen", "Edit goal"), fields: [
                f.text("text", l.pick("Doel", "Goal"), g?.text ?? "", maxLength: 200),
                f.choice("domain", l.pick("Leefgebied", "Area of life"), ["—"] + domains(l),
                         g?.domain.flatMap { LifeDomain.allCases.firstIndex(of: $0).map { $0 + 1 } } ?? 0),
                f.choice("status", l.pick("Status", "Status"), GoalStatus.allCases.map { $0.name(in: l) },
                         GoalStatus.allCases.firstIndex(of: g?.status ?? .open) ?? 0),
                f.text("due", l.pick("Streefdatum", "Target date"), g?.due?.dutch ?? "", kind: .date, maxLength: 10),
            ])
        case .action(let goal, let index):
            let a = index.map { goal.value.actions[$0] }
            form = FieldForm(title: (index == nil ? l.pick("Nieuwe actie — ", "New action — ") : l.pick("Actie — ", "Action — "))
                             + String(goal.value.text.prefix(40)), fields: [
                f.text("text", l.pick("Wat", "What"), a?.text ?? "", maxLength: 200),
                f.text("who", l.pick("Wie", "Who"), a?.who ?? "", maxLength: 80),
                f.text("due", l.pick("Wanneer", "By when"), a?.due?.dutch ?? "", kind: .date, maxLength: 10),
                f.choice("done", l.pick("Klaar", "Done"), yesNo(l), a?.done == true ? 1 : 0),
            ])
        case .reviewDate:
            form = FieldForm(title: l.pick("Evaluatie van het plan", "Review of the plan"), fields: [
                f.text("date", l.pick("Evaluatiedatum", "Review date"), household.file.plan?.reviewDate?.dutch ?? "", kind: .date, maxLength: 10),
            ])
        case .assign(let candidates):
            let current = candidates.firstIndex { $0.user == household.file.household.caseworker } ?? 0
            form = FieldForm(title: l.pick("Toewijzen of overdragen", "Assign or transfer"), fields: [
                f.choice("to", l.pick("Regisseur", "Caseworker"), candidates.map { "\($0.name) (\($0.team.isEmpty ? $0.user : $0.team))" }, current),
                f.text("note", l.pick("Overdracht", "Handover"), "", maxLength: 500),
            ])
        case .close:
            form = FieldForm(title: l.pick("Huishouden sluiten", "Close the household"), fields: [
                f.choice("reason", l.pick("Reden", "Reason"), ClosingReason.allCases.map { $0.name(in: l) }, 0),
                f.text("note", l.pick("Toelichting", "Note"), "", maxLength: 300),
                f.text("date", l.pick("Datum", "Date"), ctx.today.dutch, kind: .date, maxLength: 10),
            ])
        }
        return EditForm(form: form, purpose: purpose)
    }

    /// A typed date, or nil for an empty field; a problem when it is no date.
    private func date(_ id: String, _ l: Language) -> Result<CalendarDate?, FieldForm.Problem> {
        let text = form.text(id)
        if text.isEmpty { return .success(nil) }
        guard let day = CalendarDate(typed: text) else {
            return .failure(.init(field: id, message: l.pick("\(text) is geen datum; schrijf dd-mm-jjjj.", "\(text) is not a date; write dd-mm-yyyy.")))
        }
        return .success(day)
    }

    private func required(_ id: String, _ message: String) -> Result<String, FieldForm.Problem> {
        let text = form.text(id)
        return text.isEmpty ? .failure(.init(field: id, message: message)) : .success(text)
    }

    /// The change the form asks for, or what is wrong with it.
    func request(_ household: HouseholdState, ctx: ScreenContext) -> Result<HouseholdEdit, FieldForm.Problem> {
        let l = ctx.l
        do {
            switch purpose {
            case .nameAndAddress(let record):
                let name = try required("name", l.pick("Vul de naam van het huishouden in.", "Fill in the household's name.")).get()
                let line = AddressLine.read(form.text("address"))
                if let problem = line.problems.first { throw FieldForm.Problem(field: "address", message: problem.message(in: l)) }
                var address = line.address
                address.unknownFields = household.file.household.address?.unknownFields ?? [:]
                return .success(.nameAndAddress(record, name: name, address: address, overwriting: overwriting))
            case .member(let stored):
                let name = try required("name", l.pick("Vul de naam in.", "Fill in the name.")).get()
                guard let born = try date("born", l).get() else {
                    throw FieldForm.Problem(field: "born", message: IntakeProblem.Kind.birthDateMissing.message(in: l))
                }
                if born > ctx.today { throw FieldForm.Problem(field: "born", message: IntakeProblem.Kind.bornInFuture(born).message(in: l)) }
                let digits = form.text("bsn").filter(\.isNumber)
                var bsn: BSN?
                if !digits.isEmpty {
                    guard let valid = BSN(digits), digits.count == 9 else {
                        throw FieldForm.Problem(field: "bsn", message: IntakeProblem.Kind.bsnFailsElevenTest(digits).message(in: l))
                    }
                    bsn = valid
                }
                var member = stored?.value ?? Member(name: name, birthDate: born, role: .child)
                member.name = name; member.birthDate = born; member.bsn = bsn
                let reason = form.text("parents").trimmingCharacters(in: .whitespaces)
                member.cannotRelyOnParents = reason.isEmpty ? nil : reason
                member.role = MemberRole.allCases[form.choice("role")]
                var members = household.file.household.members
                if let stored { members = members.map { $0 == stored.value ? member : $0 } } else { members.append(member) }
                if let problem = MemberProblem.problems(members).first {
                    throw FieldForm.Problem(field: problem == .sameName(name) ? "name" : "role", message: problem.message(in: l))
                }
                return .success(stored.map { .updateMember($0, member, overwriting: overwriting) } ?? .addMember(member))
            case .score:
                let day = try date("date", l).get() ?? ctx.today
                if day > ctx.today {
                    throw FieldForm.Problem(field: "date", message: l.pick("Een score geeft u niet vooruit: kies vandaag of eerder.",
                                                                           "A score is not given ahead: choose today or earlier."))
                }
                return .success(.addScore(LifeDomainScore(domain: LifeDomain.allCases[form.choice("domain")], score: form.choice("score") + 1,
                                                          date: day, note: form.text("note"))))
            case .signal(let stored):
                let creditor = try required("creditor", l.pick("Vul de schuldeiser in.", "Fill in the creditor.")).get()
                let amount: Money
                switch AmountParser.parseTyped(form.text("amount")) {
                case .success(let m) where m >= .zero: amount = m
                case .success: throw FieldForm.Problem(field: "amount", message: l.pick("Een achterstand is niet negatief.", "Arrears are not negative."))
                case .failure(let e): throw FieldForm.Problem(field: "amount", message: e.message(in: l))
                }
                var signal = stored?.value ?? Signal(partner: .huur, creditor: creditor, amount: amount, received: ctx.today)
                if let stored, stored.value.caseId != nil {
                    signal.creditor = creditor; signal.amount = amount
                    signal.since = try date("since", l).get()
                    return .success(.updateSignal(stored, signal, overwriting: overwriting))
                }
                signal.partner = Signal.Partner.allCases[form.choice("partner")]
                signal.creditor = creditor; signal.amount = amount
                signal.since = try date("since", l).get()
                guard let received = try date("received", l).get() else {
                    throw FieldForm.Problem(field: "received", message: l.pick("Vul in wanneer het signaal binnenkwam.", "Fill in when the signal came in."))
                }
                guard received <= ctx.today else {
                    throw FieldForm.Problem(field: "received", message: l.pick("Een signaal komt niet in de toekomst binnen.", "A signal does not come in in the future."))
                }
                signal.received = received
                signal.crisis = form.choice("crisis") == 1
                signal.warmHandover = form.choice("warm") == 1
                signal.status = Signal.Status.allCases[form.choice("status")]
                return .success(stored.map { .updateSignal($0, signal, overwriting: overwriting) } ?? .addSignal(signal))
            case .condition(let stored, let index):
                var a = stored.grant.conditions[index]
                a.done = form.choice("done") == 1
                a.due = try date("due", l).get()
                a.owner = form.text("owner")
                return .success(.updateCondition(stored, index: index, a))
            case .agreement(let stored):
                var a = stored.row.value
                a.done = form.choice("done") == 1
                a.due = try date("due", l).get()
                a.owner = form.text("owner")
                return .success(.updateAgreement(stored, a, overwriting: overwriting))
            case .goal(let stored):
                let text = try required("text", l.pick("Schrijf het doel op, in de woorden van het gezin.", "Write the goal down, in the family's words.")).get()
                var goal = stored?.value ?? Goal(id: "", text: text)
                goal.text = text
                let d = form.choice("domain")
                goal.domain = d == 0 ? nil : LifeDomain.allCases[d - 1]
                goal.status = GoalStatus.allCases[form.choice("status")]
                goal.due = try date("due", l).get()
                return .success(stored.map { .updateGoal($0, goal, overwriting: overwriting) } ?? .addGoal(goal))
            case .action(let stored, let index):
                let text = try required("text", l.pick("Schrijf op wat er gebeurt.", "Write down what is to be done.")).get()
                let who = try required("who", l.pick("Vul in wie het doet: iemand van het gezin, u, of een ander met naam.",
                                                     "Fill in who does it: someone of the family, you, or another by name.")).get()
                var goal = stored.value
                var action = index.map { goal.actions[$0] } ?? PlanAction(text: text)
                action.text = text; action.who = who
                action.due = try date("due", l).get()
                action.done = form.choice("done") == 1
                if let index { goal.actions[index] = action } else { goal.actions.append(action) }
                return .success(.updateGoal(stored, goal, overwriting: overwriting))
            case .reviewDate(let record):
                return .success(.reviewDate(record, try date("date", l).get()))
            case .assign(let candidates):
                guard candidates.indices.contains(form.choice("to")) else {
                    throw FieldForm.Problem(field: "to", message: l.pick("Er is niemand om aan toe te wijzen.", "There is nobody to assign to."))
                }
                return .success(.assign(to: candidates[form.choice("to")].user, note: form.text("note")))
            case .close:
                let reason = ClosingReason.allCases[form.choice("reason")]
                if reason.needsNote && form.text("note").isEmpty {
                    throw FieldForm.Problem(field: "note", message: StoreError.closingNoteMissing(reason).message(in: l))
                }
                return .success(.close(reason, note: form.text("note"), on: try date("date", l).get() ?? ctx.today))
            }
        } catch let problem as FieldForm.Problem {
            return .failure(problem)
        } catch {
            return .failure(.init(field: form.focused.id, message: "\(error)"))
        }
    }

    /// What was read from a field, beside it: a birth date's age, the parts of an address.
    func note(_ field: FieldForm.Field, ctx: ScreenContext) -> String? {
        let l = ctx.l
        let text = form.text(field.id)
        switch (purpose, field.id) {
        case (.nameAndAddress, "address"):
            let line = AddressLine.read(text)
            guard line.problems.isEmpty else { return nil }
            return [line.street, line.houseNumber + line.addition, line.postcode, line.city].joined(separator: " · ")
        case (.member, "born"):
            guard let day = CalendarDate(typed: text) else { return nil }
            return l.pick("\(day.age(on: ctx.today)) jaar", "age \(day.age(on: ctx.today))")
        case (.member, "bsn"):
            let digits = text.filter(\.isNumber)
            return digits.isEmpty ? l.pick("mag leeg", "may be empty") : BSN(digits) != nil && digits.count == 9 ? l.pick("klopt (11-proef)", "passes the 11-test") : nil
        case (.signal, "amount"), (_, "amount"):
            if case .success(let m) = AmountParser.parseTyped(text) { return m.dutch }
            return nil
        case (.action, "who"):
            return text.isEmpty ? l.pick("gezinslid, u of ander", "family, you, another") : nil
        default:
            if field.id == "date" || field.id == "due" || field.id == "since" || field.id == "born" {
                return CalendarDate(typed: text).map { Self.weekday($0, l) + " " + $0.dutch }
            }
            return nil
        }
    }

    /// "ma", "di", …: a date read back with its day of the week, so a typo shows.
    static func weekday(_ day: CalendarDate, _ l: Language) -> String {
        let names = l == .nl ? ["ma", "di", "wo", "do", "vr", "za", "zo"] : ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        return names[LegalTerm.weekday(day) - 1]
    }

    /// The same purpose on the rows as they are now (after someone else's save), or nil when
    /// the item is gone.
    func refreshed(_ rows: HouseholdRows) -> EditPurpose? {
        switch purpose {
        case .nameAndAddress: return .nameAndAddress(rows.record)
        case .reviewDate: return .reviewDate(rows.record)
        case .member(let s?): return rows.members.first { $0.id == s.id }.map { .member($0) }
        case .signal(let s?): return rows.signals.first { $0.id == s.id }.map { .signal($0) }
        case .agreement(let s): return rows.agreements.first { $0.row.id == s.row.id }.map { .agreement($0) }
        case .goal(let s?): return rows.goals.first { $0.id == s.id }.map { .goal($0) }
        case .action(let s, let i):
            guard let fresh = rows.goals.first(where: { $0.id == s.id }) else { return nil }
            if let i, !fresh.value.actions.indices.contains(i) { return nil }
            return .action(fresh, index: i)
        default: return purpose
        }
    }
}
