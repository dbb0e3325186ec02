import CaseStore
import Casework
import Foundation
import Terminal

/// The workstation: state, `handle(event)` and `render()`, in the Elm way. A key goes to the
/// screen in front through its table of actions; the screen changes its state and returns
/// effects, which are run here, in one place (`EffectRunner` for the store and files), and
/// their outcomes go back to the screen. The loop in `run` draws every frame from scratch
/// into a buffer; the backend sends only what changed.
public final class App {
    public private(set) var env: AppEnvironment
    public private(set) var state: AppState
    /// Draw ASCII only (the terminal's locale is not UTF-8).
    public let ascii: Bool
    /// Where the key bar's hints stood in the last frame, for a click on one.
    private var keyBarHits: [(columns: Range<Int>, key: Key)] = []

    public init(env: AppEnvironment, size: Size, ascii: Bool = false) throws {
        self.env = env
        self.ascii = ascii
        state = AppState(size: size)
        try state.caseload.reload(context())
    }

    /// Shows a sentence on the status line (a warning at start, for instance).
    public func show(_ text: String, isError: Bool = false) { state.message = StatusMessage(text, isError: isError) }

    /// What the screens know of the world now.
    func context() -> ScreenContext {
        ScreenContext(l: env.language, staff: env.staff, today: env.today, size: state.size, storeKind: env.store.kind,
                      readOnly: env.store.isReadOnly, storePath: env.store.location.path, reads: env.store, now: Self.now(), searchBeginningThreshold: env.searchBeginningThreshold,
                      moment: env.clock.now(), practice: state.screen == .household ? state.practice : nil)
    }

    /// The screen in front, to read from (its table, help and looks).
    var front: any Screen {
        switch state.screen {
        case .caseload: state.caseload
        case .household: state.household ?? state.caseload
        case .review: state.review ?? state.caseload
        case .dashboard: state.dashboard ?? state.caseload
        case .intake: state.intake ?? state.caseload
        case .signals: state.signals ?? state.caseload
        }
    }

    /// Changes the state for one event.
    public func handle(_ event: Event) {
        switch event {
        case .resize(let size):
            state.size = size
            let ctx = context()
            attempt { try state.caseload.reload(ctx) }
            state.household?.clampScroll(ctx)
        case .tick:
            attempt(noticeNewDay)
            let ctx = context()
            // A pause in typing: the draft goes to the store now.
            if let effects = state.household?.pause(ctx) { run(effects) }
            if let effects = state.intake?.pause(ctx) { run(effects) }
            // Another workstation's saves: the household and the review queue follow them.
            if state.screen == .household, var household = state.household {
                let notice = household.followChanges(ctx)
                state.household = household
                if let notice { state.message = notice }
            }
            if state.screen == .review, var review = state.review {
                review.followChanges(ctx)
                state.review = review
            }
            if state.screen == .signals, var signals = state.signals {
                signals.followChanges(ctx)
                state.signals = signals
            }
            if state.screen == .caseload { attempt { _ = try state.caseload.idle(ctx) } }
        case .mouse(let mouse):
            switch mouse.kind {
            // The wheel scrolls what the arrows scroll.
            case .scrollUp: handle(.key(.up))
            case .scrollDown: handle(.key(.down))
            // A click on the key bar does what its key does.
            case .press where mouse.position.y == state.size.height - 1 && !state.isTooSmall && state.help == nil:
                if let hit = keyBarHits.first(where: { $0.columns.contains(mouse.position.x) }) { handle(.key(hit.key)) }
            case .press, .release: break
            }
        case .paste(let text):
            if state.screen == .household, var household = state.household, household.tab == .conversations,
               household.conversations?.form != nil {
                ConversationsScreen.paste(text, household: &household)
                state.household = household
            } else if state.screen == .intake, var intake = state.intake, intake.isTyping {
                var field = intake.field(intake.focus)
                if field.insert(text.replacingOccurrences(of: "\n", with: " ")) {
                    intake.setField(intake.focus, field)
                    intake.dirty = true
                    intake.unsavedSince = intake.unsavedSince ?? Self.now()
                    intake.ensureEmptyLast()
                }
                state.intake = intake
            } else if state.screen == .caseload && state.caseload.searching {
                for c in text where c != "\n" && c != "\r" { handle(.key(.character(c))) }
            }
        case .key(let key):
            if state.isTooSmall {
                // Nothing can be read, so keys do nothing — except leaving. F10 and Ctrl-C
                // always quit (what is typed in a conversation goes to its draft on the way
                // out); Esc and q too, unless text is being typed: a q in a word, or the Esc
                // that would close a form, must not end the program unseen.
                switch key {
                case .function(10), .control("c"): state.quit = true
                case .escape, .character("q"): if !front.isTyping { state.quit = true }
                default: break
                }
                return
            }
            state.message = nil
            if let panel = state.panel {
                let bounds = state.size.rect
                if let move = Move(key) {
                    let moved = move.applied(to: panel.scroll, count: .max, page: 10)
                    state.panel?.scroll = min(moved, HelpOverlay.maxScroll(bounds: bounds, sections: panel.sections))
                } else if [.escape, .function(11), .control("k"), .character("q"), .enter].contains(key) {
                    state.panel = nil
                }
                return
            }
            if let scroll = state.help {
                // Kept within the text, so ↑ moves at once after holding ↓.
                defer { state.help = state.help.map { min($0, HelpOverlay.maxScroll(bounds: state.size.rect, sections: helpSections())) } }
                if let move = Move(key) {
                    state.help = move.applied(to: scroll, count: .max, page: 10)
                } else if [.escape, .function(1), .character("?"), .character("q"), .enter].contains(key) {
                    state.help = nil
                }
                return
            }
            dispatch(key)
        }
    }

