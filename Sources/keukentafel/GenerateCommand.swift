import ArgumentParser
import CaseStore
import Casework
import Foundation

/// `keukentafel generate --households N [--seed S] --store PATH`: a new store full of
/// deterministic synthetic households, to measure the workstation at the scale of a city.
struct GenerateCommand: ParsableCommand {
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

    func run() throws {
        let l = global.language
        do {
            let location = StoreAccess.location(global)
            let user = OSUser.current
            let me = StaffMember(user: user, name: OSUser.fullName ?? user, role: .teamleader, team: "Wijkteam Synthetisch")
            let store = try StoreAccess.reporting(l) { try Store.create(at: location, firstStaff: me) }
            let caseworkers = (1...20).map { String(format: "gen.cw%02d", $0) }
            try StoreAccess.reporting(l) {
                for cw in caseworkers {
                    try store.addStaff(StaffMember(user: cw, name: "Regisseur \(cw.suffix(2))", role: .caseworker, team: me.team), by: me.actor)
                }
            }
            try StoreAccess.reporting(l) { try store.useFastBulkLoad() }
            let generator = SyntheticHouseholds(seed: seed, caseworkers: caseworkers, teamleader: user)
            let today = try Clock.today()
            let started = Date()
            var index = 0
            while index < households {
                let end = min(households, index + 2_000)
                let batch = (index..<end).map { generator.household($0, today: today) }
                try StoreAccess.reporting(l) { try store.insertGenerated(batch, by: me.actor) }
                index = end
            }
            let seconds = Date().timeIntervalSince(started)
            Console.out(l.pick("\(households) huishoudens gemaakt in \(String(format: "%.1f", seconds)) s: \(location.path)\n",
                               "\(households) households made in \(String(format: "%.1f", seconds)) s: \(location.path)\n"))
        } catch let failure as Failure {
            throw ExitCode(failure.status)
        }
    }
}
