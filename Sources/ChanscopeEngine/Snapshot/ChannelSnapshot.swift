import Channels

/// One channel as the sampler saw it at one tick.
public struct ChannelSnapshot: Sendable, Hashable {
    public var id: ChannelID
    /// Kind, counters, live ends, blocked threads and the interval's latency, read consistently.
    public var stats: ChannelStats
    /// Messages accepted and received per second over the sampling window.
    public var inPerSecond: Double
    public var outPerSecond: Double
    /// Depth change per second over the sampling window (positive: the queue grows).
    public var growthPerSecond: Double
    /// What is happening, in the vocabulary shared by screen, summary and CSV.
    public var situation: ChannelSituation
    /// Groups that send on it and that receive from it, by name.
    public var senderGroups: [String]
    public var receiverGroups: [String]
    /// What the kernel says, for a transport channel (nil for a channel between threads).
    public var kernel: KernelFill?
    /// A priority channel's levels, lowest first (nil for other channels); each level's depth
    /// and oldest age are nil while the channel's kind is not `priority`.
    public var priorityLevels: [PriorityLevelSnapshot]?
    /// Messages accepted and not yet finished by their receivers (Python's unfinished tasks),
    /// for a channel some group `join`s; nil for the others.
    public var unfinished: Int?
    /// The simulated link in front of the queue, for a linked channel.
    public var link: LinkSnapshot?

    public init(
        id: ChannelID, stats: ChannelStats, inPerSecond: Double, outPerSecond: Double, growthPerSecond: Double = 0,
        situation: ChannelSituation? = nil, senderGroups: [String], receiverGroups: [String]
    ) {
        self.id = id
        self.stats = stats
        self.inPerSecond = inPerSecond
        self.outPerSecond = outPerSecond
        self.growthPerSecond = growthPerSecond
        self.situation = situation ?? ChannelSituation.judge(
            stats, inPerSecond: inPerSecond, outPerSecond: outPerSecond, droppedInWindow: 0, overwrittenInWindow: 0,
            growthPerSecond: growthPerSecond, sendersBlockedPercent: 0)
        self.senderGroups = senderGroups
        self.receiverGroups = receiverGroups
    }

    public var name: String { id.name }
    public var kind: ChannelKind { stats.kind }
    public var counters: ChannelCounters { stats.counters }
    public var depth: Int { stats.counters.depth }
    public var latencyP50Milliseconds: Double { Double(stats.latency.p50Microseconds) / 1000 }
    public var latencyP99Milliseconds: Double { Double(stats.latency.p99Microseconds) / 1000 }

    /// Whether every sender or every receiver is gone.
    public var isDisconnected: Bool { stats.sendersGone || stats.receiversGone }
}
