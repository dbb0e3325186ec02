import CaseStore
import Casework
import Terminal

/// The line form as a box over the ledger: one row per field, the mistake in words next to
/// the field as it is typed, and the monthly equivalent once the amount is right.
enum LedgerFormView {
    static func render(_ form: LineForm, ctx: ScreenContext, into buffer: inout ScreenBuffer, bounds: Rect) {
        let l = ctx.l
        // What is wrong with the field being typed, in words, whole, below the fields.
        let innerWidth = min(bounds.width - 4, 76) - 4
        let problem = form.fields.indices.contains(form.focus) ? form.fieldError(form.fields[form.focus], l) : nil
        let problemLines = problem.map { Chrome.paragraph($0, width: innerWidth, maxLines: 3, ascii: buffer.ascii) } ?? []
        let height = form.fields.count + 3 + (form.conflict == nil ? 0 : LedgerConflictView.rows + 1)
            + (problemLines.isEmpty ? 0 : problemLines.count + 1)
        let box = Rect(x: bounds.x + 2, y: bounds.maxY - height, width: min(bounds.width - 4, 76), height: height)
        buffer.fill(box, role: .dialog)
        let title: String = switch form.mode {
        case .add: l.pick("Nieuwe regel — ", "New line — ") + form.section.name(in: l)
        case .edit: l.pick("Regel wijzigen — ", "Edit line — ") + form.section.name(in: l)
        }
        buffer.box(box, title: title)
        let labelWidth = 14
        let fieldX = box.x + 2 + labelWidth
        let fieldWidth = 26
        for (i, field) in form.fields.enumerated() {
            let y = box.y + 1 + i
            let focused = i == form.focus
            buffer.put(name(field, form.section, l), x: box.x + 2, y: y, width: labelWidth, role: focused ? .keyName : .dialog)
            switch field {
            case .label, .amount, .payment:
                let text = field == .label ? form.label : field == .amount ? form.amount : form.payment
                let error = field == .label ? form.labelError(l) : form.amountError(field, l)
                text.render(into: &buffer, rect: Rect(x: fieldX, y: y, width: fieldWidth, height: 1), focused: focused, error: error)
                let noteX = fieldX + fieldWidth + 2
                // A mistake is marked in the field ("!"); its sentence is below the fields.
                if error == nil, let theirs = LedgerConflictView.note(field, form: form, l: l) {
                    buffer.put(theirs, x: noteX, y: y, width: box.maxX - 1 - noteX, role: .warning)
                } else if error == nil, case .success(let m) = AmountParser.parseTyped(text.text), field != .label {
                    // The amount as it was read (1.850 is € 1.850,00), so there is no doubt,
                    // and what it comes to per month.
                    buffer.put(readBack(m, field: field, form: form, l), x: noteX, y: y, width: box.maxX - 1 - noteX, role: .dim)
                }
            default:
                let options = form.choices(field, l)
                let chosen = options[form.choiceIndex(field)]
                let shown = "‹ " + chosen + " ›"
                buffer.put(shown, x: fieldX, y: y, width: fieldWidth, role: focused ? .fieldActive : .field)
                if let theirs = LedgerConflictView.note(field, form: form, l: l) {
                    buffer.put(theirs, x: fieldX + fieldWidth + 2, y: y, width: box.maxX - 3 - fieldX - fieldWidth, role: .warning)
                } else if focused {
                    let others = options.filter { $0 != chosen }.map { String($0.prefix(1)) }
                    let hint = l.pick("letter kiest: ", "a letter picks: ") + Array(Set(others + [String(chosen.prefix(1))])).sorted().joined()
                    buffer.put(hint, x: fieldX + fieldWidth + 2, y: y, width: box.maxX - 3 - fieldX - fieldWidth, role: .dim)
                }
            }
        }
        // What the keys do is in the key bar, from the same table as the help.
        var y = box.y + 2 + form.fields.count
        for line in problemLines {
            buffer.put(line, x: box.x + 2, y: y, width: innerWidth, role: .error)
            y += 1
        }
        if !problemLines.isEmpty { y += 1 }
        if let conflict = form.conflict {
            LedgerConflictView.render(conflict, ctx: ctx, into: &buffer, box: box, y: y)
        }
    }

    /// `€ 1.850,00 per maand`, or `€ 342,24 → € 114,08 p/m` for another frequency; a debt's
    /// amount owed and its monthly payment as they are.
    static func readBack(_ amount: Money, field: LineForm.Field, form: LineForm, _ l: Language) -> String {
        if form.section == .debt { return field == .payment ? amount.dutch + l.pick(" per maand", " per month") : amount.dutch }
        if form.frequency == .month { return amount.dutch + l.pick(" per maand", " per month") }
        return amount.dutch + " → " + form.frequency.monthly(amount).dutch + l.pick(" p/m", " p/m")
    }

    static func name(_ field: LineForm.Field, _ section: LedgerSection, _ l: Language) -> String {
        switch field {
        case .label: section == .debt ? l.pick("Schuldeiser", "Creditor") : l.pick("Omschrijving", "Description")
        case .amount: section == .debt ? l.pick("Schuld", "Amount owed") : l.pick("Bedrag", "Amount")
        case .payment: l.pick("Aflossing p/m", "Paid monthly")
        case .frequency: l.pick("Per", "Per")
        case .kind: l.pick("Soort", "Kind")
        case .category: l.pick("Categorie", "Category")
        case .status: l.pick("Status", "Status")
        case .arrears: l.pick("Achterstand", "Arrears")
        }
    }
}
