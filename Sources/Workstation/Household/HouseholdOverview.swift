import CaseStore
import Casework
import Terminal

/// What can be chosen in the overview to change it where it is shown: the household's name
/// and address, a member, a score, a goal of the plan, a signal, an open agreement — or an
/// empty section, to add its first.
enum OverviewItem: Equatable, Hashable {
    case facts
    case member(Int)
    case score(LifeDomain)
    case goal(String)
    case signal(Int)
    /// An agreement, by its place among all the conversations' agreements in order.
    case agreement(Int)
    /// A condition (art. 55) of a decided grant: the grant and the condition's place in it.
    case condition(String, Int)
    case empty(OverviewSection)
}

enum OverviewSection: Equatable, Hashable { case scores, plan, signals, agreements }

/// One line of the overview, with the items it shows (two in the two-column layout) and
/// the columns each takes.
struct OverviewRow {
    var line: StyledLine
    var items: [(columns: Range<Int>, item: OverviewItem)] = []
}

/// The contents of the overview tab: members, address, life-domain scores, plan, signals,
/// agreements and the timeline. One column up to 109 columns; two beside each other from
/// 110, so a wide terminal shows it all at once.
enum HouseholdOverview {
    static func rows(_ household: HouseholdState, ctx: ScreenContext, width: Int) -> [OverviewRow] {
        let file = household.file
        var head = facts(household, ctx: ctx, width: width).map { OverviewRow(line: $0, items: [(0..<width, .facts)]) }
        head.append(OverviewRow(line: StyledLine([])))
        func left(_ w: Int) -> [OverviewRow] {
            members(file, ctx: ctx) + [blank] + lifeDomains(file, ctx: ctx) + [blank] + plan(file, ctx: ctx, width: w)
        }
        func right(_ w: Int) -> [OverviewRow] {
            signals(file, ctx: ctx, width: w) + [blank] + agreements(file, ctx: ctx, width: w) + [blank]
                + timeline(file, steps: household.rows?.grantSteps ?? [], ctx: ctx, width: w).map { OverviewRow(line: $0) }
        }
        func spanning(_ rows: [OverviewRow], _ w: Int) -> [OverviewRow] {
            rows.map { row in OverviewRow(line: row.line, items: row.items.map { (0..<w, $0.item) }) }
        }
        if width < 110 { return head + spanning(left(width), width) + [blank] + spanning(right(width), width) }
        // The left column as wide as its members and scores need; the right one the rest.
        let natural = (members(file, ctx: ctx) + lifeDomains(file, ctx: ctx)).map(\.line.width).max() ?? 0
        let leftWidth = min(max(natural, 40), width - 3 - 44)
        let (l, r) = (left(leftWidth), right(width - 3 - leftWidth))
        var out = head
        for i in 0..<max(l.count, r.count) {
            let a = i < l.count ? l[i] : blank
            let b = i < r.count ? r[i] : blank
            var row = OverviewRow(line: a.line.padded(to: leftWidth) + StyledLine([Span(text: " │ ", role: .border)]) + b.line)
            row.items = a.items.map { (0..<leftWidth, $0.item) } + b.items.map { ((leftWidth + 3)..<width, $0.item) }
            out.append(row)
        }
        return out
    }

    /// The items in the order ↑ and ↓ go through them.
    static func items(_ rows: [OverviewRow]) -> [OverviewItem] {
        var seen = Set<OverviewItem>(), left: [OverviewItem] = [], right: [OverviewItem] = []
        for row in rows {
            for (i, entry) in row.items.enumerated() where seen.insert(entry.item).inserted {
                if i == 0 && entry.columns.lowerBound == 0 { left.append(entry.item) } else { right.append(entry.item) }
            }
        }
        return left + right
    }

    /// The characters of `text` that stand in `columns` (a wide character counts two).
    static func slice(_ text: String, _ columns: Range<Int>) -> String {
        var x = 0, out = ""
        for c in text {
            let w = DisplayWidth.of(c)
            if x >= columns.lowerBound && x + w <= columns.upperBound { out.append(c) }
            x += w
            if x >= columns.upperBound { break }
        }
        return out
    }

    private static var blank: OverviewRow { OverviewRow(line: StyledLine([])) }
    private static func heading(_ text: String) -> OverviewRow { OverviewRow(line: StyledLine([Span(text: text, role: .header)])) }
    private static func item(_ lines: [StyledLine], _ item: OverviewItem) -> [OverviewRow] {
        lines.map { OverviewRow(line: $0, items: [(0..<0, item)]) }
    }
    private static func dim(_ text: String, _ item: OverviewItem) -> OverviewRow {
        OverviewRow(line: StyledLine([Span(text: "  " + text, role: .dim)]), items: [(0..<0, item)])
    }

