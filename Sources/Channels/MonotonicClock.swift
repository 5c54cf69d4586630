#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Monotonic time in nanoseconds, cheap enough to stamp every message.
///
/// `CLOCK_MONOTONIC` goes through the vDSO on Linux (no system call), and it is the clock the
/// channel's condition variables wait on, so deadlines and stamps share one time line.
public enum MonotonicClock {
    /// Nanoseconds since an arbitrary fixed point (boot); never goes backwards.
    @inlinable
    public static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }

    /// The deadline `seconds` from now, saturating instead of overflowing: NaN and negative
    /// values are now, +infinity and huge values the farthest deadline (`UInt64.max`).
    public static func deadline(after seconds: Double) -> UInt64 {
        Timeout.deadline(after: Timeout.nanoseconds(seconds)) ?? .max
    }
}
