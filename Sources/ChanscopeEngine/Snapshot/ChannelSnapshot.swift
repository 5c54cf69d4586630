import Channels

/// One channel as the sampler saw it at one tick.
public struct ChannelSnapshot: Sendable, Hashable {
    public var name: String
    /// Kind, counters, live ends, blocked threads and the interval's latency, read consistently.
    public var stats: ChannelStats
    /// Messages accepted and received per second, averaged over the last second of samples.
    public var inPerSecond: Double
    public var outPerSecond: Double
    /// Groups that send on it and that receive from it, by name.
    public var senderGroups: [String]
    public var receiverGroups: [String]

    public init(
        name: String, stats: ChannelStats, inPerSecond: Double, outPerSecond: Double,
        senderGroups: [String], receiverGroups: [String]
    ) {
        self.name = name
        self.stats = stats
        self.inPerSecond = inPerSecond
        self.outPerSecond = outPerSecond
        self.senderGroups = senderGroups
        self.receiverGroups = receiverGroups
    }

    public var kind: ChannelKind { stats.kind }
    public var counters: ChannelCounters { stats.counters }
    public var depth: Int { stats.counters.depth }
    public var latencyP50Milliseconds: Double { Double(stats.latency.p50Microseconds) / 1000 }
    public var latencyP99Milliseconds: Double { Double(stats.latency.p99Microseconds) / 1000 }

    /// Whether the channel is full and senders are waiting on it: backpressure.
    public var hasBackpressure: Bool { stats.blockedSenders > 0 }
    /// Whether every sender or every receiver is gone.
    public var isDisconnected: Bool { stats.sendersGone || stats.receiversGone }
}