    /// A key to the screen in front, through its table: the one place keys become commands.
    /// While text is typed a character is never a command (`q`, `?` and digits type).
    private func dispatch(_ key: Key) {
        let ctx = context()
        func command(_ screen: some Screen) -> Command? {
            if screen.isTyping, case .character = key { return nil }
            return screen.table(ctx).action(for: key)
        }
        let typesCharacter = if case .character = key { front.isTyping } else { false }
        if !typesCharacter, command(front) == nil, let refusal = front.refusal(for: key, ctx) {
            state.message = StatusMessage(refusal, isError: true)
            return
        }
        var effects: [Effect] = []
        switch state.screen {
        case .caseload:
            effects = state.caseload.handle(command(state.caseload), key: key, ctx)
        case .household:
            guard var household = state.household else { return }
            effects = household.handle(command(household), key: key, ctx)
            state.household = household
        case .review:
            guard var review = state.review else { return }
            effects = review.handle(command(review), key: key, ctx)
            state.review = review
        case .dashboard:
            guard var dashboard = state.dashboard else { return }
            effects = dashboard.handle(command(dashboard), key: key, ctx)
            state.dashboard = dashboard
        case .intake:
            guard var intake = state.intake else { return }
            effects = intake.handle(command(intake), key: key, ctx)
            state.intake = intake
        case .signals:
            guard var signals = state.signals else { return }
            effects = signals.handle(command(signals), key: key, ctx)
            state.signals = signals
        }
        run(effects)
    }

    /// Runs effects in order; a write's outcome goes back to the screen in front, which may
    /// answer with more.
    private func run(_ effects: [Effect]) {
        var queue = effects[...]
        while let effect = queue.popFirst() {
            switch effect {
            case .help: state.help = 0
            case .quit: state.quit = true
            case .status(let message): state.message = message
            case .go(let destination): attempt { try go(destination) }
            case .switchDemoRole: attempt(switchDemoRole)
            case .editExternally(let text): state.pendingEdit = text
            case .checkPractice(let id): attempt { try showPractice(id) }
            case .store(let request):
                queue += receive(.stored(request, EffectRunner(env: env).run(request)))
            }
        }
    }

    private func receive(_ outcome: Outcome) -> [Effect] {
        let ctx = context()
        switch state.screen {
        case .caseload:
            return state.caseload.receive(outcome, ctx)
        case .household:
            guard var household = state.household else { return [] }
            defer { state.household = household }
            return household.receive(outcome, ctx)
        case .review:
            guard var review = state.review else { return [] }
            defer { state.review = review }
            return review.receive(outcome, ctx)
        case .dashboard:
            return []
        case .intake:
            guard var intake = state.intake else { return [] }
            defer { state.intake = intake }
            return intake.receive(outcome, ctx)
        case .signals:
            guard var signals = state.signals else { return [] }
            defer { state.signals = signals }
            return signals.receive(outcome, ctx)
        }
    }

