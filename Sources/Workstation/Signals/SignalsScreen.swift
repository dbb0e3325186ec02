import CaseStore
import Casework
import Terminal

/// F12: the outreach queue of vroegsignalering — the open zaken and the signals nobody matched,
/// crisis first, then the oldest, with the last day for a first contact. A contact attempt
/// takes four keys (a, its kind, reached or not, Enter): the date is today and the part of the
/// day is now unless changed before Enter — a home visit of yesterday evening is recorded so.
struct SignalsState {
    var items: [SignalQueueItem] = []
    var selected = 0
    var counter: Int?
    var policy: Policy = .defaults
    var mode = Mode.list

    enum Mode: Equatable {
        case list
        /// a: the kind first, then whether the resident was reached, then the day and the part
        /// of the day (today and now, as offered) and Enter.
        case attempt(kind: ContactKind?, reached: Bool?, date: TextField, part: PartOfDay)
        /// e: the zaak's result, chosen from the standard's list; "not picked up" with its reason.
        case result(index: Int, reason: TextField)
        /// Del: why a signal is not picked up (one nobody matched, or one of a zaak's several,
        /// chosen with ← →), and in words.
        case setAside(signal: Int, index: Int, reason: TextField)
    }

    var selectedItem: SignalQueueItem? { items.indices.contains(selected) ? items[selected] : nil }
    var selectedZaak: String? { if case .zaak(let z, _, _)? = selectedItem?.kind { z.id } else { nil } }
    var selectedUnmatched: (String, SignalClient)? {
        if case .unmatched(let id, let client)? = selectedItem?.kind { (id, client) } else { nil }
    }

    /// The keys of the contact kinds, as the prompt shows them.
    static let kindKeys: [(Character, ContactKind)] = [("t", .telefoon), ("h", .huisbezoek), ("b", .brief), ("m", .mail), ("s", .sms),
                                                        ("k", .kaartje), ("a", .afspraak), ("d", .administratief), ("o", .overige),
                                                        ("x", .onbekend)]

    static func reasonField() -> TextField { TextField(text: "", cursor: 0, kind: .text, maxLength: 200) }

    /// The signals of the selected row that can still be set aside.
    var waitingSignals: [Signal] { selectedItem?.signals.filter { $0.status == .notYetPickedUp } ?? [] }
}

extension SignalsState: ReadingScreen {
    static var actions: [ScreenAction<SignalsState>] {
        let listing = { (s: SignalsState) in s.mode == .list }
        return [
            ScreenAction(.help),
            ScreenAction(.add, label: { $0.pick("Contactpoging", "Contact attempt") },
                         help: { $0.pick("Leg een contactpoging vast: soort, bereikt, Enter (vandaag en dit dagdeel, tenzij u ze wijzigt)",
                                         "Record a contact attempt: kind, reached, Enter (today and this part of the day unless you change them)") },
                         when: { s, _ in listing(s) && s.selectedZaak != nil },
                         whyNot: { s, ctx in listing(s) && s.selectedUnmatched != nil
                             ? ctx.l.pick("Dit signaal hoort nog bij geen huishouden: n begint de intake.", "This signal belongs to no household yet: n starts the intake.") : nil }),
            ScreenAction(.edit, label: { $0.pick("Resultaat", "Result") },
                         help: { $0.pick("Sluit de zaak met haar resultaat", "Close the case with its result") },
                         when: { s, _ in listing(s) && s.selectedZaak != nil }),
            ScreenAction(.newHousehold, label: { $0.pick("Intake", "Intake") },
                         help: { $0.pick("Neem dit signaal in als nieuw huishouden: wat het signaal weet staat al ingevuld", "Take this signal in as a new household, with what the signal knows filled in") },
                         when: { s, ctx in listing(s) && s.selectedUnmatched != nil && !ctx.readOnly }),
            ScreenAction(.delete, label: { $0.pick("Niet oppakken", "Set aside") },
                         help: { $0.pick("Pak een signaal niet op, met de reden: een dat bij niemand hoort, of één van de signalen van een zaak",
                                         "Do not pick up a signal, with the reason: one that matches nobody, or one of a case's signals") },
                         when: { s, _ in listing(s) && (s.selectedUnmatched != nil || s.waitingSignals.count > 1) },
                         whyNot: { s, ctx in listing(s) && s.selectedZaak != nil
                             ? ctx.l.pick("Deze zaak heeft één wachtend signaal: e sluit de zaak, ook als niet opgepakt.",
                                          "This case has one waiting signal: e closes the case, also as not picked up.") : nil }),
            ScreenAction(.confirm, label: { $0.pick("Vastleggen", "Record") }, help: { $0.pick("Leg de keuze vast", "Record the choice") },
                         when: { s, _ in
                             switch s.mode {
                             case .list: false
                             case .attempt(let kind, let reached, _, _): kind != nil && reached != nil
                             case .result, .setAside: true
                             }
                         }),
            ScreenAction(.cancel, help: { $0.pick("Terug zonder iets vast te leggen", "Back without recording anything") }, when: { s, _ in !listing(s) }),
            ScreenAction(.back, help: { $0.pick("Terug naar de caseload", "Back to the caseload") }, when: { s, _ in listing(s) }),
        ]
    }

