// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Gongkai",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gongkai", targets: ["gongkai"]),
        .library(name: "GongkaiCore", targets: ["GongkaiCore"]),
        .library(name: "GongkaiImport", targets: ["GongkaiImport"]),
        .library(name: "GongkaiRules", targets: ["GongkaiRules"]),
        .library(name: "GongkaiReport", targets: ["GongkaiReport"]),
        .library(name: "GongkaiRender", targets: ["GongkaiRender"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/JohnSundell/Plot", exact: "0.14.0"),
    ],
    targets: [
        .target(
            name: "GongkaiCore",
            resources: [.copy("Resources/catalog"), .copy("Resources/profiles")]
        ),
        .target(name: "CGongkaiSystem"),
        .target(name: "GongkaiFiles", dependencies: ["CGongkaiSystem", "GongkaiCore"]),
        .target(
            name: "GongkaiXLSX",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(
            name: "GongkaiImport",
            dependencies: ["GongkaiCore", "GongkaiFiles", "GongkaiXLSX"]
        ),
        .target(name: "GongkaiRules", dependencies: ["GongkaiCore"]),
        .target(
            name: "GongkaiRender",
            dependencies: ["GongkaiCore", "GongkaiFiles", "GongkaiXLSX", .product(name: "Plot", package: "Plot")],
            resources: [.copy("Resources/words.txt")]
        ),
        .target(
            name: "GongkaiReport",
            dependencies: ["GongkaiCore", "GongkaiFiles", "GongkaiImport", "GongkaiRules", "GongkaiXLSX", "GongkaiRender"]
        ),
        .executableTarget(
            name: "gongkai",
            dependencies: [
                "GongkaiFiles",
                "GongkaiReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "GongkaiTestSupport", dependencies: ["GongkaiCore"], path: "Tests/GongkaiTestSupport"),
        .testTarget(name: "GongkaiCoreTests", dependencies: ["GongkaiCore"]),
        .testTarget(name: "GongkaiFilesTests", dependencies: ["GongkaiTestSupport", "GongkaiFiles"]),
        .testTarget(name: "GongkaiXLSXTests", dependencies: ["GongkaiTestSupport", "GongkaiXLSX"]),
        .testTarget(
            name: "GongkaiImportTests",
            dependencies: ["GongkaiTestSupport", "GongkaiImport", "GongkaiXLSX"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "GongkaiRulesTests", dependencies: ["GongkaiTestSupport", "GongkaiRules", "GongkaiImport"]),
        .testTarget(name: "GongkaiReportTests", dependencies: ["GongkaiTestSupport", "GongkaiImport", "GongkaiReport", "GongkaiXLSX"]),
        .testTarget(name: "GongkaiRenderTests", dependencies: ["GongkaiTestSupport", "GongkaiRender", "GongkaiReport", "GongkaiImport", "GongkaiRules", "GongkaiXLSX"],
                    exclude: ["Golden"]),
        .testTarget(name: "gongkaiTests", dependencies: ["GongkaiTestSupport", "gongkai"]),
    ],
    swiftLanguageModes: [.v6]
)