    /// Another screen. Opening a household is recorded in the audit trail before anything
    /// of it is shown; coming back to the caseload reads its figures again.
    private func go(_ destination: Destination) throws {
        let ctx = context()
        switch destination {
        case .caseload:
            state.screen = .caseload
            state.household = nil
            state.review = nil
            state.dashboard = nil
            state.intake = nil
            state.signals = nil
            try state.caseload.reload(ctx)
        case .household(let id):
            let file = try env.store.viewCaseFile(id, by: env.actor, action: "household.view")
            let rows = try env.store.householdRows(id)
            var household = HouseholdState(id: id, file: file, rows: rows)
            household.rules = try env.store.rules()
            household.changeCounter = try env.store.householdChangeCounter(id)
            household.draftOffer = try env.store.draft(household: id, user: env.staff.user)
            household.handoverOpen = HouseholdEditing.handoverFor(env.staff.user, in: rows)
            household.overview.selected = .facts
            state.practice = env.store.kind == .demo
                ? try env.store.practiceCopy(household: id).flatMap { copy in env.practiceCases.first { $0.id == copy.caseId } } : nil
            state.household = household
            state.intake = nil
            state.screen = .household
        case .intake:
            guard !env.store.isReadOnly else { throw StoreError.readOnly(path: env.store.location.path) }
            try env.store.requireMayChange(env.actor)
            if let draft = try env.store.intakeDraft(user: env.staff.user) {
                state.intake = IntakeState(draft.intake)
                let when = draft.savedAt.prefix(16).replacingOccurrences(of: "T", with: " ")
                state.message = StatusMessage(env.language.pick("Uw inname van \(when) staat er weer; Esc en d gooit hem weg.",
                                                                "Your intake of \(when) is back; Esc then d throws it away."))
            } else {
                state.intake = IntakeState()
            }
            state.screen = .intake
        case .review:
            guard env.staff.role == .teamleader else {
                state.message = StatusMessage(env.language.pick("De beoordelingslijst is voor teamleiders.", "The review queue is for team leaders."),
                                              isError: true)
                return
            }
            var review = ReviewState()
            review.grantsCounter = try env.store.grantsChangeCounter()
            try review.load(ctx)
            state.review = review
            state.screen = .review
        case .dashboard:
            state.dashboard = try DashboardState.load(allTeams: false, ctx)
            state.screen = .dashboard
        case .signals:
            state.signals = try SignalsState.load(ctx)
            state.screen = .signals
        case .intakeFromSignal(let signal, let client):
            guard !env.store.isReadOnly else { throw StoreError.readOnly(path: env.store.location.path) }
            try env.store.requireMayChange(env.actor)
            state.intake = IntakeState(signal: signal, client: client)
            state.screen = .intake
            state.message = StatusMessage(env.language.pick("Wat het signaal weet staat al ingevuld: vul de naam en de straat aan.",
                                                            "What the signal knows is filled in: add the name and the street."))
        }
    }

    /// A store failure becomes a sentence on the status line; the screen stays as it was.
    private func attempt(_ body: () throws -> Void) {
        do { try body() } catch { state.message = StatusMessage(error.message(env.language), isError: true) }
    }

    /// The whole screen for the current state.
    public func render() -> ScreenBuffer { render(ascii: ascii) }

