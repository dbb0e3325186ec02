import CaseStore
import Casework
import Foundation
import Terminal

/// The workstation: state, `handle(event)` and `render()`, in the Elm way. The loop in
/// `run` asks the backend for events and draws every frame from scratch into a buffer;
/// the backend sends only what changed.
public final class App {
    public private(set) var env: AppEnvironment
    public private(set) var state: AppState
    /// Draw ASCII only (the terminal's locale is not UTF-8).
    public let ascii: Bool

    public init(env: AppEnvironment, size: Size, ascii: Bool = false) throws {
        self.env = env
        self.ascii = ascii
        state = AppState(size: size)
        try CaseloadScreen.reload(&state.caseload, env: env, size: size)
    }

    /// Shows a sentence on the status line (a warning at start, for instance).
    public func show(_ text: String, isError: Bool = false) { state.message = StatusMessage(text, isError: isError) }

    /// Changes the state for one event. Store failures become a message on the status
    /// line; the screen stays as it was.
    public func handle(_ event: Event) {
        do {
            try update(event)
        } catch let error as StoreError {
            state.message = StatusMessage(error.message(in: env.l), isError: true)
        } catch {
            state.message = StatusMessage("\(error)", isError: true)
        }
    }

    private func update(_ event: Event) throws {
        switch event {
        case .resize(let size):
            state.size = size
            try CaseloadScreen.reload(&state.caseload, env: env, size: size)
            if state.screen == .household { HouseholdScreen.clampScroll(&state, env: env) }
            return
        case .tick:
            try noticeNewDay()
            // A pause in typing: the draft goes to the store now.
            if let id = state.household?.id, var conversations = state.household?.conversations {
                ConversationsScreen.saveDraft(&conversations, household: id, env: env, now: Self.now(), message: &state.message)
                state.household?.conversations = conversations
            }
            if state.screen == .caseload { _ = try CaseloadScreen.idle(&state.caseload, env: env) }
            return
        case .mouse(let mouse):
            // The wheel scrolls what the arrows scroll; clicks are not needed for anything.
            switch mouse.kind {
            case .scrollUp: try update(.key(.up))
            case .scrollDown: try update(.key(.down))
            case .press, .release: break
            }
            return
        case .paste(let text):
            if var household = state.household, household.tab == 2, household.conversations?.form != nil {
                ConversationsScreen.paste(text, household: &household)
                state.household = household
                return
            }
            if state.screen == .caseload && state.caseload.searching {
                for c in text where c != "\n" && c != "\r" { try update(.key(.character(c))) }
            }
            return
        case .key(let key):
            if state.isTooSmall {
                // Nothing can be read, so keys do nothing — except leaving. F10 and Ctrl-C
                // always quit (what is typed in a conversation goes to its draft on the way
                // out); Esc and q too, unless text is being typed: a q in a word, or the Esc
                // that would close a form, must not end the program unseen.
                switch key {
                case .function(10), .control("c"): state.quit = true
                case .escape, .character("q"): if !state.isTyping { state.quit = true }
                default: break
                }
                return
            }
            state.message = nil
            if let scroll = state.help {
                // Kept within the text, so ↑ moves at once after holding ↓.
                defer { state.help = state.help.map { min($0, HelpOverlay.maxScroll(bounds: state.size.rect, sections: helpSections())) } }
                switch key {
                case .escape, .function(1), .character("?"), .character("q"), .enter: state.help = nil
                case .down, .character("j"): state.help = scroll + 1
                case .up, .character("k"): state.help = max(0, scroll - 1)
                case .pageDown: state.help = scroll + 10
                case .pageUp: state.help = max(0, scroll - 10)
                default: break
                }
                return
            }
            switch state.screen {
            case .caseload where key == .function(6) && !state.caseload.searching:
                guard env.staff.role == .teamleader else {
                    state.message = StatusMessage(env.l.pick("De beoordelingslijst is voor teamleiders.", "The review queue is for team leaders."), isError: true)
                    return
                }
                var review = ReviewState()
                try ReviewScreen.load(&review, env: env)
                state.review = review
                state.screen = .review
            case .caseload where key == .function(7) && !state.caseload.searching:
                state.dashboard = try DashboardScreen.load(allTeams: false, env: env)
                state.screen = .dashboard
            case .dashboard:
                if try !DashboardScreen.handle(key, state: &state, env: env) {
                    state.screen = .caseload
                    state.dashboard = nil
                }
            case .caseload where key == .function(9) && !state.caseload.searching:
                try switchDemoRole()
            case .review:
                if try !ReviewScreen.handle(key, state: &state, env: env) {
                    state.screen = .caseload
                    state.review = nil
                    try CaseloadScreen.reload(&state.caseload, env: env, size: state.size)
                }
            case .caseload:
                if let id = try CaseloadScreen.handle(key, state: &state, env: env) {
                    state.household = try HouseholdScreen.open(id, env: env)
                    state.screen = .household
                }
            case .household:
                try HouseholdScreen.handle(key, state: &state, env: env, now: Self.now())
                if state.screen == .caseload {
                    // Back on the list: its figures may have changed meanwhile.
                    try CaseloadScreen.reload(&state.caseload, env: env, size: state.size)
                }
            }
        }
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
        let (header, rest) = buffer.bounds.splitTop(1)
        let (middle, keyBar) = rest.splitBottom(1)
        let (body, status) = middle.splitBottom(1)
        Chrome.header(state, env: env, into: &buffer, rect: header)
        switch state.screen {
        case .caseload: CaseloadScreen.render(state, env: env, into: &buffer, body: body)
        case .household: HouseholdScreen.render(state, env: env, into: &buffer, body: body)
        case .review: ReviewScreen.render(state, env: env, into: &buffer, body: body)
        case .dashboard: DashboardScreen.render(state, env: env, into: &buffer, body: body)
        }
        if let message = state.message ?? ConversationsScreen.unsavedWarning(state.household, env: env) {
            Chrome.status(message, into: &buffer, status: status, above: body)
        }
        KeyBar.render(into: &buffer, rect: keyBar, hints: hints())
        if let scroll = state.help {
            HelpOverlay.render(into: &buffer, bounds: buffer.bounds, title: helpTitle(), sections: helpSections(),
                               scroll: scroll, footer: env.l.pick("Esc sluiten · ↑↓ bladeren", "Esc close · ↑↓ scroll"))
        }
        return buffer
    }

