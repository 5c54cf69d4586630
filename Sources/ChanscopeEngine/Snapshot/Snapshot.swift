/// Everything the screen and the recorder show at one sample tick, as an immutable value.
///
/// Collection is apart from viewing (tokio-console's design): workers and channels keep counters,
/// the sampler turns them into snapshots, and the UI and the CSV recorder read only these.
public struct Snapshot: Sendable, Equatable {
    /// The sample number, from 0.
    public var tick: Int
    /// Seconds since the experiment started.
    public var time: Double
    public var presetName: String
    public var channels: [ChannelSnapshot]
    public var groups: [GroupSnapshot]
    public var knobs: [KnobSnapshot]
    /// Events since the previous snapshot.
    public var events: [ExperimentEvent]
    /// The wait-for cycle currently reported, e.g. `A -> ab -> B -> ba -> A`.
    public var deadlock: String?
    public var isPaused: Bool
    /// Set when a channel's accounting identities failed in this sample (never expected).
    public var accountingViolation: String?
    /// The experiment's control revision when this was taken (see `Experiment.controlRevision`):
    /// lets the screen tell a snapshot sampled before a key's change from one sampled after it.
    public var controlRevision: Int
    /// When the experiment finished (seconds since the start: the last worker's end), once every
    /// group has finished; the screen's clock stops there.
    public var endTime: Double?
    /// Set while the memory guard holds a growing channel's producers: why, in one line.
    public var memoryHold: String?
    /// Each group's mailboxes, for groups that have them, in group order.
    public var mailboxes: [MailboxSnapshot] = []
    /// Each readers-writers resource manager group, in group order.
    public var managers: [ManagerSnapshot] = []

    public init(
        tick: Int, time: Double, presetName: String, channels: [ChannelSnapshot], groups: [GroupSnapshot],
        knobs: [KnobSnapshot], events: [ExperimentEvent] = [], deadlock: String? = nil, isPaused: Bool = false,
        accountingViolation: String? = nil, controlRevision: Int = 0, endTime: Double? = nil
    ) {
        self.tick = tick
        self.time = time
        self.presetName = presetName
        self.channels = channels
        self.groups = groups
        self.knobs = knobs
        self.events = events
        self.deadlock = deadlock
        self.isPaused = isPaused
        self.accountingViolation = accountingViolation
        self.controlRevision = controlRevision
        self.endTime = endTime
    }

    /// Whether every group has finished.
    public var isFinished: Bool { !groups.isEmpty && groups.allSatisfy(\.isFinished) }

    /// The experiment's time as the clock shows it: its end once finished, else now.
    public var clockTime: Double { endTime ?? time }

    public func channel(named name: String) -> ChannelSnapshot? { channels.first { $0.name == name } }
    public func group(named name: String) -> GroupSnapshot? { groups.first { $0.name == name } }
    public func knob(named name: String) -> KnobSnapshot? { knobs.first { $0.name == name } }
    public func mailbox(ofGroup group: String) -> MailboxSnapshot? { mailboxes.first { $0.group == group } }
    public func manager(ofGroup group: String) -> ManagerSnapshot? { managers.first { $0.group == group } }
}
