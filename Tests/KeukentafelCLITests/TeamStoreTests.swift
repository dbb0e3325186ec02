import Foundation
import Testing

/// Real OS users and a group for the team tests: created when the tests run as root (CI
/// does), removed afterwards. Elsewhere the tests are skipped, and say why.
struct OSTeam {
    static let isRoot = geteuid() == 0
    static let runuser = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static var possible: Bool { isRoot && runuser != nil }
    static let skipReason: Comment = "creating OS users and a group needs root and runuser (CI runs as root)"

    let group: String
    let leader: String, caseworker: String, outsider: String, stranger: String
    let homes: URL

    /// A group with a team leader, a caseworker and a stranger (in the group, not on the staff
    /// list), and an outsider who is not in the group.
    init(in folder: URL) throws {
        let tag = String(UUID().uuidString.prefix(6)).lowercased()
        group = "kt\(tag)"
        leader = "kttl\(tag)"; caseworker = "ktcw\(tag)"; outsider = "ktout\(tag)"; stranger = "ktst\(tag)"
        homes = folder.appendingPathComponent("homes")
        try FileManager.default.createDirectory(at: homes, withIntermediateDirectories: true)
        chmod(folder.path, 0o755); chmod(homes.path, 0o755)
        try Self.sh(["groupadd", group])
        for user in [leader, caseworker, stranger] { try Self.sh(["useradd", "-M", "-N", "-s", "/bin/sh", "-G", group, user]) }
        try Self.sh(["useradd", "-M", "-N", "-s", "/bin/sh", outsider])
        for user in [leader, caseworker, outsider, stranger] {
            let home = homes.appendingPathComponent(user)
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
            try Self.sh(["chown", user, home.path])
        }
    }

    /// A folder the team leader may create the store in (as `/srv` would be for a real team).
    func sharedFolder(in folder: URL) throws -> URL {
        let shared = folder.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        try Self.sh(["chown", leader, shared.path])
        chmod(shared.path, 0o755)
        return shared
    }

    func remove() {
        for user in [leader, caseworker, outsider, stranger] { try? Self.sh(["userdel", user]) }
        try? Self.sh(["groupdel", group])
    }

    static func sh(_ arguments: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0, "\(arguments.joined(separator: " ")) failed")
    }

    /// The command line that runs `keukentafel` as `user`, with their own home.
    func prefix(_ user: String) -> [String] {
        [Self.runuser!, "-u", user, "--", "/usr/bin/env", "HOME=\(homes.appendingPathComponent(user).path)",
         "XDG_DATA_HOME=\(homes.appendingPathComponent(user).path)/data"]
    }

    /// The workstation as `user` on `store`, in a tmux of 120×40 of its own.
    func workstation(_ user: String, binary: URL, store: String, in folder: URL) throws -> Tmux {
        let tmux = try Tmux(folder: folder, width: 120, height: 40)
        let line = (prefix(user) + [binary.path, "--store", store]).map(Tmux.quote).joined(separator: " ")
        try tmux.shell(line + "; echo EXIT=$?")
        return tmux
    }

    func run(_ user: String, _ arguments: [String]) throws -> CLI.Run {
        let binary = try CLI.binary()
        let all = prefix(user) + [binary.path] + arguments
        return try CLI.runProgram(URL(fileURLWithPath: all[0]), Array(all.dropFirst()))
    }
}