    private func hints() -> [KeyHint] {
        switch state.screen {
        case .caseload: CaseloadScreen.hints(state, env: env)
        case .household:
            if let household = state.household, household.draftOffer != nil {
                [KeyHint(keys: "Enter", label: env.l.pick("Herstellen", "Restore")), KeyHint(keys: "d", label: env.l.pick("Weggooien", "Discard"))]
            } else if state.household?.tab == 1, let ledger = state.household?.ledger { LedgerView.hints(ledger, env: env) }
            else if let household = state.household, household.tab == 2 { ConversationsView.hints(household, env: env) }
            else if let household = state.household, household.tab == 3 { GrantsView.hints(household, env: env) }
            else { HouseholdScreen.actions(env.l).keyHints }
        case .review: ReviewScreen.hints(state.review, env: env)
        case .dashboard: DashboardScreen.hints(env)
        }
    }

    private func helpTitle() -> String {
        let l = env.l
        switch state.screen {
        case .caseload: return l.pick("Help — caseload", "Help — caseload")
        case .household: return l.pick("Help — huishouden", "Help — household")
        case .review: return l.pick("Help — beoordelen", "Help — review")
        case .dashboard: return l.pick("Help — dashboard", "Help — dashboard")
        }
    }

    /// Help is generated from the same action tables as the key bar.
    private func helpSections() -> [(title: String, rows: [(keys: String, text: String)])] {
        let l = env.l
        let moving: [(keys: String, text: String)] = [
            ("↑ ↓ j k", l.pick("Regel omhoog / omlaag", "Line up / down")),
            ("PgUp PgDn", l.pick("Bladzijde omhoog / omlaag", "Page up / down")),
            ("Home End", l.pick("Naar het begin / het eind", "To the start / the end")),
            ("Ctrl-Z", l.pick("Even naar de shell (terug met fg)", "Suspend to the shell (back with fg)")),
        ]
        switch state.screen {
        case .review:
            return [(l.pick("Beoordelen", "Review"), ReviewScreen.helpRows(l)), (l.pick("Bewegen", "Moving"), moving)]
        case .dashboard:
            return [(l.pick("Dashboard", "Dashboard"), [("Tab", l.pick("Eigen team of alle teams", "Own team or all teams")),
                                                        ("Esc F7", l.pick("Terug naar de caseload", "Back to the caseload"))]),
                    (l.pick("Bewegen", "Moving"), moving)]
        case .caseload:
            var extra: [(keys: String, text: String)] = [("F6", l.pick("Beoordelingslijst (teamleiders)", "Review queue (team leaders)")),
                                                         ("F7", l.pick("Dashboard: wat de praktijk oplevert", "Dashboard: what the practice yields"))]
            if env.store.kind == .demo { extra.append(("F9", l.pick("Demo: werk als een andere medewerker", "Demo: work as another member of staff"))) }
            return [(l.pick("Caseload", "Caseload"), CaseloadScreen.actions(l).helpRows + extra),
                    (l.pick("Bewegen", "Moving"), moving)]
        case .household:
            var sections: [(title: String, rows: [(keys: String, text: String)])] = []
            if state.household?.tab == 3 {
                sections.append((l.pick("Besluiten", "Decisions"), GrantsScreen.actions(l).helpRows))
                sections.append((l.pick("In een aanvraag", "In a request"), GrantsScreen.formHelp(l)))
            }
            if state.household?.tab == 2 {
                sections.append((l.pick("Gesprekken", "Conversations"), ConversationsScreen.actions(l).helpRows))
                sections.append((l.pick("In een gesprek", "In a conversation"), ConversationsScreen.formHelp(l)))
                sections.append((l.pick("Als een ander het gesprek intussen opsloeg", "When someone else saved the conversation meanwhile"),
                                 ConflictKeys.conversation(l).helpRows
                                    + [("≠", l.pick("In de lijst: dit veld verschilt van hun versie", "In the list: this field differs from theirs"))]))
            }
            if state.household?.tab == 1 {
                sections.append((l.pick("Financiën", "Finances"), LedgerScreen.actions(l).helpRows))
                sections.append((l.pick("In een regel", "In a line"), LedgerView.formHelp(l)))
                sections.append((l.pick("Als een ander de regel intussen opsloeg", "When someone else saved the line meanwhile"),
                                 ConflictKeys.ledger(l).helpRows))
            }
            sections.append((l.pick("Huishouden", "Household"), HouseholdScreen.actions(l).helpRows))
            sections.append((l.pick("Bewegen", "Moving"), moving))
            return sections
        }
    }

