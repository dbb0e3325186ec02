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

enum ConversationAction: Hashable, Sendable {
    case help, add, open, print, back
}

enum ConversationsScreen {
    static func actions(_ l: Language) -> ActionTable<ConversationAction> {
        ActionTable(actions: [
            Action(id: .help, keys: [.function(1), .character("?")], barLabel: l.pick("Help", "Help"), help: l.pick("Deze hulp", "This help")),
            Action(id: .add, keys: [.character("a"), .insert], barLabel: l.pick("Nieuw gesprek", "New conversation"),
                   help: l.pick("Begin een nieuw keukentafelgesprek", "Start a new kitchen-table conversation")),
            Action(id: .open, keys: [.enter, .character("e")], barLabel: l.pick("Openen", "Open"),
                   help: l.pick("Open het gekozen gesprek om verder te typen", "Open the selected conversation to go on typing")),
            Action(id: .print, keys: [.character("p")], barLabel: l.pick("Afdrukken", "Print"),
                   help: l.pick("Schrijf het gesprek als tekstbestand (voor het dossier of de bewoner)",
                                "Write the conversation as a text file (for the file or the resident)")),
            Action(id: .back, keys: [.escape, .character("q")], barLabel: l.pick("Terug", "Back"), help: l.pick("Terug naar de caseload", "Back to the caseload")),
        ])
    }

    static func formHelp(_ l: Language) -> [(keys: String, text: String)] {
        [("Tab Shift-Tab", l.pick("Volgend / vorig veld (bewaart het concept)", "Next / previous field (saves the draft)")),
         ("F2 Ctrl-S", l.pick("Gesprek opslaan", "Save the conversation")),
         ("F8 1–5", l.pick("ZRM-score van dit leefgebied, gedateerd vandaag", "ZRM score of this area of life, dated today")),
         ("F9", l.pick("Vragen bij dit leefgebied tonen of verbergen", "Show or hide the questions for this area of life")),
         ("Ctrl-E", l.pick("Dit veld in uw eigen editor ($EDITOR)", "This field in your own editor ($EDITOR)")),
         ("Ctrl-← Ctrl-→", l.pick("Woord terug / verder", "Word back / forward")),
         (l.pick("Afspraken", "Agreements"), l.pick("één per regel: tekst | eigenaar | dd-mm-jjjj | klaar", "one per line: text | owner | dd-mm-yyyy | done")),
         ("Esc", l.pick("Sluiten (vraagt eerst)", "Close (asks first)"))]
    }

    static func load(_ id: String, env: AppEnvironment) throws -> ConversationsState {
        var state = ConversationsState()
        state.list = try env.store.conversations(household: id)
        return state
    }

    static func newForm(_ household: HouseholdState, env: AppEnvironment) -> ConversationForm {
        ConversationForm(author: env.staff.user, today: env.today, members: household.file.household.members.map(\.name))
    }

    /// The width of the editor on a screen of `size` (see the view's layout).
    static func editorWidth(_ size: Size) -> Int { max(20, size.width - fieldListWidth(size) - 5) }
    static func fieldListWidth(_ size: Size) -> Int { size.width >= 110 ? 28 : 24 }