    /// `lead` then `text` word-wrapped to `width`, continuation lines indented under the text.
    private static func wrapped(_ lead: [Span], _ text: String, role: StyleRole = .normal, tail: [Span] = [], width: Int) -> [StyledLine] {
        let indent = lead.reduce(0) { $0 + DisplayWidth.of($1.text) }
        let parts = TextWrap.wrap(text + tail.map(\.text).joined(), width: max(10, width - indent))
        var out: [StyledLine] = []
        for (i, part) in parts.enumerated() {
            let first = i == 0 ? lead : [Span(text: String(repeating: " ", count: indent), role: .normal)]
            out.append(StyledLine(first + [Span(text: part, role: role)]))
        }
        // The tail keeps its own role when it fits on the last line as written.
        if !tail.isEmpty, let last = parts.last, last.hasSuffix(tail.map(\.text).joined()) {
            let body = String(last.dropLast(tail.map(\.text).joined().count))
            let first = parts.count == 1 ? lead : [Span(text: String(repeating: " ", count: indent), role: .normal)]
            out[out.count - 1] = StyledLine(first + [Span(text: body, role: role)] + tail)
        }
        return out
    }

    /// Name, address and caseworker; a closed household's closing; the handover note.
    static func facts(_ household: HouseholdState, ctx: ScreenContext, width: Int) -> [StyledLine] {
        let l = ctx.l
        let h = household.file.household
        var out = [StyledLine([Span(text: h.name, role: .title), Span(text: "  " + household.id, role: .dim)])]
        var facts: [String] = []
        if let a = h.address {
            facts.append([a.street, [a.postcode, a.city].filter { !$0.isEmpty }.joined(separator: " ")]
                .filter { !$0.isEmpty }.joined(separator: ", "))
        }
        let team = household.rows?.record.team.flatMap { $0.isEmpty ? nil : " (\($0))" } ?? ""
        facts.append(l.pick("regisseur ", "caseworker ") + (h.caseworker ?? l.pick("nog niemand", "nobody yet")) + team)
        out += StyledLine([Span(text: facts.joined(separator: " · "), role: .normal)]).wrapped(width: width, indent: 0)
        if let closing = household.rows?.record.closing {
            var text = l.pick("Gesloten", "Closed") + (closing.on.map { l.pick(" op ", " on ") + $0.dutch } ?? "")
            if let reason = closing.reason { text += ": " + reason.name(in: l).replacingOccurrences(of: "…", with: "") }
            if let note = closing.note { text += " " + note }
            text += l.pick(". r heropent het.", ". r reopens it.")
            out += wrapped([Span(text: "■ ", role: .warning)], text, role: .warning, width: width)
        }
        if let handover = household.rows?.record.handover {
            let when = handover.at.prefix(10)
            let day = CalendarDate(iso: String(when))?.dutch ?? String(when)
            out += wrapped([Span(text: "✉ ", role: .accent)],
                           l.pick("Overdracht van \(handover.by) (\(day)): ", "Handover from \(handover.by) (\(day)): ") + handover.note,
                           role: .accent, width: width)
        }
        return out
    }

    static func members(_ file: CaseFile, ctx: ScreenContext) -> [OverviewRow] {
        let l = ctx.l
        var out = [heading(l.pick("Leden", "Members"))]
        let nameWidth = min(24, file.household.members.map { DisplayWidth.of($0.name) }.max() ?? 0)
        for (i, m) in file.household.members.enumerated() {
            let age = m.birthDate.map { l.pick("\($0.age(on: ctx.today)) jaar", "age \($0.age(on: ctx.today))") } ?? l.pick("leeftijd ?", "age ?")
            var spans = [Span(text: "  " + DisplayWidth.fit(m.name, to: nameWidth) + "  ", role: .normal),
                         Span(text: DisplayWidth.fit(m.role.name(in: l), to: 11) + " ", role: .dim),
                         Span(text: DisplayWidth.fit(age, to: 8, alignRight: true), role: .normal)]
            if let bsn = m.bsn { spans.append(Span(text: "  BSN " + bsn.masked, role: .dim)) }
            out += item([StyledLine(spans)], .member(i))
        }
        return out
    }

