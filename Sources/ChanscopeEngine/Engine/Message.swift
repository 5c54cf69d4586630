/// The payload that travels through an experiment's channels.
///
/// Small and trivially copyable (16 bytes), so queues store it inline: an unbounded channel
/// holding a million of them stays a few tens of megabytes. The channel adds its own acceptance
/// stamp, which is what queueing latency is measured from.
public struct Message: Sendable, Hashable {
    /// Unique per group that made it, in the order it was made.
    public var sequence: UInt64
    /// The id of the worker that made it (or that prefilled it).
    public var origin: Int32

    public init(sequence: UInt64, origin: Int32) {
        self.sequence = sequence
        self.origin = origin
    }
}
