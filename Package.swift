// swift-tools-version: 6.0
import PackageDescription

/// chanscope: a terminal visualiser for concurrency experiments.
///
/// Layers, bottom to top (DESIGN.md section 7): `Channels` (the channel state machine and its
/// locks), `ChanscopeEngine` (presets, worker threads, sampler, recorder), `ChanscopeTUI` (pure
/// views over snapshots plus the only code that touches ncurses, through `CNcursesw`), and the
/// thin `chanscope` executable.
/// The channel hot path is generic and used from other modules; cross-module optimisation lets
/// the compiler specialise it for the element type at the call site (unsafe flags are allowed
/// for a root package, and this package is not meant to be a dependency).
let fastCode: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "chanscope",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "chanscope", targets: ["chanscope"]),
        .library(name: "Channels", targets: ["Channels"]),
        .library(name: "ChanscopeEngine", targets: ["ChanscopeEngine"]),
        .library(name: "ChanscopeTUI", targets: ["ChanscopeTUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .target(
            name: "Channels",
            dependencies: [
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                "CThreadSupport",
            ],
            swiftSettings: fastCode
        ),
        .systemLibrary(name: "CThreadSupport", path: "Sources/CThreadSupport"),
        .target(
            name: "ChanscopeEngine",
            dependencies: [
                "Channels", "CProcessSupport",
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        /// Kernel calls Swift cannot make (variadic `ioctl`, `fcntl`, `prctl`), atomics on shared
        /// memory, and the raw C pipe loop the bench compares the transports with.
        .target(name: "CProcessSupport", path: "Sources/CProcessSupport", linkerSettings: [.linkedLibrary("rt")]),
        .target(name: "ChanscopeBench", dependencies: ["Channels"], swiftSettings: fastCode),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(
            name: "ChanscopeTUI",
            dependencies: ["ChanscopeEngine", "CNcursesw"]
        ),
        .executableTarget(
            name: "chanscope",
            dependencies: [
                "Channels", "ChanscopeEngine", "ChanscopeTUI", "ChanscopeBench",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ChannelsTests",
            dependencies: [
                "Channels",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "ChanscopeBenchTests", dependencies: ["ChanscopeBench", "Channels"]),
        .testTarget(
            name: "ChanscopeEngineTests",
            dependencies: ["ChanscopeEngine", "Channels", "CProcessSupport", .product(name: "CSV", package: "CSV.swift")]
        ),
        .testTarget(
            name: "ChanscopeTUITests",
            dependencies: ["ChanscopeTUI", "ChanscopeEngine", "Channels", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Golden"]),
        .testTarget(name: "EndToEndTests", dependencies: []),
    ],
    swiftLanguageModes: [.v6]
)
