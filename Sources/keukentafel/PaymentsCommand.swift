import ArgumentParser
import CaseStore
import Casework
import Foundation
import Terminal

/// `keukentafel payments export -o FILE`: approved, unpaid grants as one SEPA file.
struct PaymentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payments",
        abstract: "Betalingen aan organisaties. / Payments to organisations.",
        subcommands: [Export.self]
    )

    struct Export: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Schrijf goedgekeurde, nog niet betaalde aanvragen als SEPA-bestand (pain.001.001.03); alleen teamleiders. / Write approved, unpaid grants as a SEPA file.",
            discussion: "De rekening van de gemeente komt uit [payments] in config.toml, of uit --debtor-name en --debtor-iban. Elke aanvraag komt maar in één bestand."
        )

        @Option(name: .shortAndLong, help: ArgumentHelp("Het SEPA-bestand. / The SEPA file.", valueName: "file"))
        var output: String

        @Option(name: .long, help: ArgumentHelp("Naam van de betalende gemeente. / Debtor name.", valueName: "name"))
        var debtorName: String?

        @Option(name: .long, help: ArgumentHelp("IBAN van de gemeente. / Debtor IBAN.", valueName: "iban"))
        var debtorIban: String?

        @OptionGroup var global: GlobalOptions

        func execute(_ l: Language) throws {
            let (config, warning) = Settings.load(l == .nl ? .nl : .en)
            if let warning { Console.error(warning) }
            guard let ibanText = debtorIban ?? config.debtorIBAN else {
                Console.error(l.pick("De rekening van de gemeente ontbreekt: zet debtorIBAN onder [payments] in config.toml, of geef --debtor-iban.",
                                     "The municipality's account is missing: set debtorIBAN under [payments] in config.toml, or give --debtor-iban."))
                throw Failure(status: Exit.usage)
            }
            guard case .success(let iban) = IBAN.check(ibanText) else {
                Console.error(l.pick("De rekening van de gemeente \"\(ibanText)\" is geen geldig IBAN.",
                                     "The municipality's account \"\(ibanText)\" is not a valid IBAN."))
                throw Failure(status: Exit.badData)
            }
            let debtor = SEPACreditTransfer.Debtor(name: debtorName ?? config.debtorName ?? "Gemeente", iban: iban)
            let (store, me) = try StoreAccess.openAsStaff(global)
            let batch = try StoreAccess.reporting(l) { try store.exportPayments(debtor: debtor, by: me.actor, execution: store.clock.today) }
            guard let batch else {
                Console.out(l.pick("Er zijn geen goedgekeurde aanvragen die nog in geen betaalbestand staan; er is niets geschreven.\n",
                                   "There are no approved grants that are not in a payment file yet; nothing was written.\n"))
                return
            }
            try OutputFile.write(batch.xml, to: output, language: l)
            Console.out(l.pick("\(batch.id): \(batch.count) betalingen, samen \(batch.total.dutch), in \(output)\n",
                               "\(batch.id): \(batch.count) payments, together \(batch.total.dutch), in \(output)\n"))
        }
    }
}
