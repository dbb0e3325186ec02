import CaseStore
import Casework
import Terminal

/// A conversation saved by someone else while it was being typed here. What was typed stays
/// in the editor; their text of the same field is shown read-only below it, and the fields
/// where the two differ are marked in the list. F2 saves the typed version over theirs (on
/// purpose, and the audit trail says so), Ctrl-O puts their text of the field below the
/// typed one to merge by hand, Esc asks whether to save or to throw the typed version away.
enum ConversationConflict {
    /// What a refused save means for the form, or nil when it was refused for another reason.
    static func conflict(_ error: StoreError, form: ConversationForm, list: [StoredConversation],
                         ctx: ScreenContext) -> EditConflict<StoredConversation>? {
        guard case .conflict(_, let by, let at) = error, let id = form.stored?.id,
              let fresh = list.first(where: { $0.id == id }) else { return nil }
        return EditConflict(theirs: fresh, user: by, at: at, ctx: ctx)
    }

    /// A draft taken back after a crash, of a conversation someone else saved since the typing
    /// began: their version is the one to be shown.
    static func restored(_ form: ConversationForm, ctx: ScreenContext) -> EditConflict<StoredConversation>? {
        guard let stored = form.stored, let base = form.baseVersion, stored.version != base else { return nil }
        return EditConflict(theirs: stored, user: stored.changedBy, at: stored.changedAt, ctx: ctx)
    }

    /// The status line when both versions are first shown.
    static func refused(_ c: EditConflict<StoredConversation>, ctx: ScreenContext, restored: Bool = false) -> String {
        let l = ctx.l, when = c.when(l, today: ctx.today)
        // One short sentence: the panel's rule and the key bar say the rest.
        return restored
            ? l.pick("Hersteld. Intussen sloeg \(c.who(l)) dit gesprek \(when) op.", "Restored. Meanwhile \(c.who(l)) saved this conversation \(when).")
            : l.pick("Niet opgeslagen: \(c.who(l)) sloeg dit gesprek \(when) op.", "Not saved: \(c.who(l)) saved this conversation \(when).")
    }

    /// Their text of `field`.
    static func theirText(_ field: ConversationForm.Field, _ c: EditConflict<StoredConversation>) -> String {
        guard let theirs = c.theirs else { return "" }
        return ConversationForm(theirs.conversation, stored: theirs).text(field)
    }

    /// True when the typed text of `field` is not theirs.
    static func differs(_ field: ConversationForm.Field, in form: ConversationForm) -> Bool {
        guard let c = form.conflict else { return false }
        return form.text(field) != theirText(field, c)
    }

    /// Ctrl-O: their text of the current field below the typed text (nothing typed is
    /// replaced). Returns the sentence for the status line.
    static func addTheirs(_ form: inout ConversationForm, ctx: ScreenContext) -> StatusMessage? {
        guard let c = form.conflict else { return nil }
        let l = ctx.l
        let field = form.field
        let theirs = theirText(field, c)
        guard !theirs.isEmpty, form.text(field) != theirs else {
            return StatusMessage(l.pick("In dit veld is er niets van \(c.firstName(l)) bij te zetten.",
                                        "In this field there is nothing of \(c.firstName(l))'s to add."))
        }
        let mine = form.text(field)
        let separator = field.isSingleLine ? " " : "\n"
        form.editors[field] = TextEditor(text: mine.isEmpty ? theirs : mine + separator + theirs)
        form.dirty = true
        return StatusMessage(l.pick("De tekst van \(c.firstName(l)) staat onder de uwe; pas aan en sla op met F2.",
                                    "\(c.firstName(l))'s text is below yours; edit it and save with F2."))
    }

    /// Their text of the current field, read-only, in `rect` (a rule with who and when on its
    /// first row).
    static func render(_ form: ConversationForm, ctx: ScreenContext, into buffer: inout ScreenBuffer, rect: Rect) {
        guard let c = form.conflict, rect.height >= 2 else { return }
        let l = ctx.l
        let mark = buffer.ascii ? "#" : "≠"
        let when = c.when(l, today: ctx.today)
        // The whole title where it fits, else who and when: those must always show.
        let titles = [l.pick("Versie van \(c.who(l)), opgeslagen \(when) · alleen lezen · \(mark) verschilt",
                             "\(c.who(l))'s version, saved \(when) · read-only · \(mark) differs"),
                      l.pick("Versie van \(c.who(l)), opgeslagen \(when) · alleen lezen", "\(c.who(l))'s version, saved \(when) · read-only"),
                      l.pick("Van \(c.who(l)), \(when) · alleen lezen", "\(c.who(l))'s, \(when) · read-only"),
                      l.pick("Versie van \(c.who(l)), \(when)", "\(c.who(l))'s version, \(when)")]
        let title = titles.first { DisplayWidth.of($0) <= rect.width - 4 } ?? titles[titles.count - 1]
        buffer.horizontalLine(x: rect.x, y: rect.y, width: rect.width)
        buffer.put(" " + title + " ", x: rect.x + 1, y: rect.y, width: rect.width - 2, role: .warning)
        let text = theirText(form.field, c)
        let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        if text.isEmpty {
            buffer.put(l.pick("(leeg)", "(empty)"), x: body.x, y: body.y, width: body.width, role: .dim)
        } else {
            let editor = TextEditor(text: text)
            editor.render(into: &buffer, rect: body, focused: false, top: firstDifferentLine(editor, mine: form.text(form.field), body),
                          role: .normal)
        }
    }

    /// The line to show their text from: the one before where it first differs from the
    /// typed text, so a long note shows its change rather than its shared beginning.
    static func firstDifferentLine(_ theirs: TextEditor, mine: String, _ rect: Rect) -> Int {
        let same = zip(theirs.characters, TextEditor(text: mine).characters).prefix { $0 == $1 }.count
        let lines = TextEditor.layout(theirs.characters, width: rect.width)
        guard let line = lines.lastIndex(where: { $0.start <= same }) else { return 0 }
        return max(0, min(line - 1, lines.count - rect.height))
    }
}
