import ArgumentParser
import CaseStore
import Casework
import Foundation
import Terminal

/// `keukentafel payments export -o FILE | export --batch ID -o FILE | batches`: approved,
/// unpaid grants as one SEPA file, recorded only once the file is safely written.
struct PaymentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payments",
        abstract: "Betalingen aan organisaties. / Payments to organisations.",
        subcommands: [Export.self, Batches.self, MarkPaid.self]
    )

    struct Export: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Schrijf goedgekeurde, nog niet betaalde aanvragen als SEPA-bestand (pain.001.001.03); alleen teamleiders. / Write approved, unpaid grants as a SEPA file.",
            discussion: "De rekening van de gemeente komt uit [payments] in config.toml, of uit --debtor-name en --debtor-iban. Elke aanvraag komt maar in één bestand."
        )

        @Option(name: .shortAndLong, help: ArgumentHelp("Het SEPA-bestand. / The SEPA file.", valueName: "file"))
        var output: String

        @Option(name: .long, help: ArgumentHelp("Schrijf een eerder betaalbestand opnieuw, precies gelijk. / Write an earlier batch again, identically.",
                                                valueName: "id"))
        var batch: String?

        @Option(name: .long, help: ArgumentHelp("Naam van de betalende gemeente. / Debtor name.", valueName: "name"))
        var debtorName: String?

        @Option(name: .long, help: ArgumentHelp("IBAN van de gemeente. / Debtor IBAN.", valueName: "iban"))
        var debtorIban: String?

        @OptionGroup var demo: DemoIdentity
        @OptionGroup var global: GlobalOptions

        func execute(_ l: Language) throws {
            if let batch { return try again(batch, l) }
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
            let (store, me) = try StoreAccess.openRealOrDemoAsStaff(global, demoUser: demo.user)
            let batch = try StoreAccess.reporting(l) { try store.preparePayments(debtor: debtor, by: me.actor, execution: store.clock.today) }
            guard let batch else {
                Console.out(l.pick("Er zijn geen goedgekeurde aanvragen die nog in geen betaalbestand staan; er is niets geschreven.\n",
                                   "There are no approved grants that are not in a payment file yet; nothing was written.\n"))
                return
            }
            // The file first, safely on disk; only then is the batch recorded. A failed write
            // records nothing, so every grant stays payable.
            do {
                try OutputFile.write(batch.xml, to: output, language: l)
            } catch {
                Console.error(l.pick("De aanvragen blijven te betalen: er is geen betaalbestand vastgelegd.",
                                     "The grants stay payable: no payment batch was recorded."))
                throw error
            }
            do {
                try store.recordPayments(batch, by: me.actor)
            } catch let error as StoreError {
                // Exported or changed by someone else meanwhile: this file must not reach a bank.
                unlink(output)
                Console.error(error.message(in: l) + l.pick(" Het bestand \(output) is weer verwijderd; exporteer opnieuw.",
                                                            " The file \(output) was removed again; export again."))
                throw Failure(status: StoreAccess.status(of: error))
            }
            Console.out(l.pick("\(batch.id): \(batch.count) betalingen, samen \(batch.total.dutch), in \(output)\n",
                               "\(batch.id): \(batch.count) payments, together \(batch.total.dutch), in \(output)\n"))
        }

        /// An earlier batch, written again exactly as it was.
        private func again(_ id: String, _ l: Language) throws {
            let (store, me) = try StoreAccess.openRealOrDemoAsStaff(global, demoUser: demo.user)
            try StoreAccess.reporting(l) { try store.requireTeamLeader(me.actor, for: .exportCases) }
            let batches = try StoreAccess.reporting(l) { try store.paymentBatches() }
            guard let found = batches.first(where: { $0.id == id }), !found.xml.isEmpty else {
                Console.error(l.pick("Er is geen betaalbestand \(id) (of het is van voor deze versie en niet bewaard). Zie: keukentafel payments batches",
                                     "There is no payment batch \(id) (or it predates this version and was not kept). See: keukentafel payments batches"))
                throw Failure(status: Exit.usage)
            }
            try OutputFile.write(found.xml, to: output, language: l)
            Console.out(l.pick("\(found.id) opnieuw geschreven, gelijk aan het origineel: \(output)\n",
                               "\(found.id) written again, identical to the original: \(output)\n"))
        }
    }

    struct Batches: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "batches",
            abstract: "De betaalbestanden tot nu toe. / The payment batches so far."
        )

        @OptionGroup var demo: DemoIdentity
        @OptionGroup var global: GlobalOptions

        func execute(_ l: Language) throws {
            let (store, me) = try StoreAccess.openRealOrDemoAsStaff(global, demoUser: demo.user)
            try StoreAccess.reporting(l) { try store.requireTeamLeader(me.actor, for: .exportCases) }
            let batches = try StoreAccess.reporting(l) { try store.paymentBatches() }
            if batches.isEmpty {
                Console.out(l.pick("Er zijn nog geen betaalbestanden.\n", "There are no payment batches yet.\n"))
                return
            }
            var out = ""
            for b in batches {
                out += "\(b.id)  \(b.createdAt.prefix(16).replacingOccurrences(of: "T", with: " "))  \(b.createdBy)  "
                    + l.pick("\(b.count) betalingen, \(b.total.dutch): ", "\(b.count) payments, \(b.total.dutch): ")
                    + b.grantIds.joined(separator: ", ") + "\n"
            }
            Console.out(out)
        }
    }

    /// `payments mark-paid GRANT-ID [--undo]`: a payment made outside a payment file, marked by
    /// hand — a team leader's, saying whether the grant is in a batch; `--undo` takes it back.
    struct MarkPaid: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "mark-paid",
            abstract: "Zet een toegekende aanvraag met de hand op betaald (teamleider); --undo draait dat terug. / Mark an approved grant paid by hand (team leader); --undo takes it back."
        )
        @Argument(help: "De aanvraag, bijvoorbeeld gr-0003-2. / The grant.") var grantID: String
        @Flag(help: "Draai een met de hand gezette betaling terug. / Take back a payment marked by hand.") var undo = false
        @OptionGroup var demo: DemoIdentity
        @OptionGroup var global: GlobalOptions

        func execute(_ l: Language) throws {
            let (store, me) = try StoreAccess.openRealOrDemoAsStaff(global, demoUser: demo.user)
            let stored = try StoreAccess.reporting(l) { try store.grant(grantID) }
            if undo {
                _ = try StoreAccess.reporting(l) { try store.unpayGrant(stored, by: me.actor) }
                Console.out(l.pick("\(grantID) staat weer op toegekend en kan weer in een betaalbestand.\n",
                                   "\(grantID) is approved again and can go into a payment file again.\n"))
                return
            }
            let batch = try StoreAccess.reporting(l) { try store.paymentBatch(ofGrant: grantID) }
            _ = try StoreAccess.reporting(l) { try store.payGrant(stored, by: me.actor) }
            Console.out(batch.map { l.pick("\(grantID) staat op betaald (betaalbestand \($0)).\n", "\(grantID) is marked paid (payment file \($0)).\n") }
                        ?? l.pick("\(grantID) staat op betaald. Hij stond in geen betaalbestand: de betaling ging buiten Keukentafel om. --undo draait het terug.\n",
                                  "\(grantID) is marked paid. It was in no payment file: it was paid outside Keukentafel. --undo takes it back.\n"))
        }
    }
}
