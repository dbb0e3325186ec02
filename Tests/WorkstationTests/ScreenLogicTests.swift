import CaseStore
import Casework
import Foundation
import Terminal
import Testing
@testable import Workstation

/// A door that reads nothing: a screen driven with it proves it needs no store for what it
/// does. Any read fails the test.
struct NoReads: ScreenReads {
    struct Read: Error {}
    /// A household's grants, for a test that lets the screen read them again after a write.
    var grantsList: [StoredGrant]?
    func refuse<T>(_ what: String) throws -> T {
        Issue.record("the screen read \(what) from the store")
        throw Read()
    }
    var isReadOnly: Bool { false }
    func staff() throws -> [StaffMember] { try refuse("the staff") }
    func caseloadListVersion() throws -> Int { try refuse("the list version") }
    func caseloadCount(_ filter: CaseloadFilter) throws -> Int { try refuse("a count") }
    func caseloadOrderAndVersion(caseworker: String?, closed: Bool) throws -> (version: Int, order: CaseloadMatches) { try refuse("the order") }
    func caseloadMatches(_ filter: CaseloadFilter, in within: CaseloadMatches) throws -> CaseloadMatches {
        try refuse("matches")
    }
    func caseloadRows(_ rowids: [HouseholdRowid], today: CalendarDate) throws -> [CaseloadRow] { try refuse("rows") }
    func caseloadPage(_ filter: CaseloadFilter, offset: Int, limit: Int, today: CalendarDate) throws -> [CaseloadRow] { try refuse("a page") }
    func searchBeginningsState() throws -> SearchBeginnings.State { try refuse("the search's beginnings") }
    func buildSearchBeginnings(threshold: Int) throws -> SearchBeginnings.Build { try refuse("the search's beginnings") }
    func caseFile(_ householdId: String) throws -> CaseFile { try refuse("a case file") }
    func readAhead(household: String) throws { try refuse("a household read ahead") as Void }
    func householdRows(_ id: String) throws -> HouseholdRows { try refuse("the household's rows") }
    func ledgerLines(household: String) throws -> [StoredLedgerLine] { try refuse("ledger lines") }
    func conversations(household: String) throws -> [StoredConversation] { try refuse("conversations") }
    func grants(household: String) throws -> [StoredGrant] {
        if let grantsList { return grantsList }
        return try refuse("grants")
    }
    func reviewCount(_ list: ReviewList) throws -> Int { try refuse("the review count") }
    func reviewPage(_ list: ReviewList, offset: Int, limit: Int) throws -> [ReviewItem] { try refuse("a review page") }
    func practiceReport(team: String?, from: CalendarDate, to: CalendarDate, now: Moment) throws -> PracticeReport { try refuse("the report") }
    func rules() throws -> CaseRules { try refuse("the norm tables and policy") }
    func municipality() throws -> Municipality? { try refuse("the municipality") }
    func householdChangeCounter(_ id: String) throws -> Int { try refuse("a household's change counter") }
    func grantsChangeCounter() throws -> Int { try refuse("the requests' change counter") }
    func grantFormDraft(household: String, user: String) throws -> GrantFormDraft? { try refuse("a typed request") }
    func paymentBatch(ofGrant id: String) throws -> String? { try refuse("a grant's payment batch") }
    func decisionLetter(of grant: Grant) throws -> SentLetter? { try refuse("a grant's letter") }
    func signalQueue() throws -> [SignalQueueItem] { try refuse("the signals queue") }
    func signalsChangeCounter() throws -> Int { try refuse("the signals counter") }
    func signalDelivery(from: CalendarDate, to: CalendarDate) throws -> [DDASDelivery.ReportedCase] { try refuse("the signals of a period") }
    func ruleBarrierTallies() throws -> [RuleBarrierTally] { try refuse("the rule barriers") }
}

/// Screens as logic: state in, effects out, no store and no terminal.
@Suite("Screen logic without a store")
struct ScreenLogicTests {
    static let ctx = ScreenContext(l: .nl, staff: StaffMember(user: "r.westra", name: "Roos Westra", role: .caseworker, team: "Wijkteam"),
                                   today: CalendarDate(iso: "2026-11-23")!, size: Size(width: 100, height: 30), storeKind: .demo,
                                   readOnly: false, reads: NoReads(), now: 0, searchBeginningThreshold: 4_000)

