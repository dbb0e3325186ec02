import CaseStore
import Casework
import Terminal

/// What the workstation works with, injected so tests are deterministic: the store, who
/// is at the keyboard, the language and the date.
public struct AppEnvironment: Sendable {
    public let store: Store
    public let staff: StaffMember
    public let language: Language
    public let today: CalendarDate

    public init(store: Store, staff: StaffMember, language: Language, today: CalendarDate) {
        self.store = store; self.staff = staff; self.language = language; self.today = today
    }

    var actor: Actor { staff.actor }
    var l: Language { language }
}
