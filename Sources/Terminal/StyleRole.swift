/// What a cell means, not how it looks: a theme maps each role to colours and attributes.
/// Meaning never rests on colour alone — a negative amount has its minus sign, an overdue
/// item its "!" — so the monochrome theme loses nothing.
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
    case amountNegative
    case amountPositive
    case overdue
    case warning
    case error
    case success
    case demoBadge
    case badge
    case dialog
    case match
}
