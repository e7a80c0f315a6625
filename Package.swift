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
        .package(url: "https://github.com/vapor/vapor", exact: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent", exact: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit", exact: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", exact: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", exact: "2.14.0"),
        .package(url: "https://github.com/vapor/multipart-kit", exact: "4.7.1"),
    ],
    targets: [
        .target(
            name: "GongkaiCore",
            resources: [.copy("Resources/catalog"), .copy("Resources/profiles")]
        ),
        .target(name: "CGongkaiSystem"),
        .target(name: "GongkaiFiles", dependencies: ["CGongkaiSystem", "GongkaiCore"]),
        .systemLibrary(name: "CGongkaiZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "GongkaiXLSX",
            dependencies: ["CGongkaiZlib", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
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
            dependencies: ["GongkaiCore", "GongkaiFiles", "GongkaiImport", "GongkaiRules", "GongkaiXLSX", "GongkaiRender"],
            resources: [.copy("Resources/dimensions.json")]
        ),
        .target(name: "GongkaiWorkflow", dependencies: ["GongkaiFiles"]),
        .target(
            name: "GongkaiStore",
            dependencies: [
                "GongkaiCore", "GongkaiFiles", "GongkaiWorkflow",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ]
        ),
        .target(
            name: "GongkaiPortal",
            dependencies: ["GongkaiCore", "GongkaiRender", "GongkaiStore", "GongkaiWorkflow", "GongkaiXLSX", .product(name: "Plot", package: "Plot")]
        ),
        .target(
            name: "GongkaiServer",
            dependencies: [
                "GongkaiCore", "GongkaiFiles", "GongkaiImport", "GongkaiRules", "GongkaiRender", "GongkaiReport", "GongkaiStore", "GongkaiWorkflow", "GongkaiXLSX",
                "GongkaiPortal",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            resources: [.copy("Resources/openapi.yaml")]
        ),
        .executableTarget(
            name: "gongkai",
            dependencies: [
                "GongkaiFiles",
                "GongkaiReport",
                "GongkaiServer",
                "GongkaiStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "GongkaiTestSupport", dependencies: ["GongkaiCore"], path: "Tests/GongkaiTestSupport"),
        .testTarget(name: "GongkaiCoreTests", dependencies: ["GongkaiCore"]),
        .testTarget(name: "GongkaiFilesTests", dependencies: ["GongkaiTestSupport", "GongkaiFiles"]),
        .testTarget(name: "GongkaiXLSXTests", dependencies: ["GongkaiTestSupport", "GongkaiXLSX", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(
            name: "GongkaiImportTests",
            dependencies: ["GongkaiTestSupport", "GongkaiImport", "GongkaiXLSX"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "GongkaiRulesTests", dependencies: ["GongkaiTestSupport", "GongkaiRules", "GongkaiImport"]),
        .testTarget(name: "GongkaiReportTests", dependencies: ["GongkaiTestSupport", "GongkaiImport", "GongkaiReport", "GongkaiXLSX"]),
        .testTarget(name: "GongkaiRenderTests", dependencies: ["GongkaiTestSupport", "GongkaiRender", "GongkaiReport", "GongkaiImport", "GongkaiRules", "GongkaiXLSX"],
                    exclude: ["Golden"]),
        .testTarget(name: "GongkaiWorkflowTests", dependencies: ["GongkaiWorkflow"]),
        .testTarget(name: "GongkaiPortalTests", dependencies: ["GongkaiTestSupport", "GongkaiPortal", "GongkaiReport", "GongkaiImport"]),
        .testTarget(name: "GongkaiStoreTests", dependencies: ["GongkaiTestSupport", "GongkaiStore", "GongkaiWorkflow"]),
        .testTarget(name: "GongkaiServerTests", dependencies: ["GongkaiTestSupport", "GongkaiServer", "GongkaiStore", "GongkaiWorkflow",
                                                                "GongkaiCore", "GongkaiPortal", "GongkaiReport", "GongkaiXLSX",
                                                                .product(name: "VaporTesting", package: "vapor")]),
        .testTarget(name: "gongkaiTests", dependencies: ["GongkaiTestSupport", "GongkaiStore", "GongkaiWorkflow", "gongkai"]),
    ],
    swiftLanguageModes: [.v6]
)
