import CaseStore
import Casework
import Terminal

/// What the intake offers: Enter to the next line, F2 to save (after the check for a
/// family taken in before), Ctrl-R another role for a person, Esc to leave (asking what to
/// do with what is typed).
extension IntakeState: Screen {
    private static func typing(_ s: IntakeState) -> Bool { s.duplicates == nil && !s.confirmLeave && !s.saving }
    private static func onPerson(_ s: IntakeState) -> Bool {
        if case .person(let i) = s.focus { return !s.persons[i].text.isEmpty }
        return false
    }

    static var actions: [ScreenAction<IntakeState>] {
        [
            ScreenAction(.help),
            ScreenAction(.save, help: { $0.pick("Sla het huishouden op (eerst wordt gekeken of het gezin er al is)",
                                                 "Save the household (first it is checked whether the family is known already)") },
                         when: { s, ctx in typing(s) && !ctx.readOnly }),
            ScreenAction(.confirm, label: { _ in nil }, help: { $0.pick("Naar de volgende regel", "To the next line") }, when: { s, _ in typing(s) }),
            ScreenAction(.nextField, label: { $0.pick("Volgende regel", "Next line") }, help: { $0.pick("Volgende / vorige regel", "Next / previous line") },
                         when: { s, _ in typing(s) }),
            ScreenAction(.role, when: { s, _ in typing(s) && onPerson(s) }),
            ScreenAction(.cancel, label: { $0.pick("Terug", "Back") }, help: { $0.pick("Terug naar de caseload (vraagt wat er met uw tekst moet)",
                                                                                     "Back to the caseload (asks what to do with your text)") },
                         when: { s, _ in typing(s) }),
            // the question on leaving
            ScreenAction(.confirm, label: { $0.pick("Bewaren als concept", "Keep as draft") },
                         help: { $0.pick("Terug naar de caseload; n brengt de inname terug", "Back to the caseload; n brings the intake back") },
                         when: { s, _ in s.confirmLeave }),
            ScreenAction(.discard, help: { $0.pick("Gooi de inname weg", "Throw the intake away") }, when: { s, _ in s.confirmLeave }),
            ScreenAction(.cancel, label: { $0.pick("Verder typen", "Keep typing") }, help: { $0.pick("Terug naar de inname", "Back to the intake") },
                         when: { s, _ in s.confirmLeave }),
            // possibly the same family
            ScreenAction(.open, label: { $0.pick("Dat openen", "Open that one") },
                         help: { $0.pick("Open het gekozen bestaande huishouden (uw inname blijft als concept)",
                                         "Open the chosen existing household (your intake stays as a draft)") },
                         when: { s, _ in s.duplicates != nil }),
            ScreenAction(.save, label: { $0.pick("Toch opslaan", "Save anyway") },
                         help: { $0.pick("Sla het nieuwe huishouden toch op, bewust (het logboek legt vast wat er gevonden was)",
                                         "Save the new household anyway, knowingly (the audit trail records what was found)") },
                         when: { s, _ in s.duplicates != nil }),
            ScreenAction(.cancel, label: { $0.pick("Terug", "Back") }, help: { $0.pick("Terug naar de inname", "Back to the intake") },
                         when: { s, _ in s.duplicates != nil }),
        ]
    }

    func title(_ l: Language) -> String { l.pick("Nieuw huishouden", "New household") }
    var isTyping: Bool { Self.typing(self) }

    func extraHelp(_ ctx: ScreenContext) -> [HelpOverlay.Section] {
        let l = ctx.l
        return [(l.pick("Zo typt u de inname", "How to type the intake"), [
            (l.pick("Persoon", "Person"), l.pick("naam, geboortedatum (dd-mm-jjjj) en eventueel BSN, in elke volgorde: Sanne Jansen 12-04-1991 111222333",
                                                 "name, birth date (dd-mm-yyyy) and, if known, BSN, in any order: Sanne Jansen 12-04-1991 111222333")),
            (l.pick("Adres", "Address"), l.pick("straat, huisnummer en toevoeging, postcode, plaats: Westzijde 12A, 1506 EA Zaandam",
                                                "street, house number and addition, postcode, city: Westzijde 12A, 1506 EA Zaandam")),
            (l.pick("Rol", "Role"), l.pick("volgt uit de leeftijd: onder 18 kind, de eerste volwassene partner; Ctrl-R kiest een andere",
                                           "follows from the age: under 18 a child, the first adult the partner; Ctrl-R picks another")),
            (l.pick("Naam", "Name"), l.pick("leeg: \"Huishouden\" en de achternaam van de aanvrager", "empty: \"Huishouden\" and the applicant's surname")),
        ])]
    }