@Suite("A team on one host: a group store, staff kept right", .serialized, .enabled(if: OSTeam.possible, OSTeam.skipReason))
struct TeamStoreTests {
    @Test("init --group: 2770/0660 of the group; teammates work, an outsider and a stranger are told what to ask; others' access refused; a leaver refused")
    func groupStore() throws {
        try CLI.withTemporaryDirectory { folder in
            let team = try OSTeam(in: folder)
            defer { team.remove() }
            let store = try team.sharedFolder(in: folder).appendingPathComponent("team/k.sqlite").path
            let made = try team.run(team.leader, ["init", "--group", team.group, "--name", "Tessa Leider", "--team", "Oost", "--store", store])
            #expect(made.status == 0, "\(made.stderr)")
            var info = stat()
            stat((store as NSString).deletingLastPathComponent, &info)
            #expect(info.st_mode & 0o7777 == 0o2770)
            stat(store, &info)
            #expect(info.st_mode & 0o7777 == 0o660)
            #expect(String(cString: getgrgid(info.st_gid).pointee.gr_name) == team.group)

            #expect(try team.run(team.leader, ["staff", "add", team.caseworker, "--name", "Cas Werker", "--role", "caseworker",
                                               "--store", store]).status == 0)
            let list = try team.run(team.caseworker, ["staff", "list", "--store", store])
            #expect(list.status == 0, "\(list.stderr)")
            #expect(list.stdout.contains("Cas Werker"))
            // What SQLite made beside the store, under the caseworker's process, is the team's too.
            for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: store + suffix) {
                stat(store + suffix, &info)
                #expect(info.st_mode & 0o777 == 0o660, "\(suffix)")
                #expect(String(cString: getgrgid(info.st_gid).pointee.gr_name) == team.group, "\(suffix)")
            }

            let outsider = try team.run(team.outsider, ["staff", "list", "--store", store])
            #expect(outsider.status == 74)
            #expect(outsider.stderr.contains("sudo usermod -aG \(team.group) \(team.outsider)"), "\(outsider.stderr)")
            #expect(!outsider.stderr.contains("keukentafel init\n"))

            let stranger = try team.run(team.stranger, ["staff", "list", "--store", store])
            #expect(stranger.status == 64)
            #expect(stranger.stderr.contains("keukentafel staff add \(team.stranger)"), "\(stranger.stderr)")

            chmod(store, 0o664)
            let open = try team.run(team.caseworker, ["staff", "list", "--store", store])
            #expect(open.status == 74)
            #expect(open.stderr.contains("chmod 660 \(store)"), "\(open.stderr)")
            chmod(store, 0o660)

            #expect(try team.run(team.leader, ["staff", "deactivate", team.caseworker, "--store", store]).status == 0)
            let leaver = try team.run(team.caseworker, ["staff", "list", "--store", store])
            #expect(leaver.status == 64)
            #expect(leaver.stderr.contains("uit dienst"), "\(leaver.stderr)")
            let last = try team.run(team.leader, ["staff", "deactivate", team.leader, "--store", store])
            #expect(last.status == 64)
            #expect(last.stderr.contains("laatste actieve teamleider"))
        }
    }

    @Test("Four eyes across accounts, screens that follow: a ledger line appears in the other workstation, the review queue shows the new request, the caseworker sees the decision")
    func fourEyesAndFollowing() throws {
        let binary = try Tmux.requireBinary()
        try CLI.withTemporaryDirectory { folder in
            let team = try OSTeam(in: folder)
            defer { team.remove() }
            let store = try team.sharedFolder(in: folder).appendingPathComponent("team/k.sqlite").path
            #expect(try team.run(team.leader, ["init", "--group", team.group, "--name", "Tessa Leider", "--team", "Oost", "--store", store]).status == 0)
            #expect(try team.run(team.leader, ["staff", "add", team.caseworker, "--name", "Cas Werker", "--role", "caseworker", "--store", store]).status == 0)
            #expect(try team.run(team.leader, ["import", "sample-data/hh-demo-0001.json", "--store", store]).status == 0)
            let assigned = try team.run(team.leader, ["household", "assign", "hh-demo-0001", "--to", team.caseworker, "--store", store])
            #expect(assigned.status == 0, "\(assigned.stderr)")

            func workstation(_ user: String) throws -> Tmux { try team.workstation(user, binary: binary, store: store, in: folder) }
            // The team leader's review queue is open before the request exists.
            let review = try workstation(team.leader)
            review.waitFor("Mijn huishoudens")
            try review.keys("F6")
            review.waitFor("Wacht op besluit")

            // The caseworker and the team leader on the same household's ledger.
            let cas = try workstation(team.caseworker)
            cas.waitFor("Mijn huishoudens · 1")
            try cas.keys("Enter")
            cas.waitFor("Leefgebieden (ZRM)")
            try cas.keys("2")
            cas.waitFor("per maand € 2.162,00")
            let other = try workstation(team.leader)
            other.waitFor("Mijn huishoudens")
            try other.keys("F4")
            other.waitFor("Alle huishoudens · 1")
            try other.keys("Enter")
            other.waitFor("Leefgebieden (ZRM)")
            try other.keys("2")
            other.waitFor("per maand € 2.162,00")
            try other.keys("a")
            other.waitFor("Omschrijving")
            try other.type("Bijbaan zaterdag"); try other.keys("Tab"); try other.type("100"); try other.keys("Enter")
            other.waitFor("Bewaard: Bijbaan zaterdag")
            // Within two seconds (two pauses) on the caseworker's screen, untouched.
            cas.waitFor("per maand € 2.262,00", timeout: 3)
            #expect(cas.screen.contains("Bijbaan zaterdag"))

            // The caseworker asks for € 2.400,00: above the mandate, it waits for the team leader.
            try cas.keys("4")
            cas.waitFor("Nieuwe aanvraag")
            try cas.keys("a")
            cas.waitFor("Soort kosten")
            func field(_ tabs: Int, _ text: String) throws {
                for _ in 0..<tabs { try cas.keys("Tab") }
                try cas.type(text)
            }
            try field(1, "k"); try field(1, "2.400,00"); try field(2, "Kinderopvang De Zaan"); try field(1, "NL91ABNA0417164300")
            try field(2, "Sanne houdt haar baan")
            try field(4, "Zonder opvang verliest Sanne haar baan; een jaar bijstand kost ruim 12.000 euro, deze gift houdt haar aan het werk.")
            try cas.keys("F5")
            cas.waitFor("[Enter] Indienen")
            try cas.keys("Enter")
            cas.waitFor("ingediend; hij wacht op de teamleider.")

            // The review queue, never reopened, shows it within two seconds.
            review.waitFor("€ 2.400,00", timeout: 3)
            try review.keys("End", "Enter")
            review.waitFor("Zonder opvang verliest Sanne")
            // The letter's reasons come prefilled from the request; F2 approves with them.
            try review.keys("g"); review.waitFor("Redenen in de brief"); try review.keys("F2")
            review.waitFor("is goedgekeurd.")
            // And the caseworker sees the decision, without reopening anything.
            cas.waitFor("toegekend", timeout: 3)

            // Back to the caseload, one Esc at a time (an Esc right before another key reads as
            // Alt), and F10 there.
            try other.keys("Escape")
            other.waitFor("Tab Volgend deel")
            for tmux in [review, cas, other] {
                try tmux.keys("Escape")
                tmux.waitFor("huishoudens ·")
                try tmux.keys("F10")
                tmux.waitFor("EXIT=0")
            }
        }
    }
}
