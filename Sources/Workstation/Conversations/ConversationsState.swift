import CaseStore
import Casework
import Foundation
import Terminal

/// Tab 3 of a household: its conversations, and the one being typed.
struct ConversationsState {
    var list: [StoredConversation] = []
    var selected = 0
    var form: ConversationForm?
    /// Esc in a form asks first: save, throw away, or go on typing.
    var confirmClose = false
    /// When the oldest keystroke not yet in the draft was typed (seconds since 1970); nil
    /// when the draft has everything.
    var unsavedSince: Double?
    /// While typing goes on without a pause, the draft is written once its oldest unsaved
    /// keystroke is this old. With the loop's quarter-second pause this keeps every
    /// keystroke in the store within 0.75 s, inside the promised second. (Counting from the
    /// last write instead let a keystroke wait a second plus the gap to the next key.)
    static let draftDelay = 0.5
    /// When the draft was last tried (seconds since 1970): a store that refuses it (a full
    /// disk) is asked again at most once a second while typing goes on, not on every key.
    var draftTriedAt: Double = 0
    /// Why the last draft could not be written (a full disk), until one is written again.
    var draftProblem: StoreError?
}

/// What the conversations tab offers and does; what it writes goes out as effects.
enum ConversationsScreen {
    private static func here(_ s: HouseholdState) -> Bool { s.tab == .conversations && s.draftOffer == nil && s.conversations != nil }
    private static func listing(_ s: HouseholdState) -> Bool { here(s) && s.conversations?.form == nil }
    private static func form(_ s: HouseholdState) -> ConversationForm? {
        here(s) && s.conversations?.confirmClose == false ? s.conversations?.form : nil
    }
    private static func typing(_ s: HouseholdState) -> Bool { form(s).map { !$0.scoring && $0.conflict == nil } ?? false }
    private static func conflicting(_ s: HouseholdState) -> Bool { form(s).map { !$0.scoring && $0.conflict != nil } ?? false }
    private static func closing(_ s: HouseholdState) -> Bool { here(s) && s.conversations?.confirmClose == true }
    private static func hasSelection(_ s: HouseholdState) -> Bool {
        guard let c = s.conversations else { return false }
        return c.list.indices.contains(c.selected)
    }

    static var actions: [ScreenAction<HouseholdState>] {
        [
            ScreenAction(.add, label: { $0.pick("Nieuw gesprek", "New conversation") },
                         help: { $0.pick("Begin een nieuw keukentafelgesprek", "Start a new kitchen-table conversation") },
                         when: { s, _ in listing(s) }),
            ScreenAction(.open, help: { $0.pick("Open het gekozen gesprek om verder te typen", "Open the selected conversation to go on typing") },
                         when: { s, _ in listing(s) && hasSelection(s) }),
            ScreenAction(.edit, label: { _ in nil }, help: { $0.pick("Open het gekozen gesprek om verder te typen", "Open the selected conversation to go on typing") },
                         when: { s, _ in listing(s) && hasSelection(s) }),
            ScreenAction(.print, when: { s, _ in listing(s) && hasSelection(s) }),
            // typing
            ScreenAction(.save, help: { $0.pick("Gesprek opslaan", "Save the conversation") }, when: { s, _ in typing(s) }),
            ScreenAction(.save, label: { $0.pick("Mijn versie opslaan", "Save mine") },
                         help: { $0.pick("Sla het gesprek op zoals u het typte, bewust over de nieuwe versie heen (staat in het logboek)",
                                         "Save the conversation as you typed it, knowingly over the new version (recorded in the audit trail)") },
                         when: { s, _ in conflicting(s) }),
            ScreenAction(.addTheirs, when: { s, _ in conflicting(s) }),
            ScreenAction(.nextField, help: { $0.pick("Volgend / vorig veld (bewaart het concept)", "Next / previous field (saves the draft)") },
                         when: { s, _ in typing(s) || conflicting(s) }),
            ScreenAction(.score, when: { s, _ in typing(s) }),
            ScreenAction(.prompts, when: { s, _ in typing(s) }),
            ScreenAction(.externalEditor, when: { s, _ in typing(s) }),
            ScreenAction(.cancel, label: { $0.pick("Sluiten", "Close") }, help: { $0.pick("Sluiten (vraagt eerst)", "Close (asks first)") },
                         when: { s, _ in typing(s) }),
            ScreenAction(.keepTheirs, label: { $0.pick("Sluiten", "Close") },
                         help: { $0.pick("Sluiten: opslaan, of uw versie weggooien zodat die van hen blijft", "Close: save, or throw away yours so theirs stays") },
                         when: { s, _ in conflicting(s) }),
            // F8 waits for the digit
            ScreenAction(.cancel, help: { $0.pick("Geen score geven", "Give no score") },
                         when: { s, _ in form(s)?.scoring == true }),
            // the question on closing
            ScreenAction(.confirm, label: { $0.pick("Opslaan", "Save") },
                         help: { $0.pick("Het gesprek opslaan en sluiten", "Save the conversation and close it") },
                         when: { s, _ in closing(s) && s.conversations?.form?.conflict == nil }),
            ScreenAction(.discard, help: { $0.pick("Uw tekst weggooien en sluiten", "Throw your text away and close") },
                         when: { s, _ in closing(s) && s.conversations?.form?.conflict == nil }),
            ScreenAction(.confirm, label: { $0.pick("Mijn versie opslaan", "Save mine") },
                         help: { $0.pick("Uw versie opslaan, bewust over de andere heen", "Save your version, knowingly over the other") },
                         when: { s, _ in closing(s) && s.conversations?.form?.conflict != nil }),
            ScreenAction(.discard, label: { $0.pick("Mijn versie weggooien", "Throw mine away") },
                         help: { $0.pick("Uw versie weggooien; die van de ander blijft", "Throw your version away; the other stays") },
                         when: { s, _ in closing(s) && s.conversations?.form?.conflict != nil }),
            ScreenAction(.cancel, label: { $0.pick("Verder typen", "Keep typing") }, help: { $0.pick("Terug naar het gesprek", "Back to the conversation") },
                         when: { s, _ in closing(s) }),
        ]
    }

