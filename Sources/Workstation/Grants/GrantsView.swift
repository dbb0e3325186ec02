import CaseStore
import Casework
import Terminal

/// Draws tab 4: the list of requests, or the request form with the household's figures.
enum GrantsView {
    static func render(_ household: HouseholdState, ctx: ScreenContext, into buffer: inout ScreenBuffer, area: Rect) {
        guard let grants = household.grants else { return }
        defer {
            if grants.confirmingSubmit { confirmSubmit(grants, household: household, ctx: ctx, into: &buffer, area: area) }
            if let pay = grants.confirmingPay { confirmPay(pay, household: household, ctx: ctx, into: &buffer, area: area) }
            if let withdraw = grants.confirmingWithdraw {
                let l = ctx.l, g = withdraw.grant
                Dialog(title: l.pick("Aanvraag intrekken", "Withdraw the request"),
                       message: l.pick("\(withdraw.id), \(g.category.name(in: l)) \(g.amount.dutch), intrekken? Hij blijft in het dossier als ingetrokken en kan niet meer worden ingediend.",
                                       "Withdraw \(withdraw.id), \(g.category.name(in: l)) \(g.amount.dutch)? It stays on record as withdrawn and can no longer be submitted."),
                       buttons: household.dialogButtons(ctx)).render(into: &buffer, bounds: area)
            }
        }
        if let form = grants.form {
            renderForm(form, household: household, ctx: ctx, into: &buffer, area: area)
            return
        }
        let l = ctx.l
        let columns = [
            TableColumn(title: l.pick("Aanvraag", "Request"), width: .fixed(10)),
            TableColumn(title: l.pick("Status", "Status"), width: .fixed(13)),
            TableColumn(title: l.pick("Route", "Route"), width: .fixed(9)),
            TableColumn(title: l.pick("Soort", "Category"), width: .flexible(minimum: 10, weight: 1)),
            TableColumn(title: l.pick("Bedrag", "Amount"), width: .fixed(12), alignment: .right),
            TableColumn(title: l.pick("Besloten", "Decided"), width: .fixed(10)),
        ]
        let list = grants.list
        // Below the list, about the selected request: the reviewer's comment on a returned one
        // (also while it is mended), a loan's terms, its conditions and an objection.
        var notes: [(String, StyleRole)] = []
        if let g = grants.selectedGrant?.grant {
            if [.returned, .draft].contains(g.status), let comment = g.decisionComment, !comment.isEmpty {
                notes += Chrome.paragraph(Self.returnedLine(g, l) + comment, width: area.width - 2, maxLines: 4, ascii: buffer.ascii).map { ($0, .warning) }
            }
            if g.form == .loan, let loan = g.loan {
                notes.append((l.pick("Lening: \(loan.monthlyInstalment.dutch) per maand, \(loan.months(for: g.amount)) maanden vanaf \(GrantRequestForm.monthText(loan.firstMonth))",
                                     "Loan: \(loan.monthlyInstalment.dutch) a month, \(loan.months(for: g.amount)) months from \(GrantRequestForm.monthText(loan.firstMonth))"), .dim))
            }
            for c in g.conditions {
                let overdue = [.approved, .paid].contains(g.status) && c.due.map { $0 < ctx.today } == true && !c.done
                notes.append((l.pick("Voorwaarde: ", "Condition: ") + c.text + (c.due.map { l.pick(", uiterlijk ", ", by ") + $0.dutch } ?? "")
                              + (overdue ? l.pick(" — verlopen", " — overdue") : ""), overdue ? .overdue : .dim))
            }
            if let o = g.objections.last {
                notes.append((o.outcome.map { l.pick("Bezwaar van \(o.received.dutch): \($0.name(in: l))", "Objection of \(o.received.dutch): \($0.name(in: l))") }
                              ?? l.pick("Bezwaar ontvangen \(o.received.dutch): beslissen uiterlijk \(o.decisionDue.dutch)",
                                        "Objection received \(o.received.dutch): decide by \(o.decisionDue.dutch)"),
                              o.isOpen ? .warning : .dim))
            }
        }
        notes = Array(notes.prefix(max(0, area.height / 3)))
        let withComment = notes.isEmpty ? area : area.splitBottom(notes.count).rest
        for (i, note) in notes.enumerated() {
            buffer.put(note.0, x: area.x + 1, y: area.maxY - notes.count + i, width: area.width - 2, role: note.1)
        }
        let tableArea = grants.evaluation == nil && grants.objection == nil ? withComment : withComment.splitBottom(1).rest
        if let objection = grants.objection { objection.form.render(into: &buffer, area: withComment, l) }
        Table.render(into: &buffer, rect: tableArea.inset(horizontal: 1), columns: columns,
                     state: ListState(selected: grants.selected, offset: 0), rowCount: list.count, focused: true,
                     emptyText: l.pick("Nog geen aanvragen. a begint er een.", "No requests yet. a starts one.")) { i in
            let g = list[i].grant
            let late = GrantWorkflow.isPaymentLate(g, now: PracticeReport.endOfDay(ctx.today)) && g.status == .approved
            return [Span(text: list[i].id), Span(text: g.status.name(in: l) + (late ? " !" : ""), role: late ? .overdue : .normal),
                    Span(text: g.route.name(in: l), role: .dim), Span(text: g.category.name(in: l)),
                    Span(text: g.amount.dutch), Span(text: g.decidedAt?.localDate.dutch ?? "—", role: .dim)]
        }
        if let evaluation = grants.evaluation {
            let prompt = evaluation.prompt(l)
            let y = withComment.maxY - 1
            buffer.put(" " + prompt, x: area.x, y: y, width: area.width, role: .keyName)
            if evaluation.shortTerm != nil && evaluation.societalCost != nil {
                let x = area.x + 1 + DisplayWidth.of(prompt)
                evaluation.participation.render(into: &buffer, rect: Rect(x: x, y: y, width: area.maxX - x - 1, height: 1), focused: true, error: nil)
            }
        }
    }

