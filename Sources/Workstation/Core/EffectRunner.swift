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
        case .addScore(let score, let household):
            try store.addLifeDomainScore(score, household: household, by: actor)
            return .caseFile(try store.caseFile(household))
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
        case .evaluateGrant(let grant, let evaluation):
            return .grant(try store.evaluateGrant(grant, evaluation, by: actor))
        case .decideGrant(let grant, let action, let comment):
            return .grant(try store.decideGrant(grant, action, comment: comment, by: actor))
        case .viewForReview(let household):
            return .caseFile(try store.viewCaseFile(household, by: actor, action: "grant.review"))
        case .writeLetter(let grant, let household, let text):
            let path = try write(text, name: "besluit-\(grant.id).txt")
            try store.recordView(by: actor, household: household, action: "grant.letter", detail: grant.id)
            return .file(path)
        case .printConversation(let text, let name):
            return .file(try write(text, name: name))
        }
    }

    private func saveDraft(_ grant: Grant, stored: StoredGrant?, household: String) throws -> StoredGrant {
        if let stored { return try env.store.updateGrantDraft(stored, to: grant, by: env.actor) }
        return try env.store.addGrantDraft(grant, household: household, by: env.actor)
    }

    /// A file in the output folder, 0600: what is printed holds personal data.
    private func write(_ text: String, name: String) throws -> String {
        let path = env.outputFolder + "/" + name
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw StoreError.cannotCreate(path: path, reason: "cannot write")
        }
        return path
    }
}