    /// The screen in ASCII mode or not, whatever the terminal's (tests draw both).
    func render(ascii: Bool) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: state.size, ascii: ascii)
        if state.isTooSmall {
            Chrome.tooSmall(state.size, env: env, into: &buffer)
            return buffer
        }
        let ctx = context()
        let (header, rest) = buffer.bounds.splitTop(1)
        let (middle, keyBar) = rest.splitBottom(1)
        let (body, status) = middle.splitBottom(1)
        Chrome.header(state, env: env, into: &buffer, rect: header)
        let screen = front
        screen.render(into: &buffer, area: body, ctx)
        if let message = state.message ?? ConversationsScreen.unsavedWarning(state.household, l: env.language) {
            Chrome.status(message, into: &buffer, status: status, above: body)
        }
        let table = screen.table(ctx)
        let shown = KeyBar.render(into: &buffer, rect: keyBar, hints: table.keyHints)
        // The key of each hint drawn, for a click on it.
        let keys = table.actions.filter { $0.barLabel != nil }.compactMap(\.keys.first)
        keyBarHits = zip(shown, keys).map { (columns: $0, key: $1) }
        if let panel = state.panel {
            HelpOverlay.render(into: &buffer, bounds: buffer.bounds, title: panel.title, sections: panel.sections,
                               scroll: panel.scroll, footer: env.language.pick("Esc sluiten · ↑↓ bladeren", "Esc close · ↑↓ scroll"))
        }
        if let scroll = state.help {
            HelpOverlay.render(into: &buffer, bounds: buffer.bounds, title: "Help — " + screen.title(env.language).lowercased(), sections: helpSections(),
                               scroll: scroll, footer: env.language.pick("Esc sluiten · ↑↓ bladeren", "Esc close · ↑↓ scroll"))
        }
        return buffer
    }

    /// F11 on a trainee's copy: the copy checked against its practice case now (the check is
    /// recorded, with since when each checkpoint holds, for the trainer), shown as a panel:
    /// the situation, the tasks, which checkpoints hold — never how — and the feedback.
    private func showPractice(_ id: String) throws {
        guard let practice = state.practice else { return }
        let l = env.language
        let results = try env.store.checkPractice(practice, household: id, today: env.today, by: env.actor)
        let feedback = try env.store.practiceFeedback(household: id)
        var sections: [HelpOverlay.Section] = [
            (l.pick("Situatie", "Situation"), [("", practice.situation.text(l))]),
            (l.pick("Opdracht", "Tasks"), practice.tasks.enumerated().map { ("\($0 + 1).", $1.text(l)) }),
            (l.pick("Controlepunten: \(results.filter(\.holds).count) van \(results.count) kloppen",
                    "Checkpoints: \(results.filter(\.holds).count) of \(results.count) hold"),
             results.map { ($0.holds ? "✓" : "·", $0.checkpoint.text.text(l)) }),
        ]
        if !feedback.isEmpty {
            sections.append((l.pick("Feedback van de trainer", "Feedback from the trainer"),
                             feedback.map { ("", "\($0.at.localDate.dutch) \($0.trainer): \($0.text)") }))
        }
        state.panel = (l.pick("Oefencasus — ", "Practice case — ") + practice.title.text(l), sections, 0)
    }

    /// Help is generated from the same table as the key bar, with what the screen adds
    /// (keys that move or type) and the keys that move everywhere.
    private func helpSections() -> [HelpOverlay.Section] {
        let l = env.language, ctx = context()
        let screen = front
        let moving: [HelpOverlay.Row] = [
            ("↑ ↓ j k", l.pick("Regel omhoog / omlaag", "Line up / down")),
            ("PgUp PgDn", l.pick("Bladzijde omhoog / omlaag", "Page up / down")),
            ("Home End", l.pick("Naar het begin / het eind", "To the start / the end")),
            ("Ctrl-Z", l.pick("Even naar de shell (terug met fg)", "Suspend to the shell (back with fg)")),
        ]
        return [(screen.title(l), screen.table(ctx).helpRows)]
            + screen.extraHelp(ctx) + [(l.pick("Bewegen", "Moving"), moving)]
    }

    /// F9 in a demo store: act as the next member of the demo staff (a trainer shows each
    /// role). Never in a real store, where who you are is the OS user.
    private func switchDemoRole() throws {
        guard env.store.kind == .demo else {
            state.message = StatusMessage(env.language.pick("Van rol wisselen kan alleen in een demo.", "Switching roles is only possible in a demo."),
                                          isError: true)
            return
        }
        let staff = try env.store.staff()
        guard let i = staff.firstIndex(where: { $0.user == env.staff.user }) else { return }
        let next = staff[(i + 1) % staff.count]
        let today = env.today
        env = AppEnvironment(store: env.store, staff: next, language: env.language, outputFolder: env.outputFolder,
                             searchBeginningThreshold: env.searchBeginningThreshold)
        env.today = today
        state.caseload.order = nil  // "mine" is someone else's now
        try state.caseload.reload(context(), keepSelection: false)
        state.message = StatusMessage(env.language.pick("U werkt nu als \(next.name) (\(next.role.name(in: .nl))).",
                                                        "You now work as \(next.name) (\(next.role.name(in: .en)))."))
    }

    /// On a pause: past midnight, the screens are drawn for the new day (overdue agreements,
    /// ages, the norm table in force) and the caseload's marks are read again.
    private func noticeNewDay() throws {
        let day = env.clock.today
        guard day != env.today else { return }
        env.today = day
        try state.caseload.reload(context())
    }

    /// Seconds on the monotonic clock, for the draft's debounce: elapsed time, not a date,
    /// so it neither reads the wall clock nor jumps when someone sets it.
    static func now() -> Double {
        let elapsed = ContinuousClock.now - monotonicOrigin
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
    private static let monotonicOrigin = ContinuousClock.now

    /// True while typed text is not yet in the draft: the loop then wakes up sooner.
    var hasUnsavedTyping: Bool {
        (state.household?.conversations?.form?.dirty ?? false) || (state.household?.grants?.form?.dirty ?? false) || (state.intake?.dirty ?? false)
    }

    /// How long the loop waits for a key before it does the caseload's work of a pause
    /// (see CaseloadState.idle); nil when there is none.
    public var idleWait: Double? { state.screen == .caseload ? state.caseload.idleWait : nil }

    /// What the loop does while no key comes for a while, until it has nothing left to do
    /// (the caseload's reads of a pause are taken over): for tests and the benchmark, which have no pauses
    /// of their own. `step` gets the time of each of the loop's own steps (the benchmark's
    /// "a key waits ≤ 1"). False when it still had work after `timeout` seconds.
    @discardableResult
    public func pause(timeout: Double = 30, step: (Duration) -> Void = { _ in }) -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(Int(timeout * 1000))
        repeat {
            if clock.now > deadline { return false }
            // at least one: the second's tick that looks whether the list changed
            step(clock.measure { handle(.tick) })
            if idleWait != nil { usleep(1_000) }
        } while idleWait != nil
        return true
    }

    /// Runs until the user quits: draw, wait for an event, handle it. While text is typed,
    /// a pause of a quarter second writes the draft; otherwise it is written every second.
    public func run(on backend: Backend) {
        if backend.size != state.size { handle(.resize(backend.size)) }
        while !state.quit {
            backend.draw(render())
            let event = backend.nextEvent(timeout: idleWait ?? (hasUnsavedTyping ? 0.25 : 1.0)) ?? .tick
            handle(event)
            editPending(on: backend)
        }
        handle(.tick)  // what was typed last is in the draft
    }

    /// The text Ctrl-E asked for, through the user's editor and back to the screen.
    public func editPending(on backend: Backend) {
        guard let text = state.pendingEdit else { return }
        state.pendingEdit = nil
        run(receive(.edited(editExternally(text, on: backend))))
    }

    /// `text` in `$VISUAL` or `$EDITOR` (else `nano`, else `vi`), read back after.
    func editExternally(_ text: String, on backend: Backend) -> Result<String, EditorFailure> {
        let file = NSTemporaryDirectory() + "keukentafel-\(getpid())-\(UUID().uuidString.prefix(8)).txt"
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty }
            ?? (FileManager.default.isExecutableFile(atPath: "/usr/bin/nano") ? "nano" : "vi")
        guard FileManager.default.createFile(atPath: file, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            return .failure(EditorFailure(editor: editor))
        }
        defer { try? FileManager.default.removeItem(atPath: file) }
        var status: Int32 = -1
        backend.runOutside {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "\(editor) \"$1\"", "editor", file]
            do {
                try process.run()
                process.waitUntilExit()
                status = process.terminationStatus
            } catch { status = -1 }
        }
        guard status == 0, let data = FileManager.default.contents(atPath: file) else { return .failure(EditorFailure(editor: editor)) }
        return .success(String(decoding: data, as: UTF8.self))
    }
}
