import CaseStore
import Casework
import Terminal

/// The draft of the conversation being typed goes to the store within a second of a key
/// (ConversationsState.draftDelay) and on every change of field ("never lost"). When the
/// store refuses it — the disk is full, the store became read-only — the text stays in the
/// editor, the form stays marked unsaved so every pause in typing tries again, and the
/// status line says what happened. Nothing the user typed is dropped because a write failed.
extension ConversationsScreen {
    /// The write of the open form's draft, if it changed since it was last written.
    static func draft(_ conversations: inout ConversationsState, household: String, _ ctx: ScreenContext) -> Effect? {
        guard let form = conversations.form, form.dirty else { return nil }
        conversations.draftTriedAt = ctx.now
        return .store(.saveDraft(form.draft(ctx.l, today: ctx.today), conversationId: form.stored?.id, household: household))
    }

    /// What came of a conversation's write: the draft kept (or why not), the conversation
    /// saved (or kept in the form beside the other person's version), a score, a print.
    static func receive(_ request: StoreRequest, _ result: Result<StoreReply, StoreError>, household: inout HouseholdState,
                        _ ctx: ScreenContext) -> [Effect] {
        guard var conversations = household.conversations else { return [] }
        defer { household.conversations = conversations }
        let l = ctx.l
        switch (request, result) {
        case (.saveDraft, .success):
            conversations.form?.dirty = false
            conversations.unsavedSince = nil
            guard let problem = conversations.draftProblem else { return [] }
            conversations.draftProblem = nil
            if case .full = problem {
                return [.status(StatusMessage(l.pick("Er is weer ruimte: het concept is opgeslagen.", "There is room again: the draft is saved.")))]
            }
            return [.status(StatusMessage(l.pick("Het concept is weer opgeslagen.", "The draft is saved again.")))]
        case (.saveDraft, .failure(let problem)):
            conversations.draftProblem = problem
            return [.status(StatusMessage(notSaved(problem, l), isError: true))]
        case (.discardDraft, _):
            return []
        case (.addScore(let score, _), .success(.household(let file, let rows))):
            household.file = file
            household.rows = rows
            return [.status(StatusMessage(l.pick("\(score.domain.name(in: l)): \(score.score) \(ZRM.label(score.score, in: l)), vandaag.",
                                                 "\(score.domain.name(in: l)): \(score.score) \(ZRM.label(score.score, in: l)), today.")))]
        case (.printConversation, .success(.file(let path))):
            return [.status(StatusMessage(l.pick("Geschreven: \(path)", "Written: \(path)")))]
        case (.saveConversation, .success(.conversation(let saved))):
            let conflict = conversations.form?.conflict
            do {
                conversations.list = try ctx.reads.conversations(household: household.id)
                household.file = try ctx.reads.caseFile(household.id)
            } catch {
                return [.status(StatusMessage(error.message(l), isError: true))]
            }
            // The list shows the conversation just saved, also when it is longer than the screen.
            conversations.selected = conversations.list.firstIndex { $0.id == saved.id } ?? conversations.selected
            conversations.form = nil
            return [.status(StatusMessage(conflict.map { c in
                l.pick("Gesprek opgeslagen, over de versie van \(c.who(l)) heen.", "Conversation saved, over \(c.who(l))'s version.")
            } ?? l.pick("Gesprek opgeslagen.", "Conversation saved.")))]
        case (.saveConversation, .failure(let error)):
            // Someone else saved this conversation meanwhile: keep what was typed, and show
            // their version below it.
            if let list = try? ctx.reads.conversations(household: household.id) { conversations.list = list }
            if var form = conversations.form, let conflict = ConversationConflict.conflict(error, form: form, list: conversations.list, ctx: ctx) {
                form.conflict = conflict
                form.stored = conflict.theirs
                conversations.form = form
                return [.status(StatusMessage(ConversationConflict.refused(conflict, ctx: ctx), isError: true))]
            }
            return [.status(StatusMessage(error.message(in: l), isError: true))]
        case (_, .failure(let error)):
            return [.status(StatusMessage(error.message(in: l), isError: true))]
        default:
            return []
        }
    }

    /// The sentence that stays on the status line while typed text is not in the store
    /// (a key clears the status line; this comes back until a draft is written).
    static func unsavedWarning(_ household: HouseholdState?, l: Language) -> StatusMessage? {
        guard let conversations = household?.conversations, let problem = conversations.draftProblem,
              conversations.form?.dirty == true else { return nil }
        return StatusMessage(notSaved(problem, l), isError: true)
    }

    /// What the user reads when the draft could not be written: the text is kept either way.
    static func notSaved(_ problem: StoreError, _ l: Language) -> String {
        if case .full = problem {
            return l.pick("De schijf is vol: uw tekst blijft staan en wordt opgeslagen zodra er ruimte is.",
                          "The disk is full: your text stays here and is saved as soon as there is room.")
        }
        return problem.message(in: l) + " " + l.pick("Uw tekst blijft staan; opslaan wordt opnieuw geprobeerd.",
                                                     "Your text stays here; saving is tried again.")
    }
}
