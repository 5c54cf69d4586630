/// Draining a receiver with `for value in receiver` (Rust's `iter()`) or, without waiting,
/// `tryIter()` and `drain()` (Rust's `try_iter()`).
///
/// WHY: most consumers are a loop that takes messages until the senders are gone; with the
/// iterator that loop reads as one line, and ends exactly where `receive()` would say
/// `disconnected` (or `cancelled`, when this handle is closed).
extension Receiver: Sequence {
    /// Blocking iteration: each `next()` is a `receive()`; it ends when every sender is gone and
    /// the queue is drained, or when this receiver is closed.
    public struct Iterator: IteratorProtocol {
        let receiver: Receiver

        public mutating func next() -> Element? { receiver.receive().element }
    }

    public func makeIterator() -> Iterator { Iterator(receiver: self) }

    /// The messages that can be taken without waiting, one `tryReceive()` each; it ends at the
    /// first `empty`, `disconnected` or `cancelled`.
    public struct TryIterator: Sequence, IteratorProtocol {
        let receiver: Receiver

        public mutating func next() -> Element? { receiver.tryReceive().element }
    }

    /// Iterates over what is queued now, without waiting (Rust's `try_iter`).
    public func tryIter() -> TryIterator { TryIterator(receiver: self) }

    /// Takes every message that can be taken without waiting, oldest first.
    public func drain() -> [Element] { Array(tryIter()) }
}
