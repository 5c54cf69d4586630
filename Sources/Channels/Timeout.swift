/// Turns any timeout a caller passes into a wait the channel can keep, never trapping.
///
/// WHY one place: `send(_:timeout:)` and `receive(timeout:)` take a `Duration` or seconds as a
/// `Double`, and each of those can be NaN, negative, infinite or too large for a nanosecond
/// count. Converting a NaN or an infinity to an integer traps, and a huge count overflows the
/// deadline; so every path goes through here and agrees on what such a value means:
/// nothing to wait for (NaN, zero, negative) or forever (+infinity and anything at or beyond
/// `forever`, about 292 years).
enum Timeout {
    /// A wait this long or longer is a wait without deadline.
    static var forever: UInt64 { UInt64(Int64.max) }

    /// Nanoseconds to wait for `seconds` (0: do not wait), or nil: wait forever.
    @inline(__always)
    static func nanoseconds(_ seconds: Double) -> UInt64? {
        // `> 0` is false for NaN too.
        guard seconds > 0 else { return 0 }
        let nanoseconds = seconds * 1e9
        guard nanoseconds < Double(forever) else { return nil }
        return UInt64(nanoseconds)
    }

    /// Nanoseconds to wait for `duration` (0: do not wait), or nil: wait forever.
    @inline(__always)
    static func nanoseconds(_ duration: Duration) -> UInt64? {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0 else { return 0 }
        guard seconds < Int64(forever / 1_000_000_000) else { return nil }
        // Both fit: seconds * 1e9 stays below `forever`, and attoseconds / 1e9 below 1e9.
        let nanoseconds = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        return nanoseconds > 0 ? UInt64(nanoseconds) : 0
    }

    /// The monotonic deadline `nanoseconds` from now, or nil (no deadline) for nil.
    @inline(__always)
    static func deadline(after nanoseconds: UInt64?) -> UInt64? {
        nanoseconds.map { MonotonicClock.now() &+ $0 }
    }
}
