import Channels

/// Everything the counters say at one instant, read under the experiment's lock and nothing
/// computed yet: the input of `SnapshotBuilder`.
///
/// WHY apart: reading touches threads and locks; turning readings into figures does not, so the
/// figures (rates, shares, words, events) are a pure function tests can feed by hand.
struct ExperimentReading {
    /// One group's totals over every worker it ever had, and its workers' states now.
    struct Group {
        var name: String
        /// Each shown worker's state at the instant of reading.
        var workerStates: [WorkerState]
        /// Each shown worker's identity and time inside sends and receives, in the same order.
        var workerTimes: [WorkerTime] = []
        var made: UInt64 = 0
        var done: UInt64 = 0
        var sent: UInt64 = 0
        var received: UInt64 = 0
        var emptyPolls: UInt64 = 0
        /// Every poll, empty or not.
        var polls: UInt64 = 0
        /// CPU nanoseconds the group's threads have used in all (the system's figure).
        var cpuNanos: UInt64 = 0
        /// The part of `cpuNanos` spent in the kernel (system time).
        var kernelCPUNanos: UInt64 = 0
        var abandoned: UInt64 = 0
        /// Nanoseconds spent inside sends and receives, counting operations still under way.
        var blockedSendNanos: UInt64 = 0
        var blockedReceiveNanos: UInt64 = 0
        var limit: Int = 0
        var iterations: Int = 0
        var isClosed = false
        /// When the group's last worker to end ended (monotonic nanoseconds), 0 if none has.
        var lastEnd: UInt64 = 0
        /// Channels the group sends on and receives from (indices).
        var sendsTo: [Int] = []
        var receivesFrom: [Int] = []
        var stoppedBySentinel = 0
        var lastJoinNanos: UInt64 = 0
        var waitingOn: [String] = []
    }

    /// One worker's cumulative nanoseconds inside sends and receives.
    struct WorkerTime: Equatable {
        var id: Int32
        var sendNanos: UInt64
        var receiveNanos: UInt64
    }

    /// When it was read (monotonic nanoseconds) and when the experiment started.
    var now: UInt64
    var startTime: UInt64
    var presetName: String
    var channelIDs: [ChannelID]
    /// Every channel as of one instant (`Channel.sample`), in preset order.
    var channels: [ChannelStats]
    /// Each channel's simulated link, in preset order (nil: a plain channel; empty: none read).
    var links: [LinkReading?] = []
    var groups: [Group]
    var knobs: [KnobSnapshot]
    var waitFor: WaitForGraph
    var isPaused: Bool
    var controlRevision: Int
    /// Each transport channel's kernel figures, by channel (empty or nil for thread channels).
    var kernel: [KernelFill?] = []
    /// Per channel, the tags of each priority level (index 0 the lowest), or nil for a channel
    /// that is not a priority channel (see `ChannelSpec.isPriorityChannel`).
    var priorityLevelTags: [[[String]]?] = []
    /// Every resource manager group's state, in group order.
    var managers: [ManagerSnapshot] = []
    /// Each group's mailboxes (groups with a `mailbox` only), read at the same instant as the
    /// channels.
    var mailboxes: [MailboxSnapshot] = []
    /// Per channel, messages its receivers have finished, read before the channels (nil where
    /// no `join` waits on it).
    var finishedTasks: [UInt64?] = []
}
