import Casework
import Terminal

/// A small form of labelled fields — typed text, or a choice among words — for the edits
/// of the overview and the plan: a member, the address, a score, a signal, a goal. Keys as
/// in the ledger's line form: Tab and ↓ go to the next field, a letter picks the choice
/// that starts with it (and moves on), space and ← → go through the choices.
struct FieldForm: Equatable {
    enum Value: Equatable {
        case text(TextField)
        case choice([String], Int)
    }

    struct Field: Equatable {
        let id: String
        let label: String
        var value: Value
    }

    /// What is wrong, on which field: shown below the fields, whole.
    struct Problem: Error, Equatable {
        let field: String
        let message: String
    }

    var title: String
    var fields: [Field]
    var focus = 0
    var problem: Problem?
    /// Someone else saved the item since the form was opened: their value of each field
    /// that differs from what is typed, shown beside it. The next save goes over theirs.
    var theirs: [String: String]?

    init(title: String, fields: [Field]) { self.title = title; self.fields = fields }

    static func text(_ id: String, _ label: String, _ text: String, kind: TextField.Kind = .text, maxLength: Int = 200) -> Field {
        Field(id: id, label: label, value: .text(TextField(text: text, kind: kind, maxLength: maxLength)))
    }

    static func choice(_ id: String, _ label: String, _ options: [String], _ index: Int) -> Field {
        Field(id: id, label: label, value: .choice(options, max(0, min(index, options.count - 1))))
    }

    func text(_ id: String) -> String {
        guard case .text(let f)? = fields.first(where: { $0.id == id })?.value else { return "" }
        return f.text.trimmingCharacters(in: .whitespaces)
    }

    func choice(_ id: String) -> Int {
        guard case .choice(_, let i)? = fields.first(where: { $0.id == id })?.value else { return 0 }
        return i
    }

    /// What the field shows, as text (a choice's word): for comparing with theirs.
    func shown(_ field: Field) -> String {
        switch field.value {
        case .text(let f): f.text.trimmingCharacters(in: .whitespaces)
        case .choice(let options, let i): options[i]
        }
    }

    var focused: Field { fields[min(focus, fields.count - 1)] }

    /// Moves the focus to the field a problem is about, and says it.
    mutating func show(_ problem: Problem) {
        self.problem = problem
        if let i = fields.firstIndex(where: { $0.id == problem.field }) { focus = i }
    }

    /// Handles a key; true when it was for the form.
    mutating func handle(_ key: Key) -> Bool {
        if let next = Choice.focus(after: key, from: focus, count: fields.count) {
            focus = next
            return true
        }
        let i = min(focus, fields.count - 1)
        switch fields[i].value {
        case .text(var field):
            guard field.handle(key) else { return false }
            fields[i].value = .text(field)
            problem = nil
            return true
        case .choice(let options, let current):
            guard let pick = Choice.pick(key, options: options, current: current) else { return false }
            fields[i].value = .choice(options, pick.index)
            if pick.byLetter && focus < fields.count - 1 { focus += 1 }
            problem = nil
            return true
        }
    }
}

/// A key on a choice field, in every form: → and space to the next choice, ← to the one
/// before, a letter to the next choice that starts with it (and the form moves on, so a
/// choice costs one key).
enum Choice {
    /// The field a form's Tab, ↓, Shift-Tab or ↑ moves to (round from the last to the first);
    /// nil for another key.
    static func focus(after key: Key, from focus: Int, count: Int) -> Int? {
        switch key {
        case .tab, .down: (focus + 1) % count
        case .backTab, .up: (focus + count - 1) % count
        default: nil
        }
    }

    /// The choice the key leads to, and whether a letter chose it; nil for a key that is not
    /// the field's. A letter no choice starts with leaves the choice as it is.
    static func pick(_ key: Key, options: [String], current: Int) -> (index: Int, byLetter: Bool)? {
        guard !options.isEmpty else { return nil }
        switch key {
        case .right, .character(" "): return ((current + 1) % options.count, false)
        case .left: return ((current + options.count - 1) % options.count, false)
        case .character(let c):
            let letter = String(c).lowercased()
            let order = (1...options.count).map { (current + $0) % options.count }
            guard let hit = order.first(where: { options[$0].lowercased().hasPrefix(letter) }) else { return (current, false) }
            return (hit, true)
        default: return nil
        }
    }
}

