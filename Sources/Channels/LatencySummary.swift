/// Queueing latency (accepted to received) of the messages received in one sampling interval.
public struct LatencySummary: Hashable, Sendable {
    /// How many messages were received in the interval.
    public var count: UInt64
    public var p50Microseconds: UInt64
    public var p99Microseconds: UInt64
    public var maxMicroseconds: UInt64

    public init(count: UInt64 = 0, p50Microseconds: UInt64 = 0, p99Microseconds: UInt64 = 0, maxMicroseconds: UInt64 = 0) {
        self.count = count
        self.p50Microseconds = p50Microseconds
        self.p99Microseconds = p99Microseconds
        self.maxMicroseconds = maxMicroseconds
    }

    /// No messages received.
    public static let empty = LatencySummary()
}
