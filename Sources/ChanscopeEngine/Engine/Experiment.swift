import Channels
import Synchronization

/// A running experiment: the preset's channels and worker threads, live controls, and sampling.
///
/// Every control (knobs, worker counts, kinds, capacities, pause, close; `Experiment+Controls`)
/// takes effect while the workers run, is logged as an event and answers with a
/// `ControlReceipt`. `takeSnapshot(now:)` (`Experiment+Sampling`) turns the live counters into an
/// immutable `Snapshot`; the `Sampler` calls it at a fixed rate, tests call it with the time they
/// choose.
public final class Experiment: @unchecked Sendable {
    /// The preset as loaded (knob values as they were at start).
    public let preset: Preset
    let channels: [Channel<Message>]
    /// What each channel's worker handles are made from (a plain channel's own, by default).
    let routes: [any MessageRoute]
    /// The transport channels' kernel objects and worker processes (nil: threads only).
    let kernelChannels: KernelChannels?
    let channelIDs: [ChannelID]
    let groups: [WorkerGroup]
    let knobs: KnobBoard
    let control: ExperimentControl
    /// Per channel, Python's unfinished-task count where a `join` waits on it (else nil).
    let ledgers: [TaskLedger?]
    /// Every worker's mailbox, for groups that have them.
    let mailboxes = MailboxDirectory()
    let seed: UInt64
    let deadlockGrace: Double
    /// Guards worker lists, the event log and the sampling state.
    let lock = WaitCondition()
    /// Events and the control revision (experiment lock).
    var log = EventLog()
    /// What previous samples saw, for windows and transitions (experiment lock).
    var samplingState: SamplingState
    /// Holds a growing channel's producers at the memory limit (experiment lock).
    var memoryGuard: MemoryGuard
    private var nextWorkerID: Int32 = 1
    /// When `start()` ran (experiment lock).
    private(set) var startTime: UInt64 = 0
    private var started = false
    private var stopped = false

