import CaseStore
import Casework
import Foundation
import Terminal

/// The team leader's review queue (F6): requests waiting for a decision, grants approved
/// under the mandate for review afterwards, and approved grants not yet paid.
struct ReviewState {
    var list = ReviewList.waiting
    /// How many grants the list holds.
    var count = 0
    /// The grants read around the selection: `items[0]` is row `windowStart`. A city has
    /// thousands waiting; reading them all took 180 ms at 100,000 households.
    var items: [ReviewItem] = []
    var windowStart = 0
    var selected = 0

    func item(_ index: Int) -> ReviewItem? {
        let i = index - windowStart
        return items.indices.contains(i) ? items[i] : nil
    }
    /// The request being looked at, with its household.
    var open: (item: ReviewItem, file: CaseFile)?
    /// The decision being taken, waiting for its comment.
    var deciding: GrantAction?
    var comment = TextField(text: "", cursor: 0, kind: .text, maxLength: 200)
}

enum ReviewScreen {
    /// Rows read at a time, and how close the selection may come to the window's edge
    /// before the next is read (more than a screen's rows either way).
    static let window = 120, margin = 50

    /// Reads the count and the rows around the selection again (after a decision or a list change).
    static func load(_ state: inout ReviewState, env: AppEnvironment) throws {
        state.count = try env.store.reviewCount(state.list)
        state.selected = min(state.selected, max(0, state.count - 1))
        state.items = []
        try follow(&state, env: env)
    }

    /// Makes sure the rows around the selection are read.
    static func follow(_ state: inout ReviewState, env: AppEnvironment) throws {
        let wanted = max(0, state.selected - margin)..<min(state.count, state.selected + margin)
        let have = state.windowStart..<(state.windowStart + state.items.count)
        if !state.items.isEmpty && have.lowerBound <= wanted.lowerBound && have.upperBound >= wanted.upperBound { return }
        state.windowStart = max(0, state.selected - window / 2)
        state.items = try env.store.reviewPage(state.list, offset: state.windowStart, limit: window)
    }

    static func listName(_ list: ReviewList, _ l: Language) -> String {
        switch list {
        case .waiting: l.pick("1 Wacht op besluit", "1 Waiting for a decision")
        case .underMandate: l.pick("2 Binnen mandaat", "2 Within the mandate")
        case .unpaid: l.pick("3 Nog niet betaald", "3 Not yet paid")
        }
    }

    /// Returns false when the key means leaving the queue.
    static func handle(_ key: Key, state: inout AppState, env: AppEnvironment) throws -> Bool {
        var review = state.review ?? ReviewState()
        defer { state.review = review }
        let l = env.l
        if let action = review.deciding, let open = review.open {
            switch key {
            case .escape: review.deciding = nil
            case .enter:
                let comment = review.comment.text.trimmingCharacters(in: .whitespaces)
                do {
                    _ = try env.store.decideGrant(open.item.grant, action, comment: comment.isEmpty ? nil : comment, by: env.actor)
                    state.message = StatusMessage(l.pick("\(open.item.grant.id) \(action.dutchResult).", "\(open.item.grant.id) \(action.englishPastParticiple)."))
                    review.open = nil
                    review.deciding = nil
                    try load(&review, env: env)
                } catch StoreError.grantRefusals(let reasons) {
                    state.message = StatusMessage(reasons.map { $0.message(in: l) }.joined(separator: " "), isError: true)
                    review.deciding = nil
                }
            default: _ = review.comment.handle(key)
            }
            return true
        }
        if review.open != nil {
            switch key {
            case .escape, .character("q"): review.open = nil
            case .character("g"), .function(2): start(.approve, &review)
            case .character("w"), .function(3): start(.reject, &review)
            case .character("t"), .function(4): start(.return, &review)
            case .function(1), .character("?"): state.help = 0
            default: break
            }
            return true
        }
        switch key {
        case .escape, .character("q"), .function(6): return false
        case .tab, .character("1"), .character("2"), .character("3"):
            if case .character(let c) = key, let n = c.wholeNumberValue { review.list = ReviewList(rawValue: n - 1) ?? review.list }
            else { review.list = ReviewList(rawValue: (review.list.rawValue + 1) % 3)! }
            review.selected = 0
            try load(&review, env: env)
        case .up, .character("k"): review.selected = max(0, review.selected - 1); try follow(&review, env: env)
        case .down, .character("j"): review.selected = min(max(0, review.count - 1), review.selected + 1); try follow(&review, env: env)
        case .pageUp: review.selected = max(0, review.selected - 10); try follow(&review, env: env)
        case .pageDown: review.selected = min(max(0, review.count - 1), review.selected + 10); try follow(&review, env: env)
        case .home: review.selected = 0; try follow(&review, env: env)
        case .end: review.selected = max(0, review.count - 1); try follow(&review, env: env)
        case .enter:
            if let item = review.item(review.selected) {
                review.open = (item, try env.store.viewCaseFile(item.grant.householdId, by: env.actor, action: "grant.review"))
            }
        case .function(1), .character("?"): state.help = 0
        default: break
        }
        return true
    }

