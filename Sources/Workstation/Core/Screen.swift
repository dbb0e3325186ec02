import CaseStore
import Casework
import Terminal

/// What a screen knows of the world while it handles a key or draws: who is at the
/// keyboard, in which language, on which day, how large the window is, and a door to read
/// through. It cannot write: every change, file, editor and print is an `Effect` the screen
/// returns, which the app runs in one place (`EffectRunner`) and answers with an `Outcome`.
struct ScreenContext {
    let l: Language
    let staff: StaffMember
    let today: CalendarDate
    let size: Size
    let storeKind: StoreKind
    let readOnly: Bool
    /// Where the store is, for sentences about it.
    var storePath: String = ""
    let reads: any ScreenReads
    /// Seconds on the monotonic clock, for the draft's debounce.
    let now: Double
    /// How many households a word beginning must share before the search keeps it in memory.
    let searchBeginningThreshold: Int
    /// The wall clock's moment of this frame (the program's one clock), for how long something
    /// has waited; nil where a test builds a context without it.
    var moment: Moment? = nil
    /// The practice case of the household in front, when it is a trainee's copy of one.
    var practice: PracticeCase? = nil

    var actor: Actor { staff.actor }

    /// The same context at another moment of the monotonic clock (for tests of timing).
    func at(now: Double) -> ScreenContext {
        ScreenContext(l: l, staff: staff, today: today, size: size, storeKind: storeKind, readOnly: readOnly, storePath: storePath, reads: reads,
                      now: now, searchBeginningThreshold: searchBeginningThreshold, moment: moment, practice: practice)
    }
}

/// What the screens read: the store behind a narrow door, so a screen can be driven in a
/// test with a fake and never reaches a write. `Store` opens it as it is.
protocol ScreenReads: Sendable {
    var isReadOnly: Bool { get }
    func staff() throws -> [StaffMember]
    func caseloadListVersion() throws -> Int
    func caseloadCount(_ filter: CaseloadFilter) throws -> Int
    func caseloadOrderAndVersion(caseworker: String?, closed: Bool) throws -> (version: Int, order: CaseloadMatches)
    func caseloadMatches(_ filter: CaseloadFilter, in within: CaseloadMatches) throws -> CaseloadMatches
    func caseloadRows(_ rowids: [HouseholdRowid], today: CalendarDate) throws -> [CaseloadRow]
    func caseloadPage(_ filter: CaseloadFilter, offset: Int, limit: Int, today: CalendarDate) throws -> [CaseloadRow]
    /// The search's kept word beginnings (SearchBeginnings): whether they are kept, and
    /// making them anew — derived data, like an index, made in the caseload's pauses.
    func searchBeginningsState() throws -> SearchBeginnings.State
    func buildSearchBeginnings(threshold: Int) throws -> SearchBeginnings.Build
    func caseFile(_ householdId: String) throws -> CaseFile
    /// Reads what opening the household reads, keeping nothing (the caseload's read-ahead).
    func readAhead(household: String) throws
    func householdRows(_ id: String) throws -> HouseholdRows
    func ledgerLines(household: String) throws -> [StoredLedgerLine]
    func conversations(household: String) throws -> [StoredConversation]
    func grants(household: String) throws -> [StoredGrant]
    func reviewCount(_ list: ReviewList) throws -> Int
    func reviewPage(_ list: ReviewList, offset: Int, limit: Int) throws -> [ReviewItem]
    func practiceReport(team: String?, from: CalendarDate, to: CalendarDate, now: Moment) throws -> PracticeReport
    /// The law and the policy (norm tables, policy versions), and the municipality's settings.
    func rules() throws -> CaseRules
    func municipality() throws -> Municipality?
    /// Counters that rise with every saved change (ChangeCounters.swift), read on pauses.
    func householdChangeCounter(_ id: String) throws -> Int
    func grantsChangeCounter() throws -> Int
    func grantFormDraft(household: String, user: String) throws -> GrantFormDraft?
    func paymentBatch(ofGrant id: String) throws -> String?
    /// The letter that made the grant's current decision known, nil when none was sent.
    func decisionLetter(of grant: Grant) throws -> SentLetter?
    /// The outreach queue of vroegsignalering, and its change counter.
    func signalQueue() throws -> [SignalQueueItem]
    func signalsChangeCounter() throws -> Int
    /// The signals received in a period with their zaken (the dashboard's figures, the delivery).
    func signalDelivery(from: CalendarDate, to: CalendarDate) throws -> [DDASDelivery.ReportedCase]
    /// The register of rule barriers, by rule.
    func ruleBarrierTallies() throws -> [RuleBarrierTally]
}

