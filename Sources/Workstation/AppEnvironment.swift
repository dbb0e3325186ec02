import CaseStore
import Foundation
import Casework
import Terminal

/// What the workstation works with, injected so tests are deterministic: the store (and
/// with it the program's one clock), who is at the keyboard and the language.
public struct AppEnvironment: Sendable {
    public let store: Store
    public let staff: StaffMember
    public let language: Language
    /// The day the screens are drawn for: the clock's day when the workstation started,
    /// taken anew on its pauses (`App`), so a workstation left open past midnight moves on.
    public internal(set) var today: CalendarDate
    /// Where printed conversations are written (the current folder unless told otherwise).
    public let outputFolder: String
    /// How many households a word beginning must share before the search keeps its
    /// households as a bitmap in the store (see SearchBeginnings); tests make it small.
    public let searchBeginningThreshold: Int
    /// The practice cases (training/), for a household that is a trainee's copy of one.
    public var practiceCases: [PracticeCase] = []

    public init(store: Store, staff: StaffMember, language: Language,
                outputFolder: String = FileManager.default.currentDirectoryPath,
                searchBeginningThreshold: Int = SearchBeginnings.defaultThreshold) {
        self.store = store; self.staff = staff; self.language = language; self.today = store.clock.today
        self.outputFolder = outputFolder; self.searchBeginningThreshold = searchBeginningThreshold
    }

    /// The program's one clock, which the store stamps its writes with too.
    var clock: WallClock { store.clock }
    var actor: Actor { staff.actor }
    var l: Language { language }
}
