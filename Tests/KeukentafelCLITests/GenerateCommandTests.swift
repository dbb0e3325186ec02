import Foundation
import Testing

@Suite("keukentafel generate")
struct GenerateCommandTests {
    @Test("The same seed gives the same households; a store is made 0600 and never reused")
    func deterministic() throws {
        try CLI.withTemporaryDirectory { folder in
            let a = folder.appendingPathComponent("a/k.sqlite").path, b = folder.appendingPathComponent("b/k.sqlite").path
            let first = try CLI.run(["generate", "--households", "40", "--seed", "7", "--store", a])
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.hasPrefix("40 huishoudens gemaakt in "))
            #expect(try CLI.run(["generate", "--households", "40", "--seed", "7", "--store", b]).status == 0)
            for id in ["hh-0000001", "hh-0000040"] {
                let x = try CLI.run(["export", id, "--store", a]), y = try CLI.run(["export", id, "--store", b])
                #expect(x.status == 0)
                #expect(x.stdout == y.stdout)
            }
            #expect((try FileManager.default.attributesOfItem(atPath: a)[.posixPermissions] as? Int) == 0o600)
            let report = try CLI.run(["report", "--json", "--team", "alle", "--store", a])
            #expect(report.status == 0)
            #expect(try CLI.run(["generate", "--households", "1", "--store", a]).status == 64)   // never into an existing store
            #expect(try CLI.run(["generate", "--households", "0", "--store", folder.appendingPathComponent("c.sqlite").path]).status == 64)
        }
    }
}