extension Store: ScreenReads {}

/// One thing a screen offers: a command, when it is available (by role, by the screen's
/// state), and the word it has here when that says more than the command's own.
struct ScreenAction<State> {
    let command: Command
    /// The key-bar word here; a closure that answers nil keeps the action out of the bar
    /// (the help still lists it).
    let label: ((Language) -> String?)?
    let help: ((Language) -> String)?
    let when: (State, ScreenContext) -> Bool
    /// Why it cannot be done here and now, for someone who presses its key anyway (a
    /// caseworker's F6, `v` on a grant that is not paid); nil: the key does nothing then.
    let whyNot: ((State, ScreenContext) -> String?)?

    init(_ command: Command, label: ((Language) -> String?)? = nil, help: ((Language) -> String)? = nil,
         when: @escaping (State, ScreenContext) -> Bool = { _, _ in true }, whyNot: ((State, ScreenContext) -> String?)? = nil) {
        self.command = command; self.label = label; self.help = help; self.when = when; self.whyNot = whyNot
    }
}

/// The shape of every screen: its state, one table of actions, `handle` that returns
/// effects, `receive` for their outcomes, and `render`.
protocol Screen {
    /// The actions, in the order of the key bar and the help; `available` keeps those
    /// that are available now.
    static var actions: [ScreenAction<Self>] { get }
    /// Keys that move or type rather than act (arrows, letters in a form), for the help.
    func extraHelp(_ ctx: ScreenContext) -> [HelpOverlay.Section]
    /// The screen's name, for the help: "Caseload", "Huishouden".
    func title(_ l: Language) -> String
    /// True while keys type text: `q` is then a letter, and Esc closes the form.
    var isTyping: Bool { get }

    mutating func handle(_ command: Command?, key: Key, _ ctx: ScreenContext) -> [Effect]
    mutating func receive(_ outcome: Outcome, _ ctx: ScreenContext) -> [Effect]
    func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: ScreenContext)
}

extension Screen {
    /// The table of what can be done now: key bar, help and mouse all come from it.
    func table(_ ctx: ScreenContext) -> ActionTable<Command> {
        ActionTable(actions: Self.actions.filter { $0.when(self, ctx) }.map { action in
            let info = action.command.info(ctx.l)
            return Action(id: action.command, keys: info.keys, barLabel: action.label.map { $0(ctx.l) } ?? info.label,
                          help: action.help?(ctx.l) ?? info.help)
        })
    }

    /// The sentence for a key whose action is not available now and says why, or nil.
    func refusal(for key: Key, _ ctx: ScreenContext) -> String? {
        Self.actions.lazy.filter { !$0.when(self, ctx) && $0.command.info(ctx.l).keys.contains(key) }
            .compactMap { $0.whyNot?(self, ctx) }.first
    }

    /// The answers of a dialog: what the key bar offers, but help (F1 is always there).
    func dialogButtons(_ ctx: ScreenContext) -> [KeyHint] {
        table(ctx).actions.filter { $0.id != .help }.compactMap { action in
            action.barLabel.map { KeyHint(keys: action.keys.first?.label ?? "", label: $0) }
        }
    }

    func extraHelp(_ ctx: ScreenContext) -> [HelpOverlay.Section] { [] }
    mutating func receive(_ outcome: Outcome, _ ctx: ScreenContext) -> [Effect] { [] }
}

extension Error {
    /// The sentence for the status line: a store failure in the reader's words.
    func message(_ l: Language) -> String {
        (self as? StoreError)?.message(in: l) ?? "\(self)"
    }
}

/// A screen that reads on its keys (a list paged from the store): a read that fails becomes
/// a sentence on the status line, and what the key had changed so far stays.
protocol ReadingScreen: Screen {
    mutating func handleReading(_ command: Command?, key: Key, _ ctx: ScreenContext) throws -> [Effect]
}

extension ReadingScreen {
    mutating func handle(_ command: Command?, key: Key, _ ctx: ScreenContext) -> [Effect] {
        do { return try handleReading(command, key: key, ctx) } catch { return [.status(StatusMessage(error.message(ctx.l), isError: true))] }
    }
}
