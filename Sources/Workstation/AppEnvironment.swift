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

    public init(store: Store, staff: StaffMember, language: Language, today: CalendarDate,
                outputFolder: String = FileManager.default.currentDirectoryPath) {
        self.store = store; self.staff = staff; self.language = language; self.today = today
        self.outputFolder = outputFolder
    }

    var actor: Actor { staff.actor }
    var l: Language { language }
}
