// swift-tools-version:5.9
// hum for Swift: a thin wrapper over the C ABI (ffi/include/hum.h). Build libhum first:
//   cargo build --release -p hum-ffi      (then pass -Xlinker -L<target>/release to swift build)
import PackageDescription

let package = Package(
    name: "Hum",
    platforms: [.macOS(.v13), .iOS(.v16)],
    products: [
        .library(name: "Hum", targets: ["Hum"]),
        .executable(name: "hum-swift-example", targets: ["HumExample"]),
    ],
    targets: [
        .target(name: "CHum", path: "Sources/CHum"),
        .target(name: "Hum", dependencies: ["CHum"], path: "Sources/Hum"),
        .executableTarget(name: "HumExample", dependencies: ["Hum"], path: "Sources/HumExample"),
    ]
)