    /// "Teruggestuurd door j.bakker op 22-11-2026: ".
    static func returnedLine(_ g: Grant, _ l: Language) -> String {
        l.pick("Teruggestuurd door \(g.decidedBy ?? "?")\(g.decidedAt.map { " op " + $0.localDate.dutch } ?? ""): ",
               "Returned by \(g.decidedBy ?? "?")\(g.decidedAt.map { " on " + $0.localDate.dutch } ?? ""): ")
    }

    /// The question before a grant is marked paid by hand: whether a payment file holds it.
    private static func confirmPay(_ pay: (grant: StoredGrant, batch: String?), household: HouseholdState, ctx: ScreenContext,
                                   into buffer: inout ScreenBuffer, area: Rect) {
        let l = ctx.l, g = pay.grant.grant
        let why = pay.batch.map { l.pick("Hij staat in betaalbestand \($0) en wordt daarmee betaald.",
                                         "It is in payment file \($0) and is paid by it.") }
            ?? l.pick("Hij staat in geen betaalbestand: zet hem alleen op betaald als de gemeente hem buiten Keukentafel betaalde, want hij komt daarna in geen betaalbestand meer.",
                      "It is in no payment file: mark it paid only if the municipality paid it outside Keukentafel, because it will then go into no payment file.")
        Dialog(title: l.pick("Op betaald zetten", "Mark paid"),
               message: l.pick("\(pay.grant.id), \(g.amount.dutch) aan \(g.payee.name). ", "\(pay.grant.id), \(g.amount.dutch) to \(g.payee.name). ") + why,
               buttons: household.dialogButtons(ctx)).render(into: &buffer, bounds: area)
    }

