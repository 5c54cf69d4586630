import Channels
import Synchronization

/// Takes a snapshot of an experiment at a fixed rate on its own thread and hands it on.
///
/// The handler runs on the sampler thread (the recorder writes there); the UI reads `latest`
/// whenever it draws, so neither ever waits for the other.
public final class Sampler: @unchecked Sendable {
    public let experiment: Experiment
    /// Samples per second.
    public let hz: Double
    private let handler: @Sendable (Snapshot) -> Void
    private let stopFlag = Atomic<Bool>(false)
    private let wakeup = WaitCondition()
    private let latestBox = Locked<Snapshot?>(nil)
    private var thread: JoinableThread?

    public init(experiment: Experiment, hz: Double = 10, handler: @escaping @Sendable (Snapshot) -> Void = { _ in }) {
        self.experiment = experiment
        self.hz = min(max(hz, 0.1), 1000)
        self.handler = handler
    }

    /// The most recent snapshot, if any was taken yet.
    public var latest: Snapshot? { latestBox.withLock { $0 } }

    /// Starts ticking: one snapshot at once, on the calling thread and stamped `now` (give the
    /// experiment's start time, and the first sample is at 0 s with the "started" event), so a
    /// screen has something to show at start-up and a recording's first row is the start; then
    /// one per period on the sampler's thread.
    public func start(now: UInt64 = MonotonicClock.now()) {
        let period = UInt64.nanoseconds(fromSeconds: 1 / hz)
        tick(now: now)
        thread = JoinableThread(name: "sampler") { [self] in
            var next = now &+ period
            while !stopFlag.load(ordering: .acquiring) {
                wakeup.withLock {
                    while !stopFlag.load(ordering: .acquiring), MonotonicClock.now() < next {
                        wakeup.wait(until: next)
                    }
                }
                if stopFlag.load(ordering: .acquiring) { break }
                tick()
                next &+= period
                let now = MonotonicClock.now()
                if next < now { next = now &+ period }  // fell behind: skip, don't burst
            }
        }
    }

    /// Takes one snapshot now and hands it on (the thread calls this; tests may too).
    @discardableResult
    public func tick(now: UInt64 = MonotonicClock.now()) -> Snapshot {
        let snapshot = experiment.takeSnapshot(now: now)
        latestBox.withLock { $0 = snapshot }
        handler(snapshot)
        return snapshot
    }

    /// Stops the thread and waits for it; a tick under way completes first.
    public func stop() {
        stopFlag.store(true, ordering: .releasing)
        wakeup.withLock {}
        wakeup.broadcast()
        thread?.join()
        thread = nil
    }
}
