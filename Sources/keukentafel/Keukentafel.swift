import ArgumentParser

/// The `keukentafel` command. One subcommand a file; the contract is docs/case-file.md.
@main
struct Keukentafel: ParsableCommand {
    static let version = "0.1.0"

    /// The workstation's plain start is read without ArgumentParser (see `WorkstationStart`:
    /// 4 ms sooner on the screen); everything else is ArgumentParser's.
    static func main() {
        guard let start = WorkstationStart.quick(Array(CommandLine.arguments.dropFirst())) else {
            main(nil)
            return
        }
        do {
            try start.run()
        } catch {
            exit(withError: error)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "keukentafel",
        abstract: "Keukentafel — werkplek voor de keukentafelgesprekken van het wijkteam.",
        discussion: """
        Uitkomst (exit status): 0 goed, 64 verkeerd gebruik, 65 onjuiste gegevens, 74 fout bij lezen of opslaan.
        Exit status: 0 fine, 64 usage, 65 bad data, 74 storage failure.
        """,
        version: version,
        subcommands: [WorkstationCommand.self, DemoCommand.self, OverviewCommand.self, InitCommand.self, StaffCommand.self, HouseholdCommand.self, ObjectionCommand.self, SignalsCommand.self,
                      NormsCommand.self, PolicyCommand.self, MunicipalityCommand.self,
                      ImportCommand.self, ExportCommand.self, LetterCommand.self, PaymentsCommand.self, ReportCommand.self, GenerateCommand.self,
                      AuditCommand.self, SubjectAccessCommand.self, RetentionCommand.self, TrainCommand.self, BarriersCommand.self],
        defaultSubcommand: WorkstationCommand.self
    )
}
