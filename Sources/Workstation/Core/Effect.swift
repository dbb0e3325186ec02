import CaseStore
import Casework

/// What a screen asks of the app instead of doing it: moving between screens, a sentence
/// on the status line, and everything that touches the world outside the screen's state —
/// store writes, files, the user's editor. `EffectRunner` runs them in one place; what came
/// of a write goes back to the screen as an `Outcome`. A test drives a screen without a
/// store or a terminal and checks the effects it returns.
enum Effect: Equatable {
    case help
    case quit
    case status(StatusMessage)
    /// Go to another screen (opening a household is recorded in the audit trail first).
    case go(Destination)
    /// Demo store: work as the next member of the demo staff.
    case switchDemoRole
    case store(StoreRequest)
    /// The text in the user's own editor (`$VISUAL`, `$EDITOR`); the edited text comes back.
    case editExternally(String)
    /// A practice copy: check it against its case now and show the checkpoints.
    case checkPractice(household: String)
}

enum Destination: Equatable {
    case caseload
    case household(String)
    /// A new household, taken in at the kitchen table (the user's unsaved intake, if any).
    case intake
    case review
    case dashboard
    /// The outreach queue of vroegsignalering (F12).
    case signals
    /// The intake, filled in with what a signal nobody matched knows; the signal joins the new household.
    case intakeFromSignal(String, SignalClient)
}

/// A write to the store (or a file that goes with one), described so a test can read it.
enum StoreRequest: Equatable {
    case addLedgerLine(LedgerEntry, household: String)
    case updateLedgerLine(StoredLedgerLine, to: LedgerEntry, overwriting: Bool)
    case deleteLedgerLine(StoredLedgerLine)
    /// `u`: the line deleted last, added again.
    case restoreLedgerLine(LedgerEntry, household: String)
    case saveConversation(Conversation, stored: StoredConversation?, household: String, overwriting: Bool)
    case saveDraft(Conversation, conversationId: Int64?, household: String)
    case discardDraft(household: String)
    /// The request form as typed (GrantFormDraft.swift), and away once it is saved or thrown away.
    case saveGrantFormDraft(String, grantId: String?, household: String)
    case discardGrantFormDraft(household: String)
    case addScore(LifeDomainScore, household: String)
    case saveGrantDraft(Grant, stored: StoredGrant?, household: String)
    /// Saves the request as it stands, then submits it.
    case submitGrant(Grant, stored: StoredGrant?, household: String)
    case payGrant(StoredGrant)
    /// A hand-marked payment taken back.
    case unpayGrant(StoredGrant)
    case evaluateGrant(StoredGrant, Evaluation)
    case decideGrant(StoredGrant, GrantAction, comment: String?, letterReasons: String?)
    case withdrawGrant(StoredGrant)
    case recordContact(String, ContactAttempt)
    case closeSignalCase(String, SignalCaseResult, reason: String)
    case setAsideSignal(String, SignalStatus, reason: String)
    case attachSignal(String, household: String)
    case recordObjection(StoredGrant, received: CalendarDate, grounds: String)
    case decideObjection(StoredGrant, ObjectionOutcome, reasons: String, newDecision: String)
    /// Reads a household for the review queue, recorded as a view.
    case viewForReview(householdId: String)
    /// Writes the decision letter (0600) and records it as a view of the household.
    case writeLetter(StoredGrant, household: String, text: String)
    /// Writes a conversation as a text file (0600).
    case printConversation(String, name: String)
    /// The decision letter as it was sent, printed again to a new file (a copy, not a new letter).
    case printLetterCopy(String, name: String, sentOn: CalendarDate)
    /// A change from the household's overview or plan.
    case editHousehold(HouseholdEdit, household: String)
    /// The intake: are these people in the store already? Then the new household.
    case checkDuplicates(Household)
    case createHousehold(Household, despite: [PossibleDuplicate])
    case saveIntakeDraft(Intake)
    case discardIntakeDraft
    /// Writes the plan for the family (0600, a new file each time), recorded as a view.
    case printPlan(String, household: String)
}

/// A change of a household from its overview or its plan: each one unit of work of the
/// store, answered with the household as it is then.
enum HouseholdEdit: Equatable {
    case addMember(Member)
    case updateMember(Stored<Member>, Member, overwriting: Bool)
    case deleteMember(Stored<Member>)
    case nameAndAddress(HouseholdRecord, name: String, address: Address, overwriting: Bool)
    case addScore(LifeDomainScore)
    case undoScore(Stored<LifeDomainScore>)
    case addSignal(Signal)
    case updateSignal(Stored<Signal>, Signal, overwriting: Bool)
    case updateAgreement(StoredAgreement, Agreement, overwriting: Bool)
    /// A grant's condition (art. 55) as an agreement: done, its date, who.
    case updateCondition(StoredGrant, index: Int, Agreement)
    case addGoal(Goal)
    case updateGoal(Stored<Goal>, Goal, overwriting: Bool)
    case deleteGoal(Stored<Goal>)
    case reviewDate(HouseholdRecord, CalendarDate?)
    case assign(to: String, note: String)
    case close(ClosingReason, note: String, on: CalendarDate)
    case reopen
    case handoverRead
}

/// What came of an effect, handed back to the screen that asked.
enum Outcome {
    case stored(StoreRequest, Result<StoreReply, StoreError>)
    case edited(Result<String, EditorFailure>)
}

enum StoreReply: Equatable {
    case done
    case ledgerLine(StoredLedgerLine)
    case conversation(StoredConversation)
    case grant(StoredGrant)
    /// Submitted: waiting for the team leader, or approved within the mandate.
    case submitted(StoredGrant)
    /// Saved as a draft, but the rules refused the submission: every reason.
    case notSubmitted(draft: StoredGrant, reasons: [GrantRefusal])
    case caseFile(CaseFile)
    /// A file was written at this path.
    case file(String)
    /// The household after a change: its case file and its rows as stored.
    case household(CaseFile, HouseholdRows)
    case duplicates([PossibleDuplicate])
    /// The new household's id.
    case created(String)
}

struct EditorFailure: Error, Equatable {
    let editor: String
}
