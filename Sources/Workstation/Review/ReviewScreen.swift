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
    /// The requests' change counter when the list was last read.
    var grantsCounter: Int?
    /// The store's norm tables and policy, read when a request is opened.
    var rules: CaseRules = .shipped
    var comment = TextField(text: "", cursor: 0, kind: .text, maxLength: 200)
}

extension ReviewState: ReadingScreen {
    /// Rows read at a time, and how close the selection may come to the window's edge
    /// before the next is read (more than a screen's rows either way).
    static let window = 120, margin = 50

    static var actions: [ScreenAction<ReviewState>] {
        let listing: [ScreenAction<ReviewState>] = [
            ScreenAction(.help),
            ScreenAction(.open, help: { $0.pick("Open de aanvraag met het hele beeld", "Open the request with the whole picture") },
                         when: { s, _ in s.open == nil && s.count > 0 }),
            ScreenAction(.nextList, when: { s, _ in s.open == nil }),
        ]
        let lists: [ScreenAction<ReviewState>] = ReviewList.allCases.map { list in ScreenAction(.list(list), when: { s, _ in s.open == nil }) }
        let deciding: [ScreenAction<ReviewState>] = [
            ScreenAction(.approve, when: { s, ctx in s.waitsForDecision && s.openGrant?.submittedBy != ctx.staff.user },
                         whyNot: { s, ctx in s.waitsForDecision ? GrantRefusal.ownRequest.message(in: ctx.l) : nil }),
            ScreenAction(.reject, when: { s, _ in s.waitsForDecision }),
            ScreenAction(.returnRequest, when: { s, _ in s.waitsForDecision }),
            ScreenAction(.confirm, help: { $0.pick("Bevestig het besluit met deze toelichting", "Confirm the decision with this comment") },
                         when: { s, _ in s.deciding != nil }),
            ScreenAction(.cancel, help: { $0.pick("Terug zonder te besluiten", "Back without deciding") }, when: { s, _ in s.deciding != nil }),
            ScreenAction(.back, when: { s, _ in s.deciding == nil }),
        ]
        return listing + lists + deciding
    }

    func title(_ l: Language) -> String { l.pick("Beoordelen", "Review") }

    /// The request opened, when it waits for a decision (nothing else can be decided: an
    /// approved grant on the other lists is there to be looked at).
    var openGrant: Grant? { open?.item.grant.grant }
    var waitsForDecision: Bool { deciding == nil && openGrant?.status == .submitted }
    var isTyping: Bool { deciding != nil }

    /// Another workstation submitted, decided or paid a request: the list is read again on
    /// the next pause (the comment being typed, and the request opened, stay).
    mutating func followChanges(_ ctx: ScreenContext) {
        guard let counter = try? ctx.reads.grantsChangeCounter(), counter != grantsCounter else { return }
        let first = grantsCounter == nil
        grantsCounter = counter
        if !first { try? load(ctx) }
    }

    /// Reads the count and the rows around the selection again (after a decision or a list change).
    mutating func load(_ ctx: ScreenContext) throws {
        count = try ctx.reads.reviewCount(list)
        selected = min(selected, max(0, count - 1))
        items = []
        try follow(ctx)
    }

    /// Makes sure the rows around the selection are read.
    mutating func follow(_ ctx: ScreenContext) throws {
        let wanted = max(0, selected - Self.margin)..<min(count, selected + Self.margin)
        let have = windowStart..<(windowStart + items.count)
        if !items.isEmpty && have.lowerBound <= wanted.lowerBound && have.upperBound >= wanted.upperBound { return }
        windowStart = max(0, selected - Self.window / 2)
        items = try ctx.reads.reviewPage(list, offset: windowStart, limit: Self.window)
    }

    mutating func handleReading(_ command: Command?, key: Key, _ ctx: ScreenContext) throws -> [Effect] {
        if command == .help { return [.help] }
        if let action = deciding, let open {
            switch command {
            case .cancel?: deciding = nil
            case .confirm?:
                let text = comment.text.trimmingCharacters(in: .whitespaces)
                return [.store(.decideGrant(open.item.grant, action, comment: text.isEmpty ? nil : text))]
            default: _ = comment.handle(key)
            }
            return []
        }
        if open != nil {
            switch command {
            case .back?: open = nil
            case .approve?: start(.approve)
            case .reject?: start(.reject)
            case .returnRequest?: start(.return)
            default: break
            }
            return []
        }
        switch (command, key) {
        case (.back?, _): return [.go(.caseload)]
        case (.nextList?, _), (.list(_)?, _):
            if case .list(let chosen)? = command { list = chosen } else { list = ReviewList(rawValue: (list.rawValue + 1) % 3)! }
            selected = 0
            try load(ctx)
        case (nil, let key) where Move(key) != nil:
            selected = Move(key)!.applied(to: selected, count: count, page: 10)
            try follow(ctx)
        case (.open?, _):
            if let item = item(selected) { return [.store(.viewForReview(householdId: item.grant.householdId))] }
        default: break
        }
        return []
    }

