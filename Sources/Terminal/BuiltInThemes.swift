/// The three shipped themes compiled in, so the workstation looks right when the `themes/`
/// folder is missing (an installed binary, a copied executable). They must equal the files
/// in `themes/` — a test loads each file and compares; change both together.
public enum BuiltInThemes {
    /// themes/default.toml
    public static let `default` = Theme(
        name: "default",
        styles: [
            .normal: Style(),
            .title: Style(foreground: .cyan, bold: true),
            .header: Style(bold: true, underline: true),
            .border: Style(foreground: .blue),
            .dim: Style(dim: true),
            .selection: Style(foreground: .cyan, reverse: true),
            .keyName: Style(foreground: .black, background: .cyan),
            .keyHint: Style(),
            .tabActive: Style(foreground: .cyan, bold: true, reverse: true),
            .tabInactive: Style(),
            .statusBar: Style(foreground: .white, background: .blue),
            .field: Style(underline: true),
            .fieldActive: Style(foreground: .cyan, bold: true, underline: true),
            .fieldInvalid: Style(foreground: .red, bold: true, underline: true),
            .negative: Style(foreground: .red),
            .positive: Style(foreground: .green),
            .alert: Style(foreground: .red, bold: true),
            .warning: Style(foreground: .yellow, bold: true),
            .error: Style(foreground: .white, background: .red, bold: true),
            .success: Style(foreground: .green, bold: true),
            .badge: Style(foreground: .black, background: .yellow, bold: true),
            .accent: Style(foreground: .black, background: .cyan),
            .dialog: Style(foreground: .white, background: .blue),
            .match: Style(foreground: .magenta, bold: true, underline: true),
        ]
    )

    /// themes/high-contrast.toml
    public static let highContrast = Theme(
        name: "high-contrast",
        styles: [
            .normal: Style(foreground: .index(15), background: .black),
            .title: Style(foreground: .index(14), bold: true),
            .header: Style(foreground: .index(15), bold: true, underline: true),
            .border: Style(foreground: .index(15)),
            .dim: Style(foreground: .white),
            .selection: Style(foreground: .index(11), background: .black, bold: true, reverse: true),
            .keyName: Style(foreground: .black, background: .index(15), bold: true),
            .keyHint: Style(foreground: .index(15)),
            .tabActive: Style(foreground: .black, background: .index(11), bold: true),
            .tabInactive: Style(foreground: .index(15), underline: true),
            .statusBar: Style(foreground: .black, background: .index(15)),
            .field: Style(foreground: .index(15), underline: true),
            .fieldActive: Style(foreground: .index(11), bold: true, underline: true),
            .fieldInvalid: Style(foreground: .index(9), bold: true, underline: true),
            .negative: Style(foreground: .index(9), bold: true),
            .positive: Style(foreground: .index(10)),
            .alert: Style(foreground: .index(9), bold: true, underline: true),
            .warning: Style(foreground: .index(11), bold: true),
            .error: Style(foreground: .index(15), background: .red, bold: true),
            .success: Style(foreground: .index(10), bold: true),
            .badge: Style(foreground: .black, background: .index(11), bold: true),
            .accent: Style(foreground: .black, background: .index(14)),
            .dialog: Style(foreground: .index(15), background: .black),
            .match: Style(foreground: .index(14), bold: true, underline: true),
        ]
    )

    /// themes/monochrome.toml
    public static let monochrome = Theme(
        name: "monochrome",
        styles: [
            .normal: Style(),
            .title: Style(bold: true),
            .header: Style(bold: true, underline: true),
            .border: Style(),
            .dim: Style(dim: true),
            .selection: Style(reverse: true),
            .keyName: Style(bold: true),
            .keyHint: Style(),
            .tabActive: Style(bold: true, reverse: true),
            .tabInactive: Style(),
            .statusBar: Style(reverse: true),
            .field: Style(underline: true),
            .fieldActive: Style(bold: true, underline: true),
            .fieldInvalid: Style(reverse: true, underline: true),
            .negative: Style(bold: true),
            .positive: Style(),
            .alert: Style(bold: true),
            .warning: Style(bold: true),
            .error: Style(bold: true, reverse: true),
            .success: Style(bold: true),
            .badge: Style(bold: true, reverse: true),
            .accent: Style(reverse: true),
            .dialog: Style(),
            .match: Style(underline: true),
        ]
    )

    public static let all: [Theme] = [`default`, highContrast, monochrome]

    /// The built-in theme called `name`, if there is one.
    public static func named(_ name: String) -> Theme? { all.first { $0.name == name } }
}
