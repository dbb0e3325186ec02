import CaseStore
import Casework
import Foundation

/// The one place where the workstation touches the world: store writes, the files it
/// writes and what goes with them in the audit trail. Each request is one unit of work of
/// the store; whatever it does, its outcome goes back to the screen that asked.
struct EffectRunner {
    let env: AppEnvironment

    func run(_ request: StoreRequest) -> Result<StoreReply, StoreError> {
        do {
            return .success(try perform(request))
        } catch let error as StoreError {
            return .failure(error)
        } catch {
            return .failure(.database("\(error)"))
        }
    }

    private func perform(_ request: StoreRequest) throws -> StoreReply {
        let store = env.store, actor = env.actor
        switch request {
        case .addLedgerLine(let entry, let household), .restoreLedgerLine(let entry, let household):
            return .ledgerLine(try store.addLedgerLine(entry, household: household, by: actor))
        case .updateLedgerLine(let line, let entry, let overwriting):
            return .ledgerLine(try store.updateLedgerLine(line, to: entry, by: actor, overwriting: overwriting))
        case .deleteLedgerLine(let line):
            try store.deleteLedgerLine(line, by: actor)
            return .done
        case .saveConversation(let conversation, let stored, let household, let overwriting):
            if let stored { return .conversation(try store.updateConversation(stored, to: conversation, by: actor, overwriting: overwriting)) }
            return .conversation(try store.addConversation(conversation, household: household, by: actor))
        case .saveDraft(let conversation, let id, let household):
            try store.saveDraft(conversation, conversationId: id, household: household, by: actor)
            return .done
        case .discardDraft(let household):
            try store.discardDraft(household: household, by: actor)
            return .done
        case .saveGrantFormDraft(let document, let grantId, let household):
            try store.saveGrantFormDraft(document, grantId: grantId, household: household, by: actor)
            return .done
        case .discardGrantFormDraft(let household):
            try store.discardGrantFormDraft(household: household, by: actor)
            return .done
        case .addScore(let score, let household):
            try store.addLifeDomainScore(score, household: household, by: actor)
            return try reread(household)
        case .saveGrantDraft(let grant, let stored, let household):
            return .grant(try saveDraft(grant, stored: stored, household: household))
        case .submitGrant(let grant, let stored, let household):
            // A draft submitted from the list is as stored: no edit to write first.
            let draft = try stored.flatMap { $0.grant == grant ? $0 : nil } ?? saveDraft(grant, stored: stored, household: household)
            do {
                return .submitted(try store.submitGrant(draft, by: actor))
            } catch StoreError.grantRefusals(let reasons) {
                return .notSubmitted(draft: draft, reasons: reasons)
            }
        case .payGrant(let grant):
            return .grant(try store.payGrant(grant, by: actor))
        case .unpayGrant(let grant):
            return .grant(try store.unpayGrant(grant, by: actor))
        case .evaluateGrant(let grant, let evaluation):
            return .grant(try store.evaluateGrant(grant, evaluation, by: actor))
        case .decideGrant(let grant, let action, let comment, let reasons):
            return .grant(try store.decideGrant(grant, action, comment: comment, letterReasons: reasons, by: actor))
        case .withdrawGrant(let grant):
            return .grant(try store.withdrawGrant(grant, by: actor))
        case .recordContact(let zaak, let attempt):
            _ = try store.recordContactAttempt(zaak, attempt, by: actor)
            return .done
        case .closeSignalCase(let zaak, let result, let reason):
            _ = try store.closeSignalCase(zaak, result: result, reason: reason, by: actor)
            return .done
        case .setAsideSignal(let id, let status, let reason):
            try store.setAsideSignal(id, status: status, reason: reason, by: actor)
            return .done
        case .attachSignal(let id, let household):
            _ = try store.attachUnmatched(id, to: household, by: actor)
            return .done
        case .recordObjection(let grant, let received, let grounds):
            return .grant(try store.recordObjection(grant, received: received, grounds: grounds, by: actor))
        case .decideObjection(let grant, let outcome, let reasons, let newDecision):
            return .grant(try store.decideObjection(grant, outcome: outcome, reasons: reasons, newDecision: newDecision, by: actor))
        case .viewForReview(let household):
            return .caseFile(try store.viewCaseFile(household, by: actor, action: "grant.review"))
        case .writeLetter(let grant, let household, let text):
            // The file first (never over another, synced); then the letter is recorded as sent.
            let path = try write(text, name: "besluit-\(grant.id).txt")
            try store.recordLetter(text, grant: grant.id, household: household, by: actor)
            return .file(path)
        case .printConversation(let text, let name), .printLetterCopy(let text, let name, _):
            return .file(try write(text, name: name))
        case .editHousehold(let edit, let household):
            try perform(edit, household: household)
            return try reread(household)
        case .checkDuplicates(let household):
            return .duplicates(try store.possibleDuplicates(of: household))
        case .createHousehold(let household, let despite):
            return .created(try store.createHousehold(household, despite: despite, fromDraft: true, by: actor))
        case .saveIntakeDraft(let intake):
            try store.saveIntakeDraft(intake, by: actor)
            return .done
        case .discardIntakeDraft:
            try store.discardIntakeDraft(by: actor)
            return .done
        case .printPlan(let text, let household):
            let path = try write(text, name: "plan-\(household)-\(env.clock.today.iso).txt")
            try store.recordView(by: actor, household: household, action: "plan.print", detail: path)
            return .file(path)
        }
    }

