import DequeModule

/// The last few snapshots' worth of per-channel depth, for sparklines.
///
/// Bounded: at 10 Hz a minute is 600 samples per channel, whatever the session's length.
public struct SnapshotHistory: Sendable, Equatable {
    public let capacity: Int
    private var depths: [String: Deque<Int>] = [:]
    private var rates: [String: Deque<Double>] = [:]
    private var times = Deque<Double>()

    public init(capacity: Int = 600) {
        self.capacity = max(1, capacity)
    }

    /// Appends one snapshot's values.
    public mutating func append(_ snapshot: Snapshot) {
        times.append(snapshot.time)
        if times.count > capacity { times.removeFirst() }
        for channel in snapshot.channels {
            depths[channel.name, default: []].append(channel.depth)
            rates[channel.name, default: []].append(channel.outPerSecond)
            if depths[channel.name]!.count > capacity { depths[channel.name]!.removeFirst() }
            if rates[channel.name]!.count > capacity { rates[channel.name]!.removeFirst() }
        }
    }

    /// Seconds between samples, from the history's own times (0 with fewer than two).
    public var samplePeriod: Double {
        guard let first = times.first, let last = times.last, times.count > 1, last > first else { return 0 }
        return (last - first) / Double(times.count - 1)
    }

    /// Depth of a channel over time, oldest first.
    public func depths(of channel: String) -> [Int] { Array(depths[channel] ?? []) }

    /// Messages received per second over time, oldest first.
    public func outRates(of channel: String) -> [Double] { Array(rates[channel] ?? []) }
}
