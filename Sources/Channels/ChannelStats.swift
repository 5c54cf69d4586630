/// One consistent reading of a channel: counters, kind, ends and who is blocked.
public struct ChannelStats: Hashable, Sendable {
    public var kind: ChannelKind
    public var counters: ChannelCounters
    /// Live sender and receiver handles.
    public var senders: Int
    public var receivers: Int
    /// Threads inside a send or receive that cannot finish yet.
    public var blockedSenders: Int
    public var blockedReceivers: Int
    /// Queueing latency since the previous `sample()`; empty for `stats()`.
    public var latency: LatencySummary
    /// Per priority level (index 0 the lowest), while the kind is `priority`; empty otherwise.
    public var levels: [PriorityLevelReading] = []

    /// Messages queued now.
    public var depth: Int { counters.depth }

    /// Whether every sender is gone (receivers drain, then see `disconnected`).
    public var sendersGone: Bool { senders == 0 }
    /// Whether every receiver is gone (sends fail at once).
    public var receiversGone: Bool { receivers == 0 }
}
