import Foundation

/// Which theme the workstation uses: all the rules in one place, without a terminal, so
/// tests can check them.
///
/// 1. `NO_COLOR` set to anything non-empty (no-color.org), `TERM=dumb`, or a terminal
///    without colours → `monochrome`, whatever was asked for.
/// 2. Otherwise `--theme NAME` (`requested`) beats the configuration file (`configured`);
///    with neither, `default`.
/// 3. A name is looked up as `NAME.toml` in `themesDirectory` (the package's `themes/` in
///    development, see `packageThemesDirectory`), then in
///    `$XDG_CONFIG_HOME/keukentafel/themes/` (default `~/.config/keukentafel/themes/`),
///    then among the built-in themes.
/// 4. An unknown name, or a theme file with a mistake, gives `default` and a warning for
///    the status bar that names the file and line.
public enum ThemeChoice {
    public static let defaultName = "default"
    public static let monochromeName = "monochrome"

    public static func resolve(
        requested: String?,
        configured: String?,
        environment: [String: String],
        terminalHasColors: Bool,
        themesDirectory: String?,
        language: UILanguage = .nl
    ) -> (theme: Theme, warning: String?) {
        let directories = searchDirectories(themesDirectory: themesDirectory, environment: environment)
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        if noColor || environment["TERM"] == "dumb" || !terminalHasColors {
            return load(monochromeName, from: directories, language: language)
        }
        let wanted = [requested, configured].compactMap { $0 }.first { !$0.isEmpty } ?? defaultName
        return load(wanted, from: directories, language: language)
    }

    /// The folders searched, in order (see the rules above).
    public static func searchDirectories(themesDirectory: String?, environment: [String: String]) -> [String] {
        var directories: [String] = []
        if let themesDirectory, !themesDirectory.isEmpty { directories.append(themesDirectory) }
        if let config = configDirectory(environment: environment) {
            directories.append(config + "/keukentafel/themes")
        }
        return directories
    }

    /// The `themes/` folder of the source package when the executable runs from its build
    /// folder (`.build/debug/keukentafel` → `themes/` beside `Package.swift`); nil for an
    /// installed binary.
    public static func packageThemesDirectory(executablePath: String) -> String? {
        var url = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let themes = url.appendingPathComponent("themes")
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path),
               FileManager.default.fileExists(atPath: themes.path) {
                return themes.path
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { break }
            url = parent
        }
        return nil
    }

    /// `$XDG_CONFIG_HOME`, or `$HOME/.config` (the XDG rule: a relative value is ignored).
    static func configDirectory(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config" }
        return nil
    }

    /// The theme `name` from the first folder that has it, else built in; an unknown or
    /// broken one gives `fallbackTo` (the default theme, or monochrome when colour is off).
    private static func load(_ name: String, from directories: [String], language l: UILanguage) -> (theme: Theme, warning: String?) {
        let fallbackName = name == monochromeName ? monochromeName : defaultName
        let fallbackWords = fallbackName == monochromeName ? l.pick("het monochrome thema", "the monochrome theme")
                                                           : l.pick("het standaardthema", "the default theme")
        if let path = file(named: name, in: directories) {
            do {
                return (try ThemeLoader.load(file: path), nil)
            } catch {
                let theme = fallback(fallbackName, after: path, directories: directories)
                return (theme, error.message(in: l) + l.pick("; ik gebruik \(fallbackWords).", "; using \(fallbackWords)."))
            }
        }
        if let builtIn = BuiltInThemes.named(name) { return (builtIn, nil) }
        let known = knownNames(in: directories).joined(separator: ", ")
        return (fallback(fallbackName, after: nil, directories: directories),
                l.pick("Thema \"\(name)\" bestaat niet (bekend: \(known)); ik gebruik \(fallbackWords).",
                       "Theme \"\(name)\" does not exist (known: \(known)); using \(fallbackWords)."))
    }

    /// The path of `NAME.toml` in the first folder that has it. Only plain names are looked
    /// up: `--theme ../../x` must not read files elsewhere.
    static func file(named name: String, in directories: [String]) -> String? {
        let isPlain = !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        guard isPlain else { return nil }
        return directories.map { $0 + "/" + name + ".toml" }.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// The theme to use instead: its file when that is not the broken one and loads, else
    /// the compiled-in copy.
    private static func fallback(_ name: String, after broken: String?, directories: [String]) -> Theme {
        let builtIn = BuiltInThemes.named(name) ?? BuiltInThemes.default
        guard let path = file(named: name, in: directories), path != broken else { return builtIn }
        return (try? ThemeLoader.load(file: path)) ?? builtIn
    }

    /// Every theme name on offer, for the warning about an unknown one.
    static func knownNames(in directories: [String]) -> [String] {
        var names = Set(BuiltInThemes.all.map(\.name))
        for directory in directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for file in files where file.hasSuffix(".toml") { names.insert(String(file.dropLast(5))) }
        }
        return names.sorted()
    }
}