    func title(_ l: Language) -> String { l.pick("Vroegsignalen", "Early-warning signals") }
    var isTyping: Bool { mode != .list }

    static func load(_ ctx: ScreenContext) throws -> SignalsState {
        var s = SignalsState()
        try s.reload(ctx)
        return s
    }

    mutating func reload(_ ctx: ScreenContext) throws {
        counter = try ctx.reads.signalsChangeCounter()
        items = try ctx.reads.signalQueue()
        policy = try ctx.reads.rules().policy(on: ctx.today).policy
        selected = min(selected, max(0, items.count - 1))
    }

    /// Another workstation took a step on the queue: read it again on the next pause.
    mutating func followChanges(_ ctx: ScreenContext) {
        guard mode == .list, let now = try? ctx.reads.signalsChangeCounter(), now != counter else { return }
        try? reload(ctx)
    }

    mutating func handleReading(_ command: Command?, key: Key, _ ctx: ScreenContext) throws -> [Effect] {
        let l = ctx.l
        if command == .help { return [.help] }
        switch mode {
        case .attempt(let kind, let reached, var date, var part):
            if command == .cancel { mode = .list; return [] }
            guard let zaak = selectedZaak else { mode = .list; return [] }
            guard let kind else {
                if case .character(let c) = key, let chosen = Self.kindKeys.first(where: { $0.0 == c })?.1 {
                    mode = .attempt(kind: chosen, reached: nil, date: date, part: part)
                }
                return []
            }
            guard let reached else {
                if case .character(let c) = key, "jny".contains(c) { mode = .attempt(kind: kind, reached: c != "n", date: date, part: part) }
                return []
            }
            if command == .confirm {
                guard let day = CalendarDate(typed: date.text) else {
                    return [.status(StatusMessage(l.pick("Typ de datum als dd-mm-jjjj.", "Type the date as dd-mm-yyyy."), isError: true))]
                }
                mode = .list
                return [.store(.recordContact(zaak, ContactAttempt(kind: kind, reached: reached, date: day, partOfDay: part, by: ctx.staff.user)))]
            }
            // ↑↓ the part of the day; the rest edits the date.
            if key == .up || key == .down {
                let all = PartOfDay.allCases, at = all.firstIndex(of: part) ?? 0
                part = all[(at + (key == .down ? 1 : all.count - 1)) % all.count]
            } else {
                _ = date.handle(key)
            }
            mode = .attempt(kind: kind, reached: reached, date: date, part: part)
            return []
        case .result(let index, var reason):
            switch command {
            case .cancel?: mode = .list
            case .confirm?:
                let result = SignalCaseResult.allCases[index]
                if result == .otherReason && reason.text.trimmingCharacters(in: .whitespaces).isEmpty {
                    return [.status(StatusMessage(l.pick("Schrijf de andere reden erbij.", "Write down the other reason."), isError: true))]
                }
                mode = .list
                if let zaak = selectedZaak { return [.store(.closeSignalCase(zaak, result, reason: result.isNotPickedUp ? reason.text : ""))] }
            default:
                if key == .up || key == .down || key == .pageUp || key == .pageDown, let move = Move(key) {
                    mode = .result(index: move.applied(to: index, count: SignalCaseResult.allCases.count, page: 8), reason: reason)
                } else if SignalCaseResult.allCases[index].isNotPickedUp {
                    _ = reason.handle(key)
                    mode = .result(index: index, reason: reason)
                }
            }
            return []
        case .setAside(let signal, let index, var reason):
            let waiting = waitingSignals
            switch command {
            case .cancel?: mode = .list
            case .confirm?:
                guard waiting.indices.contains(signal), let id = waiting[signal].id else { mode = .list; return [] }
                let status = SignalStatus.notPickedUp[index]
                if status == .otherReason && reason.text.trimmingCharacters(in: .whitespaces).isEmpty {
                    return [.status(StatusMessage(l.pick("Schrijf de andere reden erbij.", "Write down the other reason."), isError: true))]
                }
                mode = .list
                return [.store(.setAsideSignal(id, status, reason: reason.text))]
            default:
                if key == .up || key == .down, let move = Move(key) {
                    mode = .setAside(signal: signal, index: move.applied(to: index, count: SignalStatus.notPickedUp.count, page: 1), reason: reason)
                } else if (key == .left || key == .right) && reason.isEmpty && waiting.count > 1 {
                    // ← → choose the signal while nothing is typed (then they move the cursor).
                    mode = .setAside(signal: (signal + (key == .right ? 1 : waiting.count - 1)) % waiting.count, index: index, reason: reason)
                } else {
                    _ = reason.handle(key)
                    mode = .setAside(signal: signal, index: index, reason: reason)
                }
            }
            return []
        case .list:
            break
        }
        switch command {
        case .back?: return [.go(.caseload)]
        case .add?:
            mode = .attempt(kind: nil, reached: nil, date: TextField(text: ctx.today.dutch, kind: .date, maxLength: 10),
                            part: ctx.moment.map(PartOfDay.init) ?? .ochtend)
        case .edit?: mode = .result(index: 0, reason: Self.reasonField())
        case .delete?: mode = .setAside(signal: 0, index: 0, reason: Self.reasonField())
        case .newHousehold?:
            if let (id, client) = selectedUnmatched { return [.go(.intakeFromSignal(id, client))] }
        case nil:
            if let move = Move(key) { selected = move.applied(to: selected, count: items.count, page: max(1, ctx.size.height - 12)) }
        default: break
        }
        return []
    }

