/// The payload that travels through an experiment's channels.
///
/// Small and trivially copyable (16 bytes), so queues store it inline: an unbounded channel
/// holding a million of them stays a few tens of megabytes. The channel adds its own acceptance
/// stamp, which is what queueing latency is measured from. The tag is an index into the
/// preset's `TagTable` and sits in what was padding, so tagging costs no memory.
public struct Message: Sendable, Hashable {
    /// Unique per group that made it, in the order it was made.
    public var sequence: UInt64
    /// The worker that sent it last (or made it, while it is still in its maker's hand); 0 for
    /// a prefilled message. `reply` answers this worker's mailbox: the course's `m.source`.
    public var origin: Int32
    /// The message's tag: `TagTable.untagged` (0), or the 1-based index of its name in the
    /// preset's table, e.g. `REQUEST_READ`.
    public var tag: UInt16

    public init(sequence: UInt64, origin: Int32, tag: UInt16 = TagTable.untagged) {
        self.sequence = sequence
        self.origin = origin
        self.tag = tag
    }
}
