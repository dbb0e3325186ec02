import CaseStore
import Casework
import Foundation
import Terminal
import Testing
@testable import Workstation

/// The draft's promise: what is typed is in the store within a second, also while typing
/// goes on without the pause that writes it (the crash loop kills at such moments).
@Suite("The draft while typing")
struct DraftTimingTests {
    @Test("While typing without a pause, the draft is written once its oldest keystroke is half a second old")
    func draftWithinASecond() throws {
        try withDemoApp { roos in
            try open("hh-demo-0002", in: roos)
            roos.handle(.key(.character("3")))
            roos.handle(.key(.enter))
            try #require(roos.state.household?.conversations?.form?.field == .question)
            // Keys every 50 ms, as fast typing comes: no pause for the loop's tick. The screen
            // alone, with the moments given: it asks for the draft's write, it does not write.
            var household = try #require(roos.state.household)
            let ctx = roos.context()
            for (i, c) in "Nieuwe zin".enumerated() {
                let effects = household.handle(nil, key: .character(c), ctx.at(now: 100 + Double(i) * 0.05))
                // The last key came at 100.45: nothing is half a second old yet.
                #expect(effects.isEmpty, "a draft asked for at key \(i)")
            }
            let effects = household.handle(nil, key: .character("!"), ctx.at(now: 100.5))
            guard case .store(.saveDraft(let draft, _, "hh-demo-0002"))? = effects.first, effects.count == 1 else {
                Issue.record("no draft asked for at 100.5 s: \(effects)")
                return
            }
            #expect(draft.question.hasSuffix("Nieuwe zin!"))
        }
    }

    @Test("The grant request too: typed without a pause, its draft is asked for once the oldest unsaved key is half a second old")
    func grantDraftWithinASecond() throws {
        try withDemoApp { roos in
            try open("hh-demo-0001", in: roos)
            roos.handle(.key(.character("4")))
            roos.handle(.key(.character("a")))
            GrantScreenTests.go(to: .motivation, in: roos)
            var household = try #require(roos.state.household)
            let ctx = roos.context()
            for (i, c) in "Sanne werkt".enumerated() {
                let effects = household.handle(nil, key: .character(c), ctx.at(now: 200 + Double(i) * 0.04))
                #expect(effects.isEmpty, "a draft asked for at key \(i)")
            }
            let effects = household.handle(nil, key: .character("!"), ctx.at(now: 200.5))
            guard case .store(.saveGrantFormDraft(let document, nil, "hh-demo-0001"))? = effects.first, effects.count == 1 else {
                Issue.record("no draft asked for at 200.5 s: \(effects)")
                return
            }
            #expect(document.contains("Sanne werkt!"))
            // The next key starts the second anew: no second write at once.
            #expect(household.handle(nil, key: .character(" "), ctx.at(now: 200.55)).isEmpty)
        }
    }
}
