/// A steady share of time (blocked on send, blocked on receive) from cumulative totals sampled at
/// a fixed period: the one rule for every share chanscope shows.
///
/// WHY not "change over the window divided by the window": a worker that sleeps, then blocks,
/// then sleeps again spends a share of each cycle blocked, and a plain window cuts its cycles at
/// changing points, so the share wobbles by up to a cycle's worth. Averaging the share over
/// every half-window that ends within the last half (a triangular window) smooths that wobble
/// away while still following a slider within the window.
enum WindowShare {
    /// Cumulative totals at one instant: nanoseconds of the part and of the whole.
    struct Point: Equatable {
        var time: UInt64
        var part: UInt64
        var whole: Double
    }

    /// The share 0...100 of the whole spent in the part over the window ending at the last point.
    /// - Parameter cap: the largest share (100 for one thread's time; none for a group's CPU,
    ///   which counts every thread: three busy workers are 300% of a core, as `top` says).
    static func percent(_ points: [Point], window: UInt64 = SamplingState.window, cap: Double? = 100) -> Double {
        guard let last = points.last else { return 0 }
        let half = window / 2
        var sum = 0.0
        var boxes = 0
        for end in points.reversed() where last.time &- end.time < half || end == last {
            guard let start = points.last(where: { $0.time <= end.time && end.time - $0.time >= half }) ?? points.first,
                start.time < end.time
            else { continue }
            let whole = end.whole - start.whole
            guard whole > 0 else { continue }
            sum += Double(end.part &- min(end.part, start.part)) / whole
            boxes += 1
        }
        let share = boxes == 0 ? 0 : sum / Double(boxes) * 100
        return cap.map { min($0, share) } ?? share
    }
}
