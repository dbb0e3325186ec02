/// What a cell is, not how it looks: a theme maps each role to colours and attributes. The
/// roles are a toolkit's, general; an application maps its own meanings onto them (an
/// overdue agreement is an `alert`, a demo store's mark a `badge`). Meaning never rests on
/// colour alone — a negative amount has its minus sign, an alert its "!" — so the
/// monochrome theme loses nothing.
public enum StyleRole: String, CaseIterable, Sendable {
    case normal
    case title
    case header
    case border
    case dim
    case selection
    case keyName
    case keyHint
    case tabActive
    case tabInactive
    case statusBar
    case field
    case fieldActive
    case fieldInvalid
    /// A negative figure (a shortfall).
    case negative
    /// A positive figure.
    case positive
    /// Something late or urgent that needs attention now.
    case alert
    case warning
    case error
    case success
    /// A mark that must stand out wherever it is (a practice store's).
    case badge
    /// A quieter mark of emphasis.
    case accent
    case dialog
    case match

    /// Names of roles in older theme files, read as the role they became.
    public static let formerNames: [String: StyleRole] = [
        "amountNegative": .negative, "amountPositive": .positive, "overdue": .alert, "demoBadge": .badge,
    ]
}
