// swift-tools-version:6.1
// Keukentafel — a terminal workstation for the caseworkers of Dutch wijkteams.
// Layering (see docs/architecture.md): Casework is pure Swift (Foundation only);
// CaseStore keeps it in SQLite (GRDB); Terminal is the ncurses front layer (through the
// CNcursesw shim); Workstation holds the screens; the executable wires them together.
import PackageDescription

let package = Package(
    name: "Keukentafel",
    products: [
        .executable(name: "keukentafel", targets: ["keukentafel"]),
        .executable(name: "keukentafel-bench", targets: ["keukentafel-bench"]),
        .library(name: "Casework", targets: ["Casework"]),
        .library(name: "CaseStore", targets: ["CaseStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // The law as data (docs/rules.md): norm tables and pension ages, embedded in the
        // binary so an installed program needs no resource folder beside it.
        .target(name: "Casework", resources: [
            .embedInCode("Norms/norms-2024-01-01.json"), .embedInCode("Norms/norms-2024-07-01.json"),
            .embedInCode("Norms/norms-2025-01-01.json"), .embedInCode("Norms/norms-2025-07-01.json"),
            .embedInCode("Norms/norms-2026-01-01.json"), .embedInCode("Norms/norms-2026-07-01.json"),
            .embedInCode("Norms/pension-age.json"),
        ]),
        .target(
            name: "CaseStore",
            dependencies: ["Casework", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        .target(
            name: "Terminal",
            dependencies: ["CNcursesw", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .target(name: "Workstation", dependencies: ["Casework", "CaseStore", "Terminal"]),
        .executableTarget(
            name: "keukentafel",
            dependencies: [
                "Casework",
                "CaseStore",
                "Terminal",
                "Workstation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark (docs/performance.md): the real App and store in-process, the real binary on
        // a pseudo-terminal. A library, so the test suite runs a quick guard of it.
        .target(name: "WorkstationBench", dependencies: ["Casework", "CaseStore", "Terminal", "Workstation"]),
        .executableTarget(name: "keukentafel-bench", dependencies: ["WorkstationBench"]),
        // Seeded generators and mutators of hostile input, shared by the fuzz tests of every
        // test target (docs/reliability.md); test code, so it lives under Tests/. It uses
        // Casework's SplitMix64 and JSON; the Terminal module itself still knows nothing of it.
        .target(name: "FuzzSupport", dependencies: ["Casework"], path: "Tests/FuzzSupport"),
        .testTarget(name: "CaseworkTests", dependencies: ["Casework", "FuzzSupport"], exclude: ["Golden"]),
        .testTarget(
            name: "CaseStoreTests",
            dependencies: ["CaseStore", "Casework", "FuzzSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "FuzzSupport"]),
        .testTarget(
            name: "WorkstationTests",
            dependencies: ["Workstation", "Terminal", "Casework", "CaseStore", "FuzzSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Golden", "Fixtures"]
        ),
        .testTarget(
            name: "KeukentafelCLITests",
            dependencies: ["keukentafel", "WorkstationBench", "Casework", "FuzzSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Schemas"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
