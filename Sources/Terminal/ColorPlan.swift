/// How a theme becomes curses colour pairs, worked out without curses so it can be tested:
/// one pair per distinct foreground/background combination, numbered from 1 (pair 0 is the
/// terminal's own colours and needs no `init_pair`). The backend calls `init_pair` for each
/// entry of `pairs` and draws every role with `look(for:)`.
public struct ColorPlan: Equatable, Sendable {
    /// A colour pair to define: curses numbers, -1 for the terminal's default colour.
    public struct Pair: Equatable, Sendable {
        public var number: Int
        public var foreground: Int
        public var background: Int
    }

    /// The attributes and pair of one role.
    public struct Look: Equatable, Sendable {
        public var pair: Int
        public var bold, reverse, underline, dim: Bool
    }

    public private(set) var pairs: [Pair] = []
    private var looks: [StyleRole: Look] = [:]

    /// - Parameters:
    ///   - colors: how many colours the terminal has (0 when it has none, or colour is off:
    ///     then every role gets pair 0 and only attributes).
    ///   - defaultColors: whether `use_default_colors()` succeeded, so -1 may be used;
    ///     otherwise the default colours are white on black.
    ///   - maxPairs: `COLOR_PAIRS`; roles beyond it fall back to pair 0.
    public init(theme: Theme, colors: Int, defaultColors: Bool, maxPairs: Int) {
        let normal = theme[.normal]
        var numbers: [[Int]: Int] = [:]
        for role in StyleRole.allCases {
            let style = theme[role]
            var pair = 0
            if colors > 0 {
                // A role without a colour of its own takes normal's, then the terminal's.
                let fg = Self.number(style.foreground ?? normal.foreground, colors: colors, defaultColors: defaultColors, fallback: 7)
                let bg = Self.number(style.background ?? normal.background, colors: colors, defaultColors: defaultColors, fallback: 0)
                let isTerminalDefault = defaultColors ? (fg == -1 && bg == -1) : (fg == 7 && bg == 0)
                if !isTerminalDefault {
                    if let known = numbers[[fg, bg]] {
                        pair = known
                    } else if pairs.count + 1 < maxPairs {
                        pair = pairs.count + 1
                        numbers[[fg, bg]] = pair
                        pairs.append(Pair(number: pair, foreground: fg, background: bg))
                    }
                }
            }
            looks[role] = Look(pair: pair, bold: style.bold, reverse: style.reverse, underline: style.underline, dim: style.dim)
        }
    }

    public func look(for role: StyleRole) -> Look {
        looks[role] ?? Look(pair: 0, bold: false, reverse: false, underline: false, dim: false)
    }

    private static func number(_ colour: ThemeColor?, colors: Int, defaultColors: Bool, fallback: Int) -> Int {
        if let n = colour?.number(forColors: colors) { return n }
        return defaultColors ? -1 : fallback
    }
}
