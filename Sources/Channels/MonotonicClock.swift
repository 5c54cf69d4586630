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

    /// The deadline `seconds` from now, saturating instead of overflowing.
    @inlinable
    public static func deadline(after seconds: Double) -> UInt64 {
        let nanos = seconds <= 0 ? 0 : min(seconds * 1e9, Double(UInt64.max / 2))
        return now() &+ UInt64(nanos)
    }
}
