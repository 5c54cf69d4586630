/// What a name written in a step, a prefill or a limit refers to, and what it is used for.
///
/// Declarations say the role of their operand; the lints check every use by its role (the
/// channel or knob must exist, a duration must not go negative, a drained channel must be fed),
/// so a new step kind gets all of these checks from its declaration alone.
enum NameRole: Sendable, Equatable {
    /// A channel messages are put into (a send step, a prefill).
    case feeds
    /// A channel messages are taken from; `ifNeverFed` ends the problem when nothing feeds it,
    /// e.g. "this recv would wait forever".
    case drains(ifNeverFed: String)
    /// A knob read as milliseconds to wait, which cannot be negative.
    case duration
    /// A knob read as a number of iterations.
    case count
    /// A knob whose whole range must lie in `range` (a link's percentage, delay or window),
    /// described as `what` in the message.
    case ranged(ClosedRange<Double>, what: String)

    /// Whether the name is a channel's (else a knob's).
    var isChannel: Bool {
        switch self {
        case .feeds, .drains: true
        case .duration, .count, .ranged: false
        }
    }

    /// The operand's word in messages and in `{ send: CHANNEL }`.
    var noun: String { isChannel ? "channel" : "knob" }
}
