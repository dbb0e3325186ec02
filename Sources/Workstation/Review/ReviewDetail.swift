import CaseStore
import Casework
import Terminal

/// An opened request in the review queue: the request with its figures (page 1), and a
/// read-only look at the household's finances (2) and last conversation (3); below it, while
/// deciding, the letter's reasons or the return's comment.
enum ReviewDetail {
    static func render(_ item: ReviewItem, file: CaseFile, review: ReviewState, ctx: ScreenContext,
                       into buffer: inout ScreenBuffer, area: Rect) {
        switch review.page {
        case .ledger: return page(ledgerLines(file, ctx), review: review, ctx: ctx, into: &buffer, area: area)
        case .conversation: return page(conversationLines(file, ctx), review: review, ctx: ctx, into: &buffer, area: area)
        case .request: break
        }
        let l = ctx.l
        let g = item.grant.grant
        var lines: [StyledLine] = []
        lines.append(StyledLine([Span(text: "\(item.grant.id) · \(item.householdName) · \(g.route.name(in: l)) \(g.category.name(in: l)) \(g.amount.dutch)", role: .title)]))
        lines.append(StyledLine([Span(text: l.pick("Ingediend door ", "Submitted by ") + (g.submittedBy ?? "—") + (g.submittedAt.map { " · " + $0.localDate.dutch } ?? "")
                                          + (g.urgencyDate.map { l.pick(" · uiterlijk ", " · urgent by ") + $0.dutch } ?? ""), role: .dim)]))
        if review.deciding == nil && review.objectionDecision == nil {
            lines.append(StyledLine([Span(text: l.pick("2 financiën · 3 laatste gesprek (alleen lezen)", "2 finances · 3 last conversation (read only)"), role: .dim)]))
        }
        if g.status == .submitted, let submitted = g.submittedAt {
            // The legal decision term: eight weeks after the application (Awb 4:13), past
            // weekends and holidays (Algemene termijnenwet).
            let term = ReviewState.decisionTerm(submitted.localDate)
            let left = term.daysSinceEpoch - ctx.today.daysSinceEpoch
            lines.append(StyledLine([Span(text: l.pick("Beslistermijn (Awb 4:13): uiterlijk \(term.dutch)", "Decision term (Awb 4:13): by \(term.dutch)")
                                              + (left >= 0 ? l.pick(", nog \(left) \(left == 1 ? "dag" : "dagen")", ", \(left) \(left == 1 ? "day" : "days") left")
                                                 : l.pick(", \(-left) \(left == -1 ? "dag" : "dagen") over de termijn", ", \(-left) \(left == -1 ? "day" : "days") past the term")),
                                          role: left < 0 ? .overdue : .dim)]))
        }
        // An objection against the decision: what it says, and its terms.
        if let o = g.openObjection {
            lines.append(StyledLine([Span(text: l.pick("Bezwaar ontvangen \(o.received.dutch) tegen het besluit van \(o.decisionDate.dutch)",
                                                       "Objection received \(o.received.dutch) against the decision of \(o.decisionDate.dutch)"), role: .header)]))
            let left = o.decisionDue.daysSinceEpoch - ctx.today.daysSinceEpoch
            lines.append(StyledLine([Span(text: l.pick("Beslissen uiterlijk \(o.decisionDue.dutch) (Awb 7:10)", "Decide by \(o.decisionDue.dutch) (Awb 7:10)")
                                              + (left >= 0 ? l.pick(", nog \(left) \(left == 1 ? "dag" : "dagen")", ", \(left) \(left == 1 ? "day" : "days") left")
                                                 : l.pick(", \(-left) \(left == -1 ? "dag" : "dagen") over de termijn", ", \(-left) \(left == -1 ? "day" : "days") past the term")),
                                          role: left < 0 ? .overdue : .dim)]))
            if o.isLate {
                lines.append(StyledLine([Span(text: l.pick("Ontvangen na de bezwaartermijn (uiterlijk \(o.objectionDeadline.dutch)): niet-ontvankelijk, tenzij de termijn verschoonbaar is overschreden (Awb 6:11).",
                                                           "Received after the objection term (by \(o.objectionDeadline.dutch)): inadmissible unless the delay is excusable (Awb 6:11)."), role: .warning)]))
            }
            lines.append(StyledLine([Span(text: l.pick("Gronden: ", "Grounds: ") + o.grounds)]))
            let said = g.letterReasons.isEmpty ? (g.decisionComment ?? "") : g.letterReasons
            if !said.isEmpty { lines.append(StyledLine([Span(text: l.pick("Redenen van het besluit: ", "Reasons of the decision: ") + said, role: .dim)])) }
        }
        lines.append(StyledLine([Span(text: (g.form == .loan ? l.pick("Renteloze lening", "Interest-free loan") : l.pick("Gift", "Gift"))
                                          + " · " + l.pick("aan ", "to ") + g.payee.name + " · " + (IBAN(g.payee.iban)?.formatted ?? g.payee.iban)
                                          + (g.payee.reference.isEmpty ? "" : l.pick(" · kenmerk ", " · reference ") + g.payee.reference), role: .normal)]))
        // A loan's terms (art. 48), and the conditions it carries (art. 55), as the letter will say them.
        if g.form == .loan, let loan = g.loan {
            lines.append(StyledLine([Span(text: l.pick("Lening: \(g.amount.dutch), \(loan.monthlyInstalment.dutch) per maand, \(loan.months(for: g.amount)) maanden vanaf \(GrantRequestForm.monthText(loan.firstMonth))",
                                                       "Loan: \(g.amount.dutch), \(loan.monthlyInstalment.dutch) a month, \(loan.months(for: g.amount)) months from \(GrantRequestForm.monthText(loan.firstMonth))")
                                              + l.pick(" (laatste termijn \(loan.lastInstalment(for: g.amount).dutch))", " (last instalment \(loan.lastInstalment(for: g.amount).dutch))"))]))
        }
        for c in g.conditions {
            lines.append(StyledLine([Span(text: l.pick("Voorwaarde (art. 55): ", "Condition (art. 55): ") + c.text
                                              + (c.due.map { l.pick(", uiterlijk ", ", by ") + $0.dutch } ?? ""))]))
        }
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
        // The request itself is left out, as it was at submission: else its own amount would
        // count as draagkracht already used. The same figures as the line above, to compare.
        if let now = try? review.rules.overview(of: file, on: ctx.today, excludingGrant: g.id).get(), let t = now.normTest {
            let used = now.draagkracht.map { $0.usedBefore > .zero ? l.pick(" · al gebruikt ", " · used already ") + $0.usedBefore.dutch : "" } ?? ""
            lines.append(StyledLine([Span(text: l.pick("Nu: getoetst inkomen ", "Now: assessed income ") + t.assessedIncome.dutch
                                              + l.pick(", grens ", ", threshold ") + t.threshold.dutch
                                              + (now.draagkracht.map { l.pick(" · draagkracht ", " · draagkracht ") + $0.total.dutch } ?? "") + used, role: .dim)]))
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
        // Approving or rejecting: the letter's reasons below, in an editor of their own.
        var room = area
        if let decision = review.objectionDecision {
            let asks = ObjectionDecisionForm.asksNewDecision(decision.outcome, grant: g)
            let height = decision.outcome == nil ? 0 : max(3, area.height / 3)
            let split = area.splitBottom(height + 1 + (asks ? 1 : 0))
            room = split.rest
            buffer.put(decision.prompt(l, grant: g), x: split.bottom.x, y: split.bottom.y, width: split.bottom.width, role: .keyName)
            if height > 0 {
                let rect = Rect(x: split.bottom.x, y: split.bottom.y + 1, width: split.bottom.width, height: height)
                decision.reasons.render(into: &buffer, rect: rect, focused: !decision.onNewDecision,
                                        top: decision.reasons.scroll(width: rect.width, height: rect.height, from: 0))
            }
            if asks {
                let label = l.pick("Nieuw besluit (Tab): ", "New decision (Tab): ")
                let y = split.bottom.maxY - 1
                buffer.put(label, x: split.bottom.x, y: y, role: .keyName)
                decision.newDecision.render(into: &buffer, rect: Rect(x: split.bottom.x + DisplayWidth.of(label), y: y,
                                                                       width: split.bottom.width - DisplayWidth.of(label), height: 1),
                                            focused: decision.onNewDecision, error: nil)
            }
        }
        if let action = review.deciding, action != .return {
            let height = max(4, area.height / 3)
            let split = area.splitBottom(height + 1)
            room = split.rest
            let title = action == .approve
                ? l.pick("Redenen in de brief aan de bewoner (uit de aanvraag; pas aan, F2 keurt goed)",
                         "Reasons in the letter to the resident (from the request; edit, F2 approves)")
                : l.pick("Redenen van de afwijzing, voor de brief aan de bewoner (F2 wijst af)",
                         "Reasons of the rejection, for the letter to the resident (F2 rejects)")
            buffer.put(title, x: split.bottom.x, y: split.bottom.y, width: split.bottom.width, role: .keyName)
            let rect = Rect(x: split.bottom.x, y: split.bottom.y + 1, width: split.bottom.width, height: height)
            review.reasons.render(into: &buffer, rect: rect, focused: true,
                                  top: review.reasons.scroll(width: rect.width, height: rect.height, from: 0))
        }
        // Every line whole, and the whole request within reach: longer than the room, it
        // scrolls (↓ PgDn) like the other pages, saying how much is below. While deciding, the
        // last rows are the comment's.
        let reserve = review.deciding == nil && review.objectionDecision == nil ? 0 : 2
        page(lines, review: review, ctx: ctx, into: &buffer,
             area: Rect(x: room.x, y: room.y, width: room.width, height: max(1, room.height - reserve)))
        if review.deciding == .return {
            let label = l.pick("Toelichting bij het terugsturen: ", "Comment on the return: ")
            let y = area.maxY - 1
            buffer.put(label, x: area.x, y: y, role: .keyName)
            review.comment.render(into: &buffer, rect: Rect(x: area.x + DisplayWidth.of(label), y: y, width: area.width - DisplayWidth.of(label), height: 1),
                                  focused: true, error: nil)
        }
    }

    /// A read-only page, from its first line shown (↑ ↓ PgUp PgDn move it).
    private static func page(_ lines: [StyledLine], review: ReviewState, ctx: ScreenContext, into buffer: inout ScreenBuffer, area: Rect) {
        let wrapped = lines.flatMap { $0.wrapped(width: area.width, indent: 2) }
        let fits = wrapped.count <= area.height
        // Longer than the screen: the last row says how much more there is below.
        let rows = fits ? area.height : area.height - 1
        let top = min(review.pageTop, max(0, wrapped.count - rows))
        for (i, line) in wrapped.dropFirst(top).prefix(rows).enumerated() {
            line.render(into: &buffer, at: Point(x: area.x, y: area.y + i), maxWidth: area.width)
        }
        let below = wrapped.count - top - rows
        if !fits {
            let l = ctx.l
            buffer.put(below > 0 ? l.pick("↓ nog \(below) \(below == 1 ? "regel" : "regels") (↓ PgDn)", "↓ \(below) more \(below == 1 ? "line" : "lines") (↓ PgDn)")
                                 : l.pick("↑ einde (↑ PgUp)", "↑ end (↑ PgUp)"),
                       x: area.x, y: area.maxY - 1, width: area.width, role: .dim)
        }
    }

    /// The household's money as recorded, monthly, by section, with the totals of today.
    static func ledgerLines(_ file: CaseFile, _ ctx: ScreenContext) -> [StyledLine] {
        let l = ctx.l, f = file.finances
        var lines = [StyledLine([Span(text: l.pick("Financiën van ", "Finances of ") + file.household.name + l.pick(" — alleen lezen, 1 terug naar de aanvraag", " — read only, 1 back to the request"), role: .title)])]
        func section(_ title: String, _ rows: [(String, Money)]) {
            lines.append(StyledLine([]))
            lines.append(StyledLine([Span(text: title, role: .header)]))
            if rows.isEmpty { lines.append(StyledLine([Span(text: "  —", role: .dim)])) }
            for (label, amount) in rows {
                lines.append(StyledLine([Span(text: "  " + label + "  "), Span(text: amount.dutch, role: amount < .zero ? .amountNegative : .normal)]))
            }
        }
        let perMonth = l.pick(" per maand", " a month")
        section(l.pick("Inkomsten", "Income") + perMonth, f.income.map { ($0.label, $0.monthly) })
        section(l.pick("Uitgaven", "Expenses") + perMonth, f.expenses.map { ($0.label, $0.monthly) })
        section(l.pick("Schulden (openstaand)", "Debts (outstanding)"), f.debts.map { d in
            (d.creditor + " · " + d.status.name(in: l) + (d.arrears ? l.pick(" · achterstand", " · arrears") : "")
                + l.pick(" · aflossing ", " · paying ") + d.monthlyPayment.dutch, d.amount)
        })
        section(l.pick("Inhoudingen", "Deductions") + perMonth, f.deductions.map { ($0.label, $0.monthly) })
        section(l.pick("Vermogen", "Assets"), f.assets.map { ($0.label, $0.amount) })
        return lines
    }

    /// The last conversation, whole.
    static func conversationLines(_ file: CaseFile, _ ctx: ScreenContext) -> [StyledLine] {
        let l = ctx.l
        guard let c = file.conversations.max(by: { ($0.date?.daysSinceEpoch ?? 0) < ($1.date?.daysSinceEpoch ?? 0) }) else {
            return [StyledLine([Span(text: l.pick("Nog geen gesprekken — 1 terug naar de aanvraag", "No conversations yet — 1 back to the request"), role: .dim)])]
        }
        var lines = [StyledLine([Span(text: l.pick("Laatste gesprek ", "Last conversation ") + (c.date?.dutch ?? "") + " · " + c.author
                                           + l.pick(" — alleen lezen, 1 terug naar de aanvraag", " — read only, 1 back to the request"), role: .title)])]
        func block(_ title: String, _ text: String) {
            guard !text.isEmpty else { return }
            lines.append(StyledLine([]))
            lines.append(StyledLine([Span(text: title, role: .header)]))
            for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) { lines.append(StyledLine([Span(text: String(paragraph))])) }
        }
        if !c.present.isEmpty { lines.append(StyledLine([Span(text: l.pick("Aanwezig: ", "Present: ") + c.present.joined(separator: ", "), role: .dim)])) }
        block(l.pick("Hulpvraag", "Question"), c.question)
        for (domain, note) in c.domains { block(domain.name(in: l), note) }
        block(l.pick("Eigen kracht", "Own strength"), c.ownStrength)
        block(l.pick("Netwerk", "Network"), c.network)
        block(l.pick("Afspraken", "Agreements"), c.agreements.map { a in
            "– " + a.text + (a.owner.isEmpty ? "" : " (" + a.owner + ")") + (a.due.map { l.pick(" uiterlijk ", " by ") + $0.dutch } ?? "")
        }.joined(separator: "\n"))
        block(l.pick("Notities", "Notes"), c.notes)
        return lines
    }
}
