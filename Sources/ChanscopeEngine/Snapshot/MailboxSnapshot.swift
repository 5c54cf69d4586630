import Channels

/// One group's mailboxes as the sampler saw them: one compact row on screen, one channel
/// (`G.mailbox.*`) in the CSV.
///
/// Counters are the sum over every mailbox the group ever had, so the identities hold for the
/// whole as they hold for each (they are sums of the same terms).
public struct MailboxSnapshot: Sendable, Hashable {
    /// The group whose workers own the mailboxes.
    public var group: String
    /// The kind every mailbox of the group has.
    public var kind: ChannelKind
    /// Mailboxes whose owner is still running (it holds the receiving end).
    public var live: Int
    /// Mailboxes the group ever had.
    public var total: Int
    public var counters: ChannelCounters
    /// The fullest mailbox's depth.
    public var largestDepth: Int
    /// Workers blocked sending into one of these mailboxes (a reply to a full one).
    public var blockedSenders: Int
    /// Owners blocked in `{ recv: mailbox }`.
    public var blockedReceivers: Int

    public init(
        group: String, kind: ChannelKind, live: Int = 0, total: Int = 0, counters: ChannelCounters = ChannelCounters(),
        largestDepth: Int = 0, blockedSenders: Int = 0, blockedReceivers: Int = 0
    ) {
        self.group = group
        self.kind = kind
        self.live = live
        self.total = total
        self.counters = counters
        self.largestDepth = largestDepth
        self.blockedSenders = blockedSenders
        self.blockedReceivers = blockedReceivers
    }

    /// The name this aggregate goes by in the CSV and in a worker's "waits on": `G.mailbox`.
    public var name: String { Self.name(ofGroup: group) }

    /// `client.mailbox`.
    public static func name(ofGroup group: String) -> String { "\(group).\(Step.mailboxWord)" }

    /// Sums the group's mailboxes, each read consistently at the same instant.
    static func summing(group: String, kind: ChannelKind, _ mailboxes: [ChannelStats]) -> MailboxSnapshot {
        var snapshot = MailboxSnapshot(group: group, kind: kind, total: mailboxes.count)
        for stats in mailboxes {
            let c = stats.counters
            snapshot.counters.attempted &+= c.attempted
            snapshot.counters.accepted &+= c.accepted
            snapshot.counters.received &+= c.received
            snapshot.counters.dropped &+= c.dropped
            snapshot.counters.overwritten &+= c.overwritten
            snapshot.counters.failed &+= c.failed
            snapshot.counters.discarded &+= c.discarded
            snapshot.counters.depth += c.depth
            snapshot.largestDepth = max(snapshot.largestDepth, c.depth)
            snapshot.blockedSenders += stats.blockedSenders
            snapshot.blockedReceivers += stats.blockedReceivers
            if stats.receivers > 0 { snapshot.live += 1 }
        }
        return snapshot
    }
}
