import ArgumentParser
import CaseStore
import Casework
import Foundation

/// `keukentafel policy show|set FILE`: the municipality's policy (docs/rules.md, "The
/// municipality's policy"), in numbered versions valid from a date; set by a team leader.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Het beleid van de gemeente (normpercentage, draagkracht, mandaat). / The municipality's policy.",
        subcommands: [Show.self, Set.self]
    )

    struct Show: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Toon het beleid dat nu geldt, en de eerdere versies. / Show the policy in force, and earlier versions."
        )

        @Flag(name: .long, help: "Als JSON (keukentafel-policy/1), zoals policy set het weer leest. / As JSON, as policy set reads it back.")
        var json = false

        @OptionGroup var global: GlobalOptions

        func execute(_ l: Language) throws {
            let (store, _) = try StoreAccess.openAsStaff(global)
            let rules = try StoreAccess.reporting(l) { try store.rules() }
            let current = rules.policy(on: store.clock.today)
            if json {
                Console.out(JSONWriter.write(PolicyFile.json(current)))
                return
            }
            var out = PolicyText.lines(current, language: l).joined(separator: "\n") + "\n"
            if rules.policies.count > 1 {
                out += "\n" + l.pick("Versies", "Versions") + "\n"
                for v in rules.policies {
                    let who = v.setBy.map { l.pick(", gezet door \($0)", ", set by \($0)") } ?? l.pick(" (meegeleverd)", " (shipped)")
                    out += "  \(v.number): " + l.pick("vanaf ", "from ") + v.validFrom.dutch + who
                        + (v.number == current.number ? l.pick(" ← geldt nu", " ← in force") : "") + "\n"
                }
            }
            Console.out(out)
        }
    }

    struct Set: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Zet een nieuwe versie van het beleid (alleen teamleiders). / Set a new policy version (team leaders only).",
            discussion: """
            Het bestand heeft het formaat keukentafel-policy/1 (docs/rules.md): validFrom en de velden die veranderen; \
            wat ontbreekt blijft zoals in de versie ervoor. Aanvragen die eerder zijn ingediend houden hun cijfers en hun versie.
            """
        )

        @Argument(help: "Een beleidsbestand (JSON, keukentafel-policy/1). / A policy file (JSON).")
        var file: String

        @OptionGroup var global: GlobalOptions

        func execute(_ l: Language) throws {
            let change = try CaseFileLoading.loadSettings(path: file, language: l, PolicyFile.read)
            let (store, me) = try StoreAccess.openAsStaff(global)
            let version = try StoreAccess.reporting(l) { try store.setPolicy(change, by: me.actor) }
            Console.out(l.pick("Beleidsversie \(version.number) geldt vanaf \(version.validFrom.dutch).\n",
                               "Policy version \(version.number) applies from \(version.validFrom.iso).\n")
                        + PolicyText.lines(version, language: l).joined(separator: "\n") + "\n")
        }
    }
}
