/// One named number of an experiment that the user can change while it runs.
///
/// Knobs are how the lecturer turns an experiment: the TUI shows each as a slider between
/// `min` and `max` moving by `step`, and `--set NAME=VALUE` sets one from the command line.
///
/// A choice knob (`choices` not empty) is a choice among names, such as a policy: its value is
/// the index of the chosen name (`min` 0, `max` the last index, `step` 1), so the same rules,
/// keys, atomics and events serve it, and only its wording (`formatted`, the CSV, `--set`)
/// uses the names.
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
    /// The names of a choice knob, in the order the selector shows them; empty for a number.
    public var choices: [String] = []

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

    /// A choice knob among `choices` (at least one), starting at the choice `value`.
    public static func choice(name: String, choices: [String], value: String, label: String? = nil) -> KnobSpec {
        var spec = KnobSpec(
            name: name, value: Double(choices.firstIndex(of: value) ?? 0), min: 0, max: Double(Swift.max(0, choices.count - 1)),
            step: 1, label: label)
        spec.choices = choices
        return spec
    }

    /// Whether the knob is a choice among names rather than a number.
    public var isChoice: Bool { !choices.isEmpty }
}
