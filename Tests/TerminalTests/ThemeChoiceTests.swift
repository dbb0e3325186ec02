import Foundation
import Testing
@testable import Terminal

/// The rules of `ThemeChoice.resolve`: colour off → monochrome; `--theme` beats the
/// configuration; unknown or broken → default with a warning.
@Suite struct ThemeChoiceTests {
    let shipped = ThemeFileTests.themesDirectory
    /// No user configuration: HOME points at an empty folder.
    let environment = ["TERM": "xterm-256color", "HOME": "/nonexistent-home"]

    func resolve(requested: String? = nil, configured: String? = nil, environment extra: [String: String] = [:],
                 colors: Bool = true, directory: String? = nil, language: UILanguage = .en) -> (theme: Theme, warning: String?) {
        ThemeChoice.resolve(requested: requested, configured: configured,
                            environment: environment.merging(extra) { $1 }, terminalHasColors: colors,
                            themesDirectory: directory ?? shipped, language: language)
    }

    @Test func withNothingAskedTheDefaultTheme() {
        let choice = resolve()
        #expect(choice.theme == BuiltInThemes.default)
        #expect(choice.warning == nil)
    }

    @Test func noColorGivesMonochromeWhateverWasAsked() {
        let choice = resolve(requested: "high-contrast", configured: "default", environment: ["NO_COLOR": "1"])
        #expect(choice.theme.name == "monochrome")
        #expect(!choice.theme.usesColor)
        #expect(choice.warning == nil)
        // An empty NO_COLOR does not count (no-color.org).
        #expect(resolve(requested: "high-contrast", environment: ["NO_COLOR": ""]).theme.name == "high-contrast")
    }

    @Test func dumbTerminalGivesMonochrome() {
        #expect(resolve(requested: "high-contrast", environment: ["TERM": "dumb"]).theme.name == "monochrome")
    }

    @Test func terminalWithoutColoursGivesMonochrome() {
        #expect(resolve(configured: "high-contrast", colors: false).theme == BuiltInThemes.monochrome)
    }

    @Test func requestedBeatsConfigured() {
        #expect(resolve(requested: "high-contrast", configured: "monochrome").theme.name == "high-contrast")
        #expect(resolve(requested: nil, configured: "high-contrast").theme.name == "high-contrast")
        #expect(resolve(requested: "", configured: "high-contrast").theme.name == "high-contrast")
    }

    @Test func unknownNameGivesDefaultWithAWarning() throws {
        let english = resolve(requested: "paars")
        #expect(english.theme == BuiltInThemes.default)
        let warning = try #require(english.warning)
        #expect(warning.hasPrefix("Theme \"paars\" does not exist (known: default, high-contrast, monochrome)"))
        #expect(warning.hasSuffix("using the default theme."))
        let dutch = try #require(resolve(requested: "paars", language: .nl).warning)
        #expect(dutch.hasPrefix("Thema \"paars\" bestaat niet"))
    }

    @Test func namesThatAreNotPlainAreUnknown() {
        let choice = resolve(requested: "../themes/default")
        #expect(choice.theme == BuiltInThemes.default)
        #expect(choice.warning?.contains("does not exist") == true)
    }

    @Test func withoutAThemesFolderTheBuiltInsServe() {
        let choice = ThemeChoice.resolve(requested: "high-contrast", configured: nil, environment: [:],
                                         terminalHasColors: true, themesDirectory: nil)
        #expect(choice.theme == BuiltInThemes.highContrast)
        #expect(choice.warning == nil)
    }

    @Test func aBrokenThemeFileGivesDefaultAndTheLine() throws {
        let directory = try temporaryDirectory()
        try "name = \"kapot\"\n\n[roles.title]\nfg = \"purple\"\n".write(toFile: directory + "/kapot.toml", atomically: true, encoding: .utf8)
        let choice = resolve(requested: "kapot", directory: directory)
        #expect(choice.theme == BuiltInThemes.default)
        #expect(choice.warning == "Theme file \(directory)/kapot.toml, line 4: unknown colour \"purple\" "
            + "(known: default, black, red, green, yellow, blue, magenta, cyan, white, or a number 0–255); using the default theme.")
        let dutch = try #require(resolve(requested: "kapot", directory: directory, language: .nl).warning)
        #expect(dutch.hasPrefix("Themabestand \(directory)/kapot.toml, regel 4: onbekende kleur \"purple\""))
        #expect(dutch.hasSuffix("; ik gebruik het standaardthema."))
    }

    @Test func aBrokenDefaultFileFallsBackToTheBuiltInDefault() throws {
        let directory = try temporaryDirectory()
        try "name = \"default\"\n[roles.titel]\n".write(toFile: directory + "/default.toml", atomically: true, encoding: .utf8)
        let choice = resolve(directory: directory)
        #expect(choice.theme == BuiltInThemes.default)
        #expect(choice.warning?.contains("default.toml, line 2: unknown role \"titel\"") == true)
    }

    @Test func aBrokenMonochromeFileStillGivesMonochrome() throws {
        let directory = try temporaryDirectory()
        try "[roles.title]\nbold = 1\n".write(toFile: directory + "/monochrome.toml", atomically: true, encoding: .utf8)
        let choice = resolve(environment: ["NO_COLOR": "yes"], directory: directory)
        #expect(choice.theme == BuiltInThemes.monochrome)
        #expect(choice.warning?.hasSuffix("using the monochrome theme.") == true)
    }

    @Test func userThemesComeFromTheXDGConfigFolder() throws {
        let config = try temporaryDirectory()
        try FileManager.default.createDirectory(atPath: config + "/keukentafel/themes", withIntermediateDirectories: true)
        try "name = \"eigen\"\n[roles.title]\nfg = \"green\"\n".write(toFile: config + "/keukentafel/themes/eigen.toml", atomically: true, encoding: .utf8)
        let choice = resolve(requested: "eigen", environment: ["XDG_CONFIG_HOME": config])
        #expect(choice.theme.name == "eigen")
        #expect(choice.theme[.title].foreground == .green)
        #expect(ThemeChoice.searchDirectories(themesDirectory: "/p/themes", environment: ["XDG_CONFIG_HOME": config])
                == ["/p/themes", config + "/keukentafel/themes"])
        #expect(ThemeChoice.searchDirectories(themesDirectory: nil, environment: ["HOME": "/home/roos"])
                == ["/home/roos/.config/keukentafel/themes"])
    }

    @Test func thePackageThemesFolderIsFoundFromTheBuildFolder() {
        let root = URL(fileURLWithPath: shipped).deletingLastPathComponent().path
        #expect(ThemeChoice.packageThemesDirectory(executablePath: root + "/.build/debug/keukentafel") == shipped)
        #expect(ThemeChoice.packageThemesDirectory(executablePath: "/usr/local/bin/keukentafel") == nil)
    }

    private func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "kt-themes-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
