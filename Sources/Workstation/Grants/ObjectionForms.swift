import Casework
import Terminal

/// Recording an objection received against a decision (tab 4, z): the day it came in
/// (today unless typed) and its grounds; Tab between the two, Enter records it.
struct ObjectionForm: Equatable {
    var received: TextField
    var grounds = TextField(text: "", cursor: 0, kind: .text, maxLength: 500)
    /// 0: the date, 1: the grounds.
    var focus = 1

    init(today: CalendarDate) {
        received = TextField(text: today.dutch, cursor: today.dutch.count, kind: .date, maxLength: 10)
    }

    mutating func handle(_ key: Key) {
        if key == .tab || key == .backTab { focus = 1 - focus; return }
        if focus == 0 { _ = received.handle(key) } else { _ = grounds.handle(key) }
    }

    /// The day typed; nil when it is not a date.
    var receivedDay: CalendarDate? { CalendarDate(typed: received.text) }

    func render(into buffer: inout ScreenBuffer, area: Rect, _ l: Language) {
        let y = area.maxY - 1
        let label = l.pick(" Bezwaar ontvangen op ", " Objection received on ")
        buffer.put(label, x: area.x, y: y, role: .keyName)
        var x = area.x + DisplayWidth.of(label)
        received.render(into: &buffer, rect: Rect(x: x, y: y, width: 11, height: 1), focused: focus == 0, error: nil)
        x += 12
        let grounds = l.pick("gronden: ", "grounds: ")
        buffer.put(grounds, x: x, y: y, role: .keyName)
        x += DisplayWidth.of(grounds)
        self.grounds.render(into: &buffer, rect: Rect(x: x, y: y, width: max(1, area.maxX - x - 1), height: 1), focused: focus == 1, error: nil)
    }
}

/// A team leader's decision on an objection (review list 4, e): the outcome with one key
/// (g gegrond · o ongegrond · n niet-ontvankelijk), the reasons for the resident, and — upheld
/// against an approval — what the new decision is. F2 decides.
struct ObjectionDecisionForm: Equatable {
    var outcome: ObjectionOutcome?
    var reasons = TextEditor()
    var newDecision = TextField(text: "", cursor: 0, kind: .text, maxLength: 300)
    /// Upheld against an approval: the new decision is typed in its own field (Tab).
    var onNewDecision = false

    /// Whether the new decision is asked: upheld against anything but a rejection (which the
    /// new decision approves by itself).
    static func asksNewDecision(_ outcome: ObjectionOutcome?, grant: Grant) -> Bool { outcome == .upheld && grant.status != .rejected }

    mutating func handle(_ key: Key, grant: Grant, width: Int) {
        guard outcome != nil else {
            if case .character(let c) = key {
                switch c {
                case "g", "u": outcome = .upheld
                case "o", "d": outcome = .dismissed
                case "n", "i": outcome = .inadmissible
                default: break
                }
            }
            return
        }
        if key == .tab || key == .backTab, Self.asksNewDecision(outcome, grant: grant) { onNewDecision.toggle(); return }
        if onNewDecision { _ = newDecision.handle(key) } else { _ = reasons.handle(key, width: width) }
    }

    func prompt(_ l: Language, grant: Grant) -> String {
        guard let outcome else {
            return l.pick("Uitkomst: g gegrond · o ongegrond · n niet-ontvankelijk", "Outcome: u upheld · d dismissed · i inadmissible")
        }
        let upheldRejection = outcome == .upheld && grant.status == .rejected
        return outcome.name(in: l).prefix(1).uppercased() + outcome.name(in: l).dropFirst()
            + (upheldRejection ? l.pick(" — de aanvraag wordt alsnog toegekend", " — the request is approved after all") : "")
            + l.pick(". Motivering voor de bewoner (F2 beslist):", ". Reasons for the resident (F2 decides):")
    }
}
