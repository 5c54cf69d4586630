extension ChannelStats {
    /// A reading of a channel that has had no traffic and no ends yet: the shape of a channel
    /// before anything runs (a CSV header, a screen's first frame, a test's fixture).
    public static func idle(kind: ChannelKind) -> ChannelStats {
        ChannelStats(
            kind: kind, counters: ChannelCounters(), senders: 0, receivers: 0, blockedSenders: 0, blockedReceivers: 0,
            latency: .empty)
    }
}
