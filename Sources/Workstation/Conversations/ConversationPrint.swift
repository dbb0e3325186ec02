import CaseStore
import Casework
import Foundation

/// `p`: a conversation as a Dutch text file, for the case file or for the resident.
enum ConversationPrint {
    static func text(_ c: Conversation, household: HouseholdState, ctx: ScreenContext) -> String {
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
        out += "\nAfgedrukt op \(ctx.today.dutch) door \(ctx.staff.name).\n"
        return out
    }
}
