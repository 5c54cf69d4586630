/// Messages a worker group puts into a channel once, before its loop starts.
///
/// This is how Tanenbaum's producer/consumer gets its N empty messages circling: without a
/// prefill, a ring of `recv` steps would wait forever for the first message.
public struct Prefill: Sendable, Equatable {
    /// The channel that receives the messages.
    public var channel: String
    /// How many messages to put in, within `PresetLimits.prefill`.
    public var count: Int

    public init(channel: String, count: Int) {
        self.channel = channel
        self.count = count
    }
}