    mutating func handle(_ command: Command?, key: Key, _ ctx: ScreenContext) -> [Effect] {
        if command == .help { return [.help] }
        if saving { return [] }
        if let found = duplicates {
            switch command {
            case .open?:
                duplicates = nil
                return [.go(.household(found[duplicateSelected].householdId))]
            case .save?:
                guard let household = intake.household(caseworker: nil, today: ctx.today) else { duplicates = nil; return [] }
                saving = true
                return [.store(.createHousehold(household, despite: found))]
            case .cancel?: duplicates = nil
            default:
                if let move = Move(key) { duplicateSelected = move.applied(to: duplicateSelected, count: found.count, page: 5) }
            }
            return []
        }
        if confirmLeave {
            switch command {
            case .confirm?: return draftEffects(ctx, force: true) + [.go(.caseload)]
            case .discard?: return [.store(.discardIntakeDraft), .go(.caseload)]
            case .cancel?: confirmLeave = false
            default: break
            }
            return []
        }
        switch command {
        case .save?:
            triedToSave = true
            visited.insert(Self.key(focus))
            let problems = intake.problems(today: ctx.today)
            if let first = problems.first {
                focus = row(of: first.row)
                return [.status(StatusMessage(first.kind.message(in: ctx.l), isError: true))]
            }
            guard let household = intake.household(caseworker: nil, today: ctx.today) else { return [] }
            saving = true
            return draftEffects(ctx, force: true) + [.store(.checkDuplicates(household))]
        case .confirm?, .nextField?:
            move(by: key == .backTab ? -1 : 1)
            return draftEffects(ctx, force: true)
        case .role?:
            if case .person(let i) = focus {
                let order: [MemberRole] = [.partner, .child, .other]
                let current = intake.roles(today: ctx.today)[i]
                roles[i] = order[((order.firstIndex(of: current) ?? 0) + 1) % order.count]
                dirty = true
                unsavedSince = unsavedSince ?? ctx.now
            }
            return []
        case .cancel?:
            if isEmpty { return [.store(.discardIntakeDraft), .go(.caseload)] }
            confirmLeave = true
            return []
        default:
            if key == .up || key == .down {
                move(by: key == .up ? -1 : 1)
                return draftEffects(ctx, force: true)
            }
            var field = self.field(focus)
            let before = field.text
            if field.handle(key) {
                setField(focus, field)
                if field.text != before {
                    dirty = true
                    unsavedSince = unsavedSince ?? ctx.now
                    ensureEmptyLast()
                }
            }
            return []
        }
    }

    private func row(of problem: IntakeProblem.Row) -> Row {
        switch problem {
        case .applicant: .applicant
        case .address: .address
        case .person(let i): .person(i)
        case .name: .name
        }
    }

    /// The draft's write, when something was typed since the last: at once (`force`, on
    /// every change of line) or once the oldest unsaved key is half a second old.
    mutating func draftEffects(_ ctx: ScreenContext, force: Bool) -> [Effect] {
        guard dirty, !ctx.readOnly else { return [] }
        if !force {
            guard let since = unsavedSince, ctx.now - since >= ConversationsState.draftDelay else { return [] }
            // A store that refuses (a full disk) is asked again at most once a second.
            if draftProblem != nil && ctx.now - draftTriedAt < 1 { return [] }
        }
        draftTriedAt = ctx.now
        return [.store(.saveIntakeDraft(intake))]
    }

    /// A pause in typing: the draft goes to the store.
    mutating func pause(_ ctx: ScreenContext) -> [Effect] { draftEffects(ctx, force: false) }

    mutating func receive(_ outcome: Outcome, _ ctx: ScreenContext) -> [Effect] {
        let l = ctx.l
        guard case .stored(let request, let result) = outcome else { return [] }
        switch (request, result) {
        case (.saveIntakeDraft(let saved), .success):
            if saved == intake { dirty = false; unsavedSince = nil }
            if draftProblem != nil {
                draftProblem = nil
                return [.status(StatusMessage(l.pick("Het concept is weer opgeslagen.", "The draft is saved again.")))]
            }
            return []
        case (.saveIntakeDraft, .failure(let problem)):
            draftProblem = problem
            return [.status(StatusMessage(ConversationsScreen.notSaved(problem, l), isError: true))]
        case (.checkDuplicates(let household), .success(.duplicates(let found))):
            if found.isEmpty { return [.store(.createHousehold(household, despite: []))] }
            saving = false
            duplicates = found
            duplicateSelected = 0
            return []
        case (.createHousehold(let household, _), .success(.created(let id))):
            saving = false
            dirty = false
            // Started from a signal: it joins the new household (in a zaak) before it opens.
            return (signal.map { [.store(.attachSignal($0, household: id))] } ?? []) + [.go(.household(id)),
                    .status(StatusMessage(l.pick("\(household.name) is ingenomen. Verder: 2 de financiën, 3 het gesprek, 5 het plan.",
                                                 "\(household.name) is taken in. Next: 2 the finances, 3 the conversation, 5 the plan.")))]
        case (.createHousehold, .failure(.possibleDuplicates(let found))):
            // Someone took the family in between the question and the save: the new list.
            saving = false
            duplicates = found
            duplicateSelected = 0
            return []
        case (_, .failure(let error)):
            saving = false
            return [.status(StatusMessage(error.message(in: l), isError: true))]
        default:
            saving = false
            return []
        }
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: ScreenContext) {
        IntakeView.render(self, ctx: ctx, into: &buffer, area: area, buttons: dialogButtons(ctx))
    }
}