    private func perform(_ edit: HouseholdEdit, household: String) throws {
        let store = env.store, actor = env.actor
        switch edit {
        case .addMember(let member): _ = try store.addMember(member, household: household, by: actor)
        case .updateMember(let stored, let member, let overwriting): _ = try store.updateMember(stored, to: member, by: actor, overwriting: overwriting)
        case .deleteMember(let stored): try store.deleteMember(stored, by: actor)
        case .nameAndAddress(let record, let name, let address, let overwriting):
            _ = try store.updateHousehold(record, name: name, address: address, by: actor, overwriting: overwriting)
        case .addScore(let score): try store.addLifeDomainScore(score, household: household, by: actor)
        case .undoScore(let stored): try store.undoLifeDomainScore(stored, by: actor)
        case .addSignal(let signal): _ = try store.addSignal(signal, household: household, by: actor)
        case .updateSignal(let stored, let signal, let overwriting): _ = try store.updateSignal(stored, to: signal, by: actor, overwriting: overwriting)
        case .updateAgreement(let stored, let agreement, let overwriting):
            _ = try store.updateAgreement(stored, to: agreement, by: actor, overwriting: overwriting)
        case .updateCondition(let stored, let index, let condition):
            _ = try store.setGrantCondition(stored, index: index, to: condition, by: actor)
        case .addGoal(let goal): _ = try store.addGoal(goal, household: household, by: actor)
        case .updateGoal(let stored, let goal, let overwriting): _ = try store.updateGoal(stored, to: goal, by: actor, overwriting: overwriting)
        case .deleteGoal(let stored): try store.deleteGoal(stored, by: actor)
        case .reviewDate(let record, let day): _ = try store.setPlanReviewDate(record, to: day, by: actor)
        case .assign(let to, let note): try store.assignHousehold(household, to: to, note: note, by: actor)
        case .close(let reason, let note, let day): try store.closeHousehold(household, reason: reason, note: note, on: day, by: actor)
        case .reopen: try store.reopenHousehold(household, by: actor)
        case .handoverRead: try store.markHandoverRead(household, by: actor)
        }
    }

    /// The household as it is now, after a change.
    private func reread(_ household: String) throws -> StoreReply {
        .household(try env.store.caseFile(household), try env.store.householdRows(household))
    }

    private func saveDraft(_ grant: Grant, stored: StoredGrant?, household: String) throws -> StoredGrant {
        if let stored { return try env.store.updateGrantDraft(stored, to: grant, by: env.actor) }
        return try env.store.addGrantDraft(grant, household: household, by: env.actor)
    }

    /// A new file in the output folder, 0600 (what is printed holds personal data), never
    /// over an earlier one: `name`, else `name-2`, `name-3`, … It is on disk (synced) before
    /// the path is returned, so nothing is said to be written that is not.
    private func write(_ text: String, name: String) throws -> String {
        try OutputFile.writeNew(text, folder: env.outputFolder, name: name)
    }
}
