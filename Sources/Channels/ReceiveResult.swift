/// What became of one receive, named the way `std::sync::mpsc` names it.
///
/// Two results are equal when they say the same thing to a user: `.received` compares by the
/// element alone, not by its acceptance stamp (so `receiver.receive() == .received(5)` holds
/// for a 5 whenever it was sent). The stamp stays at hand as `acceptedAt`, for latency.
public enum ReceiveResult<Element> {
    /// A message, with the monotonic time (nanoseconds) the channel accepted it, or 0 when the
    /// channel does not stamp messages. `now - acceptedAt` is the message's queueing latency.
    case received(Element, acceptedAt: UInt64 = 0)
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

    /// When the channel accepted the received message (monotonic nanoseconds; 0 when not
    /// stamped), or nil when no message was received.
    public var acceptedAt: UInt64? {
        if case .received(_, let acceptedAt) = self { return acceptedAt }
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
extension ReceiveResult: Equatable where Element: Equatable {
    /// Equal outcomes with equal elements; the acceptance stamp is not compared (see above).
    public static func == (lhs: ReceiveResult, rhs: ReceiveResult) -> Bool {
        switch (lhs, rhs) {
        case (.received(let a, _), .received(let b, _)): a == b
        case (.empty, .empty), (.timedOut, .timedOut), (.disconnected, .disconnected),
            (.cancelled, .cancelled):
            true
        default: false
        }
    }
}
