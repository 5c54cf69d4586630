/// One step of a worker group's loop (the README's Preset format section lists them).
///
/// A worker holds at most one message in its hand; each step acts on that hand. Channel and
/// knob names are checked when the preset loads, so the engine can look them up without
/// failing.
public enum Step: Sendable, Equatable {
    /// Puts a new message in the hand.
    case make
    /// Sends the message in hand on the channel, with that channel's blocking rules.
    case send(channel: String)
    /// Blocks until a message from the channel is in hand.
    case recv(channel: String)
    /// Tries to receive once without blocking; an empty channel counts as an empty poll.
    case poll(channel: String)
    /// Sleeps for the knob's value in milliseconds, varied by up to ±`jitter` (0...1) of it.
    case sleep(knob: String, jitter: Double)
    /// Works for the knob's value in milliseconds: real arithmetic on a buffer, burning a core
    /// (the course's worker computing on a `Vec<f32>`), shown as working; `sleep` stays idle.
    case compute(knob: String)
    /// Puts a new message with this tag in the hand (`{ make: REQUEST_READ }`).
    case makeTagged(tag: String)
    /// Gives the message in hand this tag (`{ tag: DONE_READ }`); nothing happens with an empty hand.
    case tag(String)
    /// Blocks until a message from the worker's own mailbox is in hand (`{ recv: mailbox }`).
    case recvMailbox
    /// Sends the message in hand, with this tag, to the mailbox of the worker that sent it
    /// (the course's `send(m.source, &m)`); the hand is then empty.
    case reply(tag: String)
    /// Spends the knob's value in milliseconds (± `jitter` of it) like `sleep`, but shown as working, or with
    /// `as: reading` / `as: writing` as reading or writing inside the readers-writers
    /// database, which checks on every entry that no writer is inside with anyone else.
    case work(knob: String, jitter: Double, access: RWAccess?)
    /// Blocks until every message accepted on the channel has been finished by the worker that
    /// received it (Python's `queue.join()`).
    case join(channel: String)
    /// Finishes the messages this worker has received so far (Python's `task_done()`; the end of
    /// an iteration does it too).
    case taskDone
    /// `{ recv: [a, b] }`: blocks until one of the channels has a message and takes it, by the
    /// group's `select` order; `{ poll: [a, b] }` (`waits` false) looks once.
    case select(channels: [String], waits: Bool)
}

extension Step {
    /// The word a step writes instead of a channel for the worker's own mailbox.
    public static let mailboxWord = "mailbox"
}
