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
    /// A channel a `join` waits on: it must exist; the joiner holds it open.
    case joins
    /// A knob read as milliseconds to wait, which cannot be negative.
    case duration
    /// A knob read as a number of iterations.
    case count
    /// A knob whose whole range must lie in `range` (a link's percentage, delay or window),
    /// described as `what` in the message.
    case ranged(ClosedRange<Double>, what: String)
    /// A message tag a step puts on messages (`make`, `tag`, `reply`).
    case givesTag
    /// A message tag something waits for (a group's `stop_on`); `ifNeverGiven` ends the problem
    /// when no step gives it, e.g. "no worker would ever stop".
    case expectsTag(ifNeverGiven: String)
    /// The worker's own mailbox, written `mailbox` where a channel would be (`{ recv: mailbox }`).
    case ownMailbox

    /// Whether the name is a channel's (else a knob's).
    var isChannel: Bool {
        switch self {
        case .feeds, .drains, .joins: true
        case .duration, .count, .ranged, .givesTag, .expectsTag, .ownMailbox: false
        }
    }

    /// Whether the name must be one of the preset's channels or knobs (else a tag or a mailbox).
    var namesEntry: Bool { !isTag && self != .ownMailbox }

    /// Whether the name is a message tag's (neither a channel's nor a knob's).
    var isTag: Bool {
        switch self {
        case .givesTag, .expectsTag: true
        case .feeds, .drains, .joins, .duration, .count, .ranged, .ownMailbox: false
        }
    }

    /// The operand's word in messages and in `{ send: CHANNEL }`.
    var noun: String { isChannel ? "channel" : isTag ? "tag" : "knob" }
}
