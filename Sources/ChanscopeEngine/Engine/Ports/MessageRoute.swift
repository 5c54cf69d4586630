import Channels

/// What a worker's handles for one of the experiment's channels are made from.
///
/// The experiment keeps one route per channel; a worker asks it for an outlet if its group sends
/// there and an inlet if it receives there. `ChannelRoute` hands out the channel's own sender and
/// receiver; other routes (a simulated link, a kernel transport) put their machinery between.
protocol MessageRoute: Sendable {
    func makeOutlet() -> any MessageOutlet
    func makeInlet() -> any MessageInlet
}

/// The plain route: the worker talks to the channel directly.
struct ChannelRoute: MessageRoute {
    let channel: Channel<Message>

    func makeOutlet() -> any MessageOutlet { channel.makeSender() }
    func makeInlet() -> any MessageInlet { channel.makeReceiver() }
}
