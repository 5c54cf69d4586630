/// What became of one send, named the way `std::sync::mpsc` names it so the screen can show it.
///
/// Every case that did not deliver hands the message back (`full`, `timedOut`, `disconnected`,
/// `cancelled`), and a lossy channel hands back what it threw away (`dropped`, `overwrote`), so the
/// caller can account for every message it made.
public enum SendResult<Element> {
    /// The channel accepted the message (a rendezvous: a receiver took it).
    case sent
    /// A full `dropping` channel discarded this new message.
    case dropped(Element)
    /// A full `overwriting` channel accepted the message and evicted the oldest queued one.
    case overwrote(evicted: Element)
    /// A non-blocking send found no room (or, on a rendezvous, no receiver waiting).
    case full(Element)
    /// A send with a timeout found no room before the deadline.
    case timedOut(Element)
    /// Every receiver is gone: the send failed and is counted as `failed`.
    case disconnected(Element)
    /// This sender's own handle was closed while the send waited.
    case cancelled(Element)

    /// Whether the channel accepted the message, exactly as `ChannelCounters.accepted` counts
    /// it: `sent` (queued, or on a rendezvous taken by a receiver) and `overwrote` (queued; the
    /// evicted one counts as `overwritten`). A `dropped` message is not accepted: it counts as
    /// `dropped`. `disconnected` counts as `failed`; `full`, `timedOut` and `cancelled` are not
    /// counted at all (the message never reached the channel).
    public var isAccepted: Bool {
        switch self {
        case .sent, .overwrote: true
        case .dropped, .full, .timedOut, .disconnected, .cancelled: false
        }
    }

    /// Whether the channel resolved the send, counting it in `ChannelCounters.attempted`:
    /// accepted, dropped or failed as disconnected (`attempted = accepted + dropped + failed`).
    public var isAttempted: Bool {
        switch self {
        case .sent, .overwrote, .dropped, .disconnected: true
        case .full, .timedOut, .cancelled: false
        }
    }

    /// The message a full `overwriting` channel evicted to make room for this one, if any.
    public var evicted: Element? {
        if case .overwrote(let evicted) = self { return evicted }
        return nil
    }

    /// The message that did not get through, if any (for `overwrote`, the evicted one).
    public var returnedElement: Element? {
        switch self {
        case .sent: nil
        case .dropped(let e), .overwrote(let e), .full(let e), .timedOut(let e),
            .disconnected(let e), .cancelled(let e):
            e
        }
    }

    /// A short name of the outcome for logs and tests (`sent`, `dropped`, ...).
    public var name: String {
        switch self {
        case .sent: "sent"
        case .dropped: "dropped"
        case .overwrote: "overwrote"
        case .full: "full"
        case .timedOut: "timedOut"
        case .disconnected: "disconnected"
        case .cancelled: "cancelled"
        }
    }
}

extension SendResult: Sendable where Element: Sendable {}
extension SendResult: Equatable where Element: Equatable {}
