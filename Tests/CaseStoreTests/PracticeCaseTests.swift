import Casework
import Foundation
import GRDB
import Testing
@testable import CaseStore

/// The shipped practice cases (training/*.json): each read, started on a practice store and
/// worked twice through the store's own steps — a correct solution and a typical wrong one —
/// with exactly the checkpoints that hold after each.
@Suite("Practice cases with checkpoints")
struct PracticeCaseTests {
    static let folder = packageRoot.appendingPathComponent("training").path
    static let today = day("2026-11-23")

    static func practice(_ id: String) throws -> PracticeCase {
        let text = try String(contentsOfFile: folder + "/\(id).json", encoding: .utf8)
        switch PracticeCaseReader.read(text: text) {
        case .success(let c): return c
        case .failure(let rejection): throw StoreError.database("\(id): \(rejection.problems.map { "\($0.path): \($0.kind.message(in: .en))" })")
        }
    }

    /// A practice store (demo kind) with the demo staff and a trainee.
    static func practiceStore(in folder: String) throws -> Store {
        let store = try Store.createDemo(from: sampleData, at: StoreLocation(path: folder + "/oefen/k.sqlite"), clock: testClock)
        let leader = try #require(try store.staff().first { $0.role == .teamleader })
        for trainee in ["t.een", "t.twee"] {
            try store.addStaff(StaffMember(user: trainee, name: trainee, role: .caseworker, team: leader.team), by: leader.actor)
        }
        return store
    }

    static let een = Actor(user: "t.een", role: .caseworker), twee = Actor(user: "t.twee", role: .caseworker)

    /// Starts `id` for both trainees, plays `correct` as t.een and `wrong` as t.twee, and
    /// returns the checkpoints that hold for each.
    static func play(_ id: String, correct: (Store, String) throws -> Void, wrong: (Store, String) throws -> Void) throws -> (correct: [String], wrong: [String], all: [String]) {
        try withTemporaryFolder { folder in
            let store = try practiceStore(in: folder)
            let c = try practice(id)
            let a = try store.startPractice(c, trainee: een.user, by: een)
            let b = try store.startPractice(c, trainee: twee.user, by: twee)
            try correct(store, a)
            try wrong(store, b)
            func held(_ household: String, _ actor: Actor) throws -> [String] {
                try store.checkPractice(c, household: household, today: today, by: actor).filter(\.holds).map(\.checkpoint.id)
            }
            return (try held(a, een), try held(b, twee), c.checkpoints.map(\.id))
        }
    }

