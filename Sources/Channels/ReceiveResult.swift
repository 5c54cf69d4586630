/// What became of one receive, named the way `std::sync::mpsc` names it.
public enum ReceiveResult<Element> {
    /// A message, with the monotonic time (nanoseconds) the channel accepted it, or 0 when the
    /// channel does not stamp messages. `now - acceptedAt` is the message's queueing latency.
    case received(Element, acceptedAt: UInt64)
    /// A non-blocking receive found nothing queued (and no sender offering).
    case empty
    /// A receive with a timeout found nothing before the deadline.
    case timedOut
    /// Every sender is gone and the queue is drained.
    case disconnected
    /// This receiver's own handle was closed while the receive waited.
    case cancelled

    /// The message, if one was received.
    public var element: Element? {
        if case .received(let e, _) = self { return e }
        return nil
    }

    /// A short name of the outcome for logs and tests (`received`, `empty`, ...).
    public var name: String {
        switch self {
        case .received: "received"
        case .empty: "empty"
        case .timedOut: "timedOut"
        case .disconnected: "disconnected"
        case .cancelled: "cancelled"
        }
    }
}

extension ReceiveResult: Sendable where Element: Sendable {}
extension ReceiveResult: Equatable where Element: Equatable {}
