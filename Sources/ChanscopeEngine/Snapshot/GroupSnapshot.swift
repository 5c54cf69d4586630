/// One worker group as the sampler saw it at one tick.
public struct GroupSnapshot: Sendable, Hashable {
    public var name: String
    /// The state of each worker on screen (live and finished, not removed), in order, as it spent
    /// the sampling window (`WorkerState.asSpent`): what the glyphs and words show.
    public var workerStates: [WorkerState]
    /// The same workers' states at the instant of the sample (what the threads do right now).
    public var instantStates: [WorkerState]
    /// Totals over every worker the group ever had.
    public var made: UInt64
    public var done: UInt64
    public var sent: UInt64
    public var received: UInt64
    public var emptyPolls: UInt64
    /// Messages in hand when a worker was closed or removed.
    public var abandoned: UInt64
    /// Share (0-100) of the last interval the live workers spent inside sends and receives.
    public var blockedSendPercent: Double
    public var blockedReceivePercent: Double
    /// Empty polls, and all polls, per second over the sampling window.
    public var emptyPollsPerSecond: Double
    public var pollsPerSecond: Double
    /// CPU the group's threads used over the window, in percent of one core (the system's
    /// thread CPU time, like `top`: two busy workers are 200%).
    public var cpuPercent: Double
    /// The part of `cpuPercent` spent in the kernel (system time: system calls, copies into and
    /// out of kernel buffers, waking other threads), never more than `cpuPercent`.
    public var kernelCPUPercent: Double = 0
    /// The group's loop limit (0 = endless) and iterations claimed so far.
    public var limit: Int
    public var iterations: Int
    /// The user closed the group.
    public var isClosed: Bool
    /// Workers that ended on the group's `stop_on` sentinel (apart from disconnects).
    public var stoppedBySentinel = 0
    /// Whether the group takes work from a channel that someone `join`s: a pool, whose row
    /// says how many workers are busy and how many idle.
    public var isPool = false
    /// How long the group's last `join` waited, in seconds; nil before the first.
    public var lastJoinSeconds: Double?
    /// What the group's blocked (or joining) workers wait on, each once, e.g. `jobs` or
    /// `fast|slow` for a select; empty when none waits.
    public var waitingOn: [String] = []

    public init(
        name: String, workerStates: [WorkerState], made: UInt64 = 0, done: UInt64 = 0, sent: UInt64 = 0,
        received: UInt64 = 0, emptyPolls: UInt64 = 0, abandoned: UInt64 = 0, blockedSendPercent: Double = 0,
        blockedReceivePercent: Double = 0, emptyPollsPerSecond: Double = 0, pollsPerSecond: Double = 0, cpuPercent: Double = 0,
        limit: Int = 0, iterations: Int = 0,
        isClosed: Bool = false, instantStates: [WorkerState]? = nil
    ) {
        self.name = name
        self.workerStates = workerStates
        self.instantStates = instantStates ?? workerStates
        self.made = made
        self.done = done
        self.sent = sent
        self.received = received
        self.emptyPolls = emptyPolls
        self.abandoned = abandoned
        self.blockedSendPercent = blockedSendPercent
        self.blockedReceivePercent = blockedReceivePercent
        self.emptyPollsPerSecond = emptyPollsPerSecond
        self.pollsPerSecond = pollsPerSecond
        self.cpuPercent = cpuPercent
        self.limit = limit
        self.iterations = iterations
        self.isClosed = isClosed
    }

    /// The share 0...100 of polls that found the channel empty, over the window.
    public var emptyPollShare: Double {
        pollsPerSecond > 0 ? min(100, emptyPollsPerSecond / pollsPerSecond * 100) : 0
    }

    /// Workers not yet finished.
    public var liveCount: Int { workerStates.filter { !$0.isDone }.count }

    /// How many workers are in `state`.
    public func count(_ state: WorkerState) -> Int { workerStates.filter { $0 == state }.count }

    /// A pool's workers waiting for work (blocked on receive, at this instant).
    public var idleCount: Int { instantStates.filter { $0 == .blockedOnReceive }.count }

    /// A pool's live workers doing something other than waiting for work.
    public var busyCount: Int { instantStates.filter { !$0.isDone && $0 != .blockedOnReceive }.count }

    /// Whether every worker has ended.
    public var isFinished: Bool { !workerStates.isEmpty && liveCount == 0 }
}