    mutating func receive(_ outcome: Outcome, _ ctx: ScreenContext) -> [Effect] {
        guard case .stored(let request, let result) = outcome else { return [] }
        let l = ctx.l
        if case .failure(let error) = result { return [.status(StatusMessage(error.message(in: l), isError: true))] }
        try? reload(ctx)
        switch request {
        case .recordContact(let zaak, let attempt):
            let reached = attempt.reached ? l.pick("bereikt", "reached") : l.pick("niet bereikt", "not reached")
            return [.status(StatusMessage(l.pick("Contactpoging op \(zaak) vastgelegd: ", "Contact attempt on \(zaak) recorded: ")
                                          + attempt.kind.name(in: l) + ", " + reached + "."))]
        case .closeSignalCase(let zaak, let result, _):
            return [.status(StatusMessage(l.pick("\(zaak) gesloten: \(result.name(in: l)).", "\(zaak) closed: \(result.name(in: l)).")))]
        case .setAsideSignal(let id, let status, _):
            return [.status(StatusMessage(l.pick("\(id): \(status.name(in: l)).", "\(id): \(status.name(in: l)).")))]
        default:
            return []
        }
    }

    func render(into buffer: inout ScreenBuffer, area body: Rect, _ ctx: ScreenContext) {
        SignalsView.render(self, ctx: ctx, into: &buffer, area: body.inset(horizontal: 1))
    }
}
