import Casework
import Foundation

/// How fast the scripted people work: a fast typist, and a moment to read each screen
/// before acting on it. The only waits that are not for text on the screen.
public struct TeamPace: Sendable {
    public var keyInterval = 0.08
    public var think = 0.5
    public init() {}
}

/// xterm's keys in keypad-transmit mode (ncurses switches it on).
enum TeamKeys {
    static let enter = "\r", escape = "\u{1b}", tab = "\t", backspace = "\u{7f}"
    static let f2 = "\u{1b}OQ", f4 = "\u{1b}OS", f6 = "\u{1b}[17~"
}

/// The run is over: the script stops where it is.
struct TeamTimeUp: Error {}

/// What every scripted person does with their workstation.
struct TeamTypist {
    let terminal: TeamTerminal
    let pace: TeamPace
    let recorder: TeamRecorder
    let clock: TeamClock

    func key(_ keys: String) { terminal.send(keys); terminal.pause(pace.keyInterval) }
    func type(_ text: String) { terminal.type(text, interval: pace.keyInterval) }
    func think(_ times: Double = 1) { terminal.pause(pace.think * times) }

    enum Answer { case saved, conflict, other }

    /// Presses the key that saves and times it to the screen that answers: one of `saved`
    /// (recorded as a `kind` save), one of `conflict` (another workstation saved it first:
    /// both versions are shown), or one of `other`.
    func save(_ keys: String, _ kind: TeamSaveKind, saved: [String], conflict: [String] = [], other: [String] = []) throws -> Answer {
        guard !clock.isOver else { throw TeamTimeUp() }
        // The answer to the last save went with the keys typed since. (Saving over another's
        // version comes straight after their version was shown: its sentence is still there.)
        try terminal.waitUntilGone(kind == .overTheirs ? saved : saved + conflict)
        let pressed = monotonicSeconds()
        terminal.send(keys)
        let (i, at) = try terminal.waitFor(any: saved + conflict + other + ["Fout in de opslag"])
        let ms = (at - pressed) * 1000
        terminal.pause(pace.keyInterval)
        switch i {
        case ..<saved.count:
            recorder.saved(kind, ms: ms, by: terminal.name)
            return .saved
        case ..<(saved.count + conflict.count):
            recorder.update { $0.conflicts.add(ms) }
            return .conflict
        case ..<(saved.count + conflict.count + other.count):
            return .other
        default:
            throw TeamTerminal.Failure(description: "\(terminal.name): the save was refused\n\(terminal.screen.text)")
        }
    }
}

/// A caseworker: opens a household by searching its address, and types ledger lines or a
/// conversation; in the household shared with a colleague, changes the first income line
/// or adds to the first conversation.
struct CaseworkerScript {
    let typist: TeamTypist
    let plan: TeamPlan.Caseworker
    var random: SplitMix64
    var round = 0

    static let labels = ["Boodschappen", "Huur", "Zorgtoeslag", "Energie", "Telefoon", "Kinderopvang", "Bijstand", "Gemeentelijke belasting"]
    static let questions = ["Wil weer overzicht over de post en de rekeningen",
                            "Zoekt hulp bij de achterstand op de huur",
                            "Wil dat de kinderen blijven sporten bij de club"]
    static let notes = ["Post ligt ongeopend in een la; samen gesorteerd en drie aanmaningen gevonden.",
                        "Vaste lasten lopen via de bank; de zorgpremie wordt niet meer afgeschreven.",
                        "Met de budgetcoach afgesproken om elke week de post samen te openen."]

    var terminal: TeamTerminal { typist.terminal }

    mutating func run() throws {
        while !typist.clock.isOver {
            round += 1
            let sharedOne = random.next() % 10 < 3
            let household = sharedOne ? plan.shared : plan.own[Int(random.next() % UInt64(plan.own.count))]
            do {
                try open(household)
                if sharedOne {
                    if random.next() % 2 == 0 { try changeSharedLine() } else { try addToSharedConversation() }
                } else if random.next() % 10 < 6 {
                    try addLedgerLines(1 + Int(random.next() % 3))
                } else {
                    try newConversation()
                }
                try backToCaseload()
            } catch let failure as TeamTerminal.Failure {
                typist.recorder.update { $0.scriptFailures.append(failure.description) }
                try recover()
            }
        }
    }

    /// `/`, the address, Enter to the list and Enter to open it.
    func open(_ household: TeamPlan.Household) throws {
        typist.key("/")
        typist.type(household.query)
        try terminal.waitFor("· 1 huishouden ")
        typist.think(0.5)
        typist.key(TeamKeys.enter)
        typist.key(TeamKeys.enter)
        try terminal.waitFor("Leefgebieden (ZRM)")
        try terminal.waitFor(household.id, timeout: 5)   // not another one
        typist.think()
    }

    func backToCaseload() throws {
        typist.key(TeamKeys.escape)
        try terminal.waitFor("Alle huishoudens")
        typist.key(TeamKeys.escape)   // clears the search
        try terminal.waitUntilGone(["Zoeken: "])
        typist.think()
    }

    /// Leaves whatever is open (a question to close a conversation is answered "throw away").
    func recover() throws {
        for _ in 0..<8 {
            if typist.clock.isOver { throw TeamTimeUp() }
            if terminal.screen.contains("Gesprek sluiten") { typist.key("d") } else { typist.key(TeamKeys.escape) }
            terminal.pause(0.3)
            if terminal.screen.contains("Alle huishoudens") && !terminal.screen.contains("Zoeken: ") { return }
        }
        throw TeamTerminal.Failure(description: "\(terminal.name): could not get back to the caseload\n\(terminal.screen.text)")
    }

