import Foundation
import Testing
@testable import Terminal

/// The shipped theme files, and how the loader reads (and refuses) theme text.
@Suite struct ThemeFileTests {
    static let themesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes").path
    static let shipped = ["default", "high-contrast", "monochrome"]

    static func load(_ name: String) throws -> Theme {
        try ThemeLoader.load(file: themesDirectory + "/" + name + ".toml")
    }

    @Test(arguments: shipped) func shippedThemeLoadsAndEqualsTheBuiltInCopy(name: String) throws {
        let theme = try Self.load(name)
        #expect(theme.name == name)
        #expect(theme == BuiltInThemes.named(name))
    }

    @Test(arguments: shipped) func shippedThemeFileSpellsOutEveryRole(name: String) throws {
        let text = try String(contentsOfFile: Self.themesDirectory + "/" + name + ".toml", encoding: .utf8)
        for role in StyleRole.allCases {
            #expect(text.contains("[roles.\(role.rawValue)]"), "\(name).toml lacks [roles.\(role.rawValue)]")
        }
        #expect(try Self.load(name).styles.count == StyleRole.allCases.count)
    }

    @Test(arguments: shipped) func selectionIsReverseVideoInEveryTheme(name: String) throws {
        #expect(try Self.load(name)[.selection].reverse)
    }

    @Test func monochromeUsesNoColourAtAll() throws {
        let theme = try Self.load("monochrome")
        #expect(!theme.usesColor)
        #expect(StyleRole.allCases.allSatisfy { theme[$0].foreground == nil && theme[$0].background == nil })
        // …and still marks what matters with attributes.
        #expect(theme[.title].bold && theme[.statusBar].reverse && theme[.field].underline && theme[.dim].dim)
    }

    @Test func builtInsAreTheThreeShippedThemes() {
        #expect(BuiltInThemes.all.map(\.name) == Self.shipped)
        #expect(BuiltInThemes.named("nope") == nil)
    }

    @Test func missingRolesLookLikeNormalAndColoursAcceptNamesAndNumbers() throws {
        let theme = try ThemeLoader.parse("""
            name = "mini"
            [roles.normal]
            fg = "white"
            bg = 17
            [roles.title]
            fg = 6
            bold = true
            """, file: "mini.toml")
        #expect(theme.name == "mini")
        #expect(theme[.normal] == Style(foreground: .white, background: .index(17)))
        #expect(theme[.title] == Style(foreground: .cyan, bold: true)) // 6 is cyan
        #expect(theme[.warning] == theme[.normal])
        #expect(theme.styles.count == StyleRole.allCases.count)
    }

    @Test func aThemeFileWithTheFormerRoleNamesStillLoads() throws {
        // Written before the roles were general: demoBadge is badge now, and that file's own
        // badge was the role called accent now; overdue is alert, amounts are negative/positive.
        let theme = try ThemeLoader.parse("""
            [roles.demoBadge]
            fg = "black"
            bg = "yellow"
            [roles.badge]
            fg = "black"
            bg = "cyan"
            [roles.overdue]
            fg = "red"
            [roles.amountNegative]
            fg = "magenta"
            [roles.amountPositive]
            fg = "green"
            """, file: "oud.toml")
        #expect(theme[.badge] == Style(foreground: .black, background: .yellow))
        #expect(theme[.alert] == Style(foreground: .red))
        #expect(theme[.negative] == Style(foreground: .magenta))
        #expect(theme[.positive] == Style(foreground: .green))
    }

    @Test func nameDefaultsToTheFileName() throws {
        #expect(try ThemeLoader.parse("[roles.title]\nbold = true\n", file: "x.toml", defaultName: "x").name == "x")
    }

    // MARK: Broken files: the message names the file and the line

    static func error(_ text: String, file: String = "themes/kapot.toml") -> ThemeError? {
        do {
            _ = try ThemeLoader.parse(text, file: file)
            return nil
        } catch {
            return error
        }
    }

    @Test func badSyntaxReportsTheParsersLine() throws {
        let error = try #require(Self.error("name = \"x\"\n\n[roles.title]\nbold = tru\n"))
        #expect(error.line == 4)
        guard case .syntax = error.kind else { Issue.record("expected a syntax error, got \(error.kind)"); return }
        #expect(error.message(in: .nl).hasPrefix("Themabestand themes/kapot.toml, regel 4: geen geldige TOML"))
        #expect(error.message(in: .en).hasPrefix("Theme file themes/kapot.toml, line 4: not valid TOML"))
    }

    @Test func unknownColourReportsItsLine() throws {
        let error = try #require(Self.error("""
            name = "x"
            [roles.title]
            bold = true
            fg = "purple"
            """))
        #expect(error == ThemeError(file: "themes/kapot.toml", line: 4, kind: .unknownColour("purple")))
        #expect(error.message(in: .nl).contains("regel 4: onbekende kleur \"purple\""))
        #expect(error.message(in: .en).contains("line 4: unknown colour \"purple\""))
    }

    @Test func unknownRoleReportsItsLine() throws {
        let error = try #require(Self.error("""
            # a comment
            name = "x"

            [roles.title]
            bold = true

            [roles.purple]
            fg = "red"
            """))
        #expect(error == ThemeError(file: "themes/kapot.toml", line: 7, kind: .unknownRole("purple")))
        #expect(error.message(in: .nl).contains("regel 7: onbekende rol \"purple\""))
        #expect(error.message(in: .en).contains("line 7: unknown role \"purple\" (known: normal, title,"))
    }

    @Test func unknownKeysAndWrongTypesReportTheirLines() throws {
        #expect(Self.error("name = \"x\"\ncolour = 1\n")?.line == 2)
        #expect(Self.error("name = \"x\"\ncolour = 1\n")?.kind == .unknownKey(key: "colour", table: ""))
        let italic = try #require(Self.error("[roles.title]\nbold = true\n\n[roles.header]\nitalic = true\n"))
        #expect(italic == ThemeError(file: "themes/kapot.toml", line: 5, kind: .unknownKey(key: "italic", table: "roles.header")))
        #expect(Self.error("[roles.title]\nbold = \"yes\"\n") ==
                ThemeError(file: "themes/kapot.toml", line: 2, kind: .wrongType(key: "bold", expected: .boolean)))
        #expect(Self.error("[roles.title]\nfg = 300\n")?.kind == .colourOutOfRange(300))
        #expect(Self.error("name = 3\n")?.kind == .wrongType(key: "name", expected: .text))
    }

    @Test func theMistakeNearestTheTopIsReported() throws {
        // toml++ keeps keys sorted, so "zebra" is visited last but is on line 2.
        let error = try #require(Self.error("name = \"x\"\n[roles.zebra]\n[roles.title]\nfg = \"nope\"\n"))
        #expect(error.line == 2)
        #expect(error.kind == .unknownRole("zebra"))
    }

    @Test func linesAreFoundInDottedKeysAndWithWindowsLineEnds() throws {
        let dotted = try #require(Self.error("name = \"x\"\n[roles]\ntitle.bold = true\nheader.fg = \"pink\"\n"))
        #expect(dotted.line == 4)
        let crlf = try #require(Self.error("name = \"x\"\r\n[roles.title]\r\nfg = \"pink\"\r\n"))
        #expect(crlf.line == 3)
    }

    @Test func anUnreadableFileIsNamed() {
        do {
            _ = try ThemeLoader.load(file: "/nonexistent/themes/x.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error == ThemeError(file: "/nonexistent/themes/x.toml", line: nil, kind: .unreadable))
            #expect(error.message(in: .en) == "Theme file /nonexistent/themes/x.toml: cannot be read")
        }
    }
}
