import ArgumentParser
import CaseStore
import Casework
import Foundation

/// Opening the store for a command and acting as the OS user, with every failure told in a
/// sentence and the exit status of the contract.
enum StoreAccess {
    static func location(_ global: some StoreAndLanguage) -> StoreLocation {
        StoreLocation.resolve(option: global.store, environment: ProcessInfo.processInfo.environment)
    }

    static func open(_ global: some StoreAndLanguage) throws -> Store {
        let clock = try ProgramClock.make()
        return try reporting(global.language) { try Store.open(at: location(global), clock: clock) }
    }

    /// The store, and who is running the command on it: every command that reads or
    /// changes households needs both.
    static func openAsStaff(_ global: some StoreAndLanguage) throws -> (Store, StaffMember) {
        let store = try open(global)
        return (store, try actor(store, global))
    }

    /// The store for the privacy duties (audit, subject-access, retention): also a demo
    /// store named with --store, where a trainer shows them on fictitious households (the
    /// store's kind, read from the file, decides which rules apply).
    static func openRealOrDemoAsStaff(_ global: some StoreAndLanguage, demoUser: String? = nil) throws -> (Store, StaffMember) {
        let location = location(global)
        let clock = try ProgramClock.make()
        let store = try reporting(global.language) {
            do {
                return try Store.open(at: location, clock: clock)
            } catch StoreError.demoStoreOpenedAsReal {
                return try Store.open(at: location, kind: .demo, clock: clock)
            }
        }
        let l = global.language
        guard store.kind == .demo else {
            // A real store knows people by their OS user only.
            if demoUser != nil {
                Console.error(l.pick("--as is alleen voor een oefenopslag (keukentafel demo --store); een echte opslag kent u aan uw OS-gebruiker.",
                                     "--as is for a practice store only (keukentafel demo --store); a real store knows you by your OS user."))
                throw Failure(status: Exit.usage)
            }
            return (store, try actor(store, global))
        }
        // A demo store's staff are the sample's people: a trainer shows a letter or a payment
        // file as one of them.
        let user = demoUser ?? OSUser.current
        let staff = try reporting(l) { try store.staff() }
        guard let member = staff.first(where: { $0.user == user }) else {
            let names = staff.map { "\($0.user) (\($0.role.name(in: l)))" }.joined(separator: ", ")
            Console.error(l.pick("\(user) staat niet in de demostaf van deze oefenopslag. Kies met --as wie u in de oefening bent: \(names).",
                                 "\(user) is not on this practice store's demo staff. Choose with --as who you are in the exercise: \(names)."))
            throw Failure(status: Exit.usage)
        }
        return (store, member)
    }

    /// The staff member running this command: the OS user, looked up in the staff list.
    /// A trainer gets nothing from a real store (they train in `keukentafel demo`).
    static func actor(_ store: Store, _ global: some StoreAndLanguage) throws -> StaffMember {
        try reporting(global.language) {
            let member = try store.staffMember(OSUser.current)
            try store.requireMayOpen(as: member.actor)
            return member
        }
    }

    /// Runs `body`; a `StoreError` is printed and becomes the contract's exit status.
    static func reporting<T>(_ l: Language, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            Console.error(error.message(in: l))
            throw Failure(status: status(of: error))
        }
    }

    static func status(of error: StoreError) -> Int32 {
        switch error {
        case .importRejected, .grantRefusals, .possibleDuplicates, .importDuplicates, .closingNoteMissing, .memberRules, .ruleFileRefused: Exit.badData
        case .alreadyExists, .unknownUser, .notAllowed, .staffExists, .deactivated, .lastTeamLeader, .unknownGroup, .householdNotFound, .grantNotFound,
             .householdClosed, .householdNotClosed, .grantsUnderWay, .notACaseworker, .alreadyAssigned,
             .signalCaseClosed, .signalNotFound, .contactAttemptDate, .signalResult, .practiceOnlyInDemo, .practiceNotStarted: Exit.usage
        case .missing, .cannotCreate, .cannotOpen, .notAStore, .permissionsTooOpen, .teamPermissions, .wrongGroup, .noAccess, .readOnly, .viewNotRecordable,
             .readOnlyNeedsUpgrade, .readOnlyUnfinished, .full,
             .demoStoreOpenedAsReal, .realStoreOpenedAsDemo, .rowGone, .conflict, .database: Exit.storage
        }
    }
}

/// `--as USER`: on a practice (demo) store, the member of its demo staff to work as; a real
/// store refuses it.
struct DemoIdentity: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp(
        "Alleen op een oefenopslag: werk als dit lid van de demostaf, bv. j.bakker. / Practice store only: work as this member of the demo staff.",
        valueName: "user"))
    var user: String?
}