    /// hh-demo-0001 read from its case file (no store), on the decisions tab with an empty list.
    static func household() throws -> HouseholdState {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("sample-data/hh-demo-0001.json"), encoding: .utf8)
        var household = HouseholdState(id: "hh-demo-0001", file: try CaseFileReader.read(text: text).get())
        household.grants = GrantsState()
        household.tab = .decisions
        return household
    }

    /// A key through the household's own table, as the app dispatches it.
    static func press(_ key: Key, _ household: inout HouseholdState) -> [Effect] {
        let typed = if case .character = key { household.isTyping } else { false }
        return household.handle(typed ? nil : household.table(ctx).action(for: key), key: key, ctx)
    }

    static func type(_ text: String, _ household: inout HouseholdState) {
        for c in text { #expect(press(.character(c), &household).isEmpty) }
    }

    @Test("The grant form's submit asks first, and then returns the submission as an effect")
    func grantFormSubmit() throws {
        var household = try Self.household()
        #expect(Self.press(.character("a"), &household).isEmpty)
        #expect(household.grants?.form != nil)
        // Kinderopvang, € 1.850 typed the Dutch way, to the childcare, with a short goal.
        Self.press(.tab, &household).forEach { Issue.record("an effect from Tab: \($0)") }   // to Soort kosten
        _ = Self.press(.character("k"), &household)
        _ = Self.press(.tab, &household)                                                      // Bedrag
        Self.type("1.850", &household)
        _ = Self.press(.tab, &household); _ = Self.press(.tab, &household)                    // Vorm, Betalen aan
        Self.type("Kinderopvang De Zaan", &household)
        _ = Self.press(.tab, &household)                                                      // IBAN
        Self.type("NL91ABNA0417164300", &household)
        _ = Self.press(.tab, &household); _ = Self.press(.tab, &household)                    // Kenmerk, Doel kort
        Self.type("Mila houdt haar plaats", &household)

        // F5 asks; nothing is written yet.
        #expect(Self.press(.function(5), &household).isEmpty)
        #expect(household.grants?.confirmingSubmit == true)
        #expect(household.table(Self.ctx).keyHints.map(\.label) == ["Help", "Indienen", "Niet indienen"])
        // Esc: not submitted, the form as it was.
        #expect(Self.press(.escape, &household).isEmpty)
        #expect(household.grants?.confirmingSubmit == false && household.grants?.form != nil)

        // F5 and Enter: the submission, as an effect for the app to run.
        _ = Self.press(.function(5), &household)
        let effects = Self.press(.enter, &household)
        guard case .store(.submitGrant(let grant, let stored, let id))? = effects.first, effects.count == 1 else {
            Issue.record("not one submission: \(effects)")
            return
        }
        #expect(id == "hh-demo-0001" && stored == nil)
        #expect(grant.route == .custom && grant.category == .kinderopvang && grant.amount == Money(cents: 185_000))
        #expect(grant.payee.name == "Kinderopvang De Zaan" && grant.payee.iban == "NL91ABNA0417164300")
        #expect(grant.goalShort == "Mila houdt haar plaats" && grant.status == .draft)
    }

    @Test("What the store answers goes back to the screen: refused, the form stays with its draft; submitted, it closes")
    func grantSubmitOutcome() throws {
        var household = try Self.household()
        _ = Self.press(.character("a"), &household)
        var typed = try #require(try household.grants?.form?.grant(.nl).get())
        typed.id = "gr-9"
        let draft = StoredGrant(householdId: "hh-demo-0001", version: 1, grant: typed)
        let request = StoreRequest.submitGrant(draft.grant, stored: nil, household: "hh-demo-0001")
        // The list is read again after a write: here it holds the draft.
        let ctx = ScreenContext(l: .nl, staff: Self.ctx.staff, today: Self.ctx.today, size: Self.ctx.size, storeKind: .demo,
                                readOnly: false, reads: NoReads(grantsList: [draft]), now: 0, searchBeginningThreshold: 4_000)
        // Refused: the reasons in a sentence, the form kept, now as the saved draft.
        var refused = household
        let said = refused.receive(.stored(request, .success(.notSubmitted(draft: draft, reasons: [.goalShortMissing]))), ctx)
        #expect(said == [.status(StatusMessage("Niet ingediend: Vul het doel op korte termijn in.", isError: true))])
        #expect(refused.grants?.form?.stored == draft)
        #expect(refused.grants?.list == [draft])
        // Submitted: the form closes and says where the request is now.
        var submitted = household
        typed.status = .submitted
        let done = submitted.receive(.stored(request, .success(.submitted(StoredGrant(householdId: "hh-demo-0001", version: 2, grant: typed)))), ctx)
        // … and the form's typed draft is thrown away, the request being in.
        #expect(done == [.store(.discardGrantFormDraft(household: "hh-demo-0001")),
                         .status(StatusMessage("gr-9 ingediend; hij wacht op de teamleider."))])
        #expect(submitted.grants?.form == nil)
    }
}