    static func isBusy(_ conversations: ConversationsState) -> Bool { conversations.form != nil }

    static func extraHelp(_ l: Language) -> [HelpOverlay.Section] {
        [(l.pick("In een gesprek", "In a conversation"),
          [("Ctrl-← Ctrl-→", l.pick("Woord terug / verder", "Word back / forward")),
           (l.pick("Afspraken", "Agreements"), l.pick("één per regel: tekst | eigenaar | dd-mm-jjjj | klaar", "one per line: text | owner | dd-mm-yyyy | done")),
           ("≠", l.pick("In de lijst: dit veld verschilt van de versie van een ander", "In the list: this field differs from the other person's version"))])]
    }

    static func load(_ id: String, _ ctx: ScreenContext) throws -> ConversationsState {
        var state = ConversationsState()
        state.list = try ctx.reads.conversations(household: id)
        return state
    }

    static func newForm(_ household: HouseholdState, _ ctx: ScreenContext) -> ConversationForm {
        ConversationForm(author: ctx.staff.user, today: ctx.today, members: household.file.household.members.map(\.name))
    }

    /// The width of the editor on a screen of `size` (see the view's layout).
    static func editorWidth(_ size: Size) -> Int { max(20, size.width - fieldListWidth(size) - 5) }
    static func fieldListWidth(_ size: Size) -> Int { size.width >= 110 ? 28 : 24 }

