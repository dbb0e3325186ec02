import CaseStore
import Casework
import Terminal

/// F7: what the maatwerk practice yields — counts and amounts, outcomes, savings and speed —
/// from the real records, for this year and the own team (Tab: all teams). Bars and a
/// sparkline in block characters, numbers always beside them.
struct DashboardState {
    var allTeams = false
    var report: PracticeReport
    var signals = SignalFigures()
    /// The register of rule barriers, by rule (every team: the municipality's rules).
    var barriers: [RuleBarrierTally] = []
    var scroll = 0
}

extension DashboardState: Screen {
    static var actions: [ScreenAction<DashboardState>] {
        [ScreenAction(.help),
         ScreenAction(.scope, label: { $0.pick("Eigen team/alle", "Own team/all") },
                      help: { $0.pick("Eigen team of alle teams", "Own team or all teams") }),
         ScreenAction(.back, help: { $0.pick("Terug naar de caseload", "Back to the caseload") })]
    }

    func title(_ l: Language) -> String { l.pick("Dashboard", "Dashboard") }
    var isTyping: Bool { false }

    static func load(allTeams: Bool, _ ctx: ScreenContext) throws -> DashboardState {
        let team: String? = allTeams || ctx.staff.team.isEmpty ? nil : ctx.staff.team
        let from = CalendarDate(year: ctx.today.year, month: 1, day: 1)!
        return DashboardState(allTeams: allTeams,
                              report: try ctx.reads.practiceReport(team: team, from: from, to: ctx.today,
                                                                   now: PracticeReport.endOfDay(ctx.today)),
                              signals: SignalFigures.compute(try ctx.reads.signalDelivery(from: from, to: ctx.today)),
                              barriers: try ctx.reads.ruleBarrierTallies())
    }

    mutating func handle(_ command: Command?, key: Key, _ ctx: ScreenContext) -> [Effect] {
        switch (command, key) {
        case (.help?, _): return [.help]
        case (.back?, _): return [.go(.caseload)]
        case (.scope?, _):
            do {
                self = try Self.load(allTeams: !allTeams, ctx)
            } catch {
                return [.status(StatusMessage(error.message(ctx.l), isError: true))]
            }
        case (nil, let key) where Move(key) != nil && Move(key) != .end:
            // kept within the text where it is drawn (End would need its length: not offered)
            scroll = Move(key)!.applied(to: scroll, count: .max, page: 10)
        default: break
        }
        return []
    }