    static func lifeDomains(_ file: CaseFile, ctx: ScreenContext) -> [OverviewRow] {
        let l = ctx.l
        var out = [heading(l.pick("Leefgebieden (ZRM)", "Areas of life (ZRM)"))]
        let latest = latestScores(file)
        if latest.isEmpty { return out + [dim(l.pick("nog geen scores (a voegt toe)", "no scores yet (a adds one)"), .empty(.scores))] }
        for domain in LifeDomain.allCases {
            guard let s = latest[domain] else { continue }
            let stale = s.isStale(on: ctx.today)
            let role: StyleRole = s.score <= 2 ? .warning : .normal
            var spans = [Span(text: "  " + DisplayWidth.fit(domain.name(in: l), to: 22) + " ", role: .normal),
                         Span(text: "\(s.score) " + DisplayWidth.fit(ZRM.label(s.score, in: l), to: 25), role: role),
                         Span(text: " " + (s.date?.dutch ?? "—"), role: stale ? .overdue : .dim)]
            if stale { spans.append(Span(text: l.pick(" verouderd", " stale"), role: .overdue)) }
            out += item([StyledLine(spans)], .score(domain))
        }
        return out
    }

    /// The latest score per area of life (by date; of one day, the one given last).
    static func latestScores(_ file: CaseFile) -> [LifeDomain: LifeDomainScore] {
        var latest: [LifeDomain: LifeDomainScore] = [:]
        for s in file.lifeDomains {
            if let old = latest[s.domain], (old.date?.daysSinceEpoch ?? .min) > (s.date?.daysSinceEpoch ?? .min) { continue }
            latest[s.domain] = s
        }
        return latest
    }

    static func plan(_ file: CaseFile, ctx: ScreenContext, width: Int) -> [OverviewRow] {
        let l = ctx.l
        var title = l.pick("Plan", "Plan")
        if let review = file.plan?.reviewDate { title += l.pick(" (evaluatie \(review.dutch))", " (review \(review.dutch))") }
        var out = [heading(title)]
        let goals = file.plan?.goals ?? []
        if goals.isEmpty { return out + [dim(l.pick("nog geen doelen (a voegt toe; tab 5)", "no goals yet (a adds one; tab 5)"), .empty(.plan))] }
        for g in goals {
            var tail: [Span] = []
            if let status = g.status, status != .open { tail.append(Span(text: " (" + status.name(in: l) + ")", role: .dim)) }
            let open = g.actions.filter { !$0.done }.count
            let late = g.actions.filter { $0.isOverdue(on: ctx.today) }.count
            if !g.actions.isEmpty {
                tail.append(Span(text: l.pick(" · \(open) van \(g.actions.count) open", " · \(open) of \(g.actions.count) open"), role: .dim))
            }
            if late > 0 { tail.append(Span(text: l.pick(" · \(late) te laat", " · \(late) late"), role: .overdue)) }
            out += item(wrapped([Span(text: "  • ", role: .normal)], g.text, tail: tail, width: width), .goal(g.id))
        }
        return out
    }

    static func signals(_ file: CaseFile, ctx: ScreenContext, width: Int) -> [OverviewRow] {
        let l = ctx.l
        var out = [heading(l.pick("Signalen (vroegsignalering)", "Early-warning signals"))]
        if file.signals.isEmpty { return out + [dim(l.pick("geen signalen (a voegt toe)", "no signals (a adds one)"), .empty(.signals))] }
        for (i, s) in file.signals.enumerated() {
            // Still to be picked up: marked; a crisis (eviction, cut-off) says so.
            let open = s.status == .notYetPickedUp
            // A partner's signal names no creditor of its own (the import fills in the partner type): said once.
            let creditor = s.creditor.isEmpty || s.creditor.caseInsensitiveCompare(s.partner.ddas) == .orderedSame
                || s.creditor.caseInsensitiveCompare(s.partner.name(in: l)) == .orderedSame ? "" : s.creditor + " "
            var text = (s.crisis ? l.pick("CRISIS · ", "CRISIS · ") : "") + "\(s.partner.name(in: l)): \(creditor)\(s.amount.dutch)"
            if let since = s.since { text += l.pick(" sinds ", " since ") + since.dutch }
            out += item(wrapped([Span(text: open ? "! " : "  ", role: .warning)], text,
                                tail: [Span(text: " (" + s.status.name(in: l) + ")", role: open ? .warning : .dim)], width: width), .signal(i))
        }
        return out
    }

