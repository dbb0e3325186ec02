// swift-tools-version:6.0
// Keukentafel — a terminal workstation for the caseworkers of Dutch wijkteams.
// Layering (see ../shared/ARCHITECTURE.md): Casework is pure Swift (Foundation only);
// the executable sits on top. CaseStore, CNcursesw, Terminal and Workstation arrive
// with the issues that give them real code.
import PackageDescription

let package = Package(
    name: "Keukentafel",
    products: [
        .executable(name: "keukentafel", targets: ["keukentafel"]),
        .library(name: "Casework", targets: ["Casework"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "Casework"),
        .executableTarget(
            name: "keukentafel",
            dependencies: [
                "Casework",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CaseworkTests", dependencies: ["Casework"]),
        .testTarget(name: "KeukentafelCLITests", dependencies: ["keukentafel"]),
    ],
    swiftLanguageModes: [.v6]
)
