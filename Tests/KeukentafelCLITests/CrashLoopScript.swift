import Foundation

/// What a caseworker does in the crash loop, over and over: two ledger lines added, the
/// salary changed, a conversation typed and saved. Every label, amount and question carries
/// the attempt's number, so each save can be told apart in the store and on the screen.
enum CrashLoopScript {
    enum Field { case question, note }

    /// One thing the driver does. `keys` and `text` are keystrokes (they count towards the
    /// random number after which the workstation is killed); the rest is bookkeeping and
    /// waiting, done only while the budget lasts.
    enum Action {
        /// tmux key names, sent at once.
        case keys([String])
        /// Literal text; into the conversation being typed when `field` is set.
        case text(String, Field?)
        /// A new conversation is being typed from here on.
        case startConversation
        /// The next keystroke asks for this save.
        case save(CrashLoopRecord.Pending)
        /// The conversation typed so far is saved by the next keystroke (F2).
        case saveConversation(number: Int)
        /// Waits for the pending save's confirmation on the screen.
        case confirm
        /// Waits until `text` has left the screen (after Escape, before the next key, so the
        /// two are not read as Alt-key).
        case waitGone(String)
    }

    static let steps = 3

    /// The actions of step `index` of the cycle, for attempt `number`.
    static func actions(step index: Int, number n: Int) -> [Action] {
        switch index % steps {
        case 0:
            // Two income lines, typed one after the other in the form that stays open.
            var actions: [Action] = [.keys(["2"]), .keys(["a"])]
            for suffix in ["a", "b"] {
                let label = "Bijbaan \(n)\(suffix)"
                let cents = 1_000 + n * 7 + (suffix == "a" ? 0 : 3)
                actions += [.text(label, nil), .keys(["Tab"]), .text("\(cents / 100),\(String(format: "%02d", cents % 100))", nil),
                            .save(.line(label: label, amount: "\(cents / 100).\(String(format: "%02d", cents % 100))")),
                            .keys(["Enter"]), .confirm]
            }
            return actions + [.keys(["Escape"]), .waitGone("Nieuwe regel")]
        case 1:
            // The first income line (Salaris) gets a new amount.
            let euros = 1_600 + n % 400
            return [.keys(["2"]), .keys(["Home"]), .keys(["Enter"]), .keys(["Tab"]), .keys(Array(repeating: "BSpace", count: 12)),
                    .text("1.\(String(format: "%03d", euros % 1000)),00", nil),
                    .save(.salary(amount: "\(euros).00", shown: "€ 1.\(String(format: "%03d", euros % 1000)),00")),
                    .keys(["Enter"]), .confirm]
        default:
            // A conversation: the question, Tab to Financiën, a note, F2.
            var actions: [Action] = [.keys(["3"]), .keys(["a"]), .startConversation, .text("Vraag \(n): ", .question)]
            actions += ["Sanne wil ", "haar baan ", "houden en ", "de huur ", "blijven ", "betalen."].map { .text($0, .question) }
            actions.append(.keys(["Tab"]))
            actions += ["één gezin, ", "één plan; ", "€ 650,00 ", "achterstand ", "bij Eneco, ", "regeling ", "gevraagd."]
                .map { .text($0, .note) }
            return actions + [.saveConversation(number: n), .keys(["F2"]), .confirm]
        }
    }
}

/// What the crash loop typed and what the screen confirmed: after every kill the store must
/// hold every confirmed save, and the draft what was typed until a second before the kill.
struct CrashLoopRecord {
    struct Conversation: Hashable, CustomStringConvertible {
        var question: String
        var note: String
        var description: String { "\"\(question)\" / \"\(note)\"" }
    }

    /// A save that was asked for (Enter, F2) and is confirmed when the screen says so.
    enum Pending {
        case line(label: String, amount: String)
        case salary(amount: String, shown: String)
        case conversation(Conversation, number: Int?)

        /// True when `screen` shows that this save was done.
        func isConfirmed(on screen: String) -> Bool {
            switch self {
            case .line(let label, _): screen.contains("Bewaard: \(label).")
            case .salary(_, let shown): screen.contains("Bewaard: Salaris.") && screen.contains(shown)
            // The message is the same for every conversation: the list, which selects the one
            // just saved, showing this attempt's question makes it this one. (A restored
            // draft, without a number, is saved first thing after a start: no older message
            // can be on the screen then.)
            case .conversation(_, let number):
                screen.contains("Gesprek opgeslagen.") && (number.map { screen.contains("Vraag \($0):") } ?? true)
            }
        }
    }

    /// The conversation being typed: each piece of text with the moment the program was seen
    /// to have read it (nil until then). The promise is about what the program has: a key
    /// still waiting in the terminal when a loaded machine starves the program is not yet
    /// the program's to lose.
    struct Typing {
        var question: [(text: String, readAt: Date?)] = []
        var note: [(text: String, readAt: Date?)] = []
        var saveSent = false

        /// Everything sent so far was read by `moment`.
        mutating func markRead(at moment: Date) {
            for i in question.indices where question[i].readAt == nil { question[i].readAt = moment }
            for i in note.indices where note[i].readAt == nil { note[i].readAt = moment }
        }

        /// The field's text as sent; with `readBefore`, only as far as it was read by then.
        func text(_ field: CrashLoopScript.Field, readBefore limit: Date? = nil) -> String {
            let pieces = field == .question ? question : note
            guard let limit else { return pieces.map(\.text).joined() }
            return pieces.filter { $0.readAt.map { $0 <= limit } ?? false }.map(\.text).joined()
        }
        var conversation: Conversation { Conversation(question: text(.question), note: text(.note)) }
    }

    /// Lines added (label → amount as stored), confirmed or only asked for.
    var confirmedLines: [String: String] = [:]
    var attemptedLines: [String: String] = [:]
    /// The salary the screen last confirmed, and the amounts asked for since.
    var salary: String
    var salaryAttempts: [String] = []
    var confirmedConversations: [Conversation: Int] = [:]
    var typing: Typing?
    var pending: Pending?
    /// Every confirmation seen on the screen.
    var confirmations = 0

    init(salary: String) { self.salary = salary }

    mutating func ask(_ save: Pending) {
        pending = save
        switch save {
        case .line(let label, let amount): attemptedLines[label] = amount
        case .salary(let amount, _): salaryAttempts.append(amount)
        case .conversation: typing?.saveSent = true
        }
    }

    /// The pending save was confirmed on the screen.
    mutating func confirm() {
        guard let save = pending else { return }
        pending = nil
        confirmations += 1
        switch save {
        case .line(let label, let amount): confirmedLines[label] = amount
        case .salary(let amount, _): salary = amount; salaryAttempts = []
        case .conversation(let c, _):
            confirmedConversations[c, default: 0] += 1
            typing = nil
        }
    }
}
