import ArgumentParser
import CaseStore
import Casework
import Foundation

/// `keukentafel letter GRANT-ID [-o FILE]`: the decision letter as Dutch text, written to a new
/// file (in the folder for letters unless `-o` names one) and then kept as sent; `--copy`
/// prints the letter as sent again.
struct LetterCommand: ContractCommand {
    static let configuration = CommandConfiguration(
        commandName: "letter",
        abstract: "De besluitbrief (beschikking) van een aanvraag. / The decision letter of a grant."
    )

    @Argument(help: "Het id van de aanvraag, bijvoorbeeld gr-0003-1. / The grant id.")
    var grantID: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Schrijf naar dit (nieuwe) bestand; standaard een nieuw bestand in de map voor brieven ([output] folder, anders die van de gemeente, anders hier). / Write to this (new) file; by default a new file in the folder for letters.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Druk de laatst verstuurde brief opnieuw af, precies gelijk. / Print the letter as last sent again, identically.")
    var copy = false

    @OptionGroup var demo: DemoIdentity
    @OptionGroup var global: GlobalOptions

    func execute(_ l: Language) throws {
        // A demo store named with --store works too: trainers show letters on practice households.
        let (store, me) = try StoreAccess.openRealOrDemoAsStaff(global, demoUser: demo.user)
        let stored = try StoreAccess.reporting(l) { try store.grant(grantID) }
        if copy {
            _ = try StoreAccess.reporting(l) { try store.viewCaseFile(stored.householdId, by: me.actor, action: "grant.letter.copy") }
            guard let sent = try StoreAccess.reporting(l, { try store.lastLetter(grant: grantID) }) else {
                Console.error(l.pick("Voor \(grantID) is nog geen brief verstuurd; maak er een met: keukentafel letter \(grantID)",
                                     "No letter was sent for \(grantID) yet; make one with: keukentafel letter \(grantID)"))
                throw Failure(status: Exit.usage)
            }
            try OutputFile.writeOrPrint(sent.text, to: output, language: l)
            return
        }
        let file = try StoreAccess.reporting(l) {
            try store.viewCaseFile(stored.householdId, by: me.actor, action: "grant.letter")
        }
        // A letter is a decision: none for a request that is not decided.
        guard DecisionLetter.Kind(stored.grant.status) != nil else {
            Console.error(l.pick("Over \(grantID) is nog niet beslist (status \"\(stored.grant.status.name(in: l))\"), dus er is geen besluitbrief. Een brief komt er na goedkeuren of afwijzen.",
                                 "\(grantID) is not decided yet (status \"\(stored.grant.status.name(in: l))\"), so there is no decision letter. A letter follows approval or rejection."))
            throw Failure(status: Exit.usage)
        }
        // The decision was made known by its first letter: a second would carry another date and
        // objection term. The one sent is printed again with --copy.
        if let sent = try StoreAccess.reporting(l, { try store.decisionLetter(of: stored.grant) }) {
            let day = Moment(iso: sent.writtenAt)?.localDate.dutch ?? sent.writtenAt
            Console.error(l.pick("Voor dit besluit over \(grantID) ging op \(day) al een brief uit. keukentafel letter \(grantID) --copy drukt die opnieuw af, precies gelijk.",
                                 "For this decision on \(grantID) a letter went out on \(day) already. keukentafel letter \(grantID) --copy prints it again, identically."))
            throw Failure(status: Exit.usage)
        }
        guard let municipality = try StoreAccess.reporting(l, { try store.municipality() }) else {
            Console.error(MunicipalityCommand.notSet(l))
            throw Failure(status: Exit.usage)
        }
        // Signed by someone: "namens het college …" with a name and function.
        guard !municipality.signer.trimmingCharacters(in: .whitespaces).isEmpty, !municipality.signerRole.trimmingCharacters(in: .whitespaces).isEmpty else {
            Console.error(MunicipalityCommand.signerMissing(l))
            throw Failure(status: Exit.usage)
        }
        let team = me.team.isEmpty ? "Wijkteam" : me.team
        let today = store.clock.today
        // A request submitted carries its own figures; only one never submitted is computed now.
        let figures = stored.grant.snapshot == nil
            ? (try? StoreAccess.reporting(l) { try store.rules() }.overview(of: file, on: today, excludingGrant: stored.grant.id).get())
                .map { FinancialSnapshot(overview: $0, cost: stored.grant.amount) }
            : nil
        guard let text = DecisionLetter.text(grant: stored.grant, household: file.household,
                                             sender: DecisionLetter.Sender(municipality, team: team), sent: today, figures: figures,
                                             practice: store.kind == .demo) else { throw Failure(status: Exit.usage) }
        // Written first, to a new file safely on disk; then recorded as sent, unchangeable, its hash audited.
        let path: String
        if let output {
            try OutputFile.write(text, to: output, language: l)
            path = output
        } else {
            let (config, warning) = Settings.load(l == .nl ? .nl : .en)
            if let warning { Console.error(warning) }
            let folder = config.outputFolder ?? municipality.outputFolder ?? FileManager.default.currentDirectoryPath
            path = try OutputFile.writeNew(text, folder: folder, name: "besluit-\(grantID).txt", language: l)
        }
        let sent = try StoreAccess.reporting(l) { try store.recordLetter(text, grant: grantID, household: stored.householdId, by: me.actor) }
        Console.out(l.pick("Besluitbrief geschreven naar \(path) (sha256 \(sent.sha256)).\n", "Decision letter written to \(path) (sha256 \(sent.sha256)).\n"))
    }
}
