import ArgumentParser
import CaseStore
import Casework

/// `keukentafel import FILE…`: case files into the store, all or nothing.
struct ImportCommand: ContractCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Importeer dossierbestanden: alles of niets. / Import case files: all or nothing.",
        discussion: """
            Drukt de id's van de geïmporteerde huishoudens af, één per regel. Een gezin dat mogelijk al in de opslag staat \
            (zelfde BSN, naam en geboortedatum, of adres van een open huishouden) wordt gemeld op stderr; met --strict wordt \
            dan niets geïmporteerd (exit 65).
            Prints the ids of the imported households, one per line. A family that may be in the store already (same BSN, \
            name and birth date, or address of an open household) is reported on stderr; with --strict nothing is imported \
            then (exit 65).
            """
    )

    @Argument(help: "Dossierbestanden (keukentafel-case/1). / Case files (keukentafel-case/1).")
    var files: [String]

    @Flag(help: "Niets importeren als een gezin mogelijk al in de opslag staat. / Import nothing when a family may be in the store already.")
    var strict = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("Noem ten minste één dossierbestand. / Name at least one case file.") }
    }

    func execute(_ l: Language) throws {
        let (store, me) = try StoreAccess.openAsStaff(global)
        // Every file is read before anything is written: a missing one stops it all.
        let sources = try files.map { CaseFileSource(name: $0, bytes: try CaseFileLoading.readBytes(path: $0, language: l)) }
        let outcome = try StoreAccess.reporting(l) { try store.importCaseFiles(sources, by: me.actor, strict: strict) }
        for file in outcome.duplicates {
            for found in file.duplicates {
                Console.error(ShownText.printable(l.pick("Let op: \(file.file): dit gezin staat mogelijk al in de opslag: ",
                                                         "Note: \(file.file): this family may be in the store already: ")) + found.sentence(in: l))
            }
        }
        Console.out(outcome.ids.map { $0 + "\n" }.joined())
    }
}
