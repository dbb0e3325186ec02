import CaseStore
import Casework
import Terminal

/// Draws tab 3: the list of conversations, or the form with its fields on the left and the
/// field being typed on the right.
enum ConversationsView {
    static func render(_ household: HouseholdState, ctx: ScreenContext, into buffer: inout ScreenBuffer, area: Rect) {
        guard let conversations = household.conversations else { return }
        if let form = conversations.form {
            renderForm(form, conversations: conversations, household: household, ctx: ctx, into: &buffer, area: area)
        } else {
            renderList(conversations, ctx: ctx, into: &buffer, area: area.inset(horizontal: 1))
        }
    }

    private static func renderList(_ conversations: ConversationsState, ctx: ScreenContext, into buffer: inout ScreenBuffer, area: Rect) {
        let l = ctx.l
        let columns = [
            TableColumn(title: l.pick("Datum", "Date"), width: .fixed(10)),
            TableColumn(title: l.pick("Door", "By"), width: .fixed(12)),
            TableColumn(title: l.pick("Plaats", "Location"), width: .fixed(10)),
            TableColumn(title: l.pick("Hulpvraag", "Question"), width: .flexible(minimum: 16, weight: 1)),
            TableColumn(title: l.pick("Afspraken", "Agreements"), width: .fixed(16)),
        ]
        let list = conversations.list
        Table.render(into: &buffer, rect: area, columns: columns, state: ListState(selected: conversations.selected, offset: 0),
                     rowCount: list.count, focused: true,
                     emptyText: l.pick("Nog geen gesprekken. a begint een nieuw gesprek.", "No conversations yet. a starts a new one.")) { i in
            let c = list[i].conversation
            let open = c.agreements.filter { !$0.done }.count, done = c.agreements.count - open
            let overdue = c.agreements.contains { $0.isOverdue(on: ctx.today) }
            return [Span(text: c.date?.dutch ?? "—"), Span(text: c.author, role: .dim), Span(text: c.location, role: .dim),
                    Span(text: c.question.split(separator: "\n").first.map(String.init) ?? ""),
                    Span(text: l.pick("\(open) open · \(done) klaar", "\(open) open · \(done) done") + (overdue ? " !" : ""),
                         role: overdue ? .overdue : .normal)]
        }
    }

