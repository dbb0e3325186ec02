import CaseStore
import Casework
import Terminal

/// Tab 5 drawn: the plan's review date, then each goal with its area of life and status,
/// and under it its actions — done or not, by when, who, what — an action past its day
/// marked "!" as overdue agreements are.
enum PlanView {
    static func lines(_ s: HouseholdState, ctx: ScreenContext, width: Int) -> [(line: StyledLine, row: PlanRow?)] {
        let l = ctx.l
        let plan = s.file.plan
        var out: [(StyledLine, PlanRow?)] = []
        let caseworker = s.file.household.caseworker ?? l.pick("nog niemand", "nobody yet")
        out.append((StyledLine([Span(text: l.pick("Eén gezin, één plan", "One family, one plan"), role: .title),
                                Span(text: l.pick(" · regisseur ", " · caseworker ") + caseworker, role: .dim)]), nil))
        out.append((StyledLine([Span(text: l.pick("Evaluatie met het gezin: ", "Review with the family: "), role: .normal),
                                Span(text: plan?.reviewDate?.dutch ?? l.pick("nog geen datum (Enter kiest er een)", "no date yet (Enter picks one)"),
                                     role: plan?.reviewDate.map { $0 < ctx.today ? StyleRole.overdue : .normal } ?? .dim)]), .review))
        out.append((StyledLine([]), nil))
        let goals = plan?.goals ?? []
        if goals.isEmpty {
            out.append((StyledLine([Span(text: l.pick("Nog geen doelen. a schrijft het eerste op, in de woorden van het gezin.",
                                                      "No goals yet. a writes the first down, in the family's words."), role: .dim)]), nil))
        }
        for (n, g) in goals.enumerated() {
            var tail = " (" + (g.status ?? .open).name(in: l)
            if let due = g.due { tail += l.pick(", vóór ", ", by ") + due.dutch }
            tail += ")"
            let domain = g.domain.map { $0.name(in: l) + ": " } ?? ""
            let lead = [Span(text: "\(n + 1). ", role: .header)]
            let text = StyledLine(lead + [Span(text: domain, role: .accent), Span(text: g.text, role: .title), Span(text: tail, role: .dim)])
            for line in text.wrapped(width: width, indent: 3) { out.append((line, .goal(g.id))) }
            if g.actions.isEmpty {
                out.append((StyledLine([Span(text: l.pick("   geen acties (+ voegt toe)", "   no actions (+ adds one)"), role: .dim)]), .goal(g.id)))
            }
            for (i, a) in g.actions.enumerated() {
                let late = a.isOverdue(on: ctx.today)
                let line = StyledLine([
                    Span(text: late ? " ! " : "   ", role: .overdue),
                    Span(text: a.done ? "[x] " : "[ ] ", role: a.done ? .positive : .normal),
                    Span(text: (a.due?.dutch ?? "—         ") + " ", role: late ? .overdue : .dim),
                    Span(text: (a.who.isEmpty ? "?" : a.who) + ": ", role: .accent),
                    Span(text: a.text, role: a.done ? .dim : .normal),
                ])
                for wrapped in line.wrapped(width: width, indent: 18) { out.append((wrapped, .action(goal: g.id, index: i))) }
            }
            out.append((StyledLine([]), nil))
        }
        return out
    }

    static func render(_ s: HouseholdState, ctx: ScreenContext, into buffer: inout ScreenBuffer, area rest: Rect) {
        let area = rest.inset(horizontal: 1)
        let all = lines(s, ctx: ctx, width: area.width)
        let selected = s.plan?.selected ?? .review
        let marked = s.edit == nil && s.confirm == nil
        // The chosen line in view: from the top while it fits, else at the bottom.
        let last = all.lastIndex { $0.row == selected } ?? 0
        let start = max(0, last - area.height + 1)
        for (i, entry) in all.dropFirst(start).prefix(area.height).enumerated() {
            let y = area.y + i
            if marked && entry.row == selected && entry.row != nil {
                buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: .selection)
                buffer.put("›", x: rest.x, y: y, role: .selection)
                _ = StyledLine(entry.line.spans.map { Span(text: $0.text, role: .selection) })
                    .render(into: &buffer, at: Point(x: area.x, y: y), maxWidth: area.width)
            } else {
                _ = entry.line.render(into: &buffer, at: Point(x: area.x, y: y), maxWidth: area.width)
            }
        }
        if all.count > area.height {
            let mark = "\(start + 1)–\(min(all.count, start + area.height))/\(all.count)"
            buffer.put(mark, x: area.maxX - DisplayWidth.of(mark), y: rest.y - 1, role: .dim)
        }
    }
}
