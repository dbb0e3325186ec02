import ArgumentParser
import CaseStore
import Casework
import Foundation

/// `keukentafel generate --households N [--seed S] --store PATH`: a new store full of
/// deterministic synthetic households, to measure the workstation at the scale of a city.
struct GenerateCommand: ContractCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Maak een nieuwe opslag met verzonnen huishoudens om te meten. / Make a new store of synthetic households for measuring."
    )

    @Option(name: .long, help: "Hoeveel huishoudens. / How many households.")
    var households: Int

    @Option(name: .long, help: "Zaad voor het toeval: hetzelfde zaad geeft dezelfde gegevens. / Seed.")
    var seed: UInt64 = 20261123

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard households > 0 && households <= 2_000_000 else { throw ValidationError("--households: 1 … 2.000.000") }
        guard global.store != nil else { throw ValidationError("Geef --store PATH: generate maakt altijd een nieuwe opslag. / Give --store PATH.") }
    }

    func execute(_ l: Language) throws {
        let location = StoreAccess.location(global)
        let user = OSUser.current
        let me = StaffMember(user: user, name: OSUser.fullName ?? user, role: .teamleader, team: "Wijkteam Synthetisch")
        let clock = try ProgramClock.make()
        let took = try ContinuousClock().measure {
            _ = try StoreAccess.reporting(l) {
                try Store.createSynthetic(at: location, households: households, seed: seed, teamleader: me, clock: clock)
            }
        }
        let seconds = took / .seconds(1)
        Console.out(l.pick("\(households) huishoudens gemaakt in \(String(format: "%.1f", seconds)) s: \(location.path)\n",
                           "\(households) households made in \(String(format: "%.1f", seconds)) s: \(location.path)\n"))
    }
}
