import Channels

/// The receiving end a worker uses for one channel: a plain channel's `Receiver`, or whatever a
/// simulated link or kernel transport puts in front of one (see `MessageOutlet`).
protocol MessageInlet: AnyObject, Sendable {
    /// Takes a message if one is there now; `empty` otherwise.
    func tryReceive() -> ReceiveResult<Message>
    /// Waits for a message, for the channel's disconnect, or for this end to be closed.
    func receive() -> ReceiveResult<Message>
    /// Releases this end (idempotent); a blocked `receive` returns `cancelled`.
    func close()
    /// The in-process receiver a select can register on, if this end is one (a select over an
    /// end that is not only looks at it when something else wakes it). Default: none.
    var selectableReceiver: Receiver<Message>? { get }
    /// Called when a select took a message through `selectableReceiver`. Default: nothing.
    func noteSelected()
}

extension MessageInlet {
    var selectableReceiver: Receiver<Message>? { nil }
    func noteSelected() {}
}

extension Receiver: MessageInlet where Element == Message {
    var selectableReceiver: Receiver<Message>? { self }
}
