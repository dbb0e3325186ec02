import CaseStore
import Casework

/// A team on one store: what another workstation saves to this household shows here within
/// a pause or two (docs/architecture.md, "A team on one store"). The household's change
/// counter is read on every pause; when it rose, the household is read again — its facts, its
/// rows, the open tab's lists — and whatever is being typed stays as it is. A form whose line
/// was changed underneath says so at once, not only when it is saved.
extension HouseholdState {
    mutating func followChanges(_ ctx: ScreenContext) -> StatusMessage? {
        guard let counter = try? ctx.reads.householdChangeCounter(id), counter != changeCounter else { return nil }
        let first = changeCounter == nil
        changeCounter = counter
        if first { return nil }
        do {
            file = try ctx.reads.caseFile(id)
            rows = try ctx.reads.householdRows(id)
            var notice: StatusMessage?
            if var ledger {
                ledger.lines = try ctx.reads.ledgerLines(household: id)
                notice = Self.changedUnderneath(ledger, ctx)
                self.ledger = ledger
            }
            if var conversations {
                conversations.list = try ctx.reads.conversations(household: id)
                // A conversation being edited here that someone else saved meanwhile.
                if let form = conversations.form, let stored = form.stored,
                   let now = conversations.list.first(where: { $0.id == stored.id }), now.version != stored.version {
                    notice = StatusMessage(ctx.l.pick("\(now.changedBy) heeft dit gesprek net opgeslagen; bij opslaan ziet u beide versies.",
                                                      "\(now.changedBy) just saved this conversation; saving shows both versions."),
                                           isError: true)
                }
                self.conversations = conversations
            }
            if var grants, grants.form == nil {
                grants.list = try ctx.reads.grants(household: id)
                self.grants = grants
            }
            PlanScreen.keepSelection(&self)
            if let edit, let rows, edit.refreshed(rows) != edit.purpose {
                notice = StatusMessage(ctx.l.pick("Wat u hier wijzigt, is intussen op een andere werkplek gewist of veranderd; bij opslaan ziet u het.",
                                                  "What you are changing here was deleted or changed at another workstation meanwhile; saving shows it."),
                                       isError: true)
            }
            return notice
        } catch {
            return nil
        }
    }

    /// The line in the ledger's form, when someone else saved or deleted it since it was opened.
    private static func changedUnderneath(_ ledger: LedgerState, _ ctx: ScreenContext) -> StatusMessage? {
        guard let form = ledger.form, case .edit(let line) = form.mode, form.conflict == nil else { return nil }
        let now = ledger.lines.first { $0.id == line.id }
        if let now, now.version == line.version { return nil }
        let l = ctx.l
        return StatusMessage(now.map { n in
            l.pick("\(n.changedBy) heeft \"\(line.entry.label)\" net gewijzigd; bij opslaan ziet u beide versies.",
                   "\(n.changedBy) just changed \"\(line.entry.label)\"; saving shows both versions.")
        } ?? l.pick("\"\(line.entry.label)\" is net op een andere werkplek gewist; bij opslaan ziet u dat.",
                    "\"\(line.entry.label)\" was just deleted at another workstation; saving shows it."), isError: true)
    }
}
