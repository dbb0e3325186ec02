import CaseStore
import Casework
import Terminal

/// The request form as typed, kept every second like a conversation (GrantFormDrafts.swift in
/// the store): every field's text as it stands, even where it is not yet valid, so what comes
/// back after a kill is exactly what was on the screen.
extension GrantRequestForm {
    /// What was typed and chosen, without cursors or focus: whether a key changed the request.
    struct Typed: Equatable {
        let texts: [String], route: Route, category: GrantCategory, form: CaseworkGrantForm, planGoal: String?
        let motivation: String, letterText: String, conditions: String, businessCase: String
    }

    var typed: Typed {
        Typed(texts: Field.allCases.map { text($0) }, route: route, category: category, form: grantForm, planGoal: planGoal,
              motivation: motivation.text, letterText: letterText.text, conditions: conditions.text, businessCase: businessCase.text)
    }

    var draftDocument: String {
        var texts = JSONObject()
        for field in Field.allCases where !field.isChoice && !field.isEditor { texts[Self.key(field)] = .string(text(field)) }
        var o: JSONObject = ["texts": .object(texts), "route": .string(route.rawValue), "category": .string(category.rawValue),
                             "form": .string(grantForm.rawValue), "motivation": .string(motivation.text),
                             "letterText": .string(letterText.text), "conditions": .string(conditions.text),
                             "businessCase": .string(businessCase.text), "focus": .number(String(focus))]
        o["planGoal"] = planGoal.map { .string($0) }
        return JSONWriter.compact(.object(o))
    }

    /// The form again from its draft, on the request it was editing (nil: a new one).
    init?(draft: String, stored: StoredGrant?) {
        guard case .success(let json) = JSONParser.parse(Array(draft.utf8)), let o = json.objectValue else { return nil }
        if let stored { self.init(stored) } else { self.init() }
        for field in Field.allCases where !field.isChoice && !field.isEditor {
            if let text = o["texts"]?.objectValue?[Self.key(field)]?.stringValue { set(field, text) }
        }
        route = o["route"]?.stringValue.flatMap(Route.init(rawValue:)) ?? route
        category = o["category"]?.stringValue.flatMap(GrantCategory.init(rawValue:)) ?? category
        grantForm = o["form"]?.stringValue.flatMap(CaseworkGrantForm.init(rawValue:)) ?? grantForm
        planGoal = o["planGoal"]?.stringValue
        motivation = TextEditor(text: o["motivation"]?.stringValue ?? "")
        letterText = TextEditor(text: o["letterText"]?.stringValue ?? letterText.text)
        conditions = TextEditor(text: o["conditions"]?.stringValue ?? conditions.text)
        businessCase = TextEditor(text: o["businessCase"]?.stringValue ?? "")
        if case .number(let n)? = o["focus"], let f = Int(n), Field.allCases.indices.contains(f) { focus = f }
    }

    private static func key(_ field: Field) -> String { String(describing: field) }
}

extension GrantsScreen {
    /// A pause: the form as typed goes to the store now.
    static func draft(_ grants: inout GrantsState, household: String) -> Effect? {
        guard var form = grants.form, form.dirty else { return nil }
        form.dirty = false
        grants.form = form
        grants.unsavedSince = nil
        return .store(.saveGrantFormDraft(form.draftDocument, grantId: form.stored?.id, household: household))
    }

    /// A request typed earlier and not saved (after a crash or a kill), opened again on tab 4.
    static func offerBack(_ grants: inout GrantsState, household: String, _ ctx: ScreenContext) -> StatusMessage? {
        guard grants.form == nil, let draft = try? ctx.reads.grantFormDraft(household: household, user: ctx.staff.user) else { return nil }
        let stored = draft.grantId.flatMap { id in grants.list.first { $0.id == id } }
        guard var form = GrantRequestForm(draft: draft.document, stored: stored) else { return nil }
        form.changed = true
        grants.form = form
        let when = draft.savedAt.prefix(16).replacingOccurrences(of: "T", with: " ")
        return StatusMessage(ctx.l.pick("Uw aanvraag van \(when) was nog niet bewaard en staat er weer: F2 bewaart hem, Esc twee keer gooit hem weg.",
                                        "Your request of \(when) was not saved yet and is back: F2 saves it, Esc twice throws it away."))
    }
}
