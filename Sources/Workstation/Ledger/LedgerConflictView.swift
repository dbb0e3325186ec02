import CaseStore
import Casework
import Terminal

/// A ledger line saved by someone else while it was being edited here. The form keeps what
/// was typed; beside each field that differs it shows their value, and below the fields who
/// saved it, when, and their whole line. Enter then saves the typed line over theirs (on
/// purpose, and the audit trail says so); Esc keeps theirs.
enum LedgerConflictView {
    /// Extra rows the form box needs to show the conflict.
    static let rows = 2

    /// What a refused save means for the form, or nil when it was refused for another reason
    /// (a read-only store, a full disk: their own message says it).
    static func conflict(_ error: StoreError, form: LineForm, lines: [StoredLedgerLine], ctx: ScreenContext) -> EditConflict<StoredLedgerLine>? {
        guard case .edit(let old) = form.mode else { return nil }
        switch error {
        case .conflict(_, let by, let at):
            let fresh = lines.first { $0.id == old.id }
            return fresh.map { EditConflict(theirs: $0, user: by, at: at, ctx: ctx) } ?? EditConflict(theirs: nil, user: nil, at: nil, ctx: ctx)
        case .rowGone:
            return EditConflict(theirs: nil, user: nil, at: nil, ctx: ctx)
        default:
            return nil
        }
    }

    /// The status line after a refused save.
    static func refused(_ c: EditConflict<StoredLedgerLine>, label: String, ctx: ScreenContext) -> String {
        let l = ctx.l
        guard c.theirs != nil else {
            return l.pick("Niet bewaard: \"\(label)\" is intussen gewist; uw versie staat nog in het formulier.",
                          "Not saved: \"\(label)\" was deleted meanwhile; your version is still in the form.")
        }
        // One short sentence: the form shows both versions and says what the keys do.
        return l.pick("Niet bewaard: \(c.who(l)) wijzigde \"\(label)\" \(c.when(l, today: ctx.today)).",
                      "Not saved: \(c.who(l)) changed \"\(label)\" \(c.when(l, today: ctx.today)).")
    }

    /// The status line after a refused delete (the list then shows the line as it is now).
    static func deleteRefused(_ error: StoreError, label: String, ctx: ScreenContext) -> String {
        let l = ctx.l
        switch error {
        case .conflict(_, let by, let at):
            let c = EditConflict<StoredLedgerLine>(theirs: nil, user: by, at: at, ctx: ctx)
            return l.pick("Niet gewist: \(c.who(l)) wijzigde \"\(label)\" \(c.when(l, today: ctx.today)). Bekijk de nieuwe versie en wis opnieuw als dat nog moet.",
                          "Not deleted: \(c.who(l)) changed \"\(label)\" \(c.when(l, today: ctx.today)). Look at the new version and delete again if still needed.")
        case .rowGone:
            return l.pick("\"\(label)\" was al gewist door iemand anders.", "\"\(label)\" was already deleted by someone else.")
        default:
            return error.message(in: l)
        }
    }

    /// Their value of `field`, as a note beside it, when it differs from what is typed.
    static func note(_ field: LineForm.Field, form: LineForm, l: Language) -> String? {
        guard let c = form.conflict, let theirs = c.theirs else { return nil }
        let their = LineForm(section: form.section, mode: .edit(theirs), from: theirs.entry)
        let differs: Bool
        let value: String
        switch field {
        case .label:
            differs = form.label.text.trimmingCharacters(in: .whitespaces) != their.label.text
            value = their.label.text
        case .amount, .payment:
            let mine = field == .amount ? form.amount.text : form.payment.text
            let theirs = field == .amount ? their.amount.text : their.payment.text
            differs = (try? AmountParser.parseTyped(mine).get()) != (try? AmountParser.parseTyped(theirs).get())
            value = (try? AmountParser.parseTyped(theirs).get())?.dutch ?? theirs
        default:
            differs = form.choiceIndex(field) != their.choiceIndex(field)
            value = their.choices(field, l)[their.choiceIndex(field)]
        }
        return differs ? "\(c.firstName(l)): \(value)" : nil
    }

    /// Who saved, when, and their whole line, in the rows from `y` inside `box`.
    static func render(_ c: EditConflict<StoredLedgerLine>, ctx: ScreenContext, into buffer: inout ScreenBuffer, box: Rect, y: Int) {
        let l = ctx.l
        let x = box.x + 2, width = box.width - 4
        guard let theirs = c.theirs else {
            buffer.put(l.pick("! Deze regel is intussen gewist.", "! This line was deleted meanwhile."), x: x, y: y, width: width, role: .warning)
            buffer.put(l.pick("  Enter zet uw versie terug als nieuwe regel; Esc laat hem weg.",
                              "  Enter puts your version back as a new line; Esc leaves it out."), x: x, y: y + 1, width: width)
            return
        }
        buffer.put(l.pick("! Nu opgeslagen door \(c.who(l)) \(c.when(l, today: ctx.today)):", "! Now saved by \(c.who(l)) \(c.when(l, today: ctx.today)):"),
                   x: x, y: y, width: width, role: .warning)
        buffer.put("  " + summary(theirs.entry, l), x: x, y: y + 1, width: width)
    }

    /// A line in words: "Salaris · € 1.700,00 maand · loon".
    static func summary(_ entry: LedgerEntry, _ l: Language) -> String {
        if case .debt(let d) = entry {
            return "\(d.creditor) · \(d.amount.dutch) · " + l.pick("aflossing \(d.monthlyPayment.dutch) p/m", "paying \(d.monthlyPayment.dutch) a month")
                + " · " + entry.kindText(in: l)
        }
        return "\(entry.label) · \(entry.amount.dutch) \(entry.frequencyText(in: l)) · \(entry.kindText(in: l))"
    }
}
