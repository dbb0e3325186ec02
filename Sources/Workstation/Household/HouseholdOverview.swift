import CaseStore
import Casework
import Terminal

/// The contents of the overview tab as lines: members, address, life-domain scores, plan,
/// signals, agreements and the timeline. One column up to 109 columns; two beside each
/// other from 110, so a wide terminal shows it all at once.
enum HouseholdOverview {
    static func lines(_ household: HouseholdState, ctx: ScreenContext, width: Int) -> [StyledLine] {
        let l = ctx.l
        let file = household.file
        var head: [StyledLine] = []
        let h = file.household
        head.append(StyledLine([Span(text: h.name, role: .title), Span(text: "  " + household.id, role: .dim)]))
        var facts: [String] = []
        if let a = h.address {
            facts.append([a.street, [a.postcode, a.city].filter { !$0.isEmpty }.joined(separator: " ")]
                .filter { !$0.isEmpty }.joined(separator: ", "))
        }
        facts.append(l.pick("regisseur ", "caseworker ") + (h.caseworker ?? "—"))
        head.append(StyledLine([Span(text: facts.joined(separator: " · "), role: .normal)]))
        head.append(StyledLine([]))

        func left(_ w: Int) -> [StyledLine] {
            members(file, ctx: ctx) + [StyledLine([])] + lifeDomains(file, ctx: ctx) + [StyledLine([])] + plan(file, ctx: ctx, width: w)
        }
        func right(_ w: Int) -> [StyledLine] {
            signals(file, ctx: ctx, width: w) + [StyledLine([])] + agreements(file, ctx: ctx, width: w) + [StyledLine([])]
                + timeline(file, ctx: ctx, width: w)
        }
        if width < 110 { return head + left(width) + [StyledLine([])] + right(width) }
        // The left column as wide as its members and scores need; the right one the rest.
        let natural = (members(file, ctx: ctx) + lifeDomains(file, ctx: ctx)).map(\.width).max() ?? 0
        let leftWidth = min(max(natural, 40), width - 3 - 44)
        let (left, right) = (left(leftWidth), right(width - 3 - leftWidth))
        var out = head
        for i in 0..<max(left.count, right.count) {
            let a = i < left.count ? left[i] : StyledLine([])
            let b = i < right.count ? right[i] : StyledLine([])
            out.append(a.padded(to: leftWidth) + StyledLine([Span(text: " │ ", role: .border)]) + b)
        }
        return out
    }

    private static func heading(_ text: String) -> StyledLine { StyledLine([Span(text: text, role: .header)]) }

    /// `lead` then `text` word-wrapped to `width`, continuation lines indented under the text.
    private static func wrapped(_ lead: [Span], _ text: String, role: StyleRole = .normal, tail: [Span] = [], width: Int) -> [StyledLine] {
        let indent = lead.reduce(0) { $0 + DisplayWidth.of($1.text) }
        let parts = TextWrap.wrap(text + tail.map(\.text).joined(), width: max(10, width - indent))
        // The tail keeps its own role when it fits on the last line as written.
        var out: [StyledLine] = []
        for (i, part) in parts.enumerated() {
            let first = i == 0 ? lead : [Span(text: String(repeating: " ", count: indent), role: .normal)]
            out.append(StyledLine(first + [Span(text: part, role: role)]))
        }
        if !tail.isEmpty, let last = parts.last, last.hasSuffix(tail.map(\.text).joined()) {
            let body = String(last.dropLast(tail.map(\.text).joined().count))
            let first = parts.count == 1 ? lead : [Span(text: String(repeating: " ", count: indent), role: .normal)]
            out[out.count - 1] = StyledLine(first + [Span(text: body, role: role)] + tail)
        }
        return out
    }
    private static func dim(_ text: String) -> StyledLine { StyledLine([Span(text: "  " + text, role: .dim)]) }

    static func members(_ file: CaseFile, ctx: ScreenContext) -> [StyledLine] {
        let l = ctx.l
        var out = [heading(l.pick("Leden", "Members"))]
        let nameWidth = min(24, file.household.members.map { DisplayWidth.of($0.name) }.max() ?? 0)
        for m in file.household.members {
            let age = m.birthDate.map { l.pick("\($0.age(on: ctx.today)) jaar", "age \($0.age(on: ctx.today))") } ?? l.pick("leeftijd ?", "age ?")
            var spans = [Span(text: "  " + DisplayWidth.fit(m.name, to: nameWidth) + "  ", role: .normal),
                         Span(text: DisplayWidth.fit(m.role.name(in: l), to: 11) + " ", role: .dim),
                         Span(text: DisplayWidth.fit(age, to: 8, alignRight: true), role: .normal)]
            if let bsn = m.bsn { spans.append(Span(text: "  BSN " + bsn.masked, role: .dim)) }
            out.append(StyledLine(spans))
        }
        return out
    }

