import Casework
import Foundation
import GRDB
import Testing
@testable import CaseStore

/// A household from intake to closing, in the store: the rules hold whatever screen or
/// command asks, and every step is in the audit trail.
@Suite("A case from intake to closing")
struct HouseholdLifecycleTests {
    static let west = Actor(user: "w.west", role: .caseworker)
    static let today = CalendarDate(year: 2026, month: 11, day: 23)!

    /// The Jansen family as typed at the kitchen table.
    static var jansen: Household {
        Intake(applicant: "Sanne Jansen 12-04-1991 111222333", address: "Westzijde 12, 1506 EA Zaandam",
               others: [.init(line: "Mila Jansen 01-09-2021")]).household(caseworker: nil, today: today)!
    }

    func setUp(_ folder: String) throws -> Store {
        let store = try makeStore(in: folder)
        try store.addStaff(StaffMember(user: "w.west", name: "Wim West", role: .caseworker, team: "Wijkteam West"), by: leader.actor)
        return store
    }

    @Test("An intake makes a household held by the one typing, of their team, its intake in the trail")
    func intake() throws {
        try withTemporaryFolder { folder in
            let store = try setUp(folder)
            let id = try store.createHousehold(Self.jansen, by: Self.west)
            let file = try store.caseFile(id)
            #expect(file.household.caseworker == "w.west")
            #expect(file.household.name == "Huishouden Jansen")
            #expect(file.household.members.map(\.role) == [.applicant, .child])
            #expect(try store.householdRows(id).record.team == "Wijkteam West")
            #expect(try store.auditTrail(household: id).map(\.action) == ["household.intake"])
            // Only a team leader takes in for someone else.
            var forRoos = Self.jansen
            forRoos.members[0].bsn = nil
            forRoos.caseworker = "r.westra"
            #expect(throws: StoreError.notAllowed(user: "w.west", role: .caseworker, action: .assignHousehold)) {
                _ = try store.createHousehold(forRoos, by: Self.west)
            }
        }
    }

    @Test("The same family again: found by BSN, by name and birth date, by address; saved only knowingly")
    func duplicates() throws {
        try withTemporaryFolder { folder in
            let store = try setUp(folder)
            let first = try store.createHousehold(Self.jansen, by: caseworker)
            let found = try store.possibleDuplicates(of: Self.jansen)
            #expect(found == [PossibleDuplicate(householdId: first, householdName: "Huishouden Jansen", caseworker: "r.westra",
                                                reasons: [.bsn(member: "Sanne Jansen"), .nameAndBirthDate(member: "Sanne Jansen"),
                                                          .nameAndBirthDate(member: "Mila Jansen"), .address])])
            #expect(throws: StoreError.possibleDuplicates(found)) { _ = try store.createHousehold(Self.jansen, by: caseworker) }
            // Name and birth date match whatever the case and diacritics; the address by postcode and street line.
            let mila = Household(name: "x", address: Address(street: "westzijde  12", postcode: "1506 EA", city: "Zaandam"),
                                 members: [Member(name: "MILA jansen", birthDate: CalendarDate(iso: "2021-09-01"), role: .applicant)])
            #expect(try store.possibleDuplicates(of: mila).first?.reasons == [.nameAndBirthDate(member: "MILA jansen"), .address])
            let second = try store.createHousehold(Self.jansen, despite: found, by: caseworker)
            #expect(second != first)
            let intake = try #require(store.auditTrail(household: second).first)
            #expect(intake.detail.contains("went on knowingly despite possible duplicates: \(first) Huishouden Jansen"))
            // A closed household is no duplicate: its family may come back.
            try store.closeHousehold(first, reason: .goalsReached, on: Self.today, by: caseworker)
            #expect(try store.possibleDuplicates(of: Self.jansen).map(\.householdId) == [second])
        }
    }

    @Test("A team leader assigns and transfers, across teams, with a note; a caseworker only takes what nobody holds in their team")
    func assigning() throws {
        try withTemporaryFolder { folder in
            let store = try setUp(folder)
            let id = try store.createHousehold(Self.jansen, by: caseworker)
            // Another team's caseworker cannot open it, nor take it.
            #expect(try !store.mayView(household: id, by: Self.west))
            #expect(throws: StoreError.notAllowed(user: "w.west", role: .caseworker, action: .openOtherTeamsHousehold)) {
                try store.assignHousehold(id, to: "w.west", by: Self.west)
            }
            // Nor may a caseworker give it to someone else.
            #expect(throws: StoreError.notAllowed(user: "r.westra", role: .caseworker, action: .assignHousehold)) {
                try store.assignHousehold(id, to: "s.elidrissi", by: caseworker)
            }
            #expect(throws: StoreError.notACaseworker(user: "a.dekker")) { try store.assignHousehold(id, to: "a.dekker", by: leader.actor) }
            try store.assignHousehold(id, to: "w.west", note: "Sanne belt liever na 16 uur.", by: leader.actor)
            let rows = try store.householdRows(id)
            #expect(rows.record.caseworker == "w.west" && rows.record.team == "Wijkteam West")
            // Stamped with the moment of the assignment's own audit row.
            let assigned = try #require(store.auditTrail(household: id).last { $0.action == "household.assign" })
            #expect(rows.record.handover == .init(note: "Sanne belt liever na 16 uur.", by: "j.bakker", at: assigned.at, unread: true))
            #expect(try store.caseFile(id).household.caseworker == "w.west")
            #expect(try store.mayView(household: id, by: Self.west))
            #expect(try !store.mayView(household: id, by: caseworker))
            try store.markHandoverRead(id, by: Self.west)
            #expect(try store.householdRows(id).record.handover?.unread == false)
            let trail = try store.auditTrail(household: id).map { "\($0.action): \($0.detail)" }
            #expect(trail.contains("household.assign: transferred from r.westra (team ) to w.west (team Wijkteam West); note: Sanne belt liever na 16 uur."))
            #expect(trail.last == "household.handover.read: ")
            // Held by no one in its team: a caseworker of that team takes it; then it is held.
            try store.change(by: leader.actor, household: id, action: "test.release", detail: "") { db, _ in
                try db.execute(sql: "UPDATE household SET caseworker = NULL WHERE id = ?", arguments: [id])
            }
            #expect(throws: StoreError.notAllowed(user: "r.westra", role: .caseworker, action: .openOtherTeamsHousehold)) {
                try store.assignHousehold(id, to: "r.westra", by: caseworker)
            }
            try store.addStaff(StaffMember(user: "m.west", name: "Mo West", role: .caseworker, team: "Wijkteam West"), by: leader.actor)
            let mo = Actor(user: "m.west", role: .caseworker)
            try store.assignHousehold(id, to: "m.west", by: mo)
            #expect(try store.auditTrail(household: id).last?.detail == "assigned from nobody (team Wijkteam West) to m.west (team Wijkteam West)")
            #expect(throws: StoreError.alreadyAssigned(id: id, to: "m.west")) { try store.assignHousehold(id, to: "w.west", by: Self.west) }
        }
    }

    @Test("Closing: a reason and a day, a note where the reason needs one, not with money under way; closed takes no edits; reopened")
    func closing() throws {
        try withTemporaryFolder { folder in
            let store = try setUp(folder)
            let id = try store.createHousehold(Self.jansen, by: caseworker)
            #expect(throws: StoreError.closingNoteMissing(.handedOver)) {
                try store.closeHousehold(id, reason: .handedOver, on: Self.today, by: caseworker)
            }
            #expect(throws: StoreError.notAllowed(user: "s.elidrissi", role: .caseworker, action: .closeHousehold)) {
                try store.closeHousehold(id, reason: .moved, on: Self.today, by: otherCaseworker)
            }
            #expect(try store.caseloadCount(CaseloadFilter(caseworker: "r.westra")) == 1)
            try store.closeHousehold(id, reason: .handedOver, note: "Aan schuldhulp Zaanstad", on: Self.today, by: caseworker)
            let closing = try store.householdRows(id).record.closing
            #expect(closing == .init(on: Self.today, reason: .handedOver, note: "Aan schuldhulp Zaanstad"))
            // Out of "mine", into the closed list, found by its name there too.
            #expect(try store.caseloadCount(CaseloadFilter(caseworker: "r.westra")) == 0)
            #expect(try store.caseloadCount(CaseloadFilter(closed: true)) == 1)
            #expect(try store.caseloadCount(CaseloadFilter(search: "jans", closed: true)) == 1)
            #expect(try store.caseloadCount(CaseloadFilter(search: "jans")) == 0)
            #expect(throws: StoreError.householdClosed(id: id)) {
                _ = try store.addSignal(Signal(partner: .huur, creditor: "Parteon", amount: Money(cents: 100)), household: id, by: caseworker)
            }
            #expect(throws: StoreError.householdClosed(id: id)) { try store.closeHousehold(id, reason: .moved, on: Self.today, by: caseworker) }
            try store.reopenHousehold(id, by: leader.actor)
            #expect(try store.householdRows(id).record.closing == nil)
            #expect(try store.caseloadCount(CaseloadFilter(caseworker: "r.westra", search: "jans")) == 1)
            #expect(throws: StoreError.householdNotClosed(id: id)) { try store.reopenHousehold(id, by: caseworker) }
            let trail = try store.auditTrail(household: id).map(\.action)
            #expect(trail.suffix(2) == ["household.close", "household.reopen"])
        }
    }

    @Test("A household cannot close while a request waits for a decision or for payment")
    func closingWithMoneyUnderWay() throws {
        try withTemporaryFolder { folder in
            let store = try setUp(folder)
            let id = try store.importCaseFiles([try sampleSource("hh-demo-0001.json")], by: leader.actor)[0]
            let waiting = try store.grants(household: id).filter { $0.grant.status == .submitted || $0.grant.status == .approved }.count
            try #require(waiting > 0, "the sample has a request under way")
            #expect(throws: StoreError.grantsUnderWay(id: id, count: waiting)) {
                try store.closeHousehold(id, reason: .goalsReached, on: Self.today, by: caseworker)
            }
        }
    }

    @Test("Retention finds a household closed through the store, once its period has passed")
    func retentionOfClosed() throws {
        try withTemporaryFolder { folder in
            let store = try setUp(folder)
            let id = try store.createHousehold(Self.jansen, by: caseworker)
            #expect(try store.retentionCandidates(before: CalendarDate(year: 2030, month: 1, day: 1)!).isEmpty)
            try store.closeHousehold(id, reason: .goalsReached, on: Self.today, by: caseworker)
            #expect(try store.retentionCandidates(before: Self.today).isEmpty)
            #expect(try store.retentionCandidates(before: CalendarDate(year: 2030, month: 1, day: 1)!).map(\.id) == [id])
        }
    }

    @Test("Import warns of a family in the store already, and with strict refuses all")
    func importDuplicates() throws {
        try withTemporaryFolder { folder in
            let store = try setUp(folder)
            let source = try sampleSource("hh-demo-0001.json")
            let first = try store.importCaseFiles([source], by: leader.actor, strict: true).ids[0]
            var copy = try caseFile(source)
            copy.household.id = nil
            copy.grants = []
            let again = CaseFileSource(name: "again.json", bytes: Array(CaseFileWriter.text(copy).utf8))
            #expect(throws: StoreError.self) { _ = try store.importCaseFiles([again], by: leader.actor, strict: true) }
            do {
                _ = try store.importCaseFiles([again], by: leader.actor, strict: true)
            } catch StoreError.importDuplicates(let files) {
                #expect(files.map(\.file) == ["again.json"])
                #expect(files[0].duplicates.map(\.householdId) == [first])
                #expect(files[0].duplicates[0].reasons.contains(.bsn(member: copy.household.members[0].name)))
            }
            #expect(try store.caseloadCount(CaseloadFilter()) == 1)
            let outcome = try store.importCaseFiles([again], by: leader.actor, strict: false)
            #expect(outcome.duplicates.map(\.file) == ["again.json"])
            #expect(try store.auditTrail(household: outcome.ids[0]).last?.detail.contains("imported despite possible duplicates: \(first)") == true)
        }
    }
}
