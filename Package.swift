// swift-tools-version:6.0
import PackageDescription

// The target graph is the architecture (DESIGN.md section 3): a layer that must not know another cannot import it.
let package = Package(
    name: "anslut",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "anslut", targets: ["anslut"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.0"),
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
    ],
    targets: [
        // Pure core: identifiers, process engine, audit chain. Foundation and swift-crypto only.
        .target(
            name: "Domain",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Resources/skatteverket-testpersonnummer.txt")]
        ),
        // Storage on SQLite and PostgreSQL through FluentKit; no Vapor.
        .target(
            name: "Persistence",
            dependencies: [
                "Domain",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ]
        ),
        // Scheduled jobs: when each runs, one instance at a time, on the storage of Persistence; no Vapor.
        .target(
            name: "Workflow",
            dependencies: [
                "Domain",
                "Persistence",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Reads process definitions (Processes/*.yaml) into Domain's ProcessDefinition; Domain and Yams only.
        .target(name: "ProcessFiles", dependencies: ["Domain", .product(name: "Yams", package: "Yams")]),
        // The only target that imports Vapor.
        .target(
            name: "Web",
            dependencies: [
                "Domain",
                "Persistence",
                "ProcessFiles",
                "Workflow",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Plot", package: "Plot"),
            ],
            // The stylesheet travels with the binary, so the pages keep it wherever `anslut` is started.
            resources: [.copy("Resources/anslut.css")]
        ),
        .executableTarget(name: "anslut", dependencies: ["Web"]),
        .target(
            name: "TestSupport",
            dependencies: [
                "Domain",
                "ProcessFiles",
                "Persistence",
                "Web",
                "Workflow",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
        .testTarget(name: "DomainTests", dependencies: ["Domain"]),
        .testTarget(name: "ProcessFilesTests", dependencies: ["Domain", "ProcessFiles"]),
        .testTarget(name: "PersistenceTests", dependencies: ["Persistence", "TestSupport"]),
        .testTarget(name: "WebTests", dependencies: ["Web", "Workflow", "TestSupport"]),
        .testTarget(name: "WorkflowTests", dependencies: ["Workflow", "TestSupport"]),
        // Throughput figures for BENCHMARKS.md; built in release by Benchmarks/identifiers.sh.
        .executableTarget(name: "IdentifierThroughput", dependencies: ["Domain"], path: "Benchmarks/IdentifierThroughput"),
    ],
    swiftLanguageModes: [.v6]
)