    /// F9 in a demo store: act as the next member of the demo staff (a trainer shows each
    /// role). Never in a real store, where who you are is the OS user.
    private func switchDemoRole() throws {
        guard env.store.kind == .demo else {
            state.message = StatusMessage(env.l.pick("Van rol wisselen kan alleen in een demo.", "Switching roles is only possible in a demo."), isError: true)
            return
        }
        let staff = try env.store.staff()
        guard let i = staff.firstIndex(where: { $0.user == env.staff.user }) else { return }
        let next = staff[(i + 1) % staff.count]
        let today = env.today
        env = AppEnvironment(store: env.store, staff: next, language: env.language, outputFolder: env.outputFolder,
                             searchCacheThreshold: env.searchCacheThreshold)
        env.today = today
        state.caseload.order = nil  // "mine" is someone else's now
        try CaseloadScreen.reload(&state.caseload, env: env, size: state.size, keepSelection: false)
        state.message = StatusMessage(env.l.pick("U werkt nu als \(next.name) (\(next.role.name(in: env.l))).",
                                                 "You now work as \(next.name) (\(next.role.name(in: env.l)))."))
    }

    /// On a pause: past midnight, the screens are drawn for the new day (overdue agreements,
    /// ages, the norm table in force) and the caseload's marks are read again.
    private func noticeNewDay() throws {
        let day = env.clock.today
        guard day != env.today else { return }
        env.today = day
        try CaseloadScreen.reload(&state.caseload, env: env, size: state.size)
    }

    /// Seconds on the monotonic clock, for the draft's debounce: elapsed time, not a date,
    /// so it neither reads the wall clock nor jumps when someone sets it.
    static func now() -> Double {
        let elapsed = ContinuousClock.now - monotonicOrigin
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
    private static let monotonicOrigin = ContinuousClock.now

    /// True while typed text is not yet in the draft: the loop then wakes up sooner.
    var hasUnsavedTyping: Bool { state.household?.conversations?.form?.dirty ?? false }

    /// How long the loop waits for a key before it does the caseload's work of a pause
    /// (see CaseloadScreen.idle); nil when there is none.
    public var idleWait: Double? { state.screen == .caseload ? CaseloadScreen.idleWait(state.caseload) : nil }

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
            if state.externalEdit { editExternally(on: backend) }
        }
        handle(.tick)  // what was typed last is in the draft
    }

    /// Ctrl-E: the current field in `$EDITOR` (else `nano`, else `vi`), read back after.
    public func editExternally(on backend: Backend) {
        state.externalEdit = false
        guard var household = state.household, var conversations = household.conversations, var form = conversations.form else { return }
        let l = env.l
        let file = NSTemporaryDirectory() + "keukentafel-\(getpid())-\(UUID().uuidString.prefix(8)).txt"
        guard FileManager.default.createFile(atPath: file, contents: Data(form.text(form.field).utf8),
                                             attributes: [.posixPermissions: 0o600]) else { return }
        defer { try? FileManager.default.removeItem(atPath: file) }
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty }
            ?? (FileManager.default.isExecutableFile(atPath: "/usr/bin/nano") ? "nano" : "vi")
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
        guard status == 0, let data = FileManager.default.contents(atPath: file) else {
            state.message = StatusMessage(l.pick("De editor (\(editor)) gaf een fout; de tekst is niet veranderd.",
                                                 "The editor (\(editor)) failed; the text is unchanged."), isError: true)
            return
        }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }   // editors add a final line break
        if form.field.isSingleLine { text = text.replacingOccurrences(of: "\n", with: " ") }
        form.editors[form.field] = TextEditor(text: text)
        form.dirty = true
        conversations.form = form
        household.conversations = conversations
        state.household = household
        handle(.tick)
        state.message = StatusMessage(l.pick("Tekst uit de editor overgenomen.", "Text taken over from the editor."))
    }
}