    /// Handles a key on tab 3; nil when it is not for this tab (tabs, back).
    static func handle(_ command: Command?, key: Key, household: inout HouseholdState, _ ctx: ScreenContext) -> [Effect]? {
        guard var conversations = household.conversations else { return nil }
        let l = ctx.l
        defer { household.conversations = conversations }
        guard var form = conversations.form else {
            if command == nil, let move = Move(key) {
                conversations.selected = move.applied(to: conversations.selected, count: conversations.list.count, page: ctx.size.height - 8)
                return []
            }
            let selected = conversations.list.indices.contains(conversations.selected) ? conversations.list[conversations.selected] : nil
            switch command {
            case .add?: conversations.form = newForm(household, ctx)
            case .open?, .edit?: if let selected { conversations.form = ConversationForm(selected.conversation, stored: selected) }
            case .print?:
                if let selected {
                    let c = selected.conversation
                    return [.store(.printConversation(ConversationPrint.text(c, household: household, ctx: ctx),
                                                      name: "gesprek-\(household.id)-\(c.date?.iso ?? ctx.today.iso).txt"))]
                }
            default: return nil
            }
            return []
        }
        if conversations.confirmClose {
            conversations.confirmClose = false
            switch command {
            case .confirm?: return save(&conversations, form, household: household, ctx)
            case .discard?:
                conversations.form = nil
                return [.store(.discardDraft(household: household.id))]
            default: return []
            }
        }
        if form.scoring {
            form.scoring = false
            conversations.form = form
            if case .character(let c) = key, let score = c.wholeNumberValue, LifeDomainScore.scale.contains(score),
               case .domain(let domain) = form.field {
                return [.store(.addScore(LifeDomainScore(domain: domain, score: score, date: ctx.today), household: household.id))]
            }
            return []
        }
        var effects: [Effect] = []
        switch command {
        case .save?:
            conversations.form = form
            return save(&conversations, form, household: household, ctx)
        case .addTheirs?:
            let message = ConversationConflict.addTheirs(&form, ctx: ctx)
            effects += message.map { [.status($0)] } ?? []
        case .cancel?, .keepTheirs?:
            conversations.confirmClose = true
        case .nextField?:
            let n = ConversationForm.fields.count
            form.focus = (form.focus + (key == .tab ? 1 : n - 1)) % n
            form.showPrompts = false
            conversations.form = form
            return draft(&conversations, household: household.id, ctx).map { [$0] } ?? []
        case .score?:
            if case .domain = form.field { form.scoring = true } else {
                effects.append(.status(StatusMessage(l.pick("Een score hoort bij een leefgebied: ga eerst naar een leefgebied.",
                                                            "A score belongs to an area of life: go to one first."), isError: true)))
            }
        case .prompts?:
            form.showPrompts.toggle()
        case .externalEditor?:
            conversations.form = form
            return [.editExternally(form.text(form.field))]
        default:
            if key == .enter && form.field.isSingleLine {
                form.focus += 1
            } else {
                var editor = form.editor(form.field)
                let width = form.field.isSingleLine ? 1_000 : editorWidth(ctx.size)
                if editor.handle(key, width: width, pageHeight: max(3, ctx.size.height - 10)) {
                    form.editors[form.field] = editor
                    form.dirty = true
                }
            }
        }
        conversations.form = form
        if form.dirty && conversations.unsavedSince == nil { conversations.unsavedSince = ctx.now }
        let due = ctx.now - (conversations.unsavedSince ?? ctx.now) >= ConversationsState.draftDelay
        let refusedJustNow = conversations.draftProblem != nil && ctx.now - conversations.draftTriedAt < 1
        if form.dirty && due && !refusedJustNow, let draft = draft(&conversations, household: household.id, ctx) {
            effects.append(draft)
        }
        return effects
    }

    /// Pasted text goes into the field at once.
    static func paste(_ text: String, household: inout HouseholdState) {
        guard var conversations = household.conversations, var form = conversations.form else { return }
        var editor = form.editor(form.field)
        editor.insert(form.field.isSingleLine ? text.replacingOccurrences(of: "\n", with: " ") : text)
        form.editors[form.field] = editor
        form.dirty = true
        conversations.form = form
        household.conversations = conversations
    }

    /// The text from the user's own editor, in place of the field's.
    static func edited(_ result: Result<String, EditorFailure>, household: inout HouseholdState, _ ctx: ScreenContext) -> [Effect] {
        let l = ctx.l
        guard var conversations = household.conversations, var form = conversations.form else { return [] }
        switch result {
        case .failure(let failure):
            return [.status(StatusMessage(l.pick("De editor (\(failure.editor)) gaf een fout; de tekst is niet veranderd.",
                                                 "The editor (\(failure.editor)) failed; the text is unchanged."), isError: true))]
        case .success(var text):
            if text.hasSuffix("\n") { text.removeLast() }   // editors add a final line break
            if form.field.isSingleLine { text = text.replacingOccurrences(of: "\n", with: " ") }
            form.editors[form.field] = TextEditor(text: text)
            form.dirty = true
            conversations.form = form
            let draft = draft(&conversations, household: household.id, ctx)
            household.conversations = conversations
            return (draft.map { [$0] } ?? []) + [.status(StatusMessage(l.pick("Tekst uit de editor overgenomen.", "Text taken over from the editor.")))]
        }
    }

    /// The save of the form as one unit of work, or the first problem with it (the form then
    /// shows that field).
    private static func save(_ conversations: inout ConversationsState, _ form: ConversationForm, household: HouseholdState,
                             _ ctx: ScreenContext) -> [Effect] {
        switch form.conversation(ctx.l) {
        case .failure(let error):
            var form = form
            form.focus = ConversationForm.fields.firstIndex(of: error.field) ?? form.focus
            conversations.form = form
            return [.status(StatusMessage(error.message, isError: true))]
        case .success(let conversation):
            // After a refused save `stored` is the other person's version, which is shown:
            // this save goes over it on purpose.
            return [.store(.saveConversation(conversation, stored: form.stored, household: household.id, overwriting: form.conflict != nil))]
        }
    }
}