/// The form as a box at the bottom of `bounds`: one row per field, beside it what was read
/// (`note`) or the other person's value, the problem below in words.
enum FieldFormView {
    static func render(_ form: FieldForm, ctx: ScreenContext, into buffer: inout ScreenBuffer, bounds: Rect,
                       note: (FieldForm.Field) -> String? = { _ in nil }) {
        let l = ctx.l
        let width = min(bounds.width - 4, 96)
        let inner = width - 4
        let labelWidth = min(18, max(10, form.fields.map { DisplayWidth.of($0.label) }.max() ?? 10) + 1)
        let fieldWidth = max(16, min(44, inner - labelWidth - 24))
        let noteX = labelWidth + fieldWidth + 2
        let problemLines = form.problem.map { Chrome.paragraph($0.message, width: inner, maxLines: 4, ascii: buffer.ascii) } ?? []
        let theirsLine = form.theirs.map { _ in
            Chrome.paragraph(l.pick("Iemand anders sloeg dit intussen op; hun waarde staat rechts. F2 slaat uw versie op, bewust eroverheen; Esc laat die van hen staan.",
                                    "Someone else saved this meanwhile; their value is on the right. F2 saves yours, knowingly over theirs; Esc keeps theirs."),
                             width: inner, maxLines: 3, ascii: buffer.ascii)
        } ?? []
        let extra = (problemLines.isEmpty ? 0 : problemLines.count + 1) + (theirsLine.isEmpty ? 0 : theirsLine.count + 1)
        let height = min(bounds.height, form.fields.count + 2 + extra)
        let box = Rect(x: bounds.x + 2, y: bounds.maxY - height, width: width, height: height)
        buffer.fill(box, role: .dialog)
        buffer.box(box, title: form.title)
        for (i, field) in form.fields.enumerated() {
            let y = box.y + 1 + i
            guard y < box.maxY - 1 else { break }
            let focused = i == form.focus
            let x = box.x + 2
            buffer.put(field.label, x: x, y: y, width: labelWidth, role: focused ? .keyName : .dialog)
            let fieldRect = Rect(x: x + labelWidth, y: y, width: fieldWidth, height: 1)
            let wrong = form.problem?.field == field.id ? form.problem?.message : nil
            switch field.value {
            case .text(let text):
                text.render(into: &buffer, rect: fieldRect, focused: focused, error: wrong)
            case .choice(let options, let index):
                buffer.put("‹ " + options[index] + " ›", x: fieldRect.x, y: y, width: fieldWidth, role: focused ? .fieldActive : .field)
            }
            let room = box.maxX - 1 - (x + noteX)
            guard room > 0 else { continue }
            if let theirs = form.theirs?[field.id], theirs != form.shown(field) {
                buffer.put(l.pick("hun: ", "theirs: ") + (theirs.isEmpty ? "—" : theirs), x: x + noteX, y: y, width: room, role: .warning)
            } else if let text = note(field) {
                buffer.put(text, x: x + noteX, y: y, width: room, role: .dim)
            } else if focused, case .choice(let options, _) = field.value {
                let letters = Array(Set(options.map { String($0.prefix(1)).lowercased() })).sorted().joined()
                buffer.put(l.pick("letter kiest: ", "a letter picks: ") + letters, x: x + noteX, y: y, width: room, role: .dim)
            }
        }
        var y = box.y + 2 + form.fields.count
        for line in problemLines where y < box.maxY - 1 {
            buffer.put(line, x: box.x + 2, y: y, width: inner, role: .error)
            y += 1
        }
        if !problemLines.isEmpty { y += 1 }
        for line in theirsLine where y < box.maxY - 1 {
            buffer.put(line, x: box.x + 2, y: y, width: inner, role: .warning)
            y += 1
        }
    }
}
