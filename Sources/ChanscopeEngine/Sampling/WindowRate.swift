/// A steady rate from a counter sampled at a fixed period: the one rule for every rate chanscope
/// shows (messages in and out, empty polls).
///
/// WHY not "change over the window divided by the window": at lecture rates a window holds a
/// handful of messages, and whether it holds 6 or 7 depends on where its edges fall, so the rate
/// would jump by a sixth from one sample to the next. Measured from the first sample at which the
/// counter moved to the last one, both ends sit just after a message, and the rate of a steady
/// source is steady to within one sampling period over the span.
enum WindowRate {
    /// One reading of a counter.
    struct Point: Equatable {
        var time: UInt64
        var count: UInt64
    }

    /// The rate per second over `points` (oldest first, all inside the window, the newest last,
    /// taken `now`).
    ///
    /// With the counter moving at two or more samples, the rate is the messages between the first
    /// and the last movement over the time between them, capped by what the quiet time since the
    /// last movement allows (so a stopped source falls towards 0 at once); with fewer, the plain
    /// change over the points' span.
    static func perSecond(_ all: [Point], now: UInt64, window: UInt64 = SamplingState.window) -> Double {
        // From the last point at or before the window's start (the count there is the base).
        let startIndex = all.lastIndex { now &- $0.time >= window } ?? 0
        let points = Array(all[startIndex...])
        guard let first = points.first, let last = points.last, last.time > first.time, last.count >= first.count else { return 0 }
        var moves: [Point] = []
        for (previous, point) in zip(points, points.dropFirst()) where point.count > previous.count {
            moves.append(point)
        }
        let plain = Double(last.count - first.count) / (Double(last.time - first.time) / 1e9)
        guard let start = moves.first, let end = moves.last, end.time > start.time else { return plain }
        let messages = Double(end.count - start.count)
        let steady = messages / (Double(end.time - start.time) / 1e9)
        // No message since `end`: the rate is at most what one or two more would have made it.
        let quietBound = now > start.time ? (messages + 2) / (Double(now - start.time) / 1e9) : steady
        return min(steady, quietBound)
    }
}
