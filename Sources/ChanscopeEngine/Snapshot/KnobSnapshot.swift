/// A knob's definition and current value, for a slider.
public struct KnobSnapshot: Sendable, Equatable {
    public var spec: KnobSpec
    /// What the knob controls: a preset knob, a channel's capacity or a group's worker count.
    public var id: KnobID
    public var value: Double

    public init(spec: KnobSpec, id: KnobID, value: Double) {
        self.spec = spec
        self.id = id
        self.value = value
    }

    /// The knob's name as `--set` and the CSV write it (`work.capacity`).
    public var name: String { id.name }

    /// Whether the preset declared it (capacity and workers knobs are the engine's).
    public var isPresetKnob: Bool { if case .preset = id { true } else { false } }
}