    mutating func amount() -> String { "\(10 + random.next() % 900),\(String(format: "%02d", random.next() % 100))" }

    /// Tab 2, a section, `a`, and lines of label, Tab, amount and Enter.
    mutating func addLedgerLines(_ count: Int) throws {
        typist.key("2")
        try terminal.waitFor("Bestedingsruimte")
        typist.think()
        for _ in 0..<Int(random.next() % 4) { typist.key(TeamKeys.tab) }
        typist.key("a")
        try terminal.waitFor("Enter Bewaren")
        for line in 0..<count {
            let label = "\(Self.labels[Int(random.next() % UInt64(Self.labels.count))]) \(terminal.name)-\(round)\(line)"
            typist.type(label)
            typist.key(TeamKeys.tab)
            typist.type(amount())
            typist.think(0.5)
            _ = try typist.save(TeamKeys.enter, .ledgerLine, saved: ["Bewaard: \(label)."])
        }
        typist.key(TeamKeys.escape)   // the next blank line
        try terminal.waitFor("Tab Volgend deel")
    }

    /// The first income line's amount, as a colleague may be changing it too.
    mutating func changeSharedLine() throws {
        typist.key("2")
        try terminal.waitFor("Bestedingsruimte")
        typist.think()
        typist.key(TeamKeys.enter)
        try terminal.waitFor("Enter Bewaren")
        typist.key(TeamKeys.tab)
        for _ in 0..<14 { terminal.send(TeamKeys.backspace); terminal.pause(0.02) }
        typist.type(amount())
        typist.think(0.5)
        switch try typist.save(TeamKeys.enter, .ledgerLine, saved: ["Bewaard: "], conflict: ["Niet bewaard: "]) {
        case .conflict:
            typist.recorder.update { $0.ledgerConflicts += 1 }
            typist.think(2)   // both versions are read
            if random.next() % 2 == 0 {
                _ = try typist.save(TeamKeys.enter, .overTheirs, saved: ["Bewaard: "])
            } else {
                typist.key(TeamKeys.escape)   // theirs stays
            }
        default: break
        }
        try terminal.waitFor("Tab Volgend deel")
    }

    /// Tab 3, Enter on the first conversation, a line in the first area of life, F2.
    mutating func addToSharedConversation() throws {
        typist.key("3")
        try terminal.waitFor("Nieuw gesprek")
        typist.think()
        typist.key(TeamKeys.enter)
        try terminal.waitFor("F2 Opslaan")
        typist.key(TeamKeys.tab)
        typist.type("Aanvulling \(terminal.name)-\(round): \(Self.notes[Int(random.next() % UInt64(Self.notes.count))]) ")
        switch try typist.save(TeamKeys.f2, .conversation, saved: ["Gesprek opgeslagen"], conflict: ["Niet opgeslagen: "]) {
        case .conflict:
            typist.recorder.update { $0.conversationConflicts += 1 }
            typist.think(2)
            _ = try typist.save(TeamKeys.f2, .overTheirs, saved: ["Gesprek opgeslagen"])
        default: break
        }
        try terminal.waitFor("Nieuw gesprek")
    }

    /// Tab 3, `a`, the question, Tab, a note on the first area of life, F2.
    mutating func newConversation() throws {
        typist.key("3")
        try terminal.waitFor("Nieuw gesprek")
        typist.think()
        typist.key("a")
        try terminal.waitFor("F2 Opslaan")
        typist.type(Self.questions[Int(random.next() % UInt64(Self.questions.count))])
        typist.key(TeamKeys.tab)
        typist.type(Self.notes[Int(random.next() % UInt64(Self.notes.count))])
        _ = try typist.save(TeamKeys.f2, .conversation, saved: ["Gesprek opgeslagen"])
        try terminal.waitFor("Nieuw gesprek")
    }
}

/// The team leader: F6, and for each request waiting, Enter for the whole picture, `g`, a
/// comment and Enter; a request the rules do not allow is rejected (`w`) instead.
struct TeamLeaderScript {
    let typist: TeamTypist
    var terminal: TeamTerminal { typist.terminal }

    func run() throws {
        typist.key(TeamKeys.f6)
        try terminal.waitFor("Wacht op besluit")
        typist.think()
        while !typist.clock.isOver {
            do {
                try decideNext()
            } catch let failure as TeamTerminal.Failure {
                typist.recorder.update { $0.scriptFailures.append(failure.description) }
                for _ in 0..<3 where !terminal.screen.contains("Enter Openen") { typist.key(TeamKeys.escape); terminal.pause(0.3) }
            }
        }
    }

    func decideNext() throws {
        if terminal.screen.contains("Niets in deze lijst.") { typist.think(4); return }
        typist.key(TeamKeys.enter)
        try terminal.waitFor("Motivering")
        typist.think(2)   // the whole picture
        typist.key("g")
        try terminal.waitFor("Toelichting bij de goedkeuring")
        typist.type("Akkoord, past binnen het beleid")
        let answer = try typist.save(TeamKeys.enter, .decision, saved: ["is goedgekeurd."], other: ["g Goedkeuren"])
        if answer == .other {
            // The rules refused the approval; the reasons are on the status line.
            typist.recorder.update { $0.refusedByRules += 1 }
            typist.think(2)
            typist.key("w")
            try terminal.waitFor("Toelichting bij de afwijzing")
            typist.type("Past niet binnen de regels")
            _ = try typist.save(TeamKeys.enter, .decision, saved: ["is afgewezen."])
        }
        try terminal.waitFor(any: ["Enter Openen", "Niets in deze lijst."])
        typist.think()
    }
}
