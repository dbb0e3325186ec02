import Casework
import Foundation
import FuzzSupport
import Testing
@testable import Terminal

/// Hostile theme files (docs/reliability.md): mutations of the shipped themes, broken bytes and noise.
/// A theme loads with every colour in range, or the error names the file (and the line, when
/// there is one) in a plain sentence; the workstation then uses the default theme and says
/// why. Never a crash or a hang.
@Suite("Theme files under hostile input")
struct ThemeFuzzTests {
    static let cases = FuzzBudget.cases(quick: 500, full: 10_000)
    static let fileCases = FuzzBudget.cases(quick: 100, full: 1_000)
    static let limit = FuzzTimeLimit(base: .milliseconds(500), perKilobyte: .milliseconds(10))
    static let file = "themes/fuzz.toml"

    static func seeds() throws -> [String] {
        try ThemeFileTests.shipped.map {
            try String(contentsOfFile: ThemeFileTests.themesDirectory + "/" + $0 + ".toml", encoding: .utf8)
        }
    }

    @Test func themeTextLoadsOrIsRefusedWithItsFileAndLine() throws {
        let seeds = try Self.seeds()
        let run = FuzzRun.run("theme parser", cases: Self.cases, seed: 30, timeLimit: Self.limit,
                              generate: { TOMLMutation.around(seeds, &$0) }, check: { Self.check($0) })
        print(run.summary)
        #expect(run.failures == 0, "\(run.failureReport)")
        #expect(run.accepted > 0 && run.refused > 0, "\(run.summary)")
    }

    static func check(_ input: TextCase) -> FuzzVerdict {
        do {
            let theme = try ThemeLoader.parse(input.text, file: file, defaultName: "fuzz")
            for role in StyleRole.allCases {
                for colour in [theme[role].foreground, theme[role].background] {
                    if let n = colour?.number, !(0...255).contains(n) { return .failed("\(role) has colour \(n)") }
                }
            }
            return .accepted
        } catch {
            if input.isValid { return .failed("a shipped theme is refused: \(error.message(in: .en))") }
            return refusalProblem(error, text: input.text).map { .failed($0) } ?? .refused
        }
    }

    /// What is unclear about a refusal, or nil: it names the file, a line that is in the text
    /// (or none), and says what is wrong in one plain line, in both languages.
    static func refusalProblem(_ error: ThemeError, text: String) -> String? {
        guard error.file == file else { return "the error names \(error.file)" }
        let lineCount = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).count
        if let line = error.line, !(1...max(1, lineCount + 1)).contains(line) { return "line \(line) of \(lineCount)" }
        for (language, start) in [(UILanguage.nl, "Themabestand \(file)"), (.en, "Theme file \(file)")] {
            let message = error.message(in: language)
            guard message.hasPrefix(start) else { return "the message does not start with the file: \(message)" }
            if TOMLMutation.hasControl(message) { return "control characters in \(FuzzText.describe(Array(message.utf8)))" }
            if message.count > 2_000 { return "a message of \(message.count) characters" }
        }
        return nil
    }

    /// The file on disk, as the workstation meets it: raw bytes (invalid UTF-8, binary
    /// garbage) through `ThemeLoader.load`, and `ThemeChoice` falling back to the default
    /// theme with a warning that names the file.
    @Test func brokenThemeFileFallsBackToTheDefaultWithAWarning() throws {
        let seeds = try Self.seeds()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("keukentafel-theme-fuzz-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/fuzz.toml"
        let run = FuzzRun.run("theme file and fallback", cases: Self.fileCases, seed: 31, timeLimit: Self.limit,
                              generate: { rng -> [UInt8] in
                                  let seed = Array(rng.pick(seeds).utf8)
                                  switch rng.below(4) {
                                  case 0: return ByteMutation.mutate(seed, &rng)
                                  case 1: return (0..<rng.int(0...4_000)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
                                  default: return Array(TOMLMutation.mutate(String(decoding: seed, as: UTF8.self), &rng).utf8)
                                  }
                              },
                              check: { bytes in try Self.checkFile(bytes, path: path, folder: folder) })
        print(run.summary)
        #expect(run.failures == 0, "\(run.failureReport)")
        #expect(run.accepted > 0 && run.refused > 0, "\(run.summary)")
    }

    static func checkFile(_ bytes: [UInt8], path: String, folder: String) throws -> FuzzVerdict {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let loaded: Result<Theme, ThemeError>
        do { loaded = .success(try ThemeLoader.load(file: path)) } catch { loaded = .failure(error) }
        let choice = ThemeChoice.resolve(requested: "fuzz", configured: nil,
                                         environment: ["TERM": "xterm-256color", "HOME": "/nonexistent-home"],
                                         terminalHasColors: true, themesDirectory: folder, language: .en)
        switch loaded {
        case .success(let theme):
            guard choice.theme == theme, choice.warning == nil else { return .failed("loads, but resolves to \(choice)") }
            return .accepted
        case .failure(let error):
            guard error.file == path else { return .failed("the error names \(error.file)") }
            if String(validating: bytes, as: UTF8.self) == nil, error.kind != .unreadable {
                return .failed("invalid UTF-8 is reported as \(error.kind)")
            }
            guard choice.theme == BuiltInThemes.default, let warning = choice.warning,
                  warning.hasPrefix("Theme file \(path)"), warning.hasSuffix("; using the default theme."),
                  !TOMLMutation.hasControl(warning) else {
                return .failed("a broken file gives \(choice.theme.name) with the warning \(choice.warning ?? "none")")
            }
            return .refused
        }
    }
}
