import ArgumentParser
import Casework
import Testing
@testable import keukentafel

/// The workstation's quick start (`WorkstationStart.quick`) reads what ArgumentParser reads,
/// or leaves the arguments to it.
@Suite struct WorkstationStartTests {
    @Test func theListOfSubcommandsIsKeukentafelsOwn() {
        let configured = Keukentafel.configuration.subcommands.flatMap { command in
            [command.configuration.commandName ?? ""] + command.configuration.aliases
        }
        #expect(WorkstationStart.subcommandNames == Set(configured + ["help"]))
    }

    @Test func thePlainFormsAreRead() {
        #expect(WorkstationStart.quick([]) == WorkstationStart())
        #expect(WorkstationStart.quick(["--store", "/srv/wijkteam/k.sqlite"]) == WorkstationStart(store: "/srv/wijkteam/k.sqlite"))
        #expect(WorkstationStart.quick(["--lang=en", "--theme", "high-contrast", "--store=a=b"])
            == WorkstationStart(store: "a=b", lang: .en, theme: "high-contrast"))
        #expect(WorkstationStart.quick(["--store", "map met spatie/é.sqlite", "--lang", "nl"])
            == WorkstationStart(store: "map met spatie/é.sqlite", lang: .nl))
    }

    @Test func everythingElseIsLeftToArgumentParser() {
        for arguments in [["open"], ["report", "--json"], ["--help"], ["-h"], ["--version"], ["help"],
                          ["--lang", "de"], ["--lang"], ["--store"], ["--store="], ["--store", "--lang", "en"],
                          ["--store", "-x"], ["--store", "report"], ["--store", "a", "--store", "b"],
                          ["--as", "s.elidrissi"], ["--store", "a", "extra"], ["--Store", "a"], ["-store", "a"]] {
            #expect(WorkstationStart.quick(arguments) == nil, "\(arguments)")
        }
    }

    /// Seeded random argument lists from the words that matter: whenever the quick start reads
    /// one, ArgumentParser reads the same store, language and theme from it.
    @Test func whatTheQuickStartReadsArgumentParserReadsTheSame() throws {
        let words = ["--store", "--lang", "--theme", "--store=k.sqlite", "--lang=en", "--lang=nl", "--lang=de", "--theme=monochrome",
                     "--store=", "--as", "-h", "--help", "--version", "open", "report", "help", "nl", "en", "de", "/tmp/k.sqlite",
                     "a=b", "-", "--", "-x", "é €", "monochrome"]
        var rng = SplitMix64(seed: 24)
        var read = 0, agreed = 0
        for _ in 0..<4_000 {
            let arguments = (0..<Int.random(in: 0...6, using: &rng)).map { _ in words.randomElement(using: &rng)! }
            guard let quick = WorkstationStart.quick(arguments) else { continue }
            read += 1
            let parsed = try #require(try? Keukentafel.parseAsRoot(arguments), "\(arguments)")
            let command = try #require(parsed as? WorkstationCommand, "\(arguments): \(type(of: parsed))")
            let expected = WorkstationStart(store: command.global.store, lang: command.global.lang, theme: command.theme)
            #expect(quick == expected, "\(arguments)")
            if quick == expected { agreed += 1 }
        }
        // The random lists reach the quick start often enough to mean something.
        #expect(read >= 200)
        #expect(agreed == read)
    }
}
