import Channels

/// One workload of the peer benchmark (the separate suite that runs Rust, Go, Python and Swift
/// channels on the same workloads), by its shared name.
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
    /// Priority levels a `priority` channel's messages are spread over (value modulo levels).
    public var levels = 1

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

    /// chanscope's own kinds beyond the peers': a priority queue with three levels, the
    /// messages spread evenly over them (not in the peer harness, which has no such channel).
    public static let own: [BenchScenario] = [
        BenchScenario(name: "spsc-priority-1024x3", producers: 1, consumers: 1, kind: .priority(1024), defaultMessages: 8_000_000, levels: 3),
    ]

    /// The scenario with this name, if any.
    public static func named(_ name: String) -> BenchScenario? {
        (all + own).first { $0.name == name }
    }

    /// How a message's level is found: its value modulo `levels`.
    var priorityLevels: PriorityLevels<UInt64> {
        let count = UInt64(Swift.max(1, levels))
        return PriorityLevels(count: levels) { Int($0 % count) }
    }
}