    static func lifeDomains(_ file: CaseFile, ctx: ScreenContext) -> [StyledLine] {
        let l = ctx.l
        var out = [heading(l.pick("Leefgebieden (ZRM)", "Areas of life (ZRM)"))]
        // The latest score per domain, in the ZRM's order.
        var latest: [LifeDomain: LifeDomainScore] = [:]
        for s in file.lifeDomains {
            if let old = latest[s.domain], (old.date?.daysSinceEpoch ?? .min) > (s.date?.daysSinceEpoch ?? .min) { continue }
            latest[s.domain] = s
        }
        if latest.isEmpty { return out + [dim(l.pick("nog geen scores", "no scores yet"))] }
        for domain in LifeDomain.allCases {
            guard let s = latest[domain] else { continue }
            let stale = s.isStale(on: ctx.today)
            let role: StyleRole = s.score <= 2 ? .warning : .normal
            var spans = [Span(text: "  " + DisplayWidth.fit(domain.name(in: l), to: 22) + " ", role: .normal),
                         Span(text: "\(s.score) " + DisplayWidth.fit(ZRM.label(s.score, in: l), to: 25), role: role),
                         Span(text: " " + (s.date?.dutch ?? "—"), role: stale ? .overdue : .dim)]
            if stale { spans.append(Span(text: l.pick(" verouderd", " stale"), role: .overdue)) }
            out.append(StyledLine(spans))
        }
        return out
    }

    static func plan(_ file: CaseFile, ctx: ScreenContext, width: Int) -> [StyledLine] {
        let l = ctx.l
        var out = [heading(l.pick("Plan", "Plan"))]
        let goals = file.plan?.goals ?? []
        if goals.isEmpty { return out + [dim(l.pick("nog geen doelen", "no goals yet"))] }
        for g in goals {
            let tail = g.due.map { [Span(text: l.pick(" (vóór ", " (by ") + $0.dutch + ")", role: .dim)] } ?? []
            out += wrapped([Span(text: "  • ", role: .normal)], g.text, tail: tail, width: width)
        }
        return out
    }

    static func signals(_ file: CaseFile, ctx: ScreenContext, width: Int) -> [StyledLine] {
        let l = ctx.l
        var out = [heading(l.pick("Signalen (vroegsignalering)", "Early-warning signals"))]
        if file.signals.isEmpty { return out + [dim(l.pick("geen signalen", "no signals"))] }
        for s in file.signals {
            let open = s.status != .closed
            var text = "\(s.partner.name(in: l)): \(s.creditor) \(s.amount.dutch)"
            if let since = s.since { text += l.pick(" sinds ", " since ") + since.dutch }
            out += wrapped([Span(text: open ? "! " : "  ", role: .warning)], text,
                           tail: [Span(text: " (" + s.status.name(in: l) + ")", role: open ? .warning : .dim)], width: width)
        }
        return out
    }

    static func agreements(_ file: CaseFile, ctx: ScreenContext, width: Int) -> [StyledLine] {
        let l = ctx.l
        var out = [heading(l.pick("Afspraken die openstaan", "Open agreements"))]
        let open = file.conversations.flatMap(\.agreements).filter { !$0.done }
            .sorted { ($0.due?.daysSinceEpoch ?? .max) < ($1.due?.daysSinceEpoch ?? .max) }
        if open.isEmpty { return out + [dim(l.pick("geen open afspraken", "no open agreements"))] }
        for a in open {
            let overdue = a.due.map { $0.daysSinceEpoch < ctx.today.daysSinceEpoch } ?? false
            out += wrapped([Span(text: overdue ? "! " : "  ", role: .overdue),
                            Span(text: (a.due?.dutch ?? "—        ") + " ", role: overdue ? .overdue : .dim)],
                           (a.owner.isEmpty ? "" : a.owner + ": ") + a.text, width: width)
        }
        return out
    }

    /// Conversations and the steps of grants, newest first.
    static func timeline(_ file: CaseFile, ctx: ScreenContext, width: Int) -> [StyledLine] {
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
            var steps: [(Moment?, String, StyleRole)] = [(g.submittedAt, l.pick("aanvraag ingediend", "request submitted"), .normal)]
            if g.status.isDecided || g.status == .returned {
                steps.append((g.decidedAt, g.status == .rejected ? GrantStatus.rejected.name(in: l)
                                 : g.status == .returned ? GrantStatus.returned.name(in: l) : GrantStatus.approved.name(in: l), .normal))
            }
            if let paidAt = g.paidAt {
                let late = GrantWorkflow.isPaymentLate(g, now: paidAt)
                steps.append((paidAt, l.pick("betaald", "paid") + (late ? l.pick(" (na meer dan 24 uur)", " (after more than 24 hours)") : ""),
                              late ? .overdue : .normal))
            }
            if g.status == .draft { steps = [(nil, GrantStatus.draft.name(in: l), .dim)] }
            for (moment, label, role) in steps {
                events.append((moment?.localDate.daysSinceEpoch ?? .min, StyledLine([
                    Span(text: "  " + (moment?.localDate.dutch ?? "—        ") + " ", role: .dim),
                    Span(text: label, role: role),
                    Span(text: " " + what, role: .dim),
                ])))
            }
        }
        var out = [heading(l.pick("Tijdlijn", "Timeline"))]
        if events.isEmpty { return out + [dim(l.pick("nog geen gesprekken of aanvragen", "no conversations or requests yet"))] }
        out += events.enumerated().sorted { a, b in
            a.element.day != b.element.day ? a.element.day > b.element.day : a.offset > b.offset
        }.flatMap { $0.element.line.wrapped(width: width, indent: 13) }   // under the text, past the date
        return out
    }
}
