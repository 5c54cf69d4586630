extension Channel {
    /// A new channel of `kind` with its two ends, in one call: `let (tx, rx) = Channel<Int>.make(.bounded(8))`.
    ///
    /// WHY: the peers make a channel this way (Rust's `sync_channel(n)` and crossbeam's
    /// `bounded(n)` return `(Sender, Receiver)`, Go's `make(chan T, n)` one value for both), and
    /// a channel is of no use without both ends. More ends come from `clone()` on either one;
    /// each end reaches the channel through its `channel` property.
    ///
    /// - Parameters:
    ///   - stampsMessages: stamp each message with its acceptance time and record queueing
    ///     latency (see `init(kind:stampsMessages:levels:)`).
    ///   - levels: how a message's priority level is found while the kind is `priority`.
    public static func make(
        _ kind: ChannelKind, stampsMessages: Bool = true, levels: PriorityLevels<Element> = .single
    ) -> (sender: Sender<Element>, receiver: Receiver<Element>) {
        let channel = Channel(kind: kind, stampsMessages: stampsMessages, levels: levels)
        return (channel.makeSender(), channel.makeReceiver())
    }
}
