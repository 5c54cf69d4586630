/// Conversions of floating-point values that cannot trap.
///
/// WHY: `Int(double)` and `UInt64(double)` trap on NaN, infinity and anything out of range, and
/// knob values come from files and keys. Every such conversion in the engine and the screen goes
/// through these (a test searches the sources for the others).
extension Int {
    /// `value` rounded toward zero and clamped to `Int`'s range; NaN is 0.
    public init(saturating value: Double) {
        if value.isNaN { self = 0 }
        else if value >= 9.2e18 { self = .max }
        else if value <= -9.2e18 { self = .min }
        else { self = Int(value) }
    }
}

extension UInt64 {
    /// `value` rounded toward zero and clamped to `UInt64`'s range; NaN and negatives are 0.
    public init(saturating value: Double) {
        if value.isNaN || value <= 0 { self = 0 }
        else if value >= 1.8e19 { self = .max }
        else { self = UInt64(value) }
    }

    /// Nanoseconds in `milliseconds`, saturating (a sleep of 1e300 ms waits "forever", not a trap).
    public static func nanoseconds(fromMilliseconds milliseconds: Double) -> UInt64 {
        UInt64(saturating: milliseconds * 1_000_000)
    }

    /// Nanoseconds in `seconds`, saturating.
    public static func nanoseconds(fromSeconds seconds: Double) -> UInt64 {
        UInt64(saturating: seconds * 1_000_000_000)
    }
}
