import Foundation
import GRDB
import Testing

/// A grant's whole life on a real team store, a caseworker and a team leader each as their
/// own OS user in their own workstation: typed and killed, offered back, returned with a
/// comment, mended, rejected with reasons and its letter; a second one approved, its letter
/// printed again identically, paid in a SEPA file.
@Suite("Grant decisions end to end on a team store", .serialized, .enabled(if: OSTeam.possible, OSTeam.skipReason))
struct GrantDecisionEndToEndTests {
    static let motivation = "Zonder opvang verliest Sanne haar baan; een jaar bijstand kost ruim 12.000 euro. Intern: Sanne is erg moe."
    static let reasons = "Uw inkomen is hoog genoeg om de opvang zelf te betalen."

    @Test("Killed while typing, offered back; returned, mended, resubmitted, rejected with reasons; approved, letter --copy identical, SEPA")
    func wholePath() throws {
        let binary = try Tmux.requireBinary()
        try CLI.withTemporaryDirectory { folder in
            let team = try OSTeam(in: folder)
            defer { team.remove() }
            let store = try team.sharedFolder(in: folder).appendingPathComponent("team/k.sqlite").path
            // Letters go to the team's folder from the municipality's settings.
            let letters = folder.appendingPathComponent("brieven")
            try FileManager.default.createDirectory(at: letters, withIntermediateDirectories: true)
            try OSTeam.sh(["chgrp", team.group, letters.path])
            chmod(letters.path, 0o2770)
            let municipality = folder.appendingPathComponent("gemeente.json")
            try """
                { "format": "keukentafel-municipality/1", "name": "Gemeente Zaanstad", "code": "0479",
                  "teams": ["Oost"], "signer": "Tessa Leider", "signerRole": "teamleider Oost", "outputFolder": "\(letters.path)" }
                """.write(to: municipality, atomically: true, encoding: .utf8)
            chmod(municipality.path, 0o644)
            #expect(try team.run(team.leader, ["init", "--group", team.group, "--name", "Tessa Leider", "--team", "Oost", "--store", store]).status == 0)
            #expect(try team.run(team.leader, ["municipality", "set", municipality.path, "--store", store]).status == 0)
            #expect(try team.run(team.leader, ["staff", "add", team.caseworker, "--name", "Cas Werker", "--role", "caseworker", "--store", store]).status == 0)
            #expect(try team.run(team.leader, ["import", "sample-data/hh-demo-0001.json", "--store", store]).status == 0)
            #expect(try team.run(team.leader, ["household", "assign", "hh-demo-0001", "--to", team.caseworker, "--store", store]).status == 0)

            func workstation(_ user: String) throws -> Tmux { try team.workstation(user, binary: binary, store: store, in: folder) }

            // The caseworker types a request of € 2.400,00 and the workstation is killed before it is saved.
            var cas = try workstation(team.caseworker)
            cas.waitFor("Mijn huishoudens · 1")
            try cas.keys("Enter"); cas.waitFor("Leefgebieden (ZRM)")
            try cas.keys("4"); cas.waitFor("Nieuwe aanvraag")
            try cas.keys("a"); cas.waitFor("Soort kosten")
            func field(_ tabs: Int, _ text: String) throws {
                for _ in 0..<tabs { try cas.keys("Tab") }
                try cas.type(text)
            }
            try field(1, "k"); try field(1, "2.400,00"); try field(2, "Kinderopvang De Zaan"); try field(1, "NL91ABNA0417164300")
            try field(2, "Sanne houdt haar baan"); try field(4, Self.motivation)
            cas.waitFor("Intern: Sanne is erg moe.")
            // The whole request, to its last words, in the store's draft (within a second of them).
            _ = cas.waitUntil(timeout: 5, "the typed request kept in the store") { _ in Self.formDraft(store).contains("Intern: Sanne is erg moe.") }
            try OSTeam.sh(["pkill", "-KILL", "-u", team.caseworker, "-x", "keukentafel"])
            cas.waitFor("EXIT=137")

            // Started again: tab 4 offers the request back, whole.
            cas = try workstation(team.caseworker)
            cas.waitFor("Mijn huishoudens · 1")
            try cas.keys("Enter"); cas.waitFor("Leefgebieden (ZRM)")
            try cas.keys("4")
            cas.waitFor("was nog niet bewaard en staat er weer")
            #expect(cas.screen.contains("Kinderopvang De Zaan") && cas.screen.contains("NL91ABNA0417164300") && cas.screen.contains("2.400,00"))
            #expect(cas.screen.contains("Intern: Sanne is erg moe."))
            try cas.keys("F5"); cas.waitFor("[Enter] Indienen")
            try cas.keys("Enter"); cas.waitFor("ingediend; hij wacht op de teamleider.")

            // The team leader returns it with a comment.
            let tl = try workstation(team.leader)
            tl.waitFor("Mijn huishoudens")
            try tl.keys("F6"); tl.waitFor("€ 2.400,00")
            try tl.keys("End", "Enter"); tl.waitFor("Intern: Sanne is erg moe.")
            try tl.keys("t"); tl.waitFor("Toelichting bij het terugsturen")
            try tl.type("Zet het kenmerk van de offerte erbij."); try tl.keys("Enter")
            tl.waitFor("is teruggestuurd.")

            // The caseworker sees the comment, mends the request and sends it in again.
            cas.waitFor("teruggestuurd", timeout: 3)
            try cas.keys("End"); cas.waitFor("Zet het kenmerk van de offerte erbij.")
            try cas.keys("Enter"); cas.waitFor("Soort kosten")
            #expect(cas.screen.contains("Teruggestuurd door \(team.leader)"))
            try field(6, "Offerte 2026-11")
            try cas.keys("F5"); cas.waitFor("[Enter] Indienen")
            try cas.keys("Enter"); cas.waitFor("ingediend; hij wacht op de teamleider.")

            /// From the review queue to the household, on the list of all households.
            func openHousehold() throws {
                try tl.keys("Escape"); tl.waitFor("huishoudens ·")
                if !tl.screen.contains("Alle huishoudens") { try tl.keys("F4") }
                tl.waitFor("Alle huishoudens · 1")
                try tl.keys("Enter"); tl.waitFor("Leefgebieden (ZRM)")
            }

            // The team leader rejects it, with reasons for the resident.
            tl.waitFor("€ 2.400,00", timeout: 3)
            try tl.keys("End", "Enter"); tl.waitFor("Offerte 2026-11")
            try tl.keys("w"); tl.waitFor("Redenen van de afwijzing")
            try tl.type(Self.reasons); try tl.keys("F2")
            tl.waitFor("is afgewezen.")
            try openHousehold()
            try tl.keys("4", "End", "l"); tl.waitFor("Besluitbrief geschreven:")
            let rejection = try Self.letter(in: letters, containing: "afwijzing")
            #expect(rejection.flat.contains(Self.reasons))
            #expect(!rejection.flat.contains("Zonder opvang verliest Sanne") && !rejection.flat.contains("Intern"))
            #expect(rejection.flat.contains("namens het college van burgemeester en wethouders van Zaanstad"))

            // A second request, € 1.800,00: approved by the team leader with the reasons prefilled.
            try cas.keys("a"); cas.waitFor("Soort kosten")
            try field(1, "k"); try field(1, "1.800,00"); try field(2, "Kinderopvang De Zaan"); try field(1, "NL91ABNA0417164300")
            try field(2, "Sanne houdt haar baan")
            try field(4, "De eigen bijdrage voor de opvang is nodig, anders stopt de opvang en verliest Sanne haar baan alsnog.")
            try cas.keys("F5"); cas.waitFor("[Enter] Indienen")
            try cas.keys("Enter"); cas.waitFor("ingediend; hij wacht op de teamleider.")
            try tl.keys("Escape"); tl.waitFor("huishoudens ·")
            try tl.keys("F6"); tl.waitFor("€ 1.800,00")
            try tl.keys("End", "Enter"); tl.waitFor("De eigen bijdrage")
            try tl.keys("g"); tl.waitFor("Redenen in de brief aan de bewoner")
            try tl.keys("F2"); tl.waitFor("is goedgekeurd.")
            try openHousehold()
            try tl.keys("4", "End", "l"); tl.waitFor("Besluitbrief geschreven:")
            let approval = try Self.letter(in: letters, containing: "toekenning")
            #expect(approval.flat.contains("Wij kennen u € 1.800,00 bijzondere bijstand toe"))
            #expect(approval.flat.contains("De eigen bijdrage voor de opvang is nodig"))
            let id = try #require(approval.text.split(separator: "\n").first { $0.hasPrefix("Kenmerk: ") }
                .map { String($0.dropFirst("Kenmerk: ".count).prefix { $0 != " " }) })
            let copy = try team.run(team.leader, ["letter", id, "--copy", "--store", store])
            #expect(copy.status == 0)
            #expect(copy.stdout == approval.text)

            // Paid in a SEPA file: only the approved request.
            let sepa = letters.appendingPathComponent("betalingen.xml").path
            let export = try team.run(team.leader, ["payments", "export", "-o", sepa, "--debtor-name", "Gemeente Zaanstad",
                                                    "--debtor-iban", "NL91ABNA0417164300", "--store", store])
            #expect(export.status == 0, "\(export.stderr)")
            let xml = try String(contentsOfFile: sepa, encoding: .utf8)
            #expect(xml.contains("<InstdAmt Ccy=\"EUR\">1800.00</InstdAmt>") && !xml.contains("2400.00"))

            for tmux in [tl, cas] {
                try tmux.keys("Escape"); tmux.waitFor("huishoudens ·")
                try tmux.keys("F10"); tmux.waitFor("EXIT=0")
            }
        }
    }

    /// The number of request forms kept as typed (read-only, so the test leaves no file of its own).
    /// The request form's draft as the store keeps it ("" when there is none).
    static func formDraft(_ store: String) -> String {
        var configuration = Configuration()
        configuration.readonly = true
        guard let db = try? DatabaseQueue(path: store, configuration: configuration) else { return "" }
        return (try? db.read { try String.fetchOne($0, sql: "SELECT document FROM grant_form_draft") ?? "" }) ?? ""
    }

    /// The one letter in `folder` whose subject contains `subject`: its text, and its text on one line.
    static func letter(in folder: URL, containing subject: String) throws -> (text: String, flat: String) {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("besluit-") }
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            if text.contains("Onderwerp: ") && text.split(separator: "\n").contains(where: { $0.hasPrefix("Onderwerp: ") && $0.contains(subject) }) {
                return (text, text.replacingOccurrences(of: "\n", with: " "))
            }
        }
        Issue.record("no letter with \"\(subject)\" among \(names)")
        return ("", "")
    }
}
