import ArgumentParser
import CaseStore
import Casework
import Foundation

/// `keukentafel municipality show|set FILE`: the municipality's settings in the store — its
/// name on the letters, CBS code, teams, signer and the team's output folder.
struct MunicipalityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "municipality",
        abstract: "De gegevens van de gemeente (naam, CBS-code, teams, ondertekenaar). / The municipality's settings.",
        subcommands: [Show.self, Set.self]
    )

    static func notSet(_ l: Language) -> String {
        l.pick("De gemeente is nog niet ingesteld, dus er kan geen brief uit. Een teamleider doet dat met: keukentafel municipality set BESTAND (zie docs/rules.md).",
               "The municipality is not set yet, so no letter can be made. A team leader sets it with: keukentafel municipality set FILE (see docs/rules.md).")
    }

    static func signerMissing(_ l: Language) -> String {
        l.pick("Wie de brief ondertekent ontbreekt in de gegevens van de gemeente (signer en signerRole), dus er kan geen brief uit. Een teamleider vult ze aan met: keukentafel municipality set BESTAND.",
               "Who signs the letter is missing from the municipality's settings (signer and signerRole), so no letter can be made. A team leader adds them with: keukentafel municipality set FILE.")
    }

    struct Show: ContractCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Toon de gegevens. / Show the settings.")

        @Flag(name: .long, help: "Als JSON (keukentafel-municipality/1). / As JSON.")
        var json = false

        @OptionGroup var global: GlobalOptions

        func execute(_ l: Language) throws {
            let (store, _) = try StoreAccess.openAsStaff(global)
            guard let m = try StoreAccess.reporting(l, { try store.municipality() }) else {
                Console.out(MunicipalityCommand.notSet(l) + "\n")
                return
            }
            if json { Console.out(JSONWriter.write(Municipality.json(m))); return }
            var out = "\(m.name) (CBS \(m.code))\n"
            out += l.pick("  Teams: ", "  Teams: ") + (m.teams.isEmpty ? "-" : m.teams.joined(separator: ", ")) + "\n"
            out += l.pick("  Ondertekenaar: ", "  Signer: ") + (m.signer.isEmpty ? "-" : m.signer + (m.signerRole.isEmpty ? "" : ", " + m.signerRole)) + "\n"
            out += l.pick("  Map voor brieven en afdrukken: ", "  Folder for letters and printouts: ") + (m.outputFolder ?? "-") + "\n"
            Console.out(out)
        }
    }

    struct Set: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Stel de gegevens in (alleen teamleiders). / Set them (team leaders only).")

        @Argument(help: "Een bestand keukentafel-municipality/1 (JSON). / A municipality file (JSON).")
        var file: String

        @OptionGroup var global: GlobalOptions

        func execute(_ l: Language) throws {
            let m = try CaseFileLoading.loadSettings(path: file, language: l, Municipality.read)
            let (store, me) = try StoreAccess.openAsStaff(global)
            try StoreAccess.reporting(l) { try store.setMunicipality(m, by: me.actor) }
            Console.out(l.pick("\(m.name) ingesteld.\n", "\(m.name) set.\n"))
        }
    }
}
