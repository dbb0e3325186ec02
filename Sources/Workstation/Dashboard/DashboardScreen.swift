import CaseStore
import Casework
import Terminal

/// F7: what the maatwerk practice yields — counts and amounts, outcomes, savings and speed —
/// from the real records, for this year and the own team (Tab: all teams). Bars and a
/// sparkline in block characters, numbers always beside them.
struct DashboardState {
    var allTeams = false
    var report: PracticeReport
    var scroll = 0
}

enum DashboardScreen {
    static func load(allTeams: Bool, env: AppEnvironment) throws -> DashboardState {
        let team: String? = allTeams || env.staff.team.isEmpty ? nil : env.staff.team
        let grants = try env.store.grantsForReport(team: team)
        let from = CalendarDate(year: env.today.year, month: 1, day: 1)!
        return DashboardState(allTeams: allTeams,
                              report: PracticeReport.compute(grants: grants, from: from, to: env.today, now: PracticeReport.endOfDay(env.today)))
    }

    /// False when the key leaves the dashboard.
    static func handle(_ key: Key, state: inout AppState, env: AppEnvironment) throws -> Bool {
        guard var dashboard = state.dashboard else { return false }
        defer { state.dashboard = dashboard }
        switch key {
        case .escape, .character("q"), .function(7): return false
        case .tab, .character("t"):
            dashboard = try load(allTeams: !dashboard.allTeams, env: env)
        case .down, .character("j"): dashboard.scroll += 1
        case .up, .character("k"): dashboard.scroll = max(0, dashboard.scroll - 1)
        case .pageDown: dashboard.scroll += 10
        case .pageUp: dashboard.scroll = max(0, dashboard.scroll - 10)
        case .home: dashboard.scroll = 0
        case .function(1), .character("?"): state.help = 0
        default: break
        }
        return true
    }

    static func render(_ state: AppState, env: AppEnvironment, into buffer: inout ScreenBuffer, body: Rect) {
        guard let dashboard = state.dashboard else { return }
        let l = env.l
        let r = dashboard.report
        let area = body.inset(horizontal: 1)
        let scope = dashboard.allTeams || env.staff.team.isEmpty ? l.pick("alle teams", "all teams") : env.staff.team
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
        row(l.pick("Binnen mandaat", "Within the mandate"), "\(r.underMandate) · " + percent(r.mandateShare))
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
            row(l.pick("Doel bereikt: ", "Goal reached: ") + outcome(o, l), "\(n)", bar: Double(n) / Double(evaluated))
        }
        let societal = max(1, r.societalCost.values.reduce(0, +))
        for s in Evaluation.SocietalCost.allCases {
            let n = r.societalCost[s] ?? 0
            row(l.pick("Kosten zonder: ", "Costs without: ") + societalName(s, l), "\(n)", bar: Double(n) / Double(societal))
        }
        row(l.pick("Nog niet geëvalueerd", "Not yet evaluated"), "\(r.unevaluated)")
        row(l.pick("Vermeden min bijstand", "Avoided minus grants"), r.netAvoided.dutch, role: r.netAvoided < .zero ? .amountNegative : .amountPositive)
        header(l.pick("Snelheid", "Speed"))
        row(l.pick("Goedkeuring → betaling", "Approval → payment"), r.medianPaymentHours.map {
            l.pick("mediaan ", "median ") + PracticeReport.decimal($0, in: l) + l.pick(" uur", $0 == 1 ? " hour" : " hours")
        } ?? "—")
        row(l.pick("Binnen 24 uur betaald", "Paid within 24 hours"), percent(r.within24hShare), bar: r.within24hShare)
        row(l.pick("Aanvraag → besluit", "Request → decision"), r.medianDecisionDays.map {
            l.pick("mediaan ", "median ") + PracticeReport.decimal($0, in: l) + ($0 == 1 ? l.pick(" dag", " day") : l.pick(" dagen", " days"))
        } ?? "—")
        header(l.pick("Belofte van 24 uur gebroken", "24-hour promise broken"))
        if r.late.isEmpty { lines.append(StyledLine([Span(text: l.pick("  geen", "  none"), role: .dim)])) }
        for g in r.late {
            lines.append(StyledLine([Span(text: "  ! ", role: .overdue), Span(text: "\(g.id ?? "?") \(g.amount.dutch) · "
                + l.pick("goedgekeurd ", "approved ") + (g.decidedAt?.localDate.dutch ?? "") + (g.paidAt.map { l.pick(", betaald ", ", paid ") + $0.localDate.dutch } ?? l.pick(", nog niet betaald", ", not paid yet")))]))
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

    static func hints(_ env: AppEnvironment) -> [KeyHint] {
        let l = env.l
        return [KeyHint(keys: "F1", label: "Help"), KeyHint(keys: "Tab", label: l.pick("Eigen team/alle", "Own team/all")),
                KeyHint(keys: "↑↓", label: l.pick("Bladeren", "Scroll")), KeyHint(keys: "Esc", label: l.pick("Terug", "Back"))]
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
