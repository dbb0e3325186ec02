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
            roos.handle(.key(.function(4)))
            roos.handle(.key(.enter))
            try #require(roos.state.household?.conversations?.form?.field == .question)
            // Keys every 50 ms, as fast typing comes: no pause for the loop's tick.
            var state = roos.state
            for (i, c) in "Nieuwe zin".enumerated() {
                try HouseholdScreen.handle(.character(c), state: &state, env: roos.env, now: 100 + Double(i) * 0.05)
            }
            // The last key came at 100.45: nothing is half a second old yet.
            #expect(try roos.env.store.draft(household: "hh-demo-0002", user: "r.westra") == nil)
            try HouseholdScreen.handle(.character("!"), state: &state, env: roos.env, now: 100.5)
            let draft = try #require(try roos.env.store.draft(household: "hh-demo-0002", user: "r.westra"))
            #expect(draft.conversation.question.hasSuffix("Nieuwe zin!"))
        }
    }
}