    @Test("All six shipped cases read, from easy to hard, each with a situation, tasks and checkpoints in both languages")
    func shipped() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count >= 6)
        let cases = try files.map { try Self.practice(String($0.dropLast(5))) }
        #expect(Set(cases.map(\.level)) == [1, 2, 3])
        for c in cases {
            #expect(!c.checkpoints.isEmpty && !c.tasks.isEmpty && !c.situation.nl.isEmpty && !c.situation.en.isEmpty, "\(c.id)")
            #expect(c.caseFile.household.id != nil)
        }
    }

    @Test("1 · the set-off as a deduction of kind beslag; wrong: as an expense")
    func setOff() throws {
        let r = try Self.play("oefening-1-verrekening", correct: { store, id in
            _ = try store.addLedgerLine(.deduction(Deduction(label: "Verrekening toeslag", amount: Money(cents: 15_000), frequency: .month, kind: .beslag)),
                                        household: id, by: Self.een)
        }, wrong: { store, id in
            _ = try store.addLedgerLine(.expense(ExpenseLine(label: "Verrekening toeslag", amount: Money(cents: 15_000), frequency: .month, category: .overig)),
                                        household: id, by: Self.twee)
        })
        #expect(r.correct == ["inhouding", "soort-beslag", "geen-uitgave"])
        #expect(r.wrong == [])
    }

    @Test("2 · an action for aunt Ria on the room goal, with a date; wrong: the caseworker does it, no date")
    func network() throws {
        let r = try Self.play("oefening-2-netwerk", correct: { store, id in
            let goal = try #require(try store.householdRows(id).goals.first { $0.value.id == "g1" })
            var g = goal.value
            g.actions.append(PlanAction(text: "Helpt met verhuizen en de post", who: "Tante Ria", due: day("2026-11-30")))
            _ = try store.updateGoal(goal, to: g, by: Self.een)
        }, wrong: { store, id in
            let goal = try #require(try store.householdRows(id).goals.first { $0.value.id == "g1" })
            var g = goal.value
            g.actions.append(PlanAction(text: "Regelt de verhuizing", who: "t.twee"))
            _ = try store.updateGoal(goal, to: g, by: Self.twee)
        })
        #expect(r.correct == ["actie-netwerk", "bij-het-doel", "met-datum"])
        #expect(r.wrong == [])
    }

    static func rentGrant(payee: String) -> Grant {
        Grant(route: .custom, category: .huurachterstand, amount: Money(cents: 418_000), payee: Payee(name: payee, iban: "NL91ABNA0417164300"),
              goalShort: "Het gezin blijft wonen.", motivation: "De achterstand ontstond door een fout van de bewindvoerder; ontruiming kost de samenleving veel meer dan deze bijdrage.")
    }

    @Test("3 · the rent arrears paid to the housing corporation and submitted; wrong: paid to Youssef, left in draft")
    func payTheLandlord() throws {
        let r = try Self.play("oefening-3-betalen-aan-de-verhuurder", correct: { store, id in
            let draft = try store.addGrantDraft(Self.rentGrant(payee: "Parteon"), household: id, by: Self.een)
            _ = try store.submitGrant(draft, by: Self.een)
        }, wrong: { store, id in
            _ = try store.addGrantDraft(Self.rentGrant(payee: "Youssef Bakkal"), household: id, by: Self.twee)
        })
        #expect(r.correct == ["aanvraag", "aan-de-verhuurder", "ingediend"])
        #expect(r.wrong == ["aanvraag"])
    }

    @Test("4 · childcare by the maatwerk route with reasons that name the norm, submitted; wrong: a short reason, a draft")
    func aboveTheNorm() throws {
        let r = try Self.play("oefening-4-boven-de-norm", correct: { store, id in
            let grant = Grant(route: .custom, category: .kinderopvang, amount: Money(cents: 650_000), payee: Payee(name: "Kinderopvang De Zaan", iban: "NL91ABNA0417164300"),
                              goalShort: "Mila houdt haar plaats.", motivation: "Sannes inkomen ligt net boven 110% van de norm, maar de schuld ontstond buiten haar om; zonder opvang verliest zij haar baan en komt zij in de bijstand.")
            _ = try store.submitGrant(try store.addGrantDraft(grant, household: id, by: Self.een), by: Self.een)
        }, wrong: { store, id in
            let grant = Grant(route: .custom, category: .kinderopvang, amount: Money(cents: 650_000), payee: Payee(name: "Kinderopvang De Zaan", iban: "NL91ABNA0417164300"),
                              goalShort: "Mila houdt haar plaats.", motivation: "Opvang is nodig.")
            _ = try store.addGrantDraft(grant, household: id, by: Self.twee)
        })
        #expect(r.correct == ["maatwerk", "motivering", "afwijking-benoemd", "ingediend"])
        #expect(r.wrong == ["maatwerk"])
    }

    static func furnishing(_ cents: Int) -> Grant {
        Grant(route: .central, category: .inrichting, amount: Money(cents: cents), payee: Payee(name: "Stichting Nieuw Thuis Zaanstreek", iban: "NL78TRIO0977476073"),
              goalShort: "Bedden en witgoed voor half december.", motivation: "Eerste inrichting voor een gezin van vijf personen dat net een woning kreeg; binnen de norm.")
    }

    @Test("5 · the whole furnishing in one request that waits for the team leader; wrong: split in three within the mandate")
    func aboveTheMandate() throws {
        let r = try Self.play("oefening-5-boven-het-mandaat", correct: { store, id in
            _ = try store.submitGrant(try store.addGrantDraft(Self.furnishing(385_000), household: id, by: Self.een), by: Self.een)
        }, wrong: { store, id in
            for cents in [128_400, 128_300, 128_300] {
                _ = try store.submitGrant(try store.addGrantDraft(Self.furnishing(cents), household: id, by: Self.twee), by: Self.twee)
            }
        })
        #expect(r.correct == ["hele-bedrag", "wacht-op-teamleider", "niet-gesplitst"])
        #expect(r.wrong == [])
    }

    @Test("6 · the conversation with question and own strength, finances scored; wrong: a question only")
    func conversation() throws {
        let r = try Self.play("oefening-6-het-gesprek", correct: { store, id in
            _ = try store.addConversation(Conversation(date: Self.today, question: "Wij willen van de premieachterstand af voordat VGZ ons aanmeldt bij het CAK.",
                                                       ownStrength: "Renée houdt de post bij en heeft al gebeld met VGZ."), household: id, by: Self.een)
            _ = try store.addLifeDomainScore(LifeDomainScore(domain: .financien, score: 2, date: Self.today), household: id, by: Self.een)
        }, wrong: { store, id in
            _ = try store.addConversation(Conversation(date: Self.today, question: "Wij willen van de premieachterstand af."), household: id, by: Self.twee)
        })
        #expect(r.correct == ["hulpvraag", "eigen-kracht", "financien-gescoord"])
        #expect(r.wrong == ["hulpvraag"])
    }
}