    static func agreements(_ file: CaseFile, ctx: ScreenContext, width: Int) -> [OverviewRow] {
        let l = ctx.l
        var out = [heading(l.pick("Afspraken die openstaan", "Open agreements"))]
        let open = file.conversations.flatMap(\.agreements).enumerated().filter { !$0.element.done }
            .sorted { ($0.element.due?.daysSinceEpoch ?? .max, $0.offset) < ($1.element.due?.daysSinceEpoch ?? .max, $1.offset) }
        // The conditions of decided grants (art. 55: proof of spending by a date) are agreements too.
        let conditions = file.grants.filter { [.approved, .paid, .evaluated].contains($0.status) }.flatMap { g in
            g.conditions.enumerated().filter { !$0.element.done }.map { (grant: g.id ?? "?", index: $0.offset, condition: $0.element) }
        }
        if open.isEmpty && conditions.isEmpty { return out + [dim(l.pick("geen open afspraken", "no open agreements"), .empty(.agreements))] }
        func line(_ a: Agreement, _ text: String, _ what: OverviewItem) -> [OverviewRow] {
            let overdue = a.due.map { $0.daysSinceEpoch < ctx.today.daysSinceEpoch } ?? false
            return item(wrapped([Span(text: overdue ? "! " : "  ", role: .overdue),
                                 Span(text: (a.due?.dutch ?? "—        ") + " ", role: overdue ? .overdue : .dim)],
                                (a.owner.isEmpty ? "" : a.owner + ": ") + text, width: width), what)
        }
        for (k, a) in open { out += line(a, a.text, .agreement(k)) }
        for c in conditions {
            out += line(c.condition, l.pick("voorwaarde \(c.grant): ", "condition \(c.grant): ") + c.condition.text, .condition(c.grant, c.index))
        }
        return out
    }

    /// Conversations and the steps of grants, newest first: each step as the store recorded it
    /// (returned, mended and submitted again, with the reviewer's comment), or — for a grant
    /// imported with its history untold — the steps its dates show.
    static func timeline(_ file: CaseFile, steps recorded: [GrantStep] = [], ctx: ScreenContext, width: Int) -> [StyledLine] {
        let l = ctx.l
        var events: [(day: Int, line: StyledLine)] = []
        for c in file.conversations {
            let first = c.question.split(separator: "\n").first.map(String.init) ?? ""
            events.append((c.date?.daysSinceEpoch ?? .min, StyledLine([
                Span(text: "  " + (c.date?.dutch ?? "—") + " ", role: .dim),
                Span(text: l.pick("gesprek", "conversation"), role: .normal),
                Span(text: " " + [c.author, c.location].filter { !$0.isEmpty }.joined(separator: ", ") + (first.isEmpty ? "" : ": " + first),
                     role: .dim),
            ])))
        }
        for g in file.grants {
            let what = "\(g.id ?? "?") \(g.route.name(in: l)) \(g.category.name(in: l)) \(g.amount.dutch)"
            let own = recorded.filter { $0.grantId == g.id && $0.action != "draft" }
            // A grant imported with its history untold has recorded steps only from the import
            // on (a payment file, an objection): what came before, its dates tell.
            if let first = own.first, first.action != "submit" {
                let told: [(Moment?, String)] = [(g.submittedAt, l.pick("aanvraag ingediend", "request submitted")),
                                                 (g.decidedAt, g.status == .rejected ? GrantStatus.rejected.name(in: l) : GrantStatus.approved.name(in: l))]
                for (moment, label) in told {
                    guard let moment, moment.epochSeconds <= first.at.epochSeconds else { continue }
                    events.append((moment.localDate.daysSinceEpoch, StyledLine([Span(text: "  " + moment.localDate.dutch + " ", role: .dim),
                                                                                Span(text: label, role: .normal), Span(text: " " + what, role: .dim)])))
                }
            }
            if !own.isEmpty {
                for step in own {
                    let (label, role) = stepLabel(step, grant: g, l)
                    var spans = [Span(text: "  " + step.at.localDate.dutch + " ", role: .dim), Span(text: label, role: role),
                                 Span(text: " " + what, role: .dim)]
                    if let comment = step.comment?.trimmingCharacters(in: .whitespacesAndNewlines), !comment.isEmpty {
                        spans.append(Span(text: ": “" + (comment.split(separator: "\n").first.map(String.init) ?? comment) + "”", role: .normal))
                    }
                    events.append((step.at.localDate.daysSinceEpoch, StyledLine(spans)))
                }
                if g.status == .draft && own.last?.action != "reopen" {
                    events.append((Int.min, StyledLine([Span(text: "  —          ", role: .dim), Span(text: GrantStatus.draft.name(in: l), role: .dim),
                                                        Span(text: " " + what, role: .dim)])))
                }
                continue
            }
            var steps: [(Moment?, String, StyleRole)] = [(g.submittedAt, l.pick("aanvraag ingediend", "request submitted"), .normal)]
            if g.status.isDecided || g.status == .returned {
                // A return or rejection with the reviewer's comment, as the recorded steps give it.
                steps.append((g.decidedAt, g.status == .rejected ? GrantStatus.rejected.name(in: l)
                                 : g.status == .returned ? GrantStatus.returned.name(in: l) : GrantStatus.approved.name(in: l), .normal))
            }
            if let paidAt = g.paidAt {
                let late = GrantWorkflow.isPaymentLate(g, now: paidAt)
                steps.append((paidAt, l.pick("betaald", "paid") + (late ? l.pick(" (na meer dan 24 uur)", " (after more than 24 hours)") : ""),
                              late ? .overdue : .normal))
            }
            if g.status == .draft { steps = [(nil, GrantStatus.draft.name(in: l), .dim)] }
            for (k, (moment, label, role)) in steps.enumerated() {
                var spans = [Span(text: "  " + (moment?.localDate.dutch ?? "—        ") + " ", role: .dim),
                             Span(text: label, role: role),
                             Span(text: " " + what, role: .dim)]
                // The decision step of a return or rejection, with the reviewer's comment.
                if k == 1, [.returned, .rejected].contains(g.status), let said = g.decisionComment, !said.isEmpty {
                    spans.append(Span(text: ": “" + (said.split(separator: "\n").first.map(String.init) ?? said) + "”", role: .normal))
                }
                events.append((moment?.localDate.daysSinceEpoch ?? .min, StyledLine(spans)))
            }
        }
        var out = [StyledLine([Span(text: l.pick("Tijdlijn", "Timeline"), role: .header)])]
        if events.isEmpty { return out + [StyledLine([Span(text: "  " + l.pick("nog geen gesprekken of aanvragen", "no conversations or requests yet"), role: .dim)])] }
        out += events.enumerated().sorted { a, b in
            a.element.day != b.element.day ? a.element.day > b.element.day : a.offset > b.offset
        }.flatMap { $0.element.line.wrapped(width: width, indent: 13) }   // under the text, past the date
        return out
    }

