import Channels

/// The sending end a worker uses for one channel.
///
/// A plain channel's `Sender` is one; a simulated link or a kernel transport can be another, so
/// the worker's loop stays the same whatever carries its messages. The results mean what they
/// mean for a channel: `sent`, `dropped`, `overwrote`, `full` (from `trySend` only),
/// `disconnected` (no receiver left) and `cancelled` (this end was closed while it waited).
protocol MessageOutlet: AnyObject, Sendable {
    /// Sends without waiting: `full` hands the message back when it would have to wait.
    func trySend(_ message: Message) -> SendResult<Message>
    /// Sends, waiting as the channel's kind says.
    func send(_ message: Message) -> SendResult<Message>
    /// Releases this end (idempotent); a blocked `send` returns `cancelled`.
    func close()
}

extension Sender: MessageOutlet where Element == Message {}
