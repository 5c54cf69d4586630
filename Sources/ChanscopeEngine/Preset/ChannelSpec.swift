import Channels

/// One named channel of an experiment, as a preset declares it.
///
/// The kind is validated when the preset loads (through `ChannelKind.make(name:capacity:)`),
/// so the engine never sees an impossible pair such as `bounded` with capacity 0.
public struct ChannelSpec: Sendable, Equatable {
    /// The name steps, prefills and the screen use for this channel.
    public var name: String
    /// How the channel behaves when full, and how much it holds.
    public var kind: ChannelKind

    public init(name: String, kind: ChannelKind) {
        self.name = name
        self.kind = kind
    }
}
