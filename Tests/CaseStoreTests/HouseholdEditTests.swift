import Casework
import Foundation
import GRDB
import Testing
@testable import CaseStore

/// The overview's edits in the store: each a unit of work with its audit row, refused when
/// based on a version someone else has changed, and keeping the household's rules.
@Suite("Editing a household: members, address, scores, signals, agreements, the plan")
struct HouseholdEditTests {
    func setUp(_ folder: String) throws -> (Store, String) {
        let store = try makeStore(in: folder)
        let id = try store.importCaseFiles([try sampleSource("hh-demo-0001.json")], by: leader.actor)[0]
        return (store, id)
    }

    @Test("Members: added, renamed (the income lines follow), refused where the rules say no, removed")
    func members() throws {
        try withTemporaryFolder { folder in
            let (store, id) = try setUp(folder)
            let before = try store.householdRows(id).members
            let applicant = try #require(before.first { $0.value.role == .applicant })
            let baby = try store.addMember(Member(name: "Daan Test", birthDate: CalendarDate(iso: "2026-10-01"), role: .child),
                                           household: id, by: caseworker)
            #expect(try store.caseFile(id).household.members.last?.name == "Daan Test")
            // Found by the new member's name in the caseload's search.
            #expect(try store.caseloadCount(CaseloadFilter(search: "daan")) == 1)
            // A second applicant, a name twice: refused, with the rule.
            #expect(throws: StoreError.memberRules([.secondApplicant])) {
                _ = try store.updateMember(baby, to: Member(name: "Daan Test", birthDate: nil, role: .applicant), by: caseworker)
            }
            #expect(throws: StoreError.memberRules([.sameName(applicant.value.name)])) {
                _ = try store.addMember(Member(name: applicant.value.name, birthDate: nil, role: .other), household: id, by: caseworker)
            }
            // The applicant renamed: the income lines in her name carry the new name.
            let incomeBefore = try store.caseFile(id).finances.income.filter { $0.member == applicant.value.name }.count
            try #require(incomeBefore > 0, "the sample has income in the applicant's name")
            var renamed = applicant.value
            renamed.name = "Sanne de Jong"
            _ = try store.updateMember(applicant, to: renamed, by: caseworker)
            #expect(try store.caseFile(id).finances.income.filter { $0.member == "Sanne de Jong" }.count == incomeBefore)
            // The old version again: refused, with who saved in between.
            #expect(throws: StoreError.conflict(what: applicant.value.name, by: "r.westra", at: try store.householdRows(id).members[0].changedAt)) {
                _ = try store.updateMember(applicant, to: applicant.value, by: otherCaseworker)
            }
            // Someone with income lines stays; someone without goes.
            let now = try store.householdRows(id).members
            #expect(throws: StoreError.memberRules([.hasIncome(member: "Sanne de Jong", lines: incomeBefore)])) {
                try store.deleteMember(now.first { $0.value.name == "Sanne de Jong" }!, by: caseworker)
            }
            try store.deleteMember(now.first { $0.value.name == "Daan Test" }!, by: caseworker)
            #expect(try store.caseloadCount(CaseloadFilter(search: "daan")) == 0)
            let trail = try store.auditTrail(household: id).map(\.action).filter { $0.hasPrefix("member.") }
            #expect(trail == ["member.add", "member.update", "member.delete"])
        }
    }

    @Test("Name and address: one versioned save; the search finds the new street")
    func address() throws {
        try withTemporaryFolder { folder in
            let (store, id) = try setUp(folder)
            let record = try store.householdRows(id).record
            let moved = try store.updateHousehold(record, name: "Huishouden Jansen", address: Address(street: "Oostzijde 3A", postcode: "1502 BA", city: "Zaandam"),
                                                  by: caseworker)
            #expect(moved.version == record.version + 1)
            #expect(try store.caseFile(id).household.address == Address(street: "Oostzijde 3A", postcode: "1502 BA", city: "Zaandam"))
            #expect(try store.caseloadCount(CaseloadFilter(search: "oostzijde")) == 1)
            #expect(throws: StoreError.self) {
                _ = try store.updateHousehold(record, name: "x", address: Address(), by: otherCaseworker)
            }
            #expect(try store.auditTrail(household: id).last { $0.action == "household.update" }?.detail.contains("Oostzijde 3A") == true)
        }
    }

    @Test("A score with a note, taken back with undo; a signal by hand, its arrears put right (its status is the queue's); an agreement done and moved")
    func scoresSignalsAgreements() throws {
        try withTemporaryFolder { folder in
            let (store, id) = try setUp(folder)
            let count = try store.householdRows(id).scores.count
            let score = try store.addLifeDomainScore(LifeDomainScore(domain: .huisvesting, score: 2, date: CalendarDate(iso: "2026-11-23"),
                                                                     note: "Huurachterstand € 1.200"), household: id, by: caseworker)
            #expect(try store.caseFile(id).lifeDomains.last?.note == "Huurachterstand € 1.200")
            try store.undoLifeDomainScore(score, by: caseworker)
            #expect(try store.householdRows(id).scores.count == count)

            let signal = try store.addSignal(Signal(partner: .energie, creditor: "Vattenfall", amount: Money(cents: 34_250),
                                                    received: CalendarDate(iso: "2026-11-23")), household: id, by: caseworker)
            // In a zaak: the arrears may be put right here; its status changes in the queue only.
            #expect(signal.value.caseId != nil)
            var contact = signal.value
            contact.status = .pickedUp
            contact.amount = Money(cents: 36_000)
            let updated = try store.updateSignal(signal, to: contact, by: caseworker)
            #expect(updated.version == 2)
            #expect(try store.caseFile(id).signals.last?.status == .notYetPickedUp)
            #expect(try store.caseFile(id).signals.last?.amount == Money(cents: 36_000))

            let agreement = try #require(store.householdRows(id).agreements.first)
            let conversation = try #require(store.conversations(household: id).first { $0.id == agreement.conversationId })
            var done = agreement.row.value
            done.done = true
            done.due = CalendarDate(iso: "2026-12-15")
            _ = try store.updateAgreement(agreement, to: done, by: caseworker)
            #expect(try store.householdRows(id).agreements.first?.row.value == done)
            // The conversation moved on too: a form of it opened before cannot save its old agreements over this.
            #expect(throws: StoreError.self) {
                _ = try store.updateConversation(conversation, to: conversation.conversation, by: otherCaseworker)
            }
        }
    }

    @Test("The plan: goals per area of life with actions, a review date; overdue actions counted on the caseload")
    func plan() throws {
        try withTemporaryFolder { folder in
            let (store, id) = try setUp(folder)
            let today = CalendarDate(year: 2026, month: 11, day: 23)!
            let overdueBefore = try store.caseloadPage(CaseloadFilter(), offset: 0, limit: 10, today: today)[0].overdueAgreements
            let goal = try store.addGoal(Goal(id: "", text: "Huur weer op tijd betalen", domain: .huisvesting, status: .open, actions: [
                PlanAction(text: "Betalingsregeling met Parteon", who: "Roos Westra", due: CalendarDate(iso: "2026-11-20")),
                PlanAction(text: "Automatische incasso", who: "Sanne Jansen", due: CalendarDate(iso: "2026-12-01")),
            ]), household: id, by: caseworker)
            // The next free id after the sample's g1.
            #expect(goal.value.id == "g2")
            // One action's day has passed (20-11 < 23-11): one more overdue on the caseload.
            #expect(try store.caseloadPage(CaseloadFilter(), offset: 0, limit: 10, today: today)[0].overdueAgreements == overdueBefore + 1)
            var done = goal.value
            done.actions[0].done = true
            _ = try store.updateGoal(goal, to: done, by: caseworker)
            #expect(try store.caseloadPage(CaseloadFilter(), offset: 0, limit: 10, today: today)[0].overdueAgreements == overdueBefore)
            let record = try store.householdRows(id).record
            _ = try store.setPlanReviewDate(record, to: CalendarDate(iso: "2027-03-01"), by: caseworker)
            let plan = try #require(store.caseFile(id).plan)
            #expect(plan.reviewDate?.iso == "2027-03-01")
            #expect(plan.goals.map(\.id) == ["g1", "g2"])
            #expect(plan.goals[1].actions.map(\.done) == [true, false])
            try store.deleteGoal(store.householdRows(id).goals[1], by: caseworker)
            #expect(try store.caseFile(id).plan?.goals.map(\.id) == ["g1"])
            let trail = try store.auditTrail(household: id).map(\.action).filter { $0.hasPrefix("plan.") }
            #expect(trail == ["plan.goal.add", "plan.goal.update", "plan.review", "plan.goal.delete"])
        }
    }

    @Test("A new household gets its plan with its first goal")
    func firstGoal() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            let id = try store.createHousehold(Household(name: "Huishouden Test", address: Address(street: "Dorpsstraat 1", postcode: "1234 AB", city: "Ons Dorp"),
                                                         members: [Member(name: "Test", birthDate: CalendarDate(iso: "1990-01-01"), role: .applicant)]),
                                               by: caseworker)
            #expect(try store.caseFile(id).plan == nil)
            _ = try store.addGoal(Goal(id: "", text: "Werk vinden", domain: .werkOpleiding), household: id, by: caseworker)
            #expect(try store.caseFile(id).plan?.goals.map(\.id) == ["g1"])
        }
    }
}
