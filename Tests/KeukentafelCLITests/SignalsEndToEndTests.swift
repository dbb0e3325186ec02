import Foundation
import Testing

/// The signals queue in the real binary under tmux: a signal nobody matched becomes a household
/// through the intake, and joins it.
@Suite("Signals end to end under tmux", .serialized)
struct SignalsEndToEndTests {
    @Test("F12, the signal nobody matched, n: the intake filled in; saved, the household has the signal and the queue shows its zaak")
    func unmatchedToHousehold() throws {
        let binary = try Tmux.requireBinary()
        try CLI.withTemporaryDirectory { folder in
            let store = try sampleStore(in: folder)
            let others = (2...9).map { "sample-data/hh-demo-000\($0).json" }
            #expect(try CLI.run(["import", "--store", store] + others).status == 0)
            let imported = try CLI.run(["signals", "import", "sample-data/vroegsignalen.json", "--store", store])
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(imported.stdout.contains("1 wachten op de intake"))
            let tmux = try Tmux(folder: folder, width: 120, height: 40, environment: ["KEUKENTAFEL_STORE": store])
            try tmux.shell("\(Tmux.quote(binary.path)); echo EXIT=$?")
            tmux.waitFor("Mijn huishoudens")
            try tmux.keys("F12")
            tmux.waitFor("niet gekoppeld · 1503 BA")
            // The queue is sorted crisis first, then by day: the unmatched one (18-11) is the fourth.
            try tmux.keys("Down", "Down", "Down")
            tmux.waitFor("bij geen open huishouden gevonden")
            try tmux.keys("n")
            tmux.waitFor("Wat het signaal weet staat al ingevuld")
            #expect(tmux.screen.contains("30-06-1979") && tmux.screen.contains("7, 1503 BA"))
            try tmux.type("Fatima el Amrani")
            try tmux.keys("Tab")
            try tmux.type("Ploeg")
            try tmux.keys("End")
            try tmux.type(" Zaandam")
            tmux.waitFor("Ploeg 7, 1503 BA Zaandam")
            try tmux.keys("F2")
            tmux.waitFor("is ingenomen")
            #expect(tmux.screen.contains("zorgverzekeraar"))
            try tmux.keys("Escape")
            tmux.waitFor("huishoudens ·")
            try tmux.keys("F12")
            tmux.waitFor("Fatima el Amrani")
            #expect(!tmux.screen.contains("niet gekoppeld"))
            try tmux.keys("Escape")
            tmux.waitFor("huishoudens ·")
            try tmux.keys("F10")
            tmux.waitFor("EXIT=0")

            // In the store: the new household holds the signal, in a zaak.
            let list = try CLI.run(["signals", "list", "--store", store])
            #expect(!list.stdout.contains("VS-2026-1103"))
            let ids = try CLI.run(["report", "--json", "--team", "alle", "--store", store])
            let figures = try #require((try JSONSerialization.jsonObject(with: Data(ids.stdout.utf8)) as? [String: Any])?["signals"] as? [String: Any])
            #expect(figures["unmatched"] as? Int == 0 && figures["cases"] as? Int == 5)
        }
    }
}
