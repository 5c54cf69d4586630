/// The ranges every part of chanscope can represent, for every number a user can set.
///
/// WHY in one place: a knob's value reaches a sleep (milliseconds to nanoseconds in a `UInt64`),
/// a loop limit (an `Int`), a capacity (a ring of slots) and the slider's label. The preset
/// reader, `--set`, the slider and the engine all check against these same numbers, so a value
/// one of them accepts never traps another.
public enum KnobLimits {
    /// The largest magnitude of any knob's value, min and max: 1e12 ms is about 31 years, well
    /// inside a `UInt64` of nanoseconds (1.8e19) and an `Int`, and prints without an exponent.
    public static let magnitude: Double = 1e12

    /// The most steps a slider's range may hold ((max - min) / step), so a step is never so small
    /// that the arrow keys cannot move the value visibly.
    public static let stepsPerRange: Double = 1e9

    /// Worker threads per group: the slider, `--set G.workers` and the file's `count` alike. Zero
    /// is allowed live (every worker removed) and at start ("press + to add a consumer").
    public static let workers: ClosedRange<Int> = 0...64

    /// A channel's capacity in messages: memory for a million slots is a few tens of MB.
    public static let capacity: ClosedRange<Int> = 1...1_000_000

    /// Messages a group may put into a channel at start (`prefill`).
    public static let prefill: ClosedRange<Int> = 0...1_000_000

    /// A sleep's jitter, as a share of its value.
    public static let jitter: ClosedRange<Double> = 0...1

    /// Whether `value` is a number every part can represent.
    public static func isRepresentable(_ value: Double) -> Bool {
        value.isFinite && value.magnitude <= magnitude
    }
}