    /// A recorded step in words, and how it stands out.
    static func stepLabel(_ step: GrantStep, grant g: Grant, _ l: Language) -> (String, StyleRole) {
        switch step.action {
        case "submit":
            return step.to == .approved ? (l.pick("ingediend en binnen het mandaat goedgekeurd", "submitted and approved within the mandate"), .normal)
                : (l.pick("aanvraag ingediend", "request submitted"), .normal)
        case "approve": return (GrantStatus.approved.name(in: l), .normal)
        case "reject": return (GrantStatus.rejected.name(in: l), .warning)
        case "return": return (GrantStatus.returned.name(in: l), .warning)
        case "reopen": return (l.pick("weer in bewerking", "being mended"), .dim)
        case "withdraw": return (l.pick("ingetrokken", "withdrawn"), .dim)
        case "pay", "pay.batch":
            var paid = g
            paid.paidAt = step.at
            let late = GrantWorkflow.isPaymentLate(paid, now: step.at)
            let how = step.action == "pay.batch" ? l.pick(" in betaalbestand", " in payment file") : l.pick(" (met de hand)", " (by hand)")
            return (l.pick("betaald", "paid") + how + (late ? l.pick(" (na meer dan 24 uur)", " (after more than 24 hours)") : ""), late ? .overdue : .normal)
        case "unpay": return (l.pick("betaling teruggedraaid", "payment taken back"), .warning)
        case "evaluate": return (l.pick("geëvalueerd", "evaluated"), .normal)
        case "reconsider": return (l.pick("herzien op bezwaar: goedgekeurd", "reconsidered on objection: approved"), .normal)
        case "objection": return (l.pick("bezwaar ontvangen", "objection received"), .warning)
        default:
            if step.action.hasPrefix("objection."), let outcome = ObjectionOutcome(rawValue: String(step.action.dropFirst(10))) {
                return (l.pick("bezwaar beslist: ", "objection decided: ") + outcome.name(in: l), .normal)
            }
            return (step.action, .dim)
        }
    }
}
