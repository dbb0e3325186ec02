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
    /// A return's comment for the caseworker (one line, Enter sends it).
    var comment = TextField(text: "", cursor: 0, kind: .text, maxLength: 200)
    /// The reasons for the resident's letter, edited before approving or rejecting (F2 decides).
    var reasons = TextEditor()
    /// What of the opened request is shown: the request, or a read-only look at the ledger or
    /// the last conversation.
    var page = ReviewPage.request
    /// The first line shown of a page longer than the screen.
    var pageTop = 0
    /// The decision on an open objection being taken (list 4).
    var objectionDecision: ObjectionDecisionForm?
}

/// The pages of an opened request: 1 the request, 2 the finances, 3 the last conversation.
enum ReviewPage: Equatable {
    case request, ledger, conversation
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
        let looking: [ScreenAction<ReviewState>] = [
            ScreenAction(.tab(.overview), label: { _ in nil }, help: { $0.pick("Terug naar de aanvraag", "Back to the request") },
                         when: { s, _ in s.open != nil && s.deciding == nil && s.objectionDecision == nil }),
            ScreenAction(.tab(.ledger), label: { $0.pick("Financiën", "Finances") },
                         help: { $0.pick("Bekijk de financiën van het huishouden (alleen lezen)", "Look at the household's finances (read only)") },
                         when: { s, _ in s.open != nil && s.deciding == nil && s.objectionDecision == nil }),
            ScreenAction(.tab(.conversations), label: { $0.pick("Gesprek", "Conversation") },
                         help: { $0.pick("Lees het laatste gesprek (alleen lezen)", "Read the last conversation (read only)") },
                         when: { s, _ in s.open != nil && s.deciding == nil && s.objectionDecision == nil }),
        ]
        let deciding: [ScreenAction<ReviewState>] = [
            ScreenAction(.approve, when: { s, ctx in s.waitsForDecision && s.openGrant?.submittedBy != ctx.staff.user },
                         whyNot: { s, ctx in s.waitsForDecision ? GrantRefusal.ownRequest.message(in: ctx.l) : nil }),
            ScreenAction(.reject, when: { s, _ in s.waitsForDecision }),
            ScreenAction(.returnRequest, when: { s, _ in s.waitsForDecision }),
            // Approving and rejecting: the letter's reasons in an editor, F2 decides.
            ScreenAction(.save, label: { $0.pick("Besluiten", "Decide") },
                         help: { $0.pick("Neem het besluit met deze redenen in de brief", "Take the decision with these reasons in the letter") },
                         when: { s, _ in s.deciding == .approve || s.deciding == .reject }),
            ScreenAction(.confirm, help: { $0.pick("Bevestig het besluit met deze toelichting", "Confirm the decision with this comment") },
                         when: { s, _ in s.deciding == .return }),
            ScreenAction(.cancel, help: { $0.pick("Terug zonder te besluiten", "Back without deciding") }, when: { s, _ in s.deciding != nil }),
            // An open objection (list 4): e decides it, F2 takes the decision.
            ScreenAction(.edit, label: { $0.pick("Beslissen", "Decide") },
                         help: { $0.pick("Beslis op het bezwaar: gegrond, ongegrond of niet-ontvankelijk", "Decide the objection: upheld, dismissed or inadmissible") },
                         when: { s, ctx in s.deciding == nil && s.objectionDecision == nil && s.openGrant?.openObjection != nil && ctx.staff.role == .teamleader }),
            ScreenAction(.save, label: { $0.pick("Besluiten", "Decide") },
                         help: { $0.pick("Neem de beslissing op bezwaar", "Take the decision on the objection") },
                         when: { s, _ in s.objectionDecision?.outcome != nil }),
            ScreenAction(.nextField, when: { s, _ in
                s.objectionDecision.map { ObjectionDecisionForm.asksNewDecision($0.outcome, grant: s.openGrant ?? Grant(route: .custom, category: .overig, amount: .zero, payee: Payee())) } == true }),
            ScreenAction(.cancel, help: { $0.pick("Terug zonder te beslissen", "Back without deciding") }, when: { s, _ in s.objectionDecision != nil }),
            ScreenAction(.back, when: { s, _ in s.deciding == nil && s.objectionDecision == nil }),
        ]
        // Deciding first: where the key bar is narrow, the read-only pages drop from it (the
        // request's page names them too).
        return listing + lists + deciding + looking
    }

    func title(_ l: Language) -> String { l.pick("Beoordelen", "Review") }

    /// The request opened, when it waits for a decision (nothing else can be decided: an
    /// approved grant on the other lists is there to be looked at).
    var openGrant: Grant? { open?.item.grant.grant }
    var waitsForDecision: Bool { deciding == nil && openGrant?.status == .submitted }
    var isTyping: Bool { deciding != nil || objectionDecision != nil }

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
        if var decision = objectionDecision, let open {
            switch command {
            case .cancel?: objectionDecision = nil
            case .save?:
                guard let outcome = decision.outcome else { return [] }
                return [.store(.decideObjection(open.item.grant, outcome, reasons: decision.reasons.text.trimmingCharacters(in: .whitespacesAndNewlines),
                                                newDecision: decision.newDecision.text))]
            default:
                decision.handle(key, grant: open.item.grant.grant, width: max(20, ctx.size.width - 4))
                objectionDecision = decision
            }
            return []
        }
        if let action = deciding, let open {
            switch command {
            case .cancel?: deciding = nil
            case .confirm? where action == .return:
                let text = comment.text.trimmingCharacters(in: .whitespaces)
                return [.store(.decideGrant(open.item.grant, action, comment: text.isEmpty ? nil : text, letterReasons: nil))]
            case .save? where action != .return:
                let text = reasons.text.trimmingCharacters(in: .whitespacesAndNewlines)
                return [.store(.decideGrant(open.item.grant, action, comment: nil, letterReasons: text))]
            default:
                if action == .return { _ = comment.handle(key) } else { _ = reasons.handle(key, width: max(20, ctx.size.width - 4)) }
            }
            return []
        }
        if open != nil {
            switch command {
            case .back?: open = nil; page = .request
            case .approve?: start(.approve)
            case .reject?: start(.reject)
            case .returnRequest?: start(.return)
            case .edit?: objectionDecision = ObjectionDecisionForm(); page = .request
            case .tab(let tab)?:
                page = tab == .ledger ? .ledger : tab == .conversations ? .conversation : .request
                pageTop = 0
            case nil:
                if let move = Move(key) { pageTop = max(0, move.applied(to: pageTop, count: 1000, page: max(1, ctx.size.height - 8))) }
            default: break
            }
            return []
        }
        switch (command, key) {
        case (.back?, _): return [.go(.caseload)]
        case (.nextList?, _), (.list(_)?, _):
            if case .list(let chosen)? = command { list = chosen } else { list = ReviewList(rawValue: (list.rawValue + 1) % ReviewList.allCases.count)! }
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
                page = .request
                pageTop = 0
                // Today's figures, with the store's tables and policy, to set beside those at submission.
                rules = (try? ctx.reads.rules()) ?? .shipped
            }
            return []
        case (.decideGrant(let grant, let action, _, _), .success):
            open = nil
            deciding = nil
            do { try load(ctx) } catch { return [.status(StatusMessage(error.message(l), isError: true))] }
            return [.status(StatusMessage(l.pick("\(grant.id) \(action.dutchResult).", "\(grant.id) \(action.englishPastParticiple).")))]
        case (.decideObjection(let grant, let outcome, _, _), .success(.grant(let after))):
            open = nil
            objectionDecision = nil
            do { try load(ctx) } catch { return [.status(StatusMessage(error.message(l), isError: true))] }
            return [.status(StatusMessage(l.pick("Bezwaar tegen \(grant.id) \(outcome.name(in: l)); de aanvraag is \(after.grant.status.name(in: l)).",
                                                 "Objection against \(grant.id) \(outcome.name(in: l)); the request is \(after.grant.status.name(in: l)).")))]
        case (.decideGrant, .failure(.grantRefusals(let reasons))), (.decideObjection, .failure(.grantRefusals(let reasons))):
            deciding = nil
            return [.status(StatusMessage(reasons.map { $0.message(in: l) }.joined(separator: " "), isError: true))]
        case (_, .failure(let error)):
            return [.status(StatusMessage(error.message(in: l), isError: true))]
        default:
            return []
        }
    }

    /// The decision starts: approving with the letter's reasons prefilled from the request
    /// (its own letter text, else its motivation), rejecting with the reviewer's own reasons.
    private mutating func start(_ action: GrantAction) {
        deciding = action
        page = .request
        comment = TextField(text: "", cursor: 0, kind: .text, maxLength: 200)
        let g = openGrant
        reasons = TextEditor(text: action == .approve
                             ? (g.map { InternalNotes.removed(from: $0.letterReasons.isEmpty ? $0.motivation : $0.letterReasons) } ?? "") : "")
    }

    func render(into buffer: inout ScreenBuffer, area body: Rect, _ ctx: ScreenContext) {
        let l = ctx.l
        let review = self
        let (tabs, rest) = body.splitTop(1)
        TabBar.render(into: &buffer, rect: tabs.inset(horizontal: 1), titles: ReviewList.allCases.map { $0.name(l) },
                      active: review.list.rawValue)
        if let open = review.open {
            ReviewDetail.render(open.item, file: open.file, review: review, ctx: ctx, into: &buffer, area: rest.inset(horizontal: 1))
            return
        }
        // Lateness is judged at the end of the day, as the report judges it; how long a request
        // has waited is the real time since it came in.
        let endOfDay = PracticeReport.endOfDay(ctx.today).epochSeconds
        let nowSeconds = ctx.moment?.epochSeconds ?? endOfDay
        if review.list == .objections { return renderObjections(review, ctx: ctx, into: &buffer, area: rest.inset(horizontal: 1)) }
        let waiting = review.list == .waiting
        var columns = [TableColumn(title: l.pick("Aanvraag", "Request"), width: .fixed(10)),
                       TableColumn(title: l.pick("Huishouden", "Household"), width: .flexible(minimum: waiting ? 10 : 12, weight: 2)),
                       TableColumn(title: l.pick("Soort", "Category"), width: .flexible(minimum: waiting ? 6 : 10, weight: 1)),
                       TableColumn(title: l.pick("Bedrag", "Amount"), width: .fixed(12), alignment: .right),
                       TableColumn(title: l.pick("Uiterlijk", "Urgent by"), width: .fixed(10)),
                       TableColumn(title: waiting ? l.pick("Wacht", "Waiting") : l.pick("Sinds", "Since"), width: .fixed(waiting ? 9 : 12))]
        // Waiting for a decision: the legal term (Awb 4:13, eight weeks from the application)
        // in days left, or past it.
        if waiting { columns.append(TableColumn(title: l.pick("Termijn", "Term"), width: .fixed(12))) }
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
            var row = [Span(text: item.grant.id), Span(text: item.householdName), Span(text: g.category.name(in: l), role: .dim),
                       Span(text: g.amount.dutch), Span(text: g.urgencyDate?.dutch ?? "—", role: .dim)]
            guard waiting else { return row + [Span(text: waited + (late ? " !" : ""), role: late ? .overdue : .normal)] }
            row.append(Span(text: waited))
            guard let submitted = g.submittedAt else { return row + [Span(text: "—", role: .dim)] }
            let left = Self.decisionTerm(submitted.localDate).daysSinceEpoch - ctx.today.daysSinceEpoch
            return row + [Span(text: left >= 0 ? l.pick("nog \(left) d", "\(left) d left") : l.pick("\(-left) d over !", "\(-left) d late !"),
                               role: left < 0 ? .overdue : left <= 7 ? .warning : .normal)]
        }
    }

    /// List 4: decisions with an open objection, the oldest first, with the day to decide by
    /// (Awb 7:10) and the days left.
    private func renderObjections(_ review: ReviewState, ctx: ScreenContext, into buffer: inout ScreenBuffer, area: Rect) {
        let l = ctx.l
        let columns = [TableColumn(title: l.pick("Aanvraag", "Request"), width: .fixed(10)),
                       TableColumn(title: l.pick("Huishouden", "Household"), width: .flexible(minimum: 12, weight: 2)),
                       TableColumn(title: l.pick("Besluit", "Decision"), width: .flexible(minimum: 10, weight: 1)),
                       TableColumn(title: l.pick("Bedrag", "Amount"), width: .fixed(12), alignment: .right),
                       TableColumn(title: l.pick("Ontvangen", "Received"), width: .fixed(10)),
                       TableColumn(title: l.pick("Beslissen", "Decide by"), width: .fixed(12))]
        Table.render(into: &buffer, rect: area, columns: columns, state: ListState(selected: review.selected, offset: 0),
                     rowCount: review.count, focused: true, emptyText: l.pick("Geen open bezwaren.", "No open objections.")) { i in
            guard let item = review.item(i), let o = item.grant.grant.openObjection else { return [Span(text: "…", role: .dim)] }
            let g = item.grant.grant
            let left = o.decisionDue.daysSinceEpoch - ctx.today.daysSinceEpoch
            return [Span(text: item.grant.id), Span(text: item.householdName), Span(text: g.status.name(in: l), role: .dim),
                    Span(text: g.amount.dutch), Span(text: o.received.dutch, role: o.isLate ? .warning : .dim),
                    Span(text: o.decisionDue.dutch + (left < 0 ? " !" : ""), role: left < 0 ? .overdue : .normal)]
        }
    }

    /// Eight weeks after the application, moved past weekends and holidays.
    static func decisionTerm(_ applied: CalendarDate) -> CalendarDate { LegalTerm.end(after: applied, weeks: 8) }
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
