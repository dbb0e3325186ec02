import ArgumentParser
import CaseStore
import Casework

/// `keukentafel subject-access BSN -o FILE`: the answer to an inzageverzoek (AVG art. 15).
struct SubjectAccessCommand: ContractCommand {
    static let configuration = CommandConfiguration(
        commandName: "subject-access",
        abstract: "Beantwoord een inzageverzoek: alles wat over één BSN is opgeslagen (alleen teamleiders). / Answer a subject access request (team leaders only).",
        discussion: """
        Schrijft één JSON-bestand (0600, keukentafel-subject-access/1): elk huishouden met een lid met dit BSN \
        als dossierbestand, en de regels van het auditlogboek over die huishoudens. Ook als er niets is \
        opgeslagen komt er een bestand dat dat zegt. Het verzoek zelf komt in het auditlogboek.
        """
    )

    @Argument(help: "Het burgerservicenummer (negen cijfers, elfproef). / The citizen service number.")
    var bsn: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Het antwoordbestand. / The answer file.", valueName: "file"))
    var output: String

    @OptionGroup var global: GlobalOptions

    func execute(_ l: Language) throws {
        // Checked before the store is opened: a mistyped number is never looked up.
        guard let number = BSN(bsn) else {
            Console.error(CaseFileProblem.Kind.bsnFailsElevenTest(bsn).message(in: l)
                          + l.pick("; er is niets opgezocht of geschreven.", "; nothing was looked up or written."))
            throw Failure(status: Exit.usage)
        }
        // An existing answer file is refused before the request is recorded.
        try OutputFile.refuseExisting(output, language: l)
        let (store, me) = try StoreAccess.openRealOrDemoAsStaff(global)
        let answer = try StoreAccess.reporting(l) { try store.answerSubjectAccess(bsn: number, by: me.actor) }
        let households = answer.households.count, rows = answer.audit.count
        let signals = answer.unmatchedSignals.count
        let summary = households == 0 && signals > 0
            ? l.pick("Over BSN \(number.masked) staan in deze opslag alleen \(signals) \(signals == 1 ? "vroegsignaal" : "vroegsignalen") dat bij geen huishouden hoort.",
                     "This store holds only \(signals) early-warning \(signals == 1 ? "signal" : "signals") about BSN \(number.masked) that match no household.")
            : households == 0
            ? l.pick("Over BSN \(number.masked) is in deze opslag niets opgeslagen.",
                     "Nothing is stored about BSN \(number.masked) in this store.")
            : l.pick("In deze opslag \(households == 1 ? "staat 1 huishouden" : "staan \(households) huishoudens") met een lid met BSN \(number.masked), en \(rows) \(rows == 1 ? "regel" : "regels") in het auditlogboek daarover.",
                     "This store holds \(households) \(households == 1 ? "household" : "households") with a member with BSN \(number.masked), and \(rows) audit \(rows == 1 ? "row" : "rows") about \(households == 1 ? "it" : "them").")
        try OutputFile.write(JSONWriter.write(answer.json(summary: summary)), to: output, language: l)
        Console.out(summary + l.pick(" Het antwoord staat in \(output).\n", " The answer is in \(output).\n"))
    }
}