    /// The question before a request goes in: what, how much, to whom.
    private static func confirmSubmit(_ grants: GrantsState, household: HouseholdState, ctx: ScreenContext,
                                      into buffer: inout ScreenBuffer, area: Rect) {
        let l = ctx.l
        let grant = grants.form.flatMap { try? $0.grant(l).get() } ?? grants.selectedGrant?.grant
        guard let grant else { return }
        let payee = grant.payee.name.isEmpty ? "" : l.pick(" aan \(grant.payee.name)", " to \(grant.payee.name)")
        Dialog(title: l.pick("Aanvraag indienen", "Submit the request"),
               message: l.pick("\(grant.route.name(in: l).capitalized) \(grant.category.name(in: l)), \(grant.amount.dutch)\(payee), indienen? De regels toetsen hem; daarna wijzigt u hem niet meer.",
                               "Submit \(grant.route.name(in: l)) \(grant.category.name(in: l)), \(grant.amount.dutch)\(payee)? The rules check it; after that it cannot be changed."),
               buttons: household.dialogButtons(ctx)).render(into: &buffer, bounds: area)
    }

    private static func renderForm(_ form: GrantRequestForm, household: HouseholdState, ctx: ScreenContext,
                                   into buffer: inout ScreenBuffer, area: Rect) {
        let l = ctx.l
        let panelWidth = area.width >= 110 ? 40 : 0
        let (main, panel) = area.splitLeft(area.width - panelWidth)
        let labelWidth = 15
        var y = main.y
        for (i, field) in GrantRequestForm.Field.allCases.enumerated() where !field.isEditor && form.isShown(field) {
            let focused = i == form.focus
            buffer.put(" " + GrantRequestForm.name(field, l), x: main.x, y: y, width: labelWidth, role: focused ? .keyName : .normal)
            let rect = Rect(x: main.x + labelWidth + 1, y: y, width: min(40, main.width - labelWidth - 2), height: 1)
            if field.isChoice {
                buffer.put("‹ " + form.value(field, l) + " ›", x: rect.x, y: y, width: rect.width, role: focused ? .fieldActive : .field)
            } else {
                let problem = form.problem(field, l)
                (form.texts[field] ?? TextField()).render(into: &buffer, rect: rect, focused: focused, error: problem)
                // A mistake is marked in the field ("!"); its sentence is below the fields.
                if problem == nil, field == .amount, let amount = form.amount {
                    // As it was read: 1.850 is € 1.850,00.
                    buffer.put(amount.dutch, x: rect.maxX + 1, y: y, width: main.maxX - rect.maxX - 2, role: .dim)
                }
                if problem == nil, field == .loanInstalment, let amount = form.amount,
                   let instalment = try? AmountParser.parseTyped(form.text(.loanInstalment)).get() {
                    // What the instalment means: how many months, and the last one.
                    let months = LoanTerms.months(amount, instalment: instalment)
                    buffer.put(l.pick("\(months) mnd, laatste ", "\(months) mo, last ") + LoanTerms.lastInstalment(amount, instalment: instalment).dutch,
                               x: rect.maxX + 1, y: y, width: main.maxX - rect.maxX - 2, role: .dim)
                }
            }
            y += 1
        }
        // A returned request: the reviewer's comment stays in view while it is mended.
        if let g = form.stored?.grant, [.returned, .draft].contains(g.status), let comment = g.decisionComment, !comment.isEmpty {
            for line in Chrome.paragraph(Self.returnedLine(g, l) + comment, width: main.width - 2, maxLines: 3, ascii: buffer.ascii) {
                buffer.put(line, x: main.x + 1, y: y, width: main.width - 2, role: .warning)
                y += 1
            }
        }
        // What is wrong with the field being typed, in words, whole.
        if let problem = form.problem(form.field, l) {
            for line in Chrome.paragraph(problem, width: main.width - 2, maxLines: 3, ascii: buffer.ascii) {
                buffer.put(line, x: main.x + 1, y: y, width: main.width - 2, role: .error)
                y += 1
            }
        }
        // The motivation, with its length rule, and the business case.
        let overview = household.figures(ctx, excludingGrant: form.grantID)
        let above = overview?.normTest.map { !$0.withinNorm } ?? true
        let length = form.motivation.text.trimmingCharacters(in: .whitespacesAndNewlines).count
        let rule = form.route == .custom && above
            ? l.pick("boven de norm: minstens 80 tekens (nu \(length))", "above the norm: at least 80 characters (now \(length))")
            : l.pick("\(length) tekens", "\(length) characters")
        // The four texts below the fields: the one being typed gets the room; the others
        // show their first line beside their title.
        let editors: [(GrantRequestForm.Field, TextEditor)] = [(.motivation, form.motivation), (.letterText, form.letterText),
                                                               (.conditions, form.conditions), (.businessCase, form.businessCase)]
        let focusedEditor = editors.first { GrantRequestForm.Field.allCases.firstIndex(of: $0.0) == form.focus }?.0
        // Without a text being typed, the motivation and the business case share the room
        // (two thirds and one third); the letter's text and the conditions take a line each.
        let expanded: [GrantRequestForm.Field] = focusedEditor.map { [$0] } ?? [.motivation, .businessCase]
        let room = max(expanded.count, main.maxY - y - editors.count)
        let heights: [GrantRequestForm.Field: Int] = expanded.count == 1 ? [expanded[0]: room]
            : [.motivation: max(1, room * 2 / 3), .businessCase: max(1, room - max(1, room * 2 / 3))]
        var top = y
        for (field, editor) in editors {
            let focused = field == focusedEditor
            var title = " " + GrantRequestForm.name(field, l)
            if field == .motivation { title += " — " + rule }
            if field == .businessCase, let amount = form.amount, case .success(let g) = form.grant(l) {
                let without = g.businessCase.costsWithout
                title += l.pick(" — samen \(without.dutch), verschil met de aanvraag \(g.businessCase.netAvoided(grant: amount).dutch)",
                                " — together \(without.dutch), difference with the request \(g.businessCase.netAvoided(grant: amount).dutch)")
            }
            guard let height = heights[field] else {
                // One line: the title, and the text's first line after it.
                let first = editor.text.split(separator: "\n").first.map(String.init) ?? ""
                buffer.put(title + (first.isEmpty ? "" : ": " + first), x: main.x, y: top, width: main.width, role: .header)
                top += 1
                continue
            }
            buffer.put(title, x: main.x, y: top, width: main.width, role: focused ? .keyName : .header)
            let rect = Rect(x: main.x + 1, y: top + 1, width: main.width - 2, height: height)
            editor.render(into: &buffer, rect: rect, focused: focused, top: editor.scroll(width: rect.width, height: rect.height, from: 0))
            top += 1 + height
        }
        // The figures beside it (below 110 columns they are on tab 2 and in the status after submit).
        guard panelWidth > 0, let overview else { return }
        var py = panel.y
        func put(_ text: String, _ role: StyleRole = .normal) {
            buffer.put(text, x: panel.x + 2, y: py, width: panel.width - 3, role: role); py += 1
        }
        for y in panel.y..<panel.maxY { buffer.put("│", x: panel.x, y: y, role: .border) }
        put(l.pick("Nu voor dit huishouden", "Now for this household"), .header)
        if let t = overview.normTest {
            put(l.pick("Grens ", "Threshold ") + t.threshold.dutch)
            put(l.pick("Getoetst inkomen ", "Assessed income ") + t.assessedIncome.dutch)
            put(t.withinNorm ? l.pick("binnen de norm", "within the norm") : l.pick("BOVEN de norm", "ABOVE the norm"), t.withinNorm ? .success : .warning)
        } else {
            put(l.pick("geen norm van toepassing", "no norm applies"), .warning)
        }
        if let d = overview.draagkracht {
            put(l.pick("Draagkracht \(d.periodMonths) mnd ", "Draagkracht \(d.periodMonths) mo ") + d.total.dutch)
            if d.usedBefore > .zero {
                // One draagkrachtperiode per household: what earlier requests took is not counted again.
                put(l.pick("Al gebruikt ", "Used already ") + d.usedBefore.dutch, .dim)
                put(l.pick("Nog over ", "Left ") + d.remaining.dutch)
            }
            if d.suspended != nil { put(l.pick("geen draagkracht: schuldregeling", "none: debt arrangement"), .dim) }
            if let amount = form.amount { put(l.pick("Te vergoeden ", "Grantable ") + d.grantable(cost: amount).dutch, .title) }
        }
        put(l.pick("Mandaat tot ", "Mandate up to ") + overview.policy.mandateLimit.dutch, .dim)
    }

}
