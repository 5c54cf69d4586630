/// A loop step with its channel and knob names turned into indices, so a worker's hot loop does
/// no dictionary look-ups.
enum ResolvedStep: Sendable, Equatable {
    case make
    case send(channel: Int)
    case receive(channel: Int)
    case poll(channel: Int)
    case sleep(knob: Int, jitter: Double)
    case compute(knob: Int)
    /// `make` with a tag: the tag's index in the preset's `TagTable`.
    case makeTagged(tag: UInt16)
    /// Retags the message in hand.
    case retag(tag: UInt16)
    /// Receives from the worker's own mailbox.
    case receiveMailbox
    /// Sends the hand, retagged, to its sender's mailbox.
    case reply(tag: UInt16)
    /// Spends the knob's milliseconds shown as working (or reading or writing, inside the
    /// readers-writers database).
    case work(knob: Int, jitter: Double, access: RWAccess?)
    case join(channel: Int)
    case taskDone
    case select(channels: [Int], waits: Bool)

    /// The channel this step uses, if any.
    var channel: Int? {
        switch self {
        case .send(let c), .receive(let c), .poll(let c): c
        case .join(let c): c
        case .make, .sleep, .compute, .makeTagged, .retag, .receiveMailbox, .reply, .work, .taskDone, .select: nil
        }
    }
}
