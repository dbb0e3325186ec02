import CaseStore
import Casework
import Terminal

/// Draws the outreach queue: the list, what the selected row holds (its signals, its attempts,
/// or who a signal nobody matched is about), and the choice being made.
enum SignalsView {
    static func render(_ s: SignalsState, ctx: ScreenContext, into buffer: inout ScreenBuffer, area: Rect) {
        let l = ctx.l
        // The choice being made takes the bottom; the selected row's details sit above it.
        let choiceHeight: Int
        switch s.mode {
        case .list: choiceHeight = 0
        case .attempt: choiceHeight = 2
        case .result: choiceHeight = min(SignalCaseResult.allCases.count + 1, max(4, area.height / 2))
        case .setAside: choiceHeight = SignalStatus.notPickedUp.count + 2
        }
        let details = detailLines(s, ctx: ctx).flatMap { $0.wrapped(width: area.width, indent: 2) }
        // The details under a rule (one row) above them.
        let detailHeight = details.isEmpty ? 0 : min(details.count + 1, max(0, area.height - choiceHeight - 5))
        let (top, bottom) = area.splitBottom(choiceHeight)
        let (listArea, detailArea) = top.splitBottom(detailHeight)
        let columns = [TableColumn(title: "", width: .fixed(1)),
                       TableColumn(title: l.pick("Zaak", "Case"), width: .fixed(12)),
                       TableColumn(title: l.pick("Huishouden", "Household"), width: .flexible(minimum: 10, weight: 2)),
                       TableColumn(title: l.pick("Van", "From"), width: .flexible(minimum: 6, weight: 1)),
                       TableColumn(title: l.pick("Bedrag", "Amount"), width: .fixed(12), alignment: .right),
                       TableColumn(title: l.pick("Binnen", "In"), width: .fixed(10)),
                       TableColumn(title: l.pick("Contact vóór", "Contact by"), width: .fixed(12)),
                       TableColumn(title: l.pick("Pog.", "Att."), width: .fixed(4), alignment: .right)]
        let items = s.items
        Table.render(into: &buffer, rect: listArea, columns: columns, state: ListState(selected: s.selected, offset: 0), rowCount: items.count,
                     focused: s.mode == .list,
                     emptyText: l.pick("Geen signalen die wachten. keukentafel signals import leest nieuwe in.",
                                       "No signals waiting. keukentafel signals import reads new ones.")) { i in
            let item = items[i]
            let due = item.contactDue(policy: s.policy)
            let late = item.isOverdue(policy: s.policy, today: ctx.today)
            let who: String
            switch item.kind {
            // Who to reach: the adults by name (the household's name when it has none).
            case .zaak(_, _, let name): who = item.members.isEmpty ? name : item.members.joined(separator: " & ")
            case .unmatched(_, let c): who = l.pick("niet gekoppeld", "not matched") + (c.postcode.map { " · " + $0 } ?? "")
            }
            let partners = Array(Set(item.signals.map(\.partner))).sorted { $0.rawValue < $1.rawValue }.map { $0.name(in: l) }.joined(separator: ", ")
            let amount = item.signals.map(\.amount).sum()
            return [Span(text: item.crisis ? "!" : "", role: .overdue), Span(text: item.id), Span(text: who, role: item.kindIsUnmatched ? .warning : .normal),
                    Span(text: partners, role: .dim), Span(text: amount.dutch), Span(text: item.received.dutch, role: .dim),
                    Span(text: due.dutch + (late ? " !" : ""), role: late ? .overdue : .normal), Span(text: "\(item.attempts.count)")]
        }
        if detailHeight > 0 { buffer.horizontalLine(x: detailArea.x, y: detailArea.y, width: detailArea.width) }
        for (i, line) in details.prefix(max(0, detailHeight - 1)).enumerated() {
            line.render(into: &buffer, at: Point(x: detailArea.x, y: detailArea.y + 1 + i), maxWidth: detailArea.width)
        }
        renderChoice(s, ctx: ctx, into: &buffer, area: bottom)
    }

