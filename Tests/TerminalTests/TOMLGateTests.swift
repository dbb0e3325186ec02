import Testing
@testable import Terminal

/// What the theme and configuration fuzz tests found, each kept as a test, and the TOML
/// the gate must let through.
@Suite("TOML gate: theme and configuration files that crashed, hung or cut short")
struct TOMLGateTests {
    // The toml++ inside TOMLKit asserts on these (the process aborts in a debug build, the
    // behaviour is undefined in a release build): a header that does not start with a key,
    // a '}' where a list element belongs, a date with a stray number after it.
    @Test("Input that made toml++ assert is refused with its line, in a theme and in the configuration", arguments: [
        ("[=]", 1), ("name = \"x\"\n[é]", 2), ("[[[1]]]", 1), ("[#]", 1), ("[.roles]", 1), ("\u{FEFF}[\u{1}b# g/", 1),
        ("x = [}", 1), ("x = [1,}", 1), ("x = {a = [}]}", 1), ("x = [\n}", 1), ("t=1111-11-01 1", 1),
    ])
    func assertingInputIsRefused(text: String, line: Int) throws {
        #expect(TOMLGate.problem(in: text)?.line == line, "\(text.debugDescription)")
        do {
            _ = try ThemeLoader.parse(text, file: "fuzz.toml")
            Issue.record("accepted \(text.debugDescription)")
        } catch {
            #expect(error.line == line)
            guard case .syntax = error.kind else { Issue.record("\(error.kind)"); return }
        }
        let (config, warning) = UserConfiguration.parse(text, file: "config.toml", language: .en)
        #expect(config == UserConfiguration())
        #expect(warning?.hasPrefix("config.toml, line \(line): ") == true, "\(warning ?? "no warning")")
    }

    // Swift hands the text to the C parser as a C string, which ends at a NUL: the rest of
    // the file was silently ignored.
    @Test("A NUL does not cut the file short")
    func nulIsRefused() {
        let (config, warning) = UserConfiguration.parse("theme = \"monochrome\"\n\u{0}lang = 5\n", file: "c.toml", language: .en)
        #expect(config == UserConfiguration())
        #expect(warning == "c.toml, line 2: a control character (U+0) is not allowed in TOML; the defaults apply.")
    }

    @Test("The TOML that theme and configuration files use passes the gate", arguments: [
        "", "# comment", "name = \"x\" # comment", "[roles.title]", "[ roles . \"title\" ]", "[[roles]]", "title.bold = true",
        "\"quoted key\" = 'literal # not a comment'", "fg = 255", "fg = -1", "fg = +7", "fg = 1_000", "fg = 0x10", "fg = 0o17",
        "fg = 0b101", "fg = 1.5", "fg = 1e400", "fg = -0.5E-3", "fg = inf", "fg = nan", "fg = [1, \"a\", [true], {x = 1}]",
        "fg = {}", "fg = { fg = \"red\", bg = 17 }", "s = \"tab\\t quote\\\" \\u00e9 \\U0001F600\"", "k=1", "\tk = 1\r",
        "\u{FEFF}name = \"x\"", "name = \"Ünal – 中 😀\"",
    ])
    func plainTOMLPasses(line: String) {
        #expect(TOMLGate.problem(in: line) == nil, "\(line.debugDescription)")
    }

    @Test("What these files do not use is refused with what was expected", arguments: [
        ("d = 1979-05-27", "is not a value here"), ("s = \"\"\"", "on one line"), ("s = \"open", "must end with"),
        ("s = \"\\q\"", "unknown escape"), ("s = \"\\uD800\"", "not a surrogate"), ("fg = 007", "is not a value here"),
        ("fg = [1 2]", "expected ',' or ']'"), ("x = " + String(repeating: "[", count: 40), "nested more than 32"),
        ("[" + Array(repeating: "a", count: 40).joined(separator: ".") + "]", "nested more than 32"), ("a = \u{1B}[31m", "U+1B"),
    ])
    func unusedTOMLIsRefused(text: String, message: String) {
        let problem = TOMLGate.problem(in: text)
        #expect(problem?.message.contains(message) == true, "\(problem?.message ?? "passed")")
    }

    // The line of each mistake was found by scanning the text: a theme with 20,000 unknown
    // roles took minutes to refuse.
    @Test("A theme with 20,000 unknown roles is refused at once, at the first one's line")
    func manyMistakesStayLinear() throws {
        let text = "name = \"x\"\n" + (0..<20_000).map { "[roles.x\($0)]\nfg = \"red\"" }.joined(separator: "\n")
        let clock = ContinuousClock()
        var refusal: ThemeError?
        let elapsed = clock.measure {
            do throws(ThemeError) { _ = try ThemeLoader.parse(text, file: "many.toml") } catch { refusal = error }
        }
        #expect(refusal?.line == 2)
        guard case .unknownRole? = refusal?.kind else { Issue.record("\(String(describing: refusal))"); return }
        #expect(elapsed < .seconds(20), "\(elapsed)")
    }

    // A key of 200,000 characters was quoted whole in the warning.
    @Test("A long or hostile key is cut and shown as text in the message")
    func longKeysAreCut() {
        let (_, warning) = UserConfiguration.parse(String(repeating: "k", count: 200_000) + " = 1\n", file: "c.toml", language: .nl)
        #expect(warning?.hasPrefix("c.toml, regel 1: onbekende instelling \"" + String(repeating: "k", count: 100) + "…\"") == true)
        #expect((warning?.count ?? .max) < 300)
        let error = ThemeError(file: "t.toml", line: 1, kind: .unknownRole("a\u{202E}b\u{85}"))
        #expect(error.message(in: .en).contains("unknown role \"aU+202EbU+85\""))
    }
}
