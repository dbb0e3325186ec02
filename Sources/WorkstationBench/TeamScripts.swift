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

    // Each key and each moment of thought first looks at the clock: when the run is over,
    // the person stops where they are.
    func key(_ keys: String) throws {
        guard !clock.isOver else { throw TeamTimeUp() }
        terminal.send(keys)
        // A key within ESCDELAY (25 ms) of Esc would make it Alt and that key.
        terminal.pause(keys == TeamKeys.escape ? max(pace.keyInterval, 0.06) : pace.keyInterval)
    }

    func type(_ text: String) throws {
        for c in text { try key(String(c)) }
    }

    func think(_ times: Double = 1) throws {
        guard !clock.isOver else { throw TeamTimeUp() }
        terminal.pause(pace.think * times)
    }

    enum Answer { case saved, conflict, other }

    /// Presses the key that saves and times it to the screen that answers: one of `saved`
    /// (recorded as a `kind` save), one of `conflict` (another workstation saved it first:
    /// both versions are shown), or one of `other`.
    func save(_ keys: String, _ kind: TeamSaveKind, saved: [String], conflict: [String] = [], other: [String] = []) throws -> Answer {
        guard !clock.isOver else { throw TeamTimeUp() }
        // The answer to the last save went with the keys typed since.
        try terminal.waitUntilGone(saved + conflict)
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

    /// Saves over the other version just shown, after reading both (the key that saves,
    /// again). Should they have saved once more meanwhile, the same refusal comes back and
    /// leaves the screen as it was: then it is read and saved over again, at most three times.
    func saveOverTheirs(_ keys: String, saved: [String], refusal: String) throws {
        for _ in 0..<3 {
            try think(2)
            let pressed = monotonicSeconds()
            terminal.send(keys)
            do {
                let (_, at) = try terminal.waitFor(any: saved, timeout: 5)
                recorder.saved(.overTheirs, ms: (at - pressed) * 1000, by: terminal.name)
                terminal.pause(pace.keyInterval)
                return
            } catch let failure as TeamTerminal.Failure {
                guard terminal.screen.contains(refusal) else { throw failure }
                recorder.update { $0.conflictsAgain += 1 }
            }
        }
        try key(TeamKeys.escape)
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
        try typist.key("/")
        try typist.type(household.query)
        try terminal.waitFor("· 1 huishouden ")
        try typist.think(0.5)
        try typist.key(TeamKeys.enter)
        try typist.key(TeamKeys.enter)
        try terminal.waitFor("Leefgebieden (ZRM)")
        try terminal.waitFor(household.id, timeout: 5)   // not another one
        try typist.think()
    }

    func backToCaseload() throws {
        try typist.key(TeamKeys.escape)
        try terminal.waitFor("Alle huishoudens")
        try typist.key(TeamKeys.escape)   // clears the search
        try terminal.waitUntilGone(["Zoeken: "])
        try typist.think()
    }

    /// Leaves whatever is open (a question to close a conversation is answered "throw away").
    func recover() throws {
        for _ in 0..<8 {
            if typist.clock.isOver { throw TeamTimeUp() }
            if terminal.screen.contains("Gesprek sluiten") { try typist.key("d") } else { try typist.key(TeamKeys.escape) }
            terminal.pause(0.3)
            if terminal.screen.contains("Alle huishoudens") && !terminal.screen.contains("Zoeken: ") { return }
        }
        throw TeamTerminal.Failure(description: "\(terminal.name): could not get back to the caseload\n\(terminal.screen.text)")
    }

    mutating func amount() -> String { "\(10 + random.next() % 900),\(String(format: "%02d", random.next() % 100))" }

    /// Tab 2, a section, `a`, and lines of label, Tab, amount and Enter.
    mutating func addLedgerLines(_ count: Int) throws {
        try typist.key("2")
        try terminal.waitFor("Bestedingsruimte")
        try typist.think()
        for _ in 0..<Int(random.next() % 4) { try typist.key(TeamKeys.tab) }
        try typist.key("a")
        try terminal.waitFor("Enter Bewaren")
        for line in 0..<count {
            let label = "\(Self.labels[Int(random.next() % UInt64(Self.labels.count))]) \(terminal.name)-\(round)\(line)"
            try typist.type(label)
            try typist.key(TeamKeys.tab)
            try typist.type(amount())
            try typist.think(0.5)
            _ = try typist.save(TeamKeys.enter, .ledgerLine, saved: ["Bewaard: \(label)."])
        }
        try typist.key(TeamKeys.escape)   // the next blank line
        try terminal.waitFor("Tab Volgend deel")
    }

    /// The first income line's amount, as a colleague may be changing it too.
    mutating func changeSharedLine() throws {
        try typist.key("2")
        try terminal.waitFor("Bestedingsruimte")
        try typist.think()
        try typist.key(TeamKeys.enter)
        try terminal.waitFor("Enter Bewaren")
        try typist.key(TeamKeys.tab)
        for _ in 0..<14 { terminal.send(TeamKeys.backspace); terminal.pause(0.02) }
        try typist.type(amount())
        try typist.think(0.5)
        switch try typist.save(TeamKeys.enter, .ledgerLine, saved: ["Bewaard: "], conflict: ["Niet bewaard: "]) {
        case .conflict:
            typist.recorder.update { $0.ledgerConflicts += 1 }
            if random.next() % 2 == 0 {
                try typist.saveOverTheirs(TeamKeys.enter, saved: ["Bewaard: "], refusal: "Niet bewaard: ")
            } else {
                try typist.think(2)   // both versions are read
                try typist.key(TeamKeys.escape)   // theirs stays
            }
        default: break
        }
        try terminal.waitFor("Tab Volgend deel")
    }

    /// Tab 3, Enter on the first conversation, a line in the first area of life, F2.
    mutating func addToSharedConversation() throws {
        try typist.key("3")
        try terminal.waitFor("Nieuw gesprek")
        try typist.think()
        try typist.key(TeamKeys.enter)
        try terminal.waitFor("F2 Opslaan")
        try typist.key(TeamKeys.tab)
        try typist.type("Aanvulling \(terminal.name)-\(round): \(Self.notes[Int(random.next() % UInt64(Self.notes.count))]) ")
        switch try typist.save(TeamKeys.f2, .conversation, saved: ["Gesprek opgeslagen"], conflict: ["Niet opgeslagen: "]) {
        case .conflict:
            typist.recorder.update { $0.conversationConflicts += 1 }
            try typist.saveOverTheirs(TeamKeys.f2, saved: ["Gesprek opgeslagen"], refusal: "Niet opgeslagen: ")
        default: break
        }
        try terminal.waitFor("Nieuw gesprek")
    }

    /// Tab 3, `a`, the question, Tab, a note on the first area of life, F2.
    mutating func newConversation() throws {
        try typist.key("3")
        try terminal.waitFor("Nieuw gesprek")
        try typist.think()
        try typist.key("a")
        try terminal.waitFor("F2 Opslaan")
        try typist.type(Self.questions[Int(random.next() % UInt64(Self.questions.count))])
        try typist.key(TeamKeys.tab)
        try typist.type(Self.notes[Int(random.next() % UInt64(Self.notes.count))])
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
        try typist.key(TeamKeys.f6)
        try terminal.waitFor("Wacht op besluit")
        try typist.think()
        while !typist.clock.isOver {
            do {
                try decideNext()
            } catch let failure as TeamTerminal.Failure {
                typist.recorder.update { $0.scriptFailures.append(failure.description) }
                for _ in 0..<3 where !terminal.screen.contains("Enter Openen") { try typist.key(TeamKeys.escape); terminal.pause(0.3) }
            }
        }
    }

    func decideNext() throws {
        if terminal.screen.contains("Niets in deze lijst.") { try typist.think(4); return }
        try typist.key(TeamKeys.enter)
        try terminal.waitFor("w Afwijzen")   // the whole picture is open; the key bar comes last
        try typist.think(2)
        try typist.key("g")
        // The letter's reasons come prefilled from the request; a line is added, F2 decides.
        try terminal.waitFor("Redenen in de brief aan de bewoner")
        try typist.key(TeamKeys.enter)
        try typist.type("Akkoord, past binnen het beleid")
        let answer = try typist.save(TeamKeys.f2, .decision, saved: ["is goedgekeurd."], other: ["g Goedkeuren"])
        if answer == .other {
            // The rules refused the approval; the reasons are on the status line.
            typist.recorder.update { $0.refusedByRules += 1 }
            try typist.think(2)
            try typist.key("w")
            try terminal.waitFor("Toelichting bij de afwijzing")
            try typist.type("Past niet binnen de regels")
            _ = try typist.save(TeamKeys.enter, .decision, saved: ["is afgewezen."])
        }
        try terminal.waitFor(any: ["Enter Openen", "Niets in deze lijst."])
        try typist.think()
    }
}
