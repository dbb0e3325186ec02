/// A colour as a theme names it: one of the eight ANSI colours every colour terminal has,
/// the terminal's own default (so a theme can keep the user's background), or an index
/// into the 256-colour palette for terminals that have it.
public enum ThemeColor: Hashable, Sendable {
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    /// A palette index 0…255; shown as the nearest of the eight on smaller terminals.
    case index(Int)

    /// The names a theme file may use, in curses order (black is 0 … white is 7).
    public static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// A colour from its name in a theme file ("cyan", "default"); nil when unknown.
    public init?(name: String) {
        switch name.lowercased() {
        case "default": self = .default
        case "black": self = .black
        case "red": self = .red
        case "green": self = .green
        case "yellow": self = .yellow
        case "blue": self = .blue
        case "magenta": self = .magenta
        case "cyan": self = .cyan
        case "white": self = .white
        default: return nil
        }
    }

    /// A palette colour; nil outside 0…255. Indices 0…7 become the named colours, so a
    /// theme that writes `fg = 6` equals one that writes `fg = "cyan"`.
    public init?(index: Int) {
        guard (0...255).contains(index) else { return nil }
        self = index < 8 ? Self.named(index) : .index(index)
    }

    private static func named(_ n: Int) -> ThemeColor {
        [.black, .red, .green, .yellow, .blue, .magenta, .cyan, .white][n]
    }

    /// The curses colour number, or nil for the terminal's default colour.
    public var number: Int? {
        switch self {
        case .default: nil
        case .black: 0
        case .red: 1
        case .green: 2
        case .yellow: 3
        case .blue: 4
        case .magenta: 5
        case .cyan: 6
        case .white: 7
        case .index(let n): n
        }
    }

    /// The colour number to use on a terminal with `colors` colours: palette indices the
    /// terminal lacks become the nearest basic colour (bright 8–15 lose their brightness,
    /// the 6×6×6 cube rounds each channel, the grey ramp becomes black or white).
    public func number(forColors colors: Int) -> Int? {
        guard let n = number else { return nil }
        if n < colors { return n }
        switch n {
        case 8...15: return n - 8
        case 16...231:
            let cube = n - 16
            let r = cube / 36, g = (cube / 6) % 6, b = cube % 6
            // curses numbers the basic colours as a bit mask: red 1, green 2, blue 4.
            return (r >= 3 ? 1 : 0) | (g >= 3 ? 2 : 0) | (b >= 3 ? 4 : 0)
        default:
            return n < 244 ? 0 : 7
        }
    }
}

/// How one role looks: colours (nil: the theme's `normal` colours, or the terminal's) and
/// attributes. Attributes carry meaning where colour is missing, so every theme must
/// still be readable in monochrome.
public struct Style: Equatable, Sendable {
    public var foreground: ThemeColor?
    public var background: ThemeColor?
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(foreground: ThemeColor? = nil, background: ThemeColor? = nil,
                bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.foreground = foreground; self.background = background
        self.bold = bold; self.reverse = reverse; self.underline = underline; self.dim = dim
    }

    public static let plain = Style()

    /// True when the style asks for any colour.
    public var usesColor: Bool { foreground != nil || background != nil }
}

/// A named mapping from every `StyleRole` to a `Style`. Built by `ThemeLoader` from a
/// TOML file or taken from `BuiltInThemes`; the backend turns it into curses attributes.
public struct Theme: Equatable, Sendable {
    public var name: String
    /// A style for every role: `init` fills the roles that are missing with `normal`.
    public private(set) var styles: [StyleRole: Style]

    /// A theme from the styles given; roles not given look like `normal` (plain when
    /// `normal` itself is not given).
    public init(name: String, styles: [StyleRole: Style]) {
        self.name = name
        let normal = styles[.normal] ?? .plain
        var complete: [StyleRole: Style] = [:]
        for role in StyleRole.allCases { complete[role] = styles[role] ?? normal }
        self.styles = complete
    }

    public subscript(role: StyleRole) -> Style { styles[role] ?? .plain }

    /// True when any role uses a colour (the monochrome theme uses none).
    public var usesColor: Bool { styles.values.contains { $0.usesColor } }
}
