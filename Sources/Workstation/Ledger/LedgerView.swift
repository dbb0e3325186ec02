import CaseStore
import Casework
import Terminal

/// Draws tab 2: the four sections with their lines and monthly totals, and the panels that
/// are always in view — the bottom line, the norm test, draagkracht and the warnings.
/// Side by side from 110 columns, stacked below that.
enum LedgerView {
    static func render(_ household: HouseholdState, ctx: ScreenContext, into buffer: inout ScreenBuffer, area: Rect) {
        guard let ledger = household.ledger else { return }
        let overview = LedgerScreen.overview(household, ctx: ctx)
        let wide = area.width >= 110
        let panels = LedgerPanels.lines(overview, ctx: ctx, width: wide ? 44 : area.width - 2, compact: !wide)
        let listArea: Rect
        if wide {
            let (left, right) = area.splitLeft(area.width - 46)
            listArea = left.inset(horizontal: 1)
            for (i, line) in panels.prefix(right.height).enumerated() {
                buffer.put("│", x: right.x, y: right.y + i, role: .border)
                line.render(into: &buffer, at: Point(x: right.x + 2, y: right.y + i), maxWidth: right.width - 2)
            }
            for y in (right.y + panels.count)..<right.maxY { buffer.put("│", x: right.x, y: y, role: .border) }
        } else {
            let (top, bottom) = area.splitBottom(panels.count + 1)
            listArea = top.inset(horizontal: 1)
            buffer.horizontalLine(x: bottom.x, y: bottom.y, width: bottom.width)
            for (i, line) in panels.enumerated() {
                line.render(into: &buffer, at: Point(x: bottom.x + 1, y: bottom.y + 1 + i), maxWidth: bottom.width - 2)
            }
        }
        renderSections(ledger, overview: overview, ctx: ctx, into: &buffer, area: listArea)

        if let form = ledger.form {
            LedgerFormView.render(form, ctx: ctx, into: &buffer, bounds: area)
        } else if let line = ledger.confirmDelete {
            let l = ctx.l
            Dialog(title: l.pick("Regel wissen", "Delete line"),
                   message: l.pick("\"\(line.entry.label)\" (\(line.entry.amount.dutch)) wissen? Met u zet u hem terug.",
                                   "Delete \"\(line.entry.label)\" (\(line.entry.amount.dutch))? u brings it back."),
                   buttons: household.dialogButtons(ctx)).render(into: &buffer, bounds: area)
        } else if let section = ledger.explaining, let overview {
            let l = ctx.l
            HelpOverlay.render(into: &buffer, bounds: area,
                               title: l.pick("Uitleg — ", "Explained — ") + section.name(in: l),
                               sections: LedgerExplanation.sections(section, ledger: ledger, overview: overview, ctx: ctx),
                               scroll: 0, footer: l.pick("Esc sluiten", "Esc close"))
        }
    }

    /// The column widths of a line: label, amount, frequency, kind, monthly.
    static func columns(_ width: Int) -> [TableColumn] {
        [TableColumn(title: "", width: .flexible(minimum: 12, weight: 1)),
         TableColumn(title: "", width: .fixed(12), alignment: .right),
         TableColumn(title: "", width: .fixed(10)),
         TableColumn(title: "", width: .fixed(width >= 90 ? 22 : 15)),
         TableColumn(title: "", width: .fixed(12), alignment: .right)]
    }

    private static func renderSections(_ ledger: LedgerState, overview: FinancialOverview?, ctx: ScreenContext,
                                       into buffer: inout ScreenBuffer, area: Rect) {
        let l = ctx.l
        let widths = Table.layout(columns(area.width - 2), width: area.width - 2)
        var rows: [(line: StyledLine, selected: Bool)] = []
        var selectedRow = 0
        for section in LedgerSection.allCases {
            let focused = section == ledger.section
            let total: Money? = overview.map {
                switch section {
                case .income: $0.totals.income
                case .expense: $0.totals.expenses
                case .debt: $0.totals.debtPayments
                case .deduction: $0.totals.deductions
                case .asset: $0.draagkracht?.assets ?? ledger.lines(in: .asset).map(\.entry.amount).sum()
                }
            }
            let head = (focused ? "▸ " : "  ") + section.name(in: l)
            // Vermogen is a value on the day, not a monthly flow.
            let totalText = total.map { (section == .asset ? l.pick("samen ", "together ") : l.pick("per maand ", "per month ")) + $0.dutch } ?? ""
            let pad = max(1, area.width - DisplayWidth.of(head) - DisplayWidth.of(totalText))
            rows.append((StyledLine([Span(text: head, role: focused ? .title : .header),
                                     Span(text: String(repeating: " ", count: pad) + totalText, role: .header)]), false))
            let lines = ledger.lines(in: section)
            if lines.isEmpty {
                rows.append((StyledLine([Span(text: l.pick("    geen regels — a voegt er een toe", "    no lines — a adds one"),
                                              role: .dim)]), false))
            }
            for (i, stored) in lines.enumerated() {
                let entry = stored.entry
                let isSelected = focused && i == min(ledger.selected[section] ?? 0, lines.count - 1)
                if isSelected { selectedRow = rows.count }
                let cells = [entry.label, entry.amount.dutch, entry.frequencyText(in: l), entry.kindText(in: l), section == .asset ? "" : entry.monthly.dutch]
                var spans = [Span(text: isSelected ? "› " : "  ", role: .normal)]
                for (c, (text, width)) in zip(cells, widths).enumerated() where width > 0 {
                    let fitted = DisplayWidth.fit(text, to: width, alignRight: c == 1 || c == 4, ascii: buffer.ascii)
                    spans.append(Span(text: fitted + " ", role: c == 2 || c == 3 ? .dim : .normal))
                }
                rows.append((StyledLine(spans), isSelected))
            }
        }
        // Keep the selected line in view.
        let top = selectedRow < area.height - 1 ? 0 : selectedRow - area.height + 2
        for (i, row) in rows.dropFirst(top).prefix(area.height).enumerated() {
            row.line.render(into: &buffer, at: Point(x: area.x, y: area.y + i), maxWidth: area.width)
            if row.selected && ledger.form == nil { buffer.paint(Rect(x: area.x, y: area.y + i, width: area.width, height: 1), role: .selection) }
        }
        if rows.count > area.height {
            let mark = "\(top + 1)–\(min(rows.count, top + area.height))/\(rows.count)"
            buffer.put(mark, x: area.maxX - DisplayWidth.of(mark), y: area.y - 1, role: .dim)
        }
    }


}
