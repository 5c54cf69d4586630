/// Decides which sends get an acceptance stamp, so latency instrumentation stays cheap at any
/// message rate.
///
/// A stamp costs a clock read on the sending side and another on the receiving side. At lecture
/// speeds (messages milliseconds apart) every message is stamped; when messages come faster than
/// one per ~20 microseconds the pacer stamps only every Nth (N doubling up to 256), which keeps
/// percentiles representative (a sample by count) while the clock is read at most about every
/// 20 microseconds.
///
/// WHY one per channel, kept with the send side's counters: a send holds the send lock and has
/// that cache line at hand anyway, so pacing costs one decrement there. A pacer per sender
/// handle cost a few nanoseconds a send in pointer chasing, about 5% of a fast channel, and two
/// handles' pacers allocated side by side shared a cache line between producers' cores.
struct StampPacer {
    private var countdown: UInt64 = 0
    private var stride: UInt64 = 1
    private var lastStamp: UInt64 = 0

    /// Below this gap between stamps the stride doubles; above `slowGap` it halves.
    static var fastGap: UInt64 { 20_000 }
    static var slowGap: UInt64 { 200_000 }
    static var maximumStride: UInt64 { 256 }

    /// The stamp for the next send: the current monotonic time, or 0 for "not stamped".
    @inline(__always)
    mutating func nextStamp() -> UInt64 {
        if countdown > 1 {
            countdown &-= 1
            return 0
        }
        let now = MonotonicClock.now()
        let gap = now &- lastStamp
        if gap < StampPacer.fastGap {
            stride = min(stride * 2, StampPacer.maximumStride)
        } else if gap > StampPacer.slowGap {
            stride = max(1, stride / 2)
        }
        countdown = stride
        lastStamp = now
        return now
    }
}
