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
final class StampPacer: @unchecked Sendable {
    /// `countdown`, `stride` and `lastStamp`, alone on a 128-byte block: pacers of senders on
    /// different cores would otherwise share a cache line (small objects are allocated side by
    /// side) and every send would pull it from the other core, which costs more than the clock
    /// reads the pacer saves.
    private let words: UnsafeMutablePointer<Atomic<UInt64>>
    private var countdown: UnsafeMutablePointer<Atomic<UInt64>> { words }
    private var stride: UnsafeMutablePointer<Atomic<UInt64>> { words + 1 }
    private var lastStamp: UnsafeMutablePointer<Atomic<UInt64>> { words + 2 }

    /// Below this gap between stamps the stride doubles; above `slowGap` it halves.
    static let fastGap: UInt64 = 20_000
    static let slowGap: UInt64 = 200_000
    static let maximumStride: UInt64 = 256

    init() {
        words = UnsafeMutableRawPointer.allocate(byteCount: 128, alignment: 128)
            .bindMemory(to: Atomic<UInt64>.self, capacity: 3)
        words.initialize(to: Atomic(0))
        (words + 1).initialize(to: Atomic(1))
        (words + 2).initialize(to: Atomic(0))
    }

    deinit {
        words.deinitialize(count: 3)
        words.deallocate()
    }

    /// The stamp for the next send: the current monotonic time, or 0 for "not stamped".
    @inline(__always)
    func nextStamp() -> UInt64 {
        let remaining = countdown.pointee.load(ordering: .relaxed)
        if remaining > 1 {
            countdown.pointee.store(remaining - 1, ordering: .relaxed)
            return 0
        }
        let now = MonotonicClock.now()
        let gap = now &- lastStamp.pointee.load(ordering: .relaxed)
        var current = stride.pointee.load(ordering: .relaxed)
        if gap < StampPacer.fastGap {
            current = min(current * 2, StampPacer.maximumStride)
        } else if gap > StampPacer.slowGap {
            current = max(1, current / 2)
        }
        stride.pointee.store(current, ordering: .relaxed)
        countdown.pointee.store(current, ordering: .relaxed)
        lastStamp.pointee.store(now, ordering: .relaxed)
        return now
    }
}
