import CaseStore
import Foundation
import Casework
import Terminal

/// What the workstation works with, injected so tests are deterministic: the store, who
/// is at the keyboard, the language and the date.
public struct AppEnvironment: Sendable {
    public let store: Store
    public let staff: StaffMember
    public let language: Language
    public let today: CalendarDate
    /// Where printed conversations are written (the current folder unless told otherwise).
    public let outputFolder: String
    /// How many households a word beginning must share before the caseload's search keeps
    /// its matches in memory (see SearchPrefixCache); tests make it small.
    public let searchCacheThreshold: Int

    public init(store: Store, staff: StaffMember, language: Language, today: CalendarDate,
                outputFolder: String = FileManager.default.currentDirectoryPath,
                searchCacheThreshold: Int = SearchPrefixCache.defaultThreshold) {
        self.store = store; self.staff = staff; self.language = language; self.today = today
        self.outputFolder = outputFolder; self.searchCacheThreshold = searchCacheThreshold
    }

    var actor: Actor { staff.actor }
    var l: Language { language }
}
