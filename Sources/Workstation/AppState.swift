import CaseStore
import Casework
import Terminal

/// The whole state of the workstation: which screen, what it shows, what is being typed.
/// `App.handle` changes it; `App.render` draws it from scratch.
public struct AppState {
    public enum Screen: Equatable {
        case caseload
        case household
        case review
        case dashboard
        case intake
        case signals
    }

    public var size: Size
    public var screen: Screen = .caseload
    public var caseload = CaseloadState()
    public var household: HouseholdState?
    /// The team leader's review queue (F6).
    var review: ReviewState?
    /// The dashboard (F7).
    var dashboard: DashboardState?
    /// A new household being taken in (n).
    var intake: IntakeState?
    /// The outreach queue of vroegsignalering (F12).
    var signals: SignalsState?
    /// The help overlay, with its scroll position, when open.
    public var help: Int?
    /// The practice case of the household in front, when it is a trainee's copy of one.
    var practice: PracticeCase?
    /// A panel of text over the screen (the practice case's checkpoints), with its scroll.
    var panel: (title: String, sections: [HelpOverlay.Section], scroll: Int)?
    /// A sentence for the user in the status line (an error is shown in the error role).
    public var message: StatusMessage?
    public var quit = false
    /// Ctrl-E asked for this text in the user's editor; the loop does it (it must leave the
    /// terminal to the editor meanwhile).
    public var pendingEdit: String?

    public init(size: Size) { self.size = size }

    /// Below this the screens cannot be read; a notice asks for a larger window.
    public static let minimumSize = Size(width: 80, height: 24)
    public var isTooSmall: Bool { size.width < Self.minimumSize.width || size.height < Self.minimumSize.height }
}

public struct StatusMessage: Equatable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool = false) { self.text = text; self.isError = isError }
}
