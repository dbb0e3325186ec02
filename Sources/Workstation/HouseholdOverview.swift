import CaseStore
import Casework
import Terminal

/// The contents of the overview tab as lines: members, address, life-domain scores, plan,
/// signals, agreements and the timeline. One column up to 109 columns; two beside each
/// other from 110, so a wide terminal shows it all at once.
enum HouseholdOverview {
    static func lines(_ household: HouseholdState, env: AppEnvironment, width: Int) -> [StyledLine] {
        let l = env.l
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

        let left = members(file, env: env) + [StyledLine([])] + lifeDomains(file, env: env) + [StyledLine([])] + plan(file, env: env)
        let right = signals(file, env: env) + [StyledLine([])] + agreements(file, env: env) + [StyledLine([])] + timeline(file, env: env)
        if width < 110 { return head + left + [StyledLine([])] + right }
        let leftWidth = (width - 3) / 2
        var out = head
        for i in 0..<max(left.count, right.count) {
            let a = i < left.count ? left[i] : StyledLine([])
            let b = i < right.count ? right[i] : StyledLine([])
            out.append(a.padded(to: leftWidth) + StyledLine([Span(text: " │ ", role: .border)]) + b)
        }
        return out
    }

    private static func heading(_ text: String) -> StyledLine { StyledLine([Span(text: text, role: .header)]) }
    private static func dim(_ text: String) -> StyledLine { StyledLine([Span(text: "  " + text, role: .dim)]) }

    static func members(_ file: CaseFile, env: AppEnvironment) -> [StyledLine] {
        let l = env.l
        var out = [heading(l.pick("Leden", "Members"))]
        let nameWidth = min(24, file.household.members.map { DisplayWidth.of($0.name) }.max() ?? 0)
        for m in file.household.members {
            let age = m.birthDate.map { l.pick("\($0.age(on: env.today)) jaar", "age \($0.age(on: env.today))") } ?? l.pick("leeftijd ?", "age ?")
            var spans = [Span(text: "  " + DisplayWidth.fit(m.name, to: nameWidth) + "  ", role: .normal),
                         Span(text: DisplayWidth.fit(m.role.name(in: l), to: 11) + " ", role: .dim),
                         Span(text: DisplayWidth.fit(age, to: 8, alignRight: true), role: .normal)]
            if let bsn = m.bsn { spans.append(Span(text: "  BSN " + bsn.masked, role: .dim)) }
            out.append(StyledLine(spans))
        }
        return out
    }

    static func lifeDomains(_ file: CaseFile, env: AppEnvironment) -> [StyledLine] {
        let l = env.l
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
            let stale = s.isStale(on: env.today)
            let role: StyleRole = s.score <= 2 ? .warning : .normal
            var spans = [Span(text: "  " + DisplayWidth.fit(domain.name(in: l), to: 22) + " ", role: .normal),
                         Span(text: "\(s.score) " + DisplayWidth.fit(ZRM.label(s.score, in: l), to: 22), role: role),
                         Span(text: " " + (s.date?.dutch ?? "—"), role: stale ? .overdue : .dim)]
            if stale { spans.append(Span(text: l.pick(" verouderd", " stale"), role: .overdue)) }
            out.append(StyledLine(spans))
        }
        return out
    }

    static func plan(_ file: CaseFile, env: AppEnvironment) -> [StyledLine] {
        let l = env.l
        var out = [heading(l.pick("Plan", "Plan"))]
        let goals = file.plan?.goals ?? []
        if goals.isEmpty { return out + [dim(l.pick("nog geen doelen", "no goals yet"))] }
        for g in goals {
            var spans = [Span(text: "  • " + g.text, role: .normal)]
            if let due = g.due { spans.append(Span(text: l.pick("  vóór ", "  by ") + due.dutch, role: .dim)) }
            out.append(StyledLine(spans))
        }
        return out
    }

    static func signals(_ file: CaseFile, env: AppEnvironment) -> [StyledLine] {
        let l = env.l
        var out = [heading(l.pick("Signalen (vroegsignalering)", "Early-warning signals"))]
        if file.signals.isEmpty { return out + [dim(l.pick("geen signalen", "no signals"))] }
        for s in file.signals {
            let open = s.status != .closed
            var text = "  \(s.partner.name(in: l)): \(s.creditor) \(s.amount.dutch)"
            if let since = s.since { text += l.pick(" sinds ", " since ") + since.dutch }
            out.append(StyledLine([Span(text: text, role: .normal),
                                   Span(text: " (" + s.status.name(in: l) + ")", role: open ? .warning : .dim)]))
        }
        return out
    }

    static func agreements(_ file: CaseFile, env: AppEnvironment) -> [StyledLine] {
        let l = env.l
        var out = [heading(l.pick("Afspraken die openstaan", "Open agreements"))]
        let open = file.conversations.flatMap(\.agreements).filter { !$0.done }
            .sorted { ($0.due?.daysSinceEpoch ?? .max) < ($1.due?.daysSinceEpoch ?? .max) }
        if open.isEmpty { return out + [dim(l.pick("geen open afspraken", "no open agreements"))] }
        for a in open {
            let overdue = a.due.map { $0.daysSinceEpoch < env.today.daysSinceEpoch } ?? false
            out.append(StyledLine([
                Span(text: overdue ? "! " : "  ", role: .overdue),
                Span(text: (a.due?.dutch ?? "—") + " ", role: overdue ? .overdue : .dim),
                Span(text: a.owner.isEmpty ? "" : a.owner + ": ", role: .dim),
                Span(text: a.text, role: .normal),
            ]))
        }
        return out
    }

    /// Conversations and the steps of grants, newest first.
    static func timeline(_ file: CaseFile, env: AppEnvironment) -> [StyledLine] {
        let l = env.l
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
        }.map(\.element.line)
        return out
    }
}
