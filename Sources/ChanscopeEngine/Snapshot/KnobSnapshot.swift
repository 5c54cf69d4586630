/// A knob's definition and current value, for a slider.
public struct KnobSnapshot: Sendable, Equatable {
    /// What the knob controls: a preset knob, a channel's capacity or a group's worker count.
    public enum Target: Sendable, Hashable {
        case preset
        case capacity(channel: String)
        case workers(group: String)
    }

    public var spec: KnobSpec
    public var target: Target
    public var value: Double

    public init(spec: KnobSpec, target: Target, value: Double) {
        self.spec = spec
        self.target = target
        self.value = value
    }

    public var name: String { spec.name }
}
