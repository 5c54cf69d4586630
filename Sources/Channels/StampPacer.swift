import Synchronization

/// Decides which sends get an acceptance stamp, so latency instrumentation stays cheap at any
/// message rate.
///
/// A stamp costs a clock read on the sending side and another on the receiving side. At lecture
/// speeds (messages milliseconds apart) every message is stamped; when messages come faster than
/// one per ~20 microseconds the pacer stamps only every Nth (N doubling up to 256), which keeps
/// percentiles representative (a sample by count) while the clock is read at most about every
/// 20 microseconds. Owned by one `Sender`, which one thread uses at a time, so relaxed atomics
/// suffice; they only keep the handle `Sendable`.
final class StampPacer: Sendable {
    private let countdown = Atomic<Int>(0)
    private let stride = Atomic<Int>(1)
    private let lastStamp = Atomic<UInt64>(0)

    /// Below this gap between stamps the stride doubles; above `slowGap` it halves.
    static let fastGap: UInt64 = 20_000
    static let slowGap: UInt64 = 200_000
    static let maximumStride = 256

    /// The stamp for the next send: the current monotonic time, or 0 for "not stamped".
    @inline(__always)
    func nextStamp() -> UInt64 {
        let remaining = countdown.load(ordering: .relaxed)
        if remaining > 1 {
            countdown.store(remaining - 1, ordering: .relaxed)
            return 0
        }
        let now = MonotonicClock.now()
        let gap = now &- lastStamp.load(ordering: .relaxed)
        var current = stride.load(ordering: .relaxed)
        if gap < StampPacer.fastGap {
            current = min(current * 2, StampPacer.maximumStride)
        } else if gap > StampPacer.slowGap {
            current = max(1, current / 2)
        }
        stride.store(current, ordering: .relaxed)
        countdown.store(current, ordering: .relaxed)
        lastStamp.store(now, ordering: .relaxed)
        return now
    }
}