    private static func start(_ action: GrantAction, _ review: inout ReviewState) {
        review.deciding = action
        review.comment = TextField(text: "", cursor: 0, kind: .text, maxLength: 200)
    }

    static func hints(_ review: ReviewState?, env: AppEnvironment) -> [KeyHint] {
        let l = env.l
        if review?.deciding != nil {
            return [KeyHint(keys: "Enter", label: l.pick("Bevestigen", "Confirm")), KeyHint(keys: "Esc", label: l.pick("Annuleren", "Cancel"))]
        }
        if review?.open != nil {
            return [KeyHint(keys: "F1", label: "Help"), KeyHint(keys: "g", label: l.pick("Goedkeuren", "Approve")),
                    KeyHint(keys: "w", label: l.pick("Afwijzen", "Reject")), KeyHint(keys: "t", label: l.pick("Terugsturen", "Return")),
                    KeyHint(keys: "Esc", label: l.pick("Terug", "Back"))]
        }
        return [KeyHint(keys: "F1", label: "Help"), KeyHint(keys: "Enter", label: l.pick("Openen", "Open")),
                KeyHint(keys: "Tab", label: l.pick("Volgende lijst", "Next list")), KeyHint(keys: "Esc", label: l.pick("Terug", "Back"))]
    }

    static func helpRows(_ l: Language) -> [(keys: String, text: String)] {
        [("Tab 1 2 3", l.pick("Wacht op besluit · binnen mandaat · nog niet betaald", "Waiting · within the mandate · not yet paid")),
         ("Enter", l.pick("Open de aanvraag met het hele beeld", "Open the request with the whole picture")),
         ("g F2", l.pick("Goedkeuren (niet uw eigen aanvraag: vier ogen)", "Approve (not your own request: four eyes)")),
         ("w F3", l.pick("Afwijzen, met een toelichting", "Reject, with a comment")),
         ("t F4", l.pick("Terugsturen naar de regisseur, met wat er moet gebeuren", "Return to the caseworker, with what to mend")),
         ("Esc", l.pick("Terug", "Back"))]
    }

    static func render(_ state: AppState, env: AppEnvironment, into buffer: inout ScreenBuffer, body: Rect) {
        let l = env.l
        let review = state.review ?? ReviewState()
        let (tabs, rest) = body.splitTop(1)
        TabBar.render(into: &buffer, rect: tabs.inset(horizontal: 1), titles: ReviewList.allCases.map { listName($0, l) },
                      active: review.list.rawValue)
        if let open = review.open {
            renderDetail(open.item, file: open.file, review: review, env: env, into: &buffer, area: rest.inset(horizontal: 1))
            return
        }
        let nowSeconds = PracticeReport.endOfDay(env.today).epochSeconds
        let columns = [TableColumn(title: l.pick("Aanvraag", "Request"), width: .fixed(10)),
                       TableColumn(title: l.pick("Huishouden", "Household"), width: .flexible(minimum: 12, weight: 2)),
                       TableColumn(title: l.pick("Soort", "Category"), width: .flexible(minimum: 10, weight: 1)),
                       TableColumn(title: l.pick("Bedrag", "Amount"), width: .fixed(12), alignment: .right),
                       TableColumn(title: l.pick("Uiterlijk", "Urgent by"), width: .fixed(10)),
                       TableColumn(title: review.list == .waiting ? l.pick("Wacht", "Waiting") : l.pick("Sinds", "Since"), width: .fixed(12))]
        Table.render(into: &buffer, rect: rest.inset(horizontal: 1), columns: columns, state: ListState(selected: review.selected, offset: 0),
                     rowCount: review.count, focused: true, emptyText: l.pick("Niets in deze lijst.", "Nothing in this list.")) { i in
            guard let item = review.item(i) else { return [Span(text: "…", role: .dim)] }
            let g = item.grant.grant
            let since = review.list == .waiting ? g.submittedAt : g.decidedAt
            let hours = since.map { (nowSeconds - $0.epochSeconds) / 3600 } ?? 0
            let late = review.list == .unpaid && hours > 24
            let waited = hours >= 48 ? l.pick("\(hours / 24) dagen", "\(hours / 24) days") : l.pick("\(hours) uur", "\(hours) h")
            return [Span(text: item.grant.id), Span(text: item.householdName), Span(text: g.category.name(in: l), role: .dim),
                    Span(text: g.amount.dutch), Span(text: g.urgencyDate?.dutch ?? "—", role: .dim),
                    Span(text: waited + (late ? " !" : ""), role: late ? .overdue : .normal)]
        }
    }