    /// Builds channels, knobs and groups; no thread runs until `start()`.
    ///
    /// - Parameters:
    ///   - seed: seeds the sleep jitter, so a run can be repeated.
    ///   - deadlockGrace: seconds a wait-for cycle must persist before it is reported.
    ///   - memoryLimit: where the memory guard holds a growing channel's producers.
    ///   - residentBytes: reads the process's resident memory (tests give their own).
    public init(
        preset: Preset, seed: UInt64 = 0x5EED, deadlockGrace: Double = 1.0, memoryLimit: MemoryLimit = .machineDefault,
        residentBytes: @escaping @Sendable () -> UInt64? = MemoryLimit.residentBytes
    ) {
        let preset = preset.resolvingMessageSizes()
        self.preset = preset
        self.seed = seed
        self.deadlockGrace = deadlockGrace
        // A transport channel's `Channel` is a stand-in that keeps its kind; the kernel holds
        // the queue, and the parent's mirror workers of the processes never reach it.
        channels = preset.channels.map { $0.transport == nil ? $0.makeChannel(tags: preset.tagTable) : Channel<Message>(kind: Self.shownKind(of: $0)) }
        let control = ExperimentControl()
        self.control = control
        let ledgers = TaskLedger.ledgers(for: preset, channels: channels, gate: control.gate)
        self.ledgers = ledgers
        kernelChannels = KernelChannels(preset: preset)
        channelIDs = preset.channels.map { ChannelID($0.name) }
        let board = KnobBoard(preset: preset)
        knobs = board
        // A linked channel's link (or the plain channel), counted for `join` where one waits on it.
        routes = zip(Self.routes(for: preset, channels: channels, knobs: board, seed: seed), ledgers).map { base, ledger in
            ledger.map { TaskCountingRoute(base: base, ledger: $0) } ?? base
        }
        let channelIndex = Dictionary(preset.channels.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        let tags = preset.tagTable
        groups = preset.workers.enumerated().map { index, spec in
            WorkerGroup(index: index, spec: spec, channelIndex: channelIndex, knobs: board, tags: tags)
        }
        samplingState = SamplingState(deadlockGrace: deadlockGrace)
        memoryGuard = MemoryGuard(limit: memoryLimit, residentBytes: residentBytes)
        applyAging()
    }

    deinit {
        shutdown()
    }

    /// The index of a channel, if the experiment has it.
    func index(of channel: ChannelID) -> Int? { channelIDs.firstIndex(of: channel) }

    /// The group with this name, if any.
    func group(_ id: GroupID) -> WorkerGroup? { groups.first { $0.name == id.name } }

    /// The channels' and groups' names, in preset order.
    public var channelNames: [ChannelID] { channelIDs }
    public var groupNames: [GroupID] { groups.map { GroupID($0.name) } }

    // MARK: Lifecycle

    /// Prefills channels and starts one thread per worker. Call once.
    ///
    /// - Parameter paused: start with every worker held at its first step (the screen's first
    ///   frame then shows the set-up, and space starts it), for a lecturer who wants to talk first.
    public func start(now: UInt64 = MonotonicClock.now(), paused: Bool = false) {
        if paused { control.paused.store(true, ordering: .releasing) }
        lock.withLock {
            guard !started else { return }
            started = true
            startTime = now
            samplingState.previousTime = now
            // Create every worker (and so every channel handle) before any thread runs, so no
            // early worker sees a channel with no ends yet and takes it for a disconnect, and
            // before the prefill, whose sends would otherwise find no receiver and fail.
            var created: [Worker] = []
            for group in groups {
                for _ in 0..<group.spec.count {
                    created.append(makeWorker(in: group))
                }
            }
            for group in groups {
                for prefill in group.spec.prefill {
                    guard let index = index(of: ChannelID(prefill.channel)) else { continue }
                    let text = Self.prefill(channels[index], with: prefill, by: group.name)
                    log.record(event(.prefill, text, now: now))
                }
            }
            log.record(event(.started, "started \(preset.name)" + (paused ? " (paused: space starts it)" : ""), now: now))
            startLinks()
            for worker in created where !runsInProcess(worker.group) { worker.start() }
            launchProcesses(paused: paused, now: now)
        }
    }

    /// Puts a prefill's messages into a channel without blocking; returns the event's text.
    private static func prefill(_ channel: Channel<Message>, with prefill: Prefill, by group: String) -> String {
        let sender = channel.makeSender()
        defer { sender.close() }
        var put = 0
        var noReceiver = false
        fill: while put < prefill.count {
            switch sender.trySend(Message(sequence: UInt64(put + 1), origin: 0)) {
            case .sent: put += 1
            case .disconnected: noReceiver = true; break fill
            default: break fill
            }
        }
        return put == prefill.count
            ? "\(group) put \(put) messages into \(prefill.channel)"
            : "\(group) put only \(put) of \(prefill.count) messages into \(prefill.channel)"
                + (noReceiver ? " (no receiver)" : " (full)")
    }

    /// Stops every worker, even blocked ones, and waits for their threads. Idempotent.
    public func shutdown() {
        let all: [Worker] = lock.withLock {
            guard started, !stopped else { return [] }
            stopped = true
            control.shuttingDown.store(true, ordering: .releasing)
            return groups.flatMap { $0.workers + $0.retired }
        }
        for worker in all { worker.stop() }
        for worker in all { worker.join() }
        mailboxes.close()
        stopLinks()
        lock.withLock { kernelChannels?.shutdown() }
    }

    /// Whether `start()` ran and `shutdown()` did not.
    public var isRunning: Bool { lock.withLock { started && !stopped } }

    /// Whether workers may be added now (experiment lock).
    var acceptsWorkers: Bool { started && !stopped }

    // MARK: Workers

    /// Creates a worker with its handles (experiment lock held).
    @discardableResult
    func makeWorker(in group: WorkerGroup) -> Worker {
        let mailbox = group.spec.mailbox.map { mailboxes.makeMailbox(owner: nextWorkerID, group: group.index, kind: $0) }
        let ports = ProtocolPorts(
            mailbox: mailbox.map { ChannelRoute(channel: $0).makeInlet() }, directory: mailboxes, mailboxBase: routes.count,
            ledgers: ledgers)
        let worker = Worker(
            id: nextWorkerID, group: group, routes: routes, knobs: knobs, control: control, seed: seed, ports: ports)
        nextWorkerID += 1
        group.workers.append(worker)
        return worker
    }

    // MARK: Events

    /// Logs an event under the experiment lock; returns the revision after it.
    @discardableResult
    func logged(_ kind: ExperimentEvent.Kind, _ text: String, now: UInt64) -> Int {
        lock.withLock {
            log.record(event(kind, text, now: now))
            return log.revision
        }
    }

    /// Logs a knob's or worker count's change (so a burst can fold on screen); returns the
    /// revision after it.
    @discardableResult
    func logged(_ kind: ExperimentEvent.Kind, _ change: ValueChange, now: UInt64) -> Int {
        lock.withLock {
            log.record(event(kind, change, now: now))
            return log.revision
        }
    }

    /// An event at `now` (seconds since start).
    func event(_ kind: ExperimentEvent.Kind, _ text: String, now: UInt64) -> ExperimentEvent {
        ExperimentEvent(time: seconds(since: startTime, now: now), kind: kind, text: text)
    }

    /// A value change's event at `now`, worded by the change.
    func event(_ kind: ExperimentEvent.Kind, _ change: ValueChange, now: UInt64) -> ExperimentEvent {
        ExperimentEvent(time: seconds(since: startTime, now: now), kind: kind, change: change)
    }

    /// Logs an event from outside the engine (e.g. recording started), so it reaches the CSV too.
    public func note(_ kind: ExperimentEvent.Kind, _ text: String, now: UInt64 = MonotonicClock.now()) {
        logged(kind, text, now: now)
    }

    /// The revision after every control applied so far: a snapshot whose `controlRevision` is
    /// lower was taken before the latest control took effect, and may show the old setting.
    public var controlRevision: Int { lock.withLock { log.revision } }

    func seconds(since start: UInt64, now: UInt64) -> Double {
        now > start ? Double(now - start) / 1e9 : 0
    }
}