    mutating func receive(_ outcome: Outcome, _ ctx: ScreenContext) -> [Effect] {
        guard case .stored(let request, let result) = outcome else { return [] }
        let l = ctx.l
        switch (request, result) {
        case (.viewForReview, .success(.caseFile(let file))):
            if let item = item(selected) {
                open = (item, file)
                // Today's figures, with the store's tables and policy, to set beside those at submission.
                rules = (try? ctx.reads.rules()) ?? .shipped
            }
            return []
        case (.decideGrant(let grant, let action, _), .success):
            open = nil
            deciding = nil
            do { try load(ctx) } catch { return [.status(StatusMessage(error.message(l), isError: true))] }
            return [.status(StatusMessage(l.pick("\(grant.id) \(action.dutchResult).", "\(grant.id) \(action.englishPastParticiple).")))]
        case (.decideGrant, .failure(.grantRefusals(let reasons))):
            deciding = nil
            return [.status(StatusMessage(reasons.map { $0.message(in: l) }.joined(separator: " "), isError: true))]
        case (_, .failure(let error)):
            return [.status(StatusMessage(error.message(in: l), isError: true))]
        default:
            return []
        }
    }

    private mutating func start(_ action: GrantAction) {
        deciding = action
        comment = TextField(text: "", cursor: 0, kind: .text, maxLength: 200)
    }

