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
        case .attempt: choiceHeight = 3
        case .result: choiceHeight = min(SignalCaseResult.allCases.count + 2, max(5, area.height / 2))
        case .setAside: choiceHeight = SignalStatus.notPickedUp.count + 3
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
            let partners = Array(Set(item.activeSignals.map(\.partner))).sorted { $0.rawValue < $1.rawValue }.map { $0.name(in: l) }.joined(separator: ", ")
            let amount = item.activeSignals.map(\.amount).sum()
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
            if SignalStatus.notPickedUp.contains(signal.status) {
                text += " · " + signal.status.name(in: l) + (signal.reason.isEmpty ? "" : " (\(signal.reason))")
            }
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
        case .attempt(let kind, let reached, let date, let part):
            let text: String
            if let kind, let reached {
                text = kind.name(in: l) + ", " + (reached ? l.pick("bereikt", "reached") : l.pick("niet bereikt", "not reached"))
                    + l.pick(" — Enter legt vast; ↑↓ dagdeel", " — Enter records; ↑↓ part of the day")
            } else if let kind {
                text = l.pick("\(kind.name(in: l)) — bereikt? j ja · n nee", "\(kind.name(in: l)) — reached? j yes · n no")
            } else {
                text = l.pick("Contactpoging: ", "Contact attempt: ") + SignalsState.kindKeys.map { "\($0.0) \($0.1.name(in: l))" }.joined(separator: " · ")
            }
            let lines = Chrome.paragraph(text, width: area.width, maxLines: max(1, area.height - 1), ascii: buffer.ascii)
            for (i, line) in lines.enumerated() {
                buffer.put(line, x: area.x, y: area.y + i, width: area.width, role: .keyName)
            }
            // The day and the part of the day, as they will be recorded.
            let y = area.y + lines.count
            guard y < area.y + area.height else { return }
            let label = l.pick("Datum: ", "Date: ")
            buffer.put(label, x: area.x, y: y, role: .keyName)
            let x = area.x + DisplayWidth.of(label)
            date.render(into: &buffer, rect: Rect(x: x, y: y, width: min(11, max(0, area.width - DisplayWidth.of(label))), height: 1),
                        focused: kind != nil && reached != nil, error: nil)
            buffer.put("  " + l.pick("Dagdeel: ", "Part of day: ") + part.name(in: l), x: x + 11, y: y, width: max(0, area.x + area.width - x - 11), role: .normal)
        case .result(let index, let reason):
            buffer.put(l.pick("Resultaat van de zaak (↑↓, Enter):", "Result of the case (↑↓, Enter):"), x: area.x, y: area.y, width: area.width, role: .keyName)
            let rows = area.height - 2
            let first = max(0, min(index - rows / 2, SignalCaseResult.allCases.count - rows))
            for (i, result) in SignalCaseResult.allCases.enumerated().dropFirst(first).prefix(rows) {
                buffer.put((i == index ? "› " : "  ") + result.name(in: l), x: area.x, y: area.y + 1 + i - first, width: area.width,
                           role: i == index ? .selection : .normal)
            }
            // Not picked up: why, in words (required for "another reason").
            if SignalCaseResult.allCases[index].isNotPickedUp {
                renderReason(reason, label: l.pick("Reden: ", "Reason: "), into: &buffer, x: area.x, y: area.y + area.height - 1, width: area.width)
            }
        case .setAside(let signal, let index, let reason):
            let waiting = s.waitingSignals
            let which = waiting.indices.contains(signal) ? (waiting[signal].id ?? "") : ""
            buffer.put(l.pick("Niet oppakken: \(which)", "Set aside: \(which)") + (waiting.count > 1 ? l.pick(" (←→ ander signaal)", " (←→ other signal)") : "")
                       + l.pick(", omdat (↑↓, Enter):", ", because (↑↓, Enter):"), x: area.x, y: area.y, width: area.width, role: .keyName)
            for (i, status) in SignalStatus.notPickedUp.enumerated() {
                buffer.put((i == index ? "› " : "  ") + status.name(in: l), x: area.x, y: area.y + 1 + i, width: area.width,
                           role: i == index ? .selection : .normal)
            }
            renderReason(reason, label: l.pick("Toelichting: ", "Note: "), into: &buffer, x: area.x, y: area.y + 1 + SignalStatus.notPickedUp.count, width: area.width)
        }
    }

    private static func renderReason(_ reason: TextField, label: String, into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int) {
        buffer.put(label, x: x, y: y, role: .keyName)
        reason.render(into: &buffer, rect: Rect(x: x + DisplayWidth.of(label), y: y, width: max(0, width - DisplayWidth.of(label)), height: 1),
                      focused: true, error: nil)
    }
}

extension SignalQueueItem {
    var kindIsUnmatched: Bool { if case .unmatched = kind { true } else { false } }
}
