import Terminal

/// What the workstation's meanings look like: each is one of the toolkit's general roles,
/// so a theme styles `alert` and every overdue agreement, late payment and broken promise
/// follows.
extension StyleRole {
    /// An agreement past its date, a payment later than 24 hours.
    static var overdue: StyleRole { .alert }
    /// The mark of a practice (demo) store in the header.
    static var demoBadge: StyleRole { .badge }
    /// A shortfall, an amount below zero.
    static var amountNegative: StyleRole { .negative }
    static var amountPositive: StyleRole { .positive }
}
