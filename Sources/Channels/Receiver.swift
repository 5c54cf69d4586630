import Synchronization

/// The receiving end of a channel. Sends succeed only while some receiver is live.
///
/// When the last receiver goes, sends fail at once with `disconnected` and whatever was still
/// queued is counted as `discarded`.
public final class Receiver<Element: Sendable>: Sendable {
    /// The channel this handle receives from.
    public let channel: Channel<Element>
    private let closed = Atomic<Bool>(false)

    init(channel: Channel<Element>) {
        self.channel = channel
    }

    deinit { close() }

    /// Receives, blocking until a message arrives or every sender is gone and the queue is drained.
    @inline(__always)
    public func receive() -> ReceiveResult<Element> {
        guard !isClosed else { return .cancelled }
        return channel.receive(waits: true, deadline: nil, handle: self)
    }

    /// Receives without blocking: `empty` when nothing is queued (Rust's `try_recv`).
    public func tryReceive() -> ReceiveResult<Element> {
        guard !isClosed else { return .cancelled }
        return channel.receive(waits: false, deadline: nil, handle: self)
    }

    /// Receives, blocking at most `timeout` (Rust's `recv_timeout`). Any value is fine: zero or
    /// negative takes what is there without waiting (`timedOut` when nothing is), and one of
    /// about 292 years or more waits forever.
    public func receive(timeout: Duration) -> ReceiveResult<Element> {
        receive(waitingAtMost: Timeout.nanoseconds(timeout))
    }

    /// Receives, blocking at most `timeout` seconds (a `TimeInterval`); NaN, zero or negative
    /// does not wait, +infinity waits forever.
    public func receive(timeout seconds: Double) -> ReceiveResult<Element> {
        receive(waitingAtMost: Timeout.nanoseconds(seconds))
    }

    /// A receive that waits at most `nanoseconds` (nil: forever).
    private func receive(waitingAtMost nanoseconds: UInt64?) -> ReceiveResult<Element> {
        guard !isClosed else { return .cancelled }
        return channel.receive(waits: true, deadline: Timeout.deadline(after: nanoseconds), handle: self)
    }

    /// Another live receiver on the same channel.
    public func clone() -> Receiver<Element> { channel.makeReceiver() }

    /// Releases this end; idempotent. The last receiver's close fails senders and discards the queue.
    public func close() {
        if closed.exchange(true, ordering: .acquiringAndReleasing) == false {
            channel.releaseReceiver()
        }
    }

    /// Whether `close()` was called.
    public var isClosed: Bool { closed.load(ordering: .acquiring) }
}