    private static func renderForm(_ form: ConversationForm, conversations: ConversationsState, household: HouseholdState,
                                   ctx: ScreenContext, into buffer: inout ScreenBuffer, area: Rect) {
        let l = ctx.l
        let listWidth = ConversationsScreen.fieldListWidth(ctx.size)
        let (left, right) = area.splitLeft(listWidth)
        // The fields, scrolled so the focused one shows.
        let fields = ConversationForm.fields
        let top = max(0, min(form.focus - left.height / 2, fields.count - left.height))
        for (i, field) in fields.enumerated().dropFirst(top).prefix(left.height) {
            let y = left.y + i - top
            let count = form.editor(field).count
            let focused = i == form.focus
            let differs = ConversationConflict.differs(field, in: form)
            let mark = focused ? "›" : differs ? (buffer.ascii ? "#" : "≠") : (count > 0 ? "•" : " ")
            let label = " \(mark) " + ConversationForm.name(field, l)
            // The focused field's count is beside its text; repeating it here would redraw
            // this line at every keystroke.
            let countText = count > 0 && !focused ? String(count) : ""
            buffer.put(DisplayWidth.fit(label, to: left.width - 6) + DisplayWidth.fit(countText, to: 5, alignRight: true),
                       x: left.x, y: y, width: left.width - 1, role: focused ? .selection : differs ? .warning : (count > 0 ? .normal : .dim))
        }
        for y in left.y..<left.maxY { buffer.put("│", x: left.maxX - 1, y: y, role: .border) }

        let inner = Rect(x: right.x + 1, y: right.y, width: right.width - 2, height: right.height)
        let field = form.field
        var y = inner.y
        // The field's name and its latest ZRM score with its date, as much as fits whole.
        var titles = [ConversationForm.name(field, l)]
        if case .domain(let domain) = field,
           let latest = household.file.lifeDomains.filter({ $0.domain == domain }).max(by: { ($0.date?.daysSinceEpoch ?? 0) < ($1.date?.daysSinceEpoch ?? 0) }) {
            let date = latest.date.map { " (\($0.dutch))" } ?? ""
            titles = [titles[0] + " · ZRM \(latest.score) \(ZRM.label(latest.score, in: l))" + date,
                      titles[0] + " · ZRM \(latest.score)" + date, titles[0] + " · ZRM \(latest.score)", titles[0]]
        }
        let count = form.editor(field).groupedCount(separator: l == .nl ? "." : ",")
            + (form.editor(field).count == 1 ? l.pick(" teken", " character") : l.pick(" tekens", " characters"))
        let room = inner.width - DisplayWidth.of(count) - 1
        let title = titles.first { DisplayWidth.of($0) <= room } ?? titles[titles.count - 1]
        buffer.put(title, x: inner.x, y: y, width: inner.width - DisplayWidth.of(count) - 1, role: .title)
        // In the normal role: a keystroke then changes the digits only, with no attribute
        // switches around them (bytes over a slow link).
        buffer.put(count, x: inner.maxX - DisplayWidth.of(count), y: y, role: .normal)
        y += 1
        if form.showPrompts, case .domain(let domain) = field {
            for q in DomainPrompts.questions(domain, l) {
                for line in TextWrap.wrap("? " + q, width: inner.width) { buffer.put(line, x: inner.x, y: y, width: inner.width, role: .dim); y += 1 }
            }
        }
        if form.scoring {
            buffer.put(l.pick("Score 1–5? 1 acuut · 2 niet · 3 beperkt · 4 voldoende · 5 volledig zelfredzaam",
                              "Score 1–5? 1 acute · 2 not · 3 partly · 4 sufficiently · 5 fully self-reliant"),
                       x: inner.x, y: y, width: inner.width, role: .keyName)
            y += 1
        } else if field == .agreements {
            buffer.put(l.pick("Eén per regel: tekst | eigenaar | dd-mm-jjjj | klaar", "One per line: text | owner | dd-mm-yyyy | done"),
                       x: inner.x, y: y, width: inner.width, role: .dim)
            y += 1
        }
        var editorRect = Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y)
        if form.conflict != nil {
            // Both versions in view: what is typed above, theirs below.
            let (mine, theirs) = editorRect.splitBottom(max(3, editorRect.height / 2))
            editorRect = mine
            ConversationConflict.render(form, ctx: ctx, into: &buffer, rect: theirs)
        }
        let editor = form.editor(field)
        let scrollTop = editor.scroll(width: editorRect.width, height: editorRect.height, from: 0)
        // Plain text, as in an editor: the field is the whole area right of the list.
        editor.render(into: &buffer, rect: editorRect, focused: !conversations.confirmClose && !form.scoring, top: scrollTop,
                      role: .normal)

        if conversations.confirmClose {
            // The same three choices; with someone else's version shown they say whose stays.
            let message = form.conflict.map { c in
                l.pick("Uw versie opslaan, over die van \(c.who(l)) heen? Of uw versie weggooien, zodat die van \(c.firstName(l)) blijft?",
                       "Save your version, over \(c.who(l))'s? Or throw yours away, so \(c.firstName(l))'s stays?")
            } ?? l.pick("Het gesprek opslaan? Het concept blijft bewaard tot u kiest.",
                        "Save the conversation? The draft is kept until you choose.")
            Dialog(title: l.pick("Gesprek sluiten", "Close conversation"), message: message,
                   buttons: household.dialogButtons(ctx)).render(into: &buffer, bounds: area)
        }
    }
}
