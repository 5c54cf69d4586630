import Synchronization

/// The sending end of a channel. The channel stays connected while any sender is live.
///
/// Closing (or releasing the last reference to) a sender is what tells receivers that no more
/// messages will come: once every sender is gone they drain the queue and then get
/// `disconnected`. Closing a handle while one of its sends is blocked makes that send return
/// `cancelled` with the message, which is how the engine closes a group of blocked workers.
public final class Sender<Element: Sendable>: Sendable {
    /// The channel this handle sends on.
    public let channel: Channel<Element>
    private let closed = Atomic<Bool>(false)

    init(channel: Channel<Element>) {
        self.channel = channel
    }

    deinit { close() }

    /// Sends, blocking as the kind says (until room, or until a receiver takes it on a rendezvous).
    @inline(__always)
    public func send(_ element: Element) -> SendResult<Element> {
        guard !isClosed else { return .cancelled(element) }
        return channel.send(element, waits: true, deadline: nil, handle: self)
    }

    /// Sends without blocking: `full` hands the message back when there is no room (or, on a
    /// rendezvous, when no receiver is waiting).
    public func trySend(_ element: Element) -> SendResult<Element> {
        guard !isClosed else { return .cancelled(element) }
        return channel.send(element, waits: false, deadline: nil, handle: self)
    }

    /// Sends, blocking at most `timeout`; `timedOut` hands the message back (Rust's
    /// `send_timeout`). Any value is fine: zero or negative tries without waiting (a send that
    /// finds no room then times out), and one of about 292 years or more waits forever.
    public func send(_ element: Element, timeout: Duration) -> SendResult<Element> {
        send(element, waitingAtMost: Timeout.nanoseconds(timeout))
    }

    /// Sends, blocking at most `timeout` seconds (a `TimeInterval`); NaN, zero or negative tries
    /// without waiting, +infinity waits forever.
    public func send(_ element: Element, timeout seconds: Double) -> SendResult<Element> {
        send(element, waitingAtMost: Timeout.nanoseconds(seconds))
    }

    /// A send that waits at most `nanoseconds` (nil: forever).
    private func send(_ element: Element, waitingAtMost nanoseconds: UInt64?) -> SendResult<Element> {
        guard !isClosed else { return .cancelled(element) }
        return channel.send(
            element, waits: true, deadline: Timeout.deadline(after: nanoseconds), handle: self)
    }

    /// Another live sender on the same channel (Rust's `Sender::clone`).
    public func clone() -> Sender<Element> { channel.makeSender() }

    /// Releases this end; idempotent. The last sender's close disconnects the receivers.
    public func close() {
        if closed.exchange(true, ordering: .acquiringAndReleasing) == false {
            channel.releaseSender()
        }
    }

    /// Whether `close()` was called.
    public var isClosed: Bool { closed.load(ordering: .acquiring) }
}