    func render(into buffer: inout ScreenBuffer, area body: Rect, _ ctx: ScreenContext) {
        let l = ctx.l
        let review = self
        let (tabs, rest) = body.splitTop(1)
        TabBar.render(into: &buffer, rect: tabs.inset(horizontal: 1), titles: ReviewList.allCases.map { $0.name(l) },
                      active: review.list.rawValue)
        if let open = review.open {
            renderDetail(open.item, file: open.file, review: review, ctx: ctx, into: &buffer, area: rest.inset(horizontal: 1))
            return
        }
        // Lateness is judged at the end of the day, as the report judges it; how long a request
        // has waited is the real time since it came in.
        let endOfDay = PracticeReport.endOfDay(ctx.today).epochSeconds
        let nowSeconds = ctx.moment?.epochSeconds ?? endOfDay
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
            let seconds = since.map { max(0, nowSeconds - $0.epochSeconds) } ?? 0
            let hours = seconds / 3600
            // Waiting for a decision: late once the legal term (Awb 4:13) has passed.
            let late = review.list == .unpaid ? since.map { (endOfDay - $0.epochSeconds) / 3600 > 24 } == true
                : review.list == .waiting && g.submittedAt.map { ctx.today > Self.decisionTerm($0.localDate) } == true
            let waited = hours >= 48 ? l.pick("\(hours / 24) dagen", "\(hours / 24) days")
                : hours >= 1 ? l.pick("\(hours) uur", "\(hours) h")
                : l.pick("\(max(1, seconds / 60)) min", "\(max(1, seconds / 60)) min")
            return [Span(text: item.grant.id), Span(text: item.householdName), Span(text: g.category.name(in: l), role: .dim),
                    Span(text: g.amount.dutch), Span(text: g.urgencyDate?.dutch ?? "—", role: .dim),
                    Span(text: waited + (late ? " !" : ""), role: late ? .overdue : .normal)]
        }
    }

    /// Eight weeks after the application, moved past weekends and holidays.
    static func decisionTerm(_ applied: CalendarDate) -> CalendarDate { LegalTerm.end(after: applied, weeks: 8) }

    private func renderDetail(_ item: ReviewItem, file: CaseFile, review: ReviewState, ctx: ScreenContext,
                                     into buffer: inout ScreenBuffer, area: Rect) {
        let l = ctx.l
        let g = item.grant.grant
        var lines: [StyledLine] = []
        lines.append(StyledLine([Span(text: "\(item.grant.id) · \(item.householdName) · \(g.route.name(in: l)) \(g.category.name(in: l)) \(g.amount.dutch)", role: .title)]))
        lines.append(StyledLine([Span(text: l.pick("Ingediend door ", "Submitted by ") + (g.submittedBy ?? "—") + (g.submittedAt.map { " · " + $0.localDate.dutch } ?? "")
                                          + (g.urgencyDate.map { l.pick(" · uiterlijk ", " · urgent by ") + $0.dutch } ?? ""), role: .dim)]))
        if g.status == .submitted, let submitted = g.submittedAt {
            // The legal decision term: eight weeks after the application (Awb 4:13), past
            // weekends and holidays (Algemene termijnenwet).
            let term = Self.decisionTerm(submitted.localDate)
            let left = term.daysSinceEpoch - ctx.today.daysSinceEpoch
            lines.append(StyledLine([Span(text: l.pick("Beslistermijn (Awb 4:13): uiterlijk \(term.dutch)", "Decision term (Awb 4:13): by \(term.dutch)")
                                              + (left >= 0 ? l.pick(", nog \(left) \(left == 1 ? "dag" : "dagen")", ", \(left) \(left == 1 ? "day" : "days") left")
                                                 : l.pick(", \(-left) \(left == -1 ? "dag" : "dagen") over de termijn", ", \(-left) \(left == -1 ? "day" : "days") past the term")),
                                          role: left < 0 ? .overdue : .dim)]))
        }
        lines.append(StyledLine([Span(text: (g.form == .loan ? l.pick("Renteloze lening", "Interest-free loan") : l.pick("Gift", "Gift"))
                                          + " · " + l.pick("aan ", "to ") + g.payee.name + " · " + (IBAN(g.payee.iban)?.formatted ?? g.payee.iban)
                                          + (g.payee.reference.isEmpty ? "" : l.pick(" · kenmerk ", " · reference ") + g.payee.reference), role: .normal)]))
        lines.append(StyledLine([Span(text: l.pick("Doel: ", "Goal: ") + g.goalShort)]))
        if !g.goalLong.isEmpty { lines.append(StyledLine([Span(text: l.pick("Doel op lange termijn: ", "Long-term goal: ") + g.goalLong)])) }
        if let s = g.snapshot {
            if let t = s.normTest {
                lines.append(StyledLine([Span(text: l.pick("Bij indienen: getoetst inkomen ", "At submission: assessed income ") + t.assessedIncome.dutch
                                                  + l.pick(", grens ", ", threshold ") + t.threshold.dutch
                                                  + (t.withinNorm ? l.pick(" — binnen de norm", " — within the norm") : l.pick(" — BOVEN de norm", " — ABOVE the norm")),
                                              role: t.withinNorm ? .normal : .warning)]))
            }
            if let d = s.draagkracht {
                let used = d.usedBefore > .zero ? l.pick(" · al gebruikt ", " · used already ") + d.usedBefore.dutch : ""
                lines.append(StyledLine([Span(text: l.pick("Draagkracht ", "Draagkracht ") + d.total.dutch + used
                                                  + (s.grantable.map { l.pick(" · te vergoeden ", " · grantable ") + $0.dutch } ?? ""))]))
            }
            // The law and the policy it was decided with: later changes do not touch it.
            let table = s.normTest.map { l.pick("normtabel per ", "norm table of ") + $0.normDate.dutch }
            let version = s.policyVersion.map { l.pick("beleidsversie \($0)", "policy version \($0)") }
            let basis = [table, version].compactMap { $0 }
            if !basis.isEmpty { lines.append(StyledLine([Span(text: basis.joined(separator: " · "), role: .dim)])) }
        }
        // Today's figures beside those at submission: what changed since (computed on today,
        // whatever reference date the household was imported with).
        if let now = try? review.rules.overview(of: file, on: ctx.today).get(), let t = now.normTest {
            lines.append(StyledLine([Span(text: l.pick("Nu: getoetst inkomen ", "Now: assessed income ") + t.assessedIncome.dutch
                                              + l.pick(", grens ", ", threshold ") + t.threshold.dutch
                                              + (now.draagkracht.map { l.pick(" · draagkracht ", " · draagkracht ") + $0.remaining.dutch } ?? ""), role: .dim)]))
        }
        let without = g.businessCase.costsWithout
        if without > .zero {
            lines.append(StyledLine([Span(text: l.pick("Kosten zonder: ", "Costs without: ") + without.dutch + l.pick(" · verschil ", " · difference ")
                                              + g.businessCase.netAvoided(grant: g.amount).dutch)]))
            for item in g.businessCase.without {
                lines.append(StyledLine([Span(text: "  " + item.label + " " + item.amount.dutch, role: .dim)]))
            }
        }
        lines.append(StyledLine([]))
        lines.append(StyledLine([Span(text: l.pick("Motivering", "Motivation"), role: .header)]))
        lines += TextWrap.wrap(g.motivation, width: area.width).map { StyledLine([Span(text: $0)]) }
        if let last = file.conversations.max(by: { ($0.date?.daysSinceEpoch ?? 0) < ($1.date?.daysSinceEpoch ?? 0) }) {
            lines.append(StyledLine([]))
            lines.append(StyledLine([Span(text: l.pick("Laatste gesprek ", "Last conversation ") + (last.date?.dutch ?? ""), role: .header)]))
            lines += TextWrap.wrap(last.question, width: area.width).prefix(4).map { StyledLine([Span(text: $0)]) }
        }
        // Every line whole: what does not fit goes to the next.
        for (i, line) in lines.flatMap({ $0.wrapped(width: area.width, indent: 2) }).prefix(area.height - 2).enumerated() {
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