    /// The selected row: its signals, and its attempts or its client.
    static func detailLines(_ s: SignalsState, ctx: ScreenContext) -> [StyledLine] {
        let l = ctx.l
        guard let item = s.selectedItem else { return [] }
        var lines: [StyledLine] = []
        for signal in item.signals {
            var text = "\(signal.id ?? "—") · \(signal.partner.name(in: l)) · \(signal.amount.dutch)"
            if let since = signal.since { text += l.pick(" · sinds ", " · since ") + since.dutch }
            if let received = signal.received { text += l.pick(" · binnen ", " · in ") + received.dutch }
            if signal.crisis { text += l.pick(" · CRISIS", " · CRISIS") }
            if signal.warmHandover { text += l.pick(" · warme overdracht", " · warm handover") }
            lines.append(StyledLine([Span(text: text, role: signal.crisis ? .warning : .normal)]))
        }
        switch item.kind {
        case .zaak(let z, _, let name):
            lines.append(StyledLine([Span(text: name + (item.members.isEmpty ? "" : ": " + item.members.joined(separator: ", ")), role: .title)]))
            if z.attempts.isEmpty { lines.append(StyledLine([Span(text: l.pick("Nog geen contactpoging: a legt er een vast.", "No contact attempt yet: a records one."), role: .dim)])) }
            for a in z.attempts {
                lines.append(StyledLine([Span(text: "\(a.date.dutch) \(a.partOfDay.name(in: l)) · \(a.kind.name(in: l)) · "
                                              + (a.reached ? l.pick("bereikt", "reached") : l.pick("niet bereikt", "not reached"))
                                              + (a.by.isEmpty ? "" : " (\(a.by))"), role: a.reached ? .success : .dim)]))
            }
        case .unmatched(_, let c):
            var parts: [String] = []
            if let bsn = c.bsn { parts.append("BSN " + bsn.masked) }
            if let postcode = c.postcode { parts.append(postcode + " " + (c.houseNumber ?? "") + (c.houseNumberSuffix.map { " " + $0 } ?? "")) }
            if let birth = c.birthDate { parts.append(l.pick("geboren ", "born ") + birth.dutch) }
            lines.append(StyledLine([Span(text: l.pick("Over: ", "About: ") + parts.joined(separator: " · ")
                                              + l.pick(" — bij geen open huishouden gevonden; n begint de intake.", " — found with no open household; n starts the intake."),
                                          role: .warning)]))
        }
        return lines
    }

    private static func renderChoice(_ s: SignalsState, ctx: ScreenContext, into buffer: inout ScreenBuffer, area: Rect) {
        let l = ctx.l
        switch s.mode {
        case .list:
            return
        case .attempt(let kind):
            let text = kind.map { l.pick("\($0.name(in: l)) — bereikt? j ja · n nee", "\($0.name(in: l)) — reached? j yes · n no") }
                ?? (l.pick("Contactpoging: ", "Contact attempt: ")
                    + SignalsState.kindKeys.map { "\($0.0) \($0.1.name(in: l))" }.joined(separator: " · "))
            for (i, line) in Chrome.paragraph(text, width: area.width, maxLines: area.height, ascii: buffer.ascii).enumerated() {
                buffer.put(line, x: area.x, y: area.y + i, width: area.width, role: .keyName)
            }
        case .result(let index):
            buffer.put(l.pick("Resultaat van de zaak (↑↓, Enter):", "Result of the case (↑↓, Enter):"), x: area.x, y: area.y, width: area.width, role: .keyName)
            let rows = area.height - 1
            let first = max(0, min(index - rows / 2, SignalCaseResult.allCases.count - rows))
            for (i, result) in SignalCaseResult.allCases.enumerated().dropFirst(first).prefix(rows) {
                buffer.put((i == index ? "› " : "  ") + result.name(in: l), x: area.x, y: area.y + 1 + i - first, width: area.width,
                           role: i == index ? .selection : .normal)
            }
        case .setAside(let index, let reason):
            buffer.put(l.pick("Niet oppakken, omdat (↑↓, Enter):", "Not picked up, because (↑↓, Enter):"), x: area.x, y: area.y, width: area.width, role: .keyName)
            for (i, status) in SignalStatus.notPickedUp.enumerated() {
                buffer.put((i == index ? "› " : "  ") + status.name(in: l), x: area.x, y: area.y + 1 + i, width: area.width,
                           role: i == index ? .selection : .normal)
            }
            let label = l.pick("Toelichting: ", "Note: ")
            let y = area.y + 1 + SignalStatus.notPickedUp.count
            buffer.put(label, x: area.x, y: y, role: .keyName)
            reason.render(into: &buffer, rect: Rect(x: area.x + DisplayWidth.of(label), y: y, width: area.width - DisplayWidth.of(label), height: 1),
                          focused: true, error: nil)
        }
    }
}

extension SignalQueueItem {
    var kindIsUnmatched: Bool { if case .unmatched = kind { true } else { false } }
}
