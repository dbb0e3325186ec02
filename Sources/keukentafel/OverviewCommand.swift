import ArgumentParser
import CaseStore
import Casework
import Foundation

/// `keukentafel overview (FILE | ID) [--json]`: the financial overview of one household,
/// from a case file or from the store — the same figures either way.
struct OverviewCommand: ContractCommand {
    static let configuration = CommandConfiguration(
        commandName: "overview",
        abstract: "Het financieel overzicht van een huishouden. / The financial overview of a household.",
        discussion: """
        Leest een dossierbestand (keukentafel-case/1) of een huishouden uit de opslag en toont inkomsten, uitgaven, schulden en inhoudingen \
        per maand, de bestedingsruimte, de normtoets en de draagkracht.
        Met --json precies één JSON-object, zoals beschreven in docs/case-file.md.
        """
    )

    @Argument(help: "Een dossierbestand (JSON) of het id van een huishouden in de opslag. / A case file (JSON) or the id of a household in the store.")
    var file: String

    /// An argument that is an existing file, or looks like a path, is a file; else an id.
    private var isFile: Bool {
        FileManager.default.fileExists(atPath: file) || file.contains("/") || file.hasSuffix(".json")
    }

    @Flag(name: .long, help: "Druk het overzicht af als JSON. / Print the overview as JSON.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func execute(_ l: Language) throws {
        let caseFile: CaseFile
        let today = try ProgramClock.today()
        let result: Result<FinancialOverview, NormTableError>
        if isFile {
            // A file keeps its own reference date, with the law that ships.
            caseFile = try CaseFileLoading.load(path: file, language: l)
            result = caseFile.overview(today: today)
        } else {
            // A household in the store computes on today, with the store's tables and policy.
            let (store, me) = try StoreAccess.openAsStaff(global)
            caseFile = try StoreAccess.reporting(l) { try store.viewCaseFile(file, by: me.actor, action: "household.overview") }
            let rules = try StoreAccess.reporting(l) { try store.rules() }
            result = rules.overview(of: caseFile, on: today)
        }
        switch result {
        case .failure(.beforeOldest(let date, let oldest)):
            Console.error(l.pick(
                "\(file): er is geen normtabel voor de peildatum \(date.dutch); de oudste tabel geldt vanaf \(oldest.dutch). Kies een latere referenceDate.",
                "\(file): there is no norm table for the reference date \(date.iso); the oldest table is from \(oldest.iso). Choose a later referenceDate."))
            throw Failure(status: Exit.badData)
        case .success(let overview):
            if json {
                Console.out(JSONWriter.write(OverviewReport.json(overview, householdID: caseFile.household.id)))
            } else {
                Console.out(OverviewReport.text(overview, file: caseFile, language: l))
            }
        }
    }
}
