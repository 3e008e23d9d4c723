// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "listing-lint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "listing-lint", targets: ["listing-lint"]),
        .library(name: "ListingLintCore", targets: ["ListingLintCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2", pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]),
        .systemLibrary(
            name: "CCmark", pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(
            name: "COpenCC", pkgConfig: "opencc",
            providers: [.apt(["libopencc-dev"])]),
        // ICU renames its symbols per version with macros Swift cannot see, and its headers clash
        // with Foundation's own ICU: keep every ICU include inside this C target's .c file.
        .target(
            name: "CSpoof",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc")]),
        .target(
            name: "ListingLintCore",
            dependencies: ["CPCRE2", "CCmark", "COpenCC", "CSpoof", "Yams"],
            // Exclusivity is proven statically for everything that is not captured by an escaping
            // closure or global; the dynamic checks that remain cost ~13% of linting time (perf).
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]),
        .executableTarget(
            name: "listing-lint",
            dependencies: [
                "ListingLintCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(
            name: "ListingLintCoreTests",
            dependencies: ["ListingLintCore", "Yams"],
            exclude: ["validate_sarif.py"]),
    ],
    swiftLanguageModes: [.v6]
)