    func render(into buffer: inout ScreenBuffer, area body: Rect, _ ctx: ScreenContext) {
        let dashboard = self
        let l = ctx.l
        let r = dashboard.report
        let area = body.inset(horizontal: 1)
        let scope = dashboard.allTeams || ctx.staff.team.isEmpty ? l.pick("alle teams", "all teams") : ctx.staff.team
        var lines: [StyledLine] = [StyledLine([Span(text: l.pick("Dashboard ", "Dashboard ") + "\(r.from.dutch) – \(r.to.dutch) · " + scope, role: .title)]), StyledLine([])]
        let bars = DashboardBars(ascii: buffer.ascii, width: max(10, min(30, area.width - 50)))
        func header(_ t: String) { lines.append(StyledLine([Span(text: t, role: .header)])) }
        func row(_ label: String, _ value: String, bar: Double? = nil, role: StyleRole = .normal) {
            var spans = [Span(text: "  " + DisplayWidth.fit(label, to: 24) + " "), Span(text: DisplayWidth.fit(value, to: 22, alignRight: true) + " ", role: role)]
            if let bar { spans.append(Span(text: bars.bar(bar), role: .title)) }
            lines.append(StyledLine(spans))
        }
        let maxTotal = max(1, r.byCategory.values.map(\.total.cents).max() ?? 1)
        header(l.pick("Toekenningen", "Grants"))
        row(l.pick("Totaal", "Total"), "\(r.grants.count) · \(r.grants.total.dutch)")
        for route in Route.allCases {
            let t = r.byRoute[route] ?? .init()
            row(route.name(in: l), "\(t.count) · \(t.total.dutch)", bar: Double(t.total.cents) / Double(max(1, r.grants.total.cents)))
        }
        row(l.pick("Binnen mandaat", "Within the mandate"), "\(r.underMandate) · " + Self.percent(r.mandateShare))
        header(l.pick("Per soort kosten", "By cost category"))
        for c in GrantCategory.allCases { if let t = r.byCategory[c] { row(c.name(in: l), "\(t.count) · \(t.total.dutch)", bar: Double(t.total.cents) / Double(maxTotal)) } }
        header(l.pick("Per regisseur", "By caseworker"))
        for w in r.byCaseworker.keys.sorted() { let t = r.byCaseworker[w]!; row(w, "\(t.count) · \(t.total.dutch)") }
        header(l.pick("Per maand", "Per month"))
        lines.append(StyledLine([Span(text: "  " + bars.sparkline(r.perMonth.map(\.cents)), role: .title),
                                 Span(text: "  " + l.pick("hoogste ", "highest ") + (r.perMonth.max() ?? .zero).dutch, role: .dim)]))
        header(l.pick("Wat het opleverde (geëvalueerd)", "What it yielded (evaluated)"))
        let evaluated = max(1, r.shortTerm.values.reduce(0, +))
        for o in Evaluation.Outcome.allCases {
            let n = r.shortTerm[o] ?? 0
            row(l.pick("Doel bereikt: ", "Goal reached: ") + Self.outcome(o, l), "\(n)", bar: Double(n) / Double(evaluated))
        }
        let societal = max(1, r.societalCost.values.reduce(0, +))
        for s in Evaluation.SocietalCost.allCases {
            let n = r.societalCost[s] ?? 0
            row(l.pick("Kosten zonder: ", "Costs without: ") + Self.societalName(s, l), "\(n)", bar: Double(n) / Double(societal))
        }
        row(l.pick("Nog niet geëvalueerd", "Not yet evaluated"), "\(r.unevaluated)")
        row(l.pick("Vermeden min bijstand", "Avoided minus grants"), r.netAvoided.dutch, role: r.netAvoided < .zero ? .amountNegative : .amountPositive)
        header(l.pick("Snelheid", "Speed"))
        row(l.pick("Goedkeuring → betaling", "Approval → payment"), r.medianPaymentHours.map {
            l.pick("mediaan ", "median ") + PracticeReport.decimal($0, in: l) + l.pick(" uur", $0 == 1 ? " hour" : " hours")
        } ?? "—")
        row(l.pick("Binnen 24 uur betaald", "Paid within 24 hours"), Self.percent(r.within24hShare), bar: r.within24hShare)
        row(l.pick("Aanvraag → besluit", "Request → decision"), r.medianDecisionDays.map {
            l.pick("mediaan ", "median ") + PracticeReport.decimal($0, in: l) + ($0 == 1 ? l.pick(" dag", " day") : l.pick(" dagen", " days"))
        } ?? "—")
        header(l.pick("Vroegsignalering", "Early-warning signals"))
        let sf = dashboard.signals
        row(l.pick("Signalen ontvangen", "Signals received"), "\(sf.received)" + (sf.crisis > 0 ? l.pick(" · \(sf.crisis) crisis", " · \(sf.crisis) crisis") : ""))
        let maxPartner = max(1, sf.byPartner.values.max() ?? 1)
        for p in SignalPartner.allCases { if let n = sf.byPartner[p] { row("  " + p.name(in: l), "\(n)", bar: Double(n) / Double(maxPartner)) } }
        row(l.pick("Niet gekoppeld", "Not matched"), "\(sf.unmatched)", role: sf.unmatched > 0 ? .warning : .normal)
        row(l.pick("Zaken · bereikt", "Cases · reached"), "\(sf.cases) · " + Self.percent(sf.reachedShare), bar: sf.reachedShare)
        row(l.pick("Tot eerste contact", "To first contact"), sf.medianDaysToFirstContact.map {
            l.pick("mediaan ", "median ") + PracticeReport.decimal($0, in: l) + ($0 == 1 ? l.pick(" dag", " day") : l.pick(" dagen", " days"))
        } ?? "—")
        for r in SignalCaseResult.allCases { if let n = sf.results[r] { row("  " + r.name(in: l), "\(n)") } }
        header(l.pick("Bezwaar", "Objections"))
        row(l.pick("Ontvangen", "Received"), "\(r.objections)")
        row(l.pick("Nog open", "Still open"), "\(r.objectionsOpen)", role: r.objectionsOpen > 0 ? .warning : .normal)
        for outcome in ObjectionOutcome.allCases { row(outcome.name(in: l).prefix(1).uppercased() + outcome.name(in: l).dropFirst(), "\(r.objectionOutcomes[outcome] ?? 0)") }
        row(l.pick("Leidde tot nieuw besluit", "Led to a new decision"), "\(r.objectionsWithNewDecision)")
        header(l.pick("Regels die een goede uitkomst blokkeerden", "Rules that blocked a good outcome"))
        if dashboard.barriers.isEmpty { lines.append(StyledLine([Span(text: l.pick("  nog geen vastgelegd", "  none recorded yet"), role: .dim)])) }
        // The figures first, then the rule in full: a rule's name is often longer than the label column.
        for b in dashboard.barriers {
            lines.append(StyledLine([Span(text: "  " + DisplayWidth.fit("\(b.count)× · \(b.cost.dutch)", to: 24, alignRight: true) + "  "),
                                     Span(text: b.rule)]))
        }
        header(l.pick("Belofte van 24 uur gebroken", "24-hour promise broken"))
        if r.late.isEmpty { lines.append(StyledLine([Span(text: l.pick("  geen", "  none"), role: .dim)])) }
        for g in r.late {
            lines.append(StyledLine([Span(text: "  ! ", role: .overdue), Span(text: "\(g.id ?? "?") \(g.amount.dutch) · "
                + l.pick("goedgekeurd ", "approved ") + g.decidedAt.localDate.dutch + (g.paidAt.map { l.pick(", betaald ", ", paid ") + $0.localDate.dutch } ?? l.pick(", nog niet betaald", ", not paid yet")))]))
        }
        let top = min(dashboard.scroll, max(0, lines.count - area.height))
        for (i, line) in lines.dropFirst(top).prefix(area.height).enumerated() {
            line.render(into: &buffer, at: Point(x: area.x, y: area.y + i), maxWidth: area.width)
        }
    }

