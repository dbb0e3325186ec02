import CaseStore
import Casework
import Terminal

/// The draft of the conversation being typed goes to the store within a second of a key
/// (ConversationsState.draftDelay) and on every change of field ("never lost"). When the store refuses it — the disk is
/// full, the store became read-only — the text stays in the editor, the form stays marked
/// unsaved so every pause in typing tries again, and the status line says what happened.
/// Nothing the user typed is dropped because a write failed.
extension ConversationsScreen {
    /// Writes the draft of the open form if it changed since it was last written. Returns
    /// false when the store refused it (the reason is then in `message`).
    @discardableResult
    static func saveDraft(_ conversations: inout ConversationsState, household: String, env: AppEnvironment, now: Double,
                          message: inout StatusMessage?) -> Bool {
        guard var form = conversations.form, form.dirty else { return true }
        conversations.draftTriedAt = now
        do {
            try env.store.saveDraft(form.draft(env.l, today: env.today), conversationId: form.stored?.id,
                                    household: household, by: env.actor)
        } catch {
            let problem = error as? StoreError ?? .database("\(error)")
            conversations.draftProblem = problem
            message = StatusMessage(notSaved(problem, env.l), isError: true)
            return false
        }
        form.dirty = false
        conversations.form = form
        conversations.unsavedSince = nil
        if let problem = conversations.draftProblem {
            conversations.draftProblem = nil
            if case .full = problem {
                message = StatusMessage(env.l.pick("Er is weer ruimte: het concept is opgeslagen.", "There is room again: the draft is saved."))
            } else {
                message = StatusMessage(env.l.pick("Het concept is weer opgeslagen.", "The draft is saved again."))
            }
        }
        return true
    }

    /// The sentence that stays on the status line while typed text is not in the store
    /// (a key clears the status line; this comes back until a draft is written).
    static func unsavedWarning(_ household: HouseholdState?, env: AppEnvironment) -> StatusMessage? {
        guard let conversations = household?.conversations, let problem = conversations.draftProblem,
              conversations.form?.dirty == true else { return nil }
        return StatusMessage(notSaved(problem, env.l), isError: true)
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
