import Channels

/// One workload of the peer benchmark (`../shared/bench-peers/README.md`), by its shared name.
///
/// The names, thread counts and channel kinds must match the peers' exactly, so the results sit
/// in one table beside Rust, Go, Python and the Swift baselines.
public struct BenchScenario: Hashable, Sendable {
    public var name: String
    public var producers: Int
    public var consumers: Int
    public var kind: ChannelKind
    /// The default message count the peer harness gives an external peer.
    public var defaultMessages: Int

    /// Whether the channel may discard messages (then the check is delivered + dropped == N).
    public var isLossy: Bool { kind.isLossy }

    public static let all: [BenchScenario] = [
        BenchScenario(name: "spsc-bounded-1024", producers: 1, consumers: 1, kind: .bounded(1024), defaultMessages: 40_000_000),
        BenchScenario(name: "spsc-bounded-1", producers: 1, consumers: 1, kind: .bounded(1), defaultMessages: 5_000_000),
        BenchScenario(name: "spsc-rendezvous", producers: 1, consumers: 1, kind: .rendezvous, defaultMessages: 5_000_000),
        BenchScenario(name: "spsc-unbounded", producers: 1, consumers: 1, kind: .unbounded, defaultMessages: 40_000_000),
        BenchScenario(name: "mpsc-bounded-1024", producers: 4, consumers: 1, kind: .bounded(1024), defaultMessages: 40_000_000),
        BenchScenario(name: "mpmc-bounded-1024", producers: 2, consumers: 2, kind: .bounded(1024), defaultMessages: 40_000_000),
        BenchScenario(name: "spsc-dropping-1024", producers: 1, consumers: 1, kind: .dropping(1024), defaultMessages: 100_000_000),
        BenchScenario(name: "spsc-overwriting-1024", producers: 1, consumers: 1, kind: .overwriting(1024), defaultMessages: 40_000_000),
    ]

    /// The scenario with this name, if any.
    public static func named(_ name: String) -> BenchScenario? {
        all.first { $0.name == name }
    }
}