    /// Handles a key on tab 3; false when it is not for this tab (tabs, back).
    static func handle(_ key: Key, household: inout HouseholdState, state: inout AppState, env: AppEnvironment,
                       now: Double) throws -> Bool {
        guard var conversations = household.conversations else { return false }
        let l = env.l
        defer { household.conversations = conversations }
        guard var form = conversations.form else {
            switch key {
            case .up, .character("k"): conversations.selected = max(0, conversations.selected - 1); return true
            case .down, .character("j"): conversations.selected = min(max(0, conversations.list.count - 1), conversations.selected + 1); return true
            default: break
            }
            switch actions(l).action(for: key) {
            case .help?: state.help = 0
            case .add?: conversations.form = newForm(household, env: env)
            case .open?:
                if conversations.list.indices.contains(conversations.selected) {
                    let stored = conversations.list[conversations.selected]
                    conversations.form = ConversationForm(stored.conversation, stored: stored)
                }
            case .print?:
                if conversations.list.indices.contains(conversations.selected) {
                    let path = try ConversationPrint.write(conversations.list[conversations.selected].conversation,
                                                           household: household, env: env)
                    state.message = StatusMessage(l.pick("Geschreven: \(path)", "Written: \(path)"))
                }
            case .back?, nil: return false
            }
            return true
        }
        if conversations.confirmClose {
            switch key {
            case .enter:
                conversations.confirmClose = false
                conversations.form = try save(&conversations, form, household: &household, state: &state, env: env)
                return true
            case .character("n"), .character("w"):
                try env.store.discardDraft(household: household.id, by: env.actor)
                conversations.confirmClose = false
                conversations.form = nil
                return true
            default: conversations.confirmClose = false
            }
            conversations.form = form
            return true
        }
        if form.scoring {
            form.scoring = false
            if case .character(let c) = key, let score = c.wholeNumberValue, LifeDomainScore.scale.contains(score),
               case .domain(let domain) = form.field {
                try env.store.addLifeDomainScore(LifeDomainScore(domain: domain, score: score, date: env.today),
                                                 household: household.id, by: env.actor)
                household.file = try env.store.caseFile(household.id)
                state.message = StatusMessage(l.pick("\(domain.name(in: l)): \(score) \(ZRM.label(score, in: l)), vandaag.",
                                                     "\(domain.name(in: l)): \(score) \(ZRM.label(score, in: l)), today."))
            }
            conversations.form = form
            return true
        }
        if form.conflict != nil, let action = ConflictKeys.conversation(l).action(for: key) {
            switch action {
            case .saveMine: conversations.form = try save(&conversations, form, household: &household, state: &state, env: env)
            case .addTheirs:
                ConversationConflict.addTheirs(&form, env: env, state: &state)
                conversations.form = form
            case .keepTheirs:
                conversations.confirmClose = true
                conversations.form = form
            case .help:
                state.help = 0
                conversations.form = form
            }
            return true
        }
        switch key {
        case .function(2), .control("s"):
            conversations.form = try save(&conversations, form, household: &household, state: &state, env: env)
            return true
        case .escape:
            conversations.confirmClose = true
        case .tab, .backTab:
            let n = ConversationForm.fields.count
            form.focus = (form.focus + (key == .tab ? 1 : n - 1)) % n
            form.showPrompts = false
            conversations.form = form
            saveDraft(&conversations, household: household.id, env: env, now: now, message: &state.message)
            return true
        case .enter where form.field.isSingleLine:
            form.focus += 1
        case .function(8):
            if case .domain = form.field { form.scoring = true } else {
                state.message = StatusMessage(l.pick("Een score hoort bij een leefgebied: ga eerst naar een leefgebied.",
                                                     "A score belongs to an area of life: go to one first."), isError: true)
            }
        case .function(9):
            form.showPrompts.toggle()
        case .control("e"):
            state.externalEdit = true
        case .function(1):
            state.help = 0
        default:
            var editor = form.editor(form.field)
            let width = form.field.isSingleLine ? 1_000 : editorWidth(state.size)
            if editor.handle(key, width: width, pageHeight: max(3, state.size.height - 10)) {
                form.editors[form.field] = editor
                form.dirty = true
            }
        }
        conversations.form = form
        if form.dirty && conversations.unsavedSince == nil { conversations.unsavedSince = now }
        let due = now - (conversations.unsavedSince ?? now) >= ConversationsState.draftDelay
        let refusedJustNow = conversations.draftProblem != nil && now - conversations.draftTriedAt < 1
        if form.dirty && due && !refusedJustNow {
            saveDraft(&conversations, household: household.id, env: env, now: now, message: &state.message)
        }
        return true
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

    /// Saves the form as one unit of work; returns the form to keep showing (nil: closed).
    private static func save(_ conversations: inout ConversationsState, _ form: ConversationForm, household: inout HouseholdState,
                             state: inout AppState, env: AppEnvironment) throws -> ConversationForm? {
        let l = env.l
        var form = form
        switch form.conversation(l) {
        case .failure(let error):
            form.focus = ConversationForm.fields.firstIndex(of: error.field) ?? form.focus
            state.message = StatusMessage(error.message, isError: true)
            return form
        case .success(let conversation):
            do {
                let saved: StoredConversation
                if let stored = form.stored {
                    // After a refused save `stored` is the other person's version, which is
                    // shown: this save goes over it on purpose.
                    saved = try env.store.updateConversation(stored, to: conversation, by: env.actor, overwriting: form.conflict != nil)
                } else {
                    saved = try env.store.addConversation(conversation, household: household.id, by: env.actor)
                }
                conversations.list = try env.store.conversations(household: household.id)
                // The list shows the conversation just saved, also when it is longer than the screen.
                conversations.selected = conversations.list.firstIndex { $0.id == saved.id } ?? conversations.selected
                household.file = try env.store.caseFile(household.id)
                state.message = StatusMessage(form.conflict.map { c in
                    l.pick("Gesprek opgeslagen, over de versie van \(c.who(l)) heen.", "Conversation saved, over \(c.who(l))'s version.")
                } ?? l.pick("Gesprek opgeslagen.", "Conversation saved."))
                return nil
            } catch let error as StoreError {
                // Someone else saved this conversation meanwhile: keep what was typed, and show
                // their version below it.
                conversations.list = try env.store.conversations(household: household.id)
                if let conflict = ConversationConflict.conflict(error, form: form, list: conversations.list, env: env) {
                    form.conflict = conflict
                    form.stored = conflict.theirs
                    state.message = StatusMessage(ConversationConflict.refused(conflict, env: env), isError: true)
                } else {
                    state.message = StatusMessage(error.message(in: l), isError: true)
                }
                return form
            }
        }
    }
}
