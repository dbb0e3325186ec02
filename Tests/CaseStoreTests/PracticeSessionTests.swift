import Casework
import Foundation
import GRDB
import Testing
@testable import CaseStore

/// Several trainees on one practice store, the trainer's side, lessons from real cases, and
/// the register of rule barriers.
@Suite("Practice sessions, lessons and rule barriers")
struct PracticeSessionTests {
    static let trainer = Actor(user: "a.dekker", role: .trainer)

    @Test("A reset starts one trainee over and leaves the other's copy, checks and feedback alone; a checkpoint keeps the moment it began to hold")
    func resetAndProgress() throws {
        try withTemporaryFolder { folder in
            let clock = TestClock()
            let store = try Store.createDemo(from: sampleData, at: StoreLocation(path: folder + "/oefen/k.sqlite"), clock: WallClock { clock.now() })
            let leaderActor = try #require(try store.staff().first { $0.role == .teamleader }).actor
            for trainee in ["t.een", "t.twee"] {
                try store.addStaff(StaffMember(user: trainee, name: trainee, role: .caseworker), by: leaderActor)
            }
            let c = try PracticeCaseTests.practice("oefening-1-verrekening")
            let a = try store.startPractice(c, trainee: "t.een", by: PracticeCaseTests.een)
            let b = try store.startPractice(c, trainee: "t.twee", by: PracticeCaseTests.twee)
            #expect(a != b)
            #expect(try store.startPractice(c, trainee: "t.een", by: PracticeCaseTests.een) == a)   // started twice: the same copy
            for (id, actor) in [(a, PracticeCaseTests.een), (b, PracticeCaseTests.twee)] {
                _ = try store.addLedgerLine(.deduction(Deduction(label: "Verrekening", amount: Money(cents: 15_000), frequency: .month, kind: .beslag)),
                                            household: id, by: actor)
            }
            let first = try store.checkPractice(c, household: a, today: PracticeCaseTests.today, by: PracticeCaseTests.een)
            #expect(first.allSatisfy { $0.holds })
            let since = try #require(first.first?.since)
            let again = try store.checkPractice(c, household: a, today: PracticeCaseTests.today, by: Self.trainer)
            #expect(again.first?.since == since)                                   // still holds: the same moment
            _ = try store.checkPractice(c, household: b, today: PracticeCaseTests.today, by: PracticeCaseTests.twee)
            try store.addPracticeFeedback(household: b, text: "Goed: een inhouding.", by: Self.trainer)
            #expect(throws: StoreError.notAllowed(user: "t.een", role: .caseworker, action: .givePracticeFeedback)) {
                try store.addPracticeFeedback(household: b, text: "Ik vind het goed.", by: PracticeCaseTests.een)
            }

            _ = try store.startPractice(c, trainee: "t.een", again: true, by: PracticeCaseTests.een)
            #expect(try store.ledgerLines(household: a).allSatisfy { $0.entry.section != .deduction })
            #expect(try store.practiceChecks(household: a).isEmpty)
            let restarted = try store.checkPractice(c, household: a, today: PracticeCaseTests.today, by: PracticeCaseTests.een)
            #expect(restarted.map(\.holds) == [false, false, true])
            // t.twee's copy, checks and feedback as they were
            #expect(try store.ledgerLines(household: b).contains { $0.entry.section == .deduction })
            #expect(try store.practiceChecks(household: b).allSatisfy { $0.heldSince != nil })
            #expect(try store.practiceFeedback(household: b).map(\.text) == ["Goed: een inhouding."])
            #expect(try store.practiceCopies().map(\.trainee) == ["t.een", "t.twee"])
        }
    }

    @Test("Practice cases stay out of a real store")
    func notOnARealStore() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            let c = try PracticeCaseTests.practice("oefening-1-verrekening")
            #expect(throws: StoreError.practiceOnlyInDemo(path: store.location.path)) {
                try store.startPractice(c, trainee: "r.westra", by: caseworker)
            }
        }
    }

    @Test("A closed sample household becomes a lesson: it starts on a practice store, and none of its names, BSNs, IBANs or addresses is in it")
    func lesson() throws {
        try withTemporaryFolder { folder in
            let real = try RetentionTests.store(in: folder, closed: ["hh-demo-0005"])
            let original = try real.caseFile("hh-demo-0005")
            let json = PracticeLesson.make(from: original, id: "les-1", note: LocalText(nl: "De premie werd te laat verrekend.", en: "The premium was set off too late."),
                                           title: LocalText(nl: "Les", en: "Lesson"))
            let text = JSONWriter.write(json)
            var secrets = RetentionTests.identifying(original)
            secrets += original.grants.map(\.payee.iban).filter { !$0.isEmpty }
            secrets += original.household.members.flatMap { $0.name.split(separator: " ").map(String.init) }.filter { $0.count >= 4 }
            #expect(secrets.count > 10)
            for secret in secrets { #expect(!text.contains(secret), "the lesson still holds \"\(secret)\"") }
            for staff in ["r.westra", "s.elidrissi", "j.bakker"] { #expect(!text.contains(staff)) }
            let lesson = try #require(try? PracticeCaseReader.read(json).get())
            // Amounts and outcomes kept; dates moved together to the lesson's start.
            #expect(lesson.caseFile.finances.income.map(\.amount) == original.finances.income.map(\.amount))
            #expect(lesson.caseFile.grants.map(\.status) == original.grants.map(\.status))
            #expect(lesson.caseFile.grants.map(\.evaluation?.shortTerm) == original.grants.map(\.evaluation?.shortTerm))
            let before = try #require(original.conversations.first?.date), after = try #require(lesson.caseFile.conversations.first?.date)
            let shift = after.daysSinceEpoch - before.daysSinceEpoch
            #expect(lesson.caseFile.grants.first?.submittedAt?.epochSeconds == original.grants.first?.submittedAt.map { $0.epochSeconds + shift * 86_400 })
            // It starts as a demo case.
            let practice = try Store.createDemo(from: sampleData, at: StoreLocation(path: folder + "/oefen/k.sqlite"), clock: testClock)
            let id = try practice.startPractice(lesson, trainee: "r.westra", by: caseworker)
            #expect(try practice.caseFile(id).grants.count == original.grants.count)
            // Nothing holds before the trainee works: the real conversations and actions do not count.
            #expect(try practice.checkPractice(lesson, household: id, today: PracticeCaseTests.today, by: caseworker).map(\.holds) == [false, false])
            _ = try practice.addConversation(Conversation(date: PracticeCaseTests.today, question: "Wij kunnen de premie niet meer betalen sinds de WGA."),
                                             household: id, by: caseworker)
            #expect(try practice.checkPractice(lesson, household: id, today: PracticeCaseTests.today, by: caseworker).map(\.holds) == [true, false])
        }
    }

    @Test("Rule barriers: recorded by caseworkers and team leaders, tallied by rule with their cost; a trainer records none")
    func barriers() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            _ = try store.importCaseFiles([sampleSource("hh-demo-0001.json")], by: caseworker)
            try store.recordRuleBarrier(rule: "Pw art. 13 (student)", household: "hh-demo-0001", what: "Geen bijstand tijdens de studie; zij stopte.", cost: Money(cents: 250_000), by: caseworker)
            try store.recordRuleBarrier(rule: "Pw art. 13 (student)", household: nil, what: "Idem bij een ander gezin.", cost: Money(cents: 100_000), by: leader.actor)
            try store.recordRuleBarrier(rule: "Toeslagen verrekenen", household: nil, what: "Verrekening onder de beslagvrije voet.", cost: nil, by: caseworker)
            #expect(try store.ruleBarrierTallies() == [RuleBarrierTally(rule: "Pw art. 13 (student)", count: 2, cost: Money(cents: 350_000)),
                                                      RuleBarrierTally(rule: "Toeslagen verrekenen", count: 1, cost: .zero)])
            #expect(throws: StoreError.notAllowed(user: "a.dekker", role: .trainer, action: .editHousehold)) {
                try store.recordRuleBarrier(rule: "x", household: nil, what: "y", cost: nil, by: Self.trainer)
            }
            #expect(throws: StoreError.householdNotFound(id: "hh-nope")) {
                try store.recordRuleBarrier(rule: "x", household: "hh-nope", what: "y", cost: nil, by: caseworker)
            }
            #expect(try store.ruleBarriers().count == 3)
        }
    }
}
