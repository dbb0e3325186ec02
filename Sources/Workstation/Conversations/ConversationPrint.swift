import CaseStore
import Casework
import Foundation

/// `p`: a conversation as a Dutch text file, for the case file or for the resident.
enum ConversationPrint {
    static func text(_ c: Conversation, household: HouseholdState, env: AppEnvironment) -> String {
        let l = Language.nl
        var out = "Keukentafelgesprek — \(household.file.household.name)\n"
        out += "Datum: \(c.date?.dutch ?? "onbekend")    Regisseur: \(c.author)    Plaats: \(c.location)\n"
        if !c.present.isEmpty { out += "Aanwezig: \(c.present.joined(separator: ", "))\n" }
        func section(_ title: String, _ body: String) {
            guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
            out += "\n\(title)\n\(String(repeating: "-", count: title.count))\n\(body)\n"
        }
        section("Hulpvraag", c.question)
        for (domain, note) in c.domains { section("Leefgebied: \(domain.name(in: l))", note) }
        section("Eigen kracht", c.ownStrength)
        section("Netwerk", c.network)
        if !c.agreements.isEmpty {
            section("Afspraken", c.agreements.map { a in
                "- \(a.text)" + (a.owner.isEmpty ? "" : " (\(a.owner))") + (a.due.map { ", vóór \($0.dutch)" } ?? "") + (a.done ? " — gedaan" : "")
            }.joined(separator: "\n"))
        }
        section("Notities", c.notes)
        out += "\nAfgedrukt op \(env.today.dutch) door \(env.staff.name).\n"
        return out
    }

    /// Writes `gesprek-<household>-<date>.txt` (0600: it holds personal data) in the output
    /// folder and returns its path.
    static func write(_ c: Conversation, household: HouseholdState, env: AppEnvironment) throws -> String {
        let name = "gesprek-\(household.id)-\(c.date?.iso ?? env.today.iso).txt"
        let path = env.outputFolder + "/" + name
        guard FileManager.default.createFile(atPath: path, contents: Data(text(c, household: household, env: env).utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw StoreError.cannotCreate(path: path, reason: "cannot write")
        }
        return path
    }
}
