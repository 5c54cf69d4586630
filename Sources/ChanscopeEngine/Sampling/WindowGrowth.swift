/// How fast a channel's depth grows over the sampling window: the one rule behind `GROWING +N/s`.
///
/// WHY not only "depth now minus depth at the window's start": a queue filled in batches and
/// drained between them (a thread pool's task queue) is a sawtooth, and its two ends, sampled at
/// different phases, differ by up to a batch, so the word would say GROWING for a queue that
/// empties every second. A growing queue also raises its floor: the least depth in the window's
/// second half stands above the least depth in its first half. Growth is the smaller of the two
/// estimates, so both must agree that the queue grows, and a steady rise reads its true rate.
enum WindowGrowth {
    /// One reading of a channel's depth.
    struct Point: Equatable {
        var time: UInt64
        var depth: Int
    }

    /// Depth change per second over `points` (oldest first, the newest last): the smaller of the
    /// ends' change over the span and the floors' change over half the span. 0 for fewer than
    /// two points or a span of no time.
    static func perSecond(_ points: [Point]) -> Double {
        guard let first = points.first, let last = points.last, last.time > first.time else { return 0 }
        let span = Double(last.time - first.time) / 1e9
        let ends = Double(last.depth - first.depth) / span
        let middle = first.time + (last.time - first.time) / 2
        let earlier = points.filter { $0.time <= middle }.map(\.depth).min() ?? first.depth
        let later = points.filter { $0.time >= middle }.map(\.depth).min() ?? last.depth
        let floors = Double(later - earlier) / (span / 2)
        return Swift.min(ends, floors)
    }
}
