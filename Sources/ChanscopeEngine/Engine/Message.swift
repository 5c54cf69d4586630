/// The payload that travels through an experiment's channels.
///
/// Small and trivially copyable, so queues store it inline. The channel adds its own acceptance
/// stamp; `createdAt` is for end-to-end latency (made to done).
public struct Message: Sendable, Hashable {
    /// Unique per group that made it, in the order it was made.
    public var sequence: UInt64
    /// The id of the worker that made it (or that prefilled it).
    public var origin: Int32
    /// Monotonic nanoseconds when it was made.
    public var createdAt: UInt64

    public init(sequence: UInt64, origin: Int32, createdAt: UInt64) {
        self.sequence = sequence
        self.origin = origin
        self.createdAt = createdAt
    }
}