    private static func renderDetail(_ item: ReviewItem, file: CaseFile, review: ReviewState, env: AppEnvironment,
                                     into buffer: inout ScreenBuffer, area: Rect) {
        let l = env.l
        let g = item.grant.grant
        var lines: [StyledLine] = []
        lines.append(StyledLine([Span(text: "\(item.grant.id) · \(item.householdName) · \(g.route.name(in: l)) \(g.category.name(in: l)) \(g.amount.dutch)", role: .title)]))
        lines.append(StyledLine([Span(text: l.pick("Ingediend door ", "Submitted by ") + (g.submittedBy ?? "—") + (g.submittedAt.map { " · " + $0.localDate.dutch } ?? "")
                                          + (g.urgencyDate.map { l.pick(" · uiterlijk ", " · urgent by ") + $0.dutch } ?? ""), role: .dim)]))
        lines.append(StyledLine([Span(text: l.pick("Aan ", "To ") + g.payee.name + " · " + (IBAN(g.payee.iban)?.formatted ?? g.payee.iban), role: .normal)]))
        lines.append(StyledLine([Span(text: l.pick("Doel: ", "Goal: ") + g.goalShort)]))
        if let s = g.snapshot {
            if let t = s.normTest {
                lines.append(StyledLine([Span(text: l.pick("Bij indienen: getoetst inkomen ", "At submission: assessed income ") + t.assessedIncome.dutch
                                                  + l.pick(", grens ", ", threshold ") + t.threshold.dutch
                                                  + (t.withinNorm ? l.pick(" — binnen de norm", " — within the norm") : l.pick(" — BOVEN de norm", " — ABOVE the norm")),
                                              role: t.withinNorm ? .normal : .warning)]))
            }
            if let d = s.draagkracht { lines.append(StyledLine([Span(text: l.pick("Draagkracht ", "Draagkracht ") + d.total.dutch + (s.grantable.map { l.pick(" · te vergoeden ", " · grantable ") + $0.dutch } ?? ""))])) }
        }
        let without = g.businessCase.costsWithout
        if without > .zero {
            lines.append(StyledLine([Span(text: l.pick("Kosten zonder: ", "Costs without: ") + without.dutch + l.pick(" · verschil ", " · difference ")
                                              + g.businessCase.netAvoided(grant: g.amount).dutch)]))
        }
        lines.append(StyledLine([]))
        lines.append(StyledLine([Span(text: l.pick("Motivering", "Motivation"), role: .header)]))
        lines += TextWrap.wrap(g.motivation, width: area.width).map { StyledLine([Span(text: $0)]) }
        if let last = file.conversations.max(by: { ($0.date?.daysSinceEpoch ?? 0) < ($1.date?.daysSinceEpoch ?? 0) }) {
            lines.append(StyledLine([]))
            lines.append(StyledLine([Span(text: l.pick("Laatste gesprek ", "Last conversation ") + (last.date?.dutch ?? ""), role: .header)]))
            lines += TextWrap.wrap(last.question, width: area.width).prefix(4).map { StyledLine([Span(text: $0)]) }
        }
        for (i, line) in lines.prefix(area.height - 2).enumerated() {
            line.render(into: &buffer, at: Point(x: area.x, y: area.y + i), maxWidth: area.width)
        }
        if let action = review.deciding {
            let label = l.pick("Toelichting bij \(action.dutchNoun): ", "Comment on the \(action.rawValue): ")
            let y = area.maxY - 1
            buffer.put(label, x: area.x, y: y, role: .keyName)
            review.comment.render(into: &buffer, rect: Rect(x: area.x + DisplayWidth.of(label), y: y, width: area.width - DisplayWidth.of(label), height: 1),
                                  focused: true, error: nil)
        }
    }
}

extension GrantAction {
    var dutchResult: String {
        switch self {
        case .approve: "is goedgekeurd"
        case .reject: "is afgewezen"
        case .return: "is teruggestuurd"
        default: "is bijgewerkt"
        }
    }

    var dutchNoun: String {
        switch self {
        case .approve: "de goedkeuring"
        case .reject: "de afwijzing"
        case .return: "het terugsturen"
        default: "de stap"
        }
    }
}
