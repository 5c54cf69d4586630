/// One named number of an experiment that the user can change while it runs.
///
/// Knobs are how the lecturer turns an experiment: the TUI shows each as a slider between
/// `min` and `max` moving by `step`, and `--set NAME=VALUE` sets one from the command line.
public struct KnobSpec: Sendable, Equatable {
    /// The name steps (`sleep: NAME`) and limits (`limit: NAME`) use for this knob.
    public var name: String
    /// The starting value, always within `min...max` once loaded.
    public var value: Double
    /// The smallest value the slider allows.
    public var min: Double
    /// The largest value the slider allows.
    public var max: Double
    /// How far one slider move changes the value; greater than 0.
    public var step: Double
    /// The text shown beside the slider; the name when the preset gives none.
    public var label: String
    /// The unit shown after the value, e.g. `ms`; empty when the preset gives none.
    public var unit: String

    public init(
        name: String, value: Double, min: Double, max: Double,
        step: Double = 1, label: String? = nil, unit: String = ""
    ) {
        self.name = name
        self.value = value
        self.min = min
        self.max = max
        self.step = step
        self.label = label ?? name
        self.unit = unit
    }
}
