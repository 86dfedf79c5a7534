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
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        // Named because targets import their modules directly (every import is declared; the manifest is the wall).
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.2"),
        .package(url: "https://github.com/vapor/console-kit.git", from: "4.16.2"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
    ],
    targets: [
        // Pure core: identifiers, process engine, audit chain. Foundation and swift-crypto only.
        .target(
            name: "Domain",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Resources/skatteverket-testpersonnummer.txt")]
        ),
        // Storage on SQLite and PostgreSQL through FluentKit; no Vapor. The SQLite read pool calls SQLite's C API
        // through `VaporCSQLite`, SQLiteNIO's own copy of SQLite (a target of sqlite-nio that only its SQLiteNIO
        // product brings; two copies in one process would not see each other's file locks).
        .target(
            name: "Persistence",
            dependencies: [
                "Domain",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The application layer: every change a person, a system account or a job makes, as one function that
        // checks its Domain rule and writes the change with its audit event in one transaction; scheduled jobs.
        // No Vapor and no Fluent: it holds the database as Persistence's opaque `Store`.
        .target(
            name: "Workflow",
            dependencies: [
                "Domain",
                "DICOM",
                "HL7",
                "Integration",
                "Persistence",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // HL7 v2 (ER7) codec: parser, encoder, escapes, character sets, field paths; pure code on bytes, no imports.
        .target(name: "HL7"),
        // The MLLP listener (HL7 v2 over TCP): framing, backpressure, idle and connection limits on SwiftNIO. It moves
        // frames only; the caller parses messages and builds ACKs.
        .target(
            name: "MLLP",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                // Same package as NIOCore; NIOCore does not re-export its lock box.
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        // The system zlib, for DICOM's Deflated Explicit VR Little Endian (zlib1g-dev on Debian).
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        // DICOM data sets (Part 10 files and network data sets) and the upper-layer PDU codec; pure code on
        // bytes, Foundation and zlib only, so the listener, the checks and the offline tools share one reader.
        .target(name: "DICOM", dependencies: ["CZlib"]),
        // Turns what the protocol codecs decode into Domain findings and builds the answers (HL7 ACKs); no Vapor,
        // no storage.
        // The verification environment's DICOM receiver (C-ECHO, C-STORE as SCP) on SwiftNIO; no Anslut domain.
        .target(
            name: "DICOMNetwork",
            dependencies: [
                "DICOM",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .target(name: "Integration", dependencies: ["Domain", "HL7", "DICOM"]),
        // Reads process definitions (Processes/*.yaml) into Domain's ProcessDefinition; Domain and Yams only.
        .target(name: "ProcessFiles", dependencies: ["Domain", .product(name: "Yams", package: "Yams")]),
        // The only target that imports Vapor.
        .target(
            name: "Web",
            dependencies: [
                "DICOM",
                "DICOMNetwork",
                "Domain",
                "Integration",
                "MLLP",
                "Persistence",
                "ProcessFiles",
                "Workflow",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "ConsoleKit", package: "console-kit"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            // The stylesheet travels with the binary, so the pages keep it wherever `anslut` is started.
            resources: [.copy("Resources/anslut.css")]
        ),
        .executableTarget(name: "anslut", dependencies: ["Web"]),
        // Test support without Vapor: a fresh database per test, test users. For Persistence and workflow tests.
        .target(
            name: "StorageTestSupport",
            dependencies: [
                "Domain",
                "ProcessFiles",
                "Persistence",
                "Workflow",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Test support for web tests: an application per test, requests through it, the built binary, sockets.
        .target(
            name: "TestSupport",
            dependencies: [
                "Domain",
                "Persistence",
                "StorageTestSupport",
                "Web",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
        .testTarget(name: "DomainTests", dependencies: ["Domain", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "ProcessFilesTests", dependencies: ["Domain", "ProcessFiles"]),
        .testTarget(name: "HL7Tests", dependencies: ["HL7"]),
        .testTarget(
            name: "MLLPTests",
            dependencies: [
                "MLLP",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]),
        // Fixtures are read from the source tree (#filePath), so a pinned record can be re-recorded in place.
        .testTarget(
            name: "IntegrationTests", dependencies: ["Domain", "HL7", "DICOM", "Integration", "ProcessFiles"],
            exclude: ["Fixtures"]),
        .testTarget(name: "DICOMTests", dependencies: ["DICOM"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "DICOMNetworkTests",
            dependencies: [
                "DICOM", "DICOMNetwork",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            resources: [.copy("Scripts")]
        ),
        .testTarget(
            name: "PersistenceTests",
            dependencies: [
                "Domain", "Persistence", "StorageTestSupport", .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SQLKit", package: "sql-kit"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(
            name: "WebTests",
            dependencies: [
                "DICOM", "Domain", "Persistence", "ProcessFiles", "Web", "Workflow", "TestSupport",
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "Vapor", package: "vapor"),
                .product(name: "VaporTesting", package: "vapor"), .product(name: "SQLKit", package: "sql-kit"),
            ],
            // Run from the source tree (#filePath) by the tests that drive pynetdicom.
            exclude: ["Verification/Scripts"]),
        .testTarget(
            name: "WorkflowTests",
            dependencies: [
                "Domain", "Persistence", "Workflow", "StorageTestSupport", .product(name: "SQLKit", package: "sql-kit"),
            ]),
        // Throughput figures for BENCHMARKS.md; built in release by Benchmarks/identifiers.sh.
        .executableTarget(name: "IdentifierThroughput", dependencies: ["Domain"], path: "Benchmarks/IdentifierThroughput"),
        // Parse throughput against python-hl7 and hl7apy; built in release by Benchmarks/hl7/run.sh.
        .executableTarget(
            name: "hl7-bench", dependencies: ["Domain", "HL7", "Integration", "ProcessFiles"], path: "Benchmarks/hl7/Swift"),
        // Messages per second against a plain Python asyncio MLLP server; built in release by Benchmarks/mllp/run.sh.
        .executableTarget(
            name: "mllp-bench",
            dependencies: [
                "MLLP", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Benchmarks/mllp/Swift"
        ),
        // The queue's re-ranking of 10,000 waiting cases after one re-assessment; built in release by Benchmarks/queue/run.sh.
        .executableTarget(name: "queue-bench", dependencies: ["Domain"], path: "Benchmarks/queue/Swift"),
        // Header-read throughput against pydicom and dcmdump; built in release by Benchmarks/dicom/run.sh.
        .executableTarget(name: "dicom-bench", dependencies: ["DICOM"], path: "Benchmarks/dicom/Swift"),
        // Receiving over the network against dcmtk's storescp (Benchmarks/dicom-net/run.sh); the large-object test
        // runs it as a server of its own to read its memory alone.
        .executableTarget(
            name: "dicom-net-bench",
            dependencies: [
                "DICOMNetwork", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Benchmarks/dicom-net/Swift"
        ),
    ],
    swiftLanguageModes: [.v6]
)
