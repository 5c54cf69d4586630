import Channels

/// A named group of worker threads that all run the same loop of steps.
///
/// Groups are the unit the screen shows and the user controls (count, pause, close), so the
/// options that shape a whole group — how many threads, when it stops, what it seeds — live here.
public struct WorkerGroupSpec: Sendable, Equatable {
    /// The name shown on screen and used in the deadlock detector's cycles.
    public var name: String
    /// How many threads run the loop, within `PresetLimits.workers` (0...64).
    public var count: Int
    /// When the group stops; `nil` means endless. A limit whose value is 0 is endless too.
    public var limit: Limit?
    /// Messages put into channels once at start, in file order.
    public var prefill: [Prefill]
    /// The `loop`: the steps each worker repeats, never empty.
    public var steps: [Step]
    /// The `mailbox`: each worker of the group gets a channel of its own of this kind, which
    /// `{ recv: mailbox }` takes from and a `reply` sends to; nil for no mailboxes.
    public var mailbox: ChannelKind?
    /// A built-in role the group plays instead of its loop (`role: rw-manager`); nil for a loop.
    public var role: RoleSpec?
    /// The `stop_on` tag: a worker that receives a message with it finishes that message and
    /// ends (Python's `None` sentinel); nil for none.
    public var stopOn: String?
    /// Which ready channel a `{ recv: [a, b] }` takes from (`select: ordered | fair`).
    public var select: Select.Order = .ordered

    public init(name: String, count: Int = 1, limit: Limit? = nil, prefill: [Prefill] = [], steps: [Step]) {
        self.name = name
        self.count = count
        self.limit = limit
        self.prefill = prefill
        self.steps = steps
    }
}
