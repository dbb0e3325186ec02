/// The law as it ships: the norm tables and the pension ages in `Sources/Casework/Norms/`,
/// embedded in the program at build time (SwiftPM `embedInCode`), so an installed binary
/// needs no resource folder beside it. The files are read with the same reader as
/// `keukentafel norms add`; a broken one stops the build's tests, never a user.
extension NormTables {
    public static let shipped: NormTables = {
        let files = [PackageResources.norms_2024_01_01_json, PackageResources.norms_2024_07_01_json,
                     PackageResources.norms_2025_01_01_json, PackageResources.norms_2025_07_01_json,
                     PackageResources.norms_2026_01_01_json, PackageResources.norms_2026_07_01_json]
        return NormTables(files.map { bytes in
            switch NormTableFile.read(text: String(decoding: bytes, as: UTF8.self)) {
            case .success(let table): return table
            case .failure(let rejection):
                fatalError("a shipped norm table does not read: \(rejection.problems.map { $0.message(in: .en) })")
            }
        })
    }()
}

extension PensionAges {
    public static let shipped: PensionAges = {
        switch PensionAges.read(text: String(decoding: PackageResources.pension_age_json, as: UTF8.self)) {
        case .success(let ages): return ages
        case .failure(let rejection):
            fatalError("the shipped pension ages do not read: \(rejection.problems.map { $0.message(in: .en) })")
        }
    }()
}