    static func percent(_ share: Double?) -> String {
        guard let share else { return "—" }
        return String(Int((share * 100).rounded())) + "%"
    }

    static func outcome(_ o: Evaluation.Outcome, _ l: Language) -> String {
        switch o { case .yes: l.pick("ja", "yes"); case .partly: l.pick("deels", "partly"); case .no: l.pick("nee", "no") }
    }

    static func societalName(_ s: Evaluation.SocietalCost, _ l: Language) -> String {
        switch s { case .higher: l.pick("hoger", "higher"); case .similar: l.pick("gelijk", "similar"); case .lower: l.pick("lager", "lower") }
    }

}

/// Bars and sparklines in block characters; `#` and digits where only ASCII can be shown.
struct DashboardBars {
    let ascii: Bool
    let width: Int

    func bar(_ fraction: Double) -> String {
        let f = min(1, max(0, fraction))
        if ascii { return String(repeating: "#", count: Int((f * Double(width)).rounded())) }
        let eighths = Int((f * Double(width) * 8).rounded())
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
        return String(repeating: "█", count: eighths / 8) + partial
    }

    func sparkline(_ values: [Int]) -> String {
        let top = max(1, values.max() ?? 1)
        let blocks: [Character] = ascii ? Array("_.-=#") : Array("▁▂▃▄▅▆▇█")
        return String(values.map { v in v == 0 ? (ascii ? "_" : "▁") : blocks[min(blocks.count - 1, v * (blocks.count - 1) / top)] })
    }
}
