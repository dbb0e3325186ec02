import ArgumentParser
import CaseStore
import Casework

/// `keukentafel import FILE…`: case files into the store, all or nothing.
struct ImportCommand: ContractCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Importeer dossierbestanden: alles of niets. / Import case files: all or nothing.",
        discussion: "Drukt de id's van de geïmporteerde huishoudens af, één per regel. / Prints the ids of the imported households, one per line."
    )

    @Argument(help: "Dossierbestanden (keukentafel-case/1). / Case files (keukentafel-case/1).")
    var files: [String]

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("Noem ten minste één dossierbestand. / Name at least one case file.") }
    }

    func execute(_ l: Language) throws {
        let (store, me) = try StoreAccess.openAsStaff(global)
        // Every file is read before anything is written: a missing one stops it all.
        let sources = try files.map { CaseFileSource(name: $0, bytes: try CaseFileLoading.readBytes(path: $0, language: l)) }
        let ids = try StoreAccess.reporting(l) { try store.importCaseFiles(sources, by: me.actor) }
        Console.out(ids.map { $0 + "\n" }.joined())
    }
}
