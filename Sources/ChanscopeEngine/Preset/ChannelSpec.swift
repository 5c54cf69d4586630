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
    /// For a kind without a capacity (`unbounded`, `rendezvous`): the capacity its slider holds
    /// for when the kind changes to one that has one. A restart carries it over, so switching an
    /// unbounded channel back to bounded after `r` gives the capacity set before; preset files do
    /// not set it (nil: the slider starts at 8).
    public var idleCapacity: Int?
    /// The kernel object the channel is, between worker processes (nil: an in-process channel
    /// between threads). With one, `kind`'s capacity is the whole messages the kernel holds.
    public var transport: Transport?
    /// Bytes per message through a transport (`PresetLimits.messageBytes`).
    public var messageBytes: Int = 16
    /// The knob whose value is `messageBytes` when an experiment starts (`message_bytes: KNOB`);
    /// the processes' message size is fixed while they run, so a change applies at `R`.
    public var messageBytesKnob: String?
    /// The kernel buffer a pipe or socket asks for, in bytes (`PresetLimits.buffer(of:)`); a
    /// message queue's `mq_maxmsg` is `kind`'s capacity instead.
    public var bufferBytes: Int = 65536
    /// The simulated link senders reach the channel through, if any (`link:` in a preset).
    public var link: LinkSpec?
    /// The priority level of each tag (`priorities: { URGENT: 2, NORMAL: 1, BULK: 0 }`), used
    /// while the kind is `priority`; untagged and unlisted messages are level 0.
    public var priorities: [String: Int] = [:]
    /// The knob whose value (milliseconds) is the priority aging time: a message waiting that
    /// long rises one level (0: never); nil when the channel has none.
    public var aging: String?

    public init(name: String, kind: ChannelKind, idleCapacity: Int? = nil, link: LinkSpec? = nil) {
        self.name = name
        self.kind = kind
        self.idleCapacity = idleCapacity
        self.link = link
    }
}
