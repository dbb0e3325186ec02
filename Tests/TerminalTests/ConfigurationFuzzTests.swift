import Casework
import Foundation
import FuzzSupport
import Testing
@testable import Terminal

/// Hostile configuration files, `$XDG_CONFIG_HOME/keukentafel/config.toml` (docs/reliability.md):
/// mutations of valid settings, broken bytes and noise. The settings are used whole or
/// ignored whole with a warning that names the file (and line) and says the defaults
/// apply; never a crash or a hang.
@Suite("The configuration file under hostile input")
struct ConfigurationFuzzTests {
    static let cases = FuzzBudget.cases(quick: 500, full: 10_000)
    static let fileCases = FuzzBudget.cases(quick: 100, full: 1_000)
    static let limit = FuzzTimeLimit(base: .milliseconds(500), perKilobyte: .milliseconds(10))
    static let file = "/home/fuzz/.config/keukentafel/config.toml"
    /// An application's own section, as Keukentafel declares its payment settings.
    static let sections: UserConfiguration.Sections = ["payments": ["debtorName", "debtorIBAN"]]
    static let seeds = [
        "theme = \"high-contrast\"\nlang = \"en\"\n",
        "# mijn instellingen\nlang = \"nl\"\n\n[payments]\ndebtorName = \"Gemeente Zaanstad\"\ndebtorIBAN = \"NL91ABNA0417164300\"\n",
        "theme = \"monochrome\"\n[payments]\ndebtorName = \"Gemeente Ünal-Śląsk\"\n",
        "",
    ]

    @Test func settingsAreUsedWholeOrIgnoredWholeWithAWarning() {
        let run = FuzzRun.run("configuration parser", cases: Self.cases, seed: 40, timeLimit: Self.limit,
                              generate: { TOMLMutation.around(Self.seeds, &$0) },
                              check: { input in
                                  let (config, warning) = UserConfiguration.parse(input.text, file: Self.file, language: .en, sections: Self.sections)
                                  if input.isValid && warning != nil { return .failed("valid settings refused: \(warning ?? "")") }
                                  return Self.judge(config, warning, file: Self.file, language: .en)
                              })
        print(run.summary)
        #expect(run.failures == 0, "\(run.failureReport)")
        #expect(run.accepted > 0 && run.refused > 0, "\(run.summary)")
    }

    /// Accepted: nothing else to say. Refused: the defaults, and a warning that names the
    /// file first and ends with what happens, in one plain line.
    static func judge(_ config: UserConfiguration, _ warning: String?, file: String, language: UILanguage) -> FuzzVerdict {
        guard let warning else { return .accepted }
        guard config == UserConfiguration() else {
            return .failed("a refused file still set \(config)")
        }
        let ending = language == .nl ? "; de standaardinstellingen gelden." : "; the defaults apply."
        guard warning.hasPrefix(file), warning.hasSuffix(ending) else { return .failed("unclear warning: \(warning)") }
        if TOMLMutation.hasControl(warning) { return .failed("control characters in \(FuzzText.describe(Array(warning.utf8)))") }
        if warning.count > 2_000 { return .failed("a warning of \(warning.count) characters") }
        return .refused
    }

    /// The file on disk, found through XDG_CONFIG_HOME: raw bytes, invalid UTF-8, garbage.
    @Test func brokenConfigurationFileGivesTheDefaultsAndAWarning() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("keukentafel-config-fuzz-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home + "/keukentafel", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let path = home + "/keukentafel/config.toml"
        let run = FuzzRun.run("configuration file", cases: Self.fileCases, seed: 41, timeLimit: Self.limit,
                              generate: { rng -> [UInt8] in
                                  let seed = Array(rng.pick(Self.seeds).utf8)
                                  switch rng.below(4) {
                                  case 0: return ByteMutation.mutate(seed, &rng)
                                  case 1: return (0..<rng.int(0...4_000)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
                                  default: return Array(TOMLMutation.mutate(String(decoding: seed, as: UTF8.self), &rng).utf8)
                                  }
                              },
                              check: { bytes in
                                  try Data(bytes).write(to: URL(fileURLWithPath: path))
                                  // Both languages, by the length of the file.
                                  let language: UILanguage = bytes.count % 2 == 0 ? .nl : .en
                                  let (config, warning) = UserConfiguration.load(environment: ["XDG_CONFIG_HOME": home], language: language, sections: Self.sections)
                                  if String(validating: bytes, as: UTF8.self) == nil, warning == nil {
                                      return .failed("a file that is not UTF-8 was used")
                                  }
                                  return Self.judge(config, warning, file: path, language: language)
                              })
        print(run.summary)
        #expect(run.failures == 0, "\(run.failureReport)")
        #expect(run.accepted > 0 && run.refused > 0, "\(run.summary)")
    }
}
