import Channels
import Synchronization

/// A running experiment: the preset's channels and worker threads, live controls, and sampling.
///
/// Every control (knobs, worker counts, kinds, capacities, pause, close) takes effect while the
/// workers run and is logged as an event. `snapshot(now:)` turns the live counters into an
/// immutable `Snapshot`; the `Sampler` calls it at a fixed rate, tests call it directly with the
/// time they choose.
public final class Experiment: @unchecked Sendable {
    /// The preset as loaded (knob values as they were at start).
    public let preset: Preset
    let channels: [Channel<Message>]
    let groups: [WorkerGroup]
    let knobs: KnobBoard
    let knobTargets: [KnobSnapshot.Target]
    let control = ExperimentControl()
    private let seed: UInt64
    /// Guards worker lists, events and the sampling state.
    private let lock = WaitCondition()
    private var pendingEvents: [ExperimentEvent] = []
    private var nextWorkerID: Int32 = 1
    private var startTime: UInt64 = 0
    private var started = false
    private var stopped = false
    /// Previous readings, for rates and transitions (experiment lock).
    var samplingState = SamplingState()

    /// How many events have been logged (experiment lock). Every control that changes something
    /// logs once, after its change is in place, so a snapshot that read this at least as high as a
    /// control's revision also shows that control's effect.
    private var revision = 0

    /// When `start()` ran (experiment lock).
    var startTimeValue: UInt64 { startTime }

    /// `revision` for a snapshot being taken (experiment lock).
    var revisionValue: Int { revision }

    /// The revision after every control applied so far: a snapshot whose `controlRevision` is
    /// lower was taken before the latest control took effect, and may show the old setting.
    public var controlRevision: Int { lock.withLock { revision } }

    /// Takes the events logged since the last call (experiment lock).
    func drainEvents() -> [ExperimentEvent] {
        defer { pendingEvents.removeAll() }
        return pendingEvents
    }

    /// Builds channels, knobs and groups; no thread runs until `start()`.
    ///
    /// - Parameters:
    ///   - seed: seeds the sleep jitter, so a run can be repeated.
    ///   - deadlockGrace: seconds a wait-for cycle must persist before it is reported.
    public init(preset: Preset, seed: UInt64 = 0x5EED, deadlockGrace: Double = 1.0) {
        self.preset = preset
        self.seed = seed
        channels = preset.channels.map { Channel<Message>(kind: $0.kind) }
        var specs = preset.knobs
        var targets = [KnobSnapshot.Target](repeating: .preset, count: specs.count)
        for channel in preset.channels {
            let capacity = (channel.kind.capacity ?? 0) > 0 ? channel.kind.capacity ?? 0 : channel.idleCapacity ?? 0
            let initial = capacity > 0 ? capacity : 8
            specs.append(KnobSpec(
                name: "\(channel.name).capacity", value: Double(initial), min: 1,
                max: Double(max(64, initial * 4)), step: 1, label: "\(channel.name) capacity", unit: "msgs"))
            targets.append(.capacity(channel: channel.name))
        }
        for group in preset.workers {
            specs.append(KnobSpec(
                name: "\(group.name).workers", value: Double(group.count), min: 0, max: 64, step: 1,
                label: "\(group.name) workers", unit: ""))
            targets.append(.workers(group: group.name))
        }
        let board = KnobBoard(specs: specs)
        knobs = board
        knobTargets = targets
        let channelIndex = Dictionary(preset.channels.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        groups = preset.workers.enumerated().map { index, spec in
            let steps: [ResolvedStep] = spec.steps.map { step in
                switch step {
                case .make: .make
                case .send(let name): .send(channel: channelIndex[name] ?? 0)
                case .recv(let name): .receive(channel: channelIndex[name] ?? 0)
                case .poll(let name): .poll(channel: channelIndex[name] ?? 0)
                case .sleep(let knob, let jitter): .sleep(knob: board.index(of: knob) ?? 0, jitter: jitter)
                }
            }
            var limitKnob: Int?
            var fixedLimit: Int?
            switch spec.limit {
            case .knob(let name): limitKnob = board.index(of: name)
            case .fixed(let n): fixedLimit = n
            case nil: break
            }
            return WorkerGroup(index: index, spec: spec, steps: steps, limitKnob: limitKnob, fixedLimit: fixedLimit)
        }
        samplingState.detector = DeadlockDetector(grace: deadlockGrace)
    }

    deinit {
        shutdown()
    }

    // MARK: Lifecycle

    /// Prefills channels and starts one thread per worker. Call once.
    public func start(now: UInt64 = MonotonicClock.now()) {
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
                    guard let index = preset.channels.firstIndex(where: { $0.name == prefill.channel }) else { continue }
                    let sender = channels[index].makeSender()
                    var put = 0
                    var noReceiver = false
                    fill: while put < prefill.count {
                        switch sender.trySend(Message(sequence: UInt64(put + 1), origin: 0)) {
                        case .sent: put += 1
                        case .disconnected: noReceiver = true; break fill
                        default: break fill
                        }
                    }
                    sender.close()
                    let text = put == prefill.count
                        ? "\(group.name) put \(put) messages into \(prefill.channel)"
                        : "\(group.name) put only \(put) of \(prefill.count) messages into \(prefill.channel)"
                            + (noReceiver ? " (no receiver)" : " (full)")
                    record(event(.prefill, text, now: now))
                }
            }
            record(event(.started, "started \(preset.name)", now: now))
            for worker in created { worker.start() }
        }
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
    }

    /// Whether `start()` ran and `shutdown()` did not.
    public var isRunning: Bool { lock.withLock { started && !stopped } }

    /// The preset as it stands now: current knob values, kinds, capacities and worker counts.
    /// `restart` builds a new experiment from it, so a lecturer's adjustments survive.
    public func currentPreset() -> Preset {
        var result = preset
        for index in preset.knobs.indices {
            result.knobs[index].value = knobs.value(at: index)
        }
        for index in result.channels.indices {
            let kind = channels[index].kind
            result.channels[index].kind = kind
            // A rendezvous reports capacity 0, an unbounded channel none: neither holds the slider's.
            if (kind.capacity ?? 0) == 0, let knob = knobs.index(of: "\(result.channels[index].name).capacity") {
                result.channels[index].idleCapacity = Int(knobs.value(at: knob))
            }
        }
        for (index, group) in groups.enumerated() {
            if let knob = knobs.index(of: "\(group.name).workers") {
                result.workers[index].count = max(1, Int(knobs.value(at: knob)))
            }
        }
        return result
    }

    // MARK: Controls

    /// Pauses or resumes: workers stop at their next step boundary (blocked ones stay blocked).
    public func setPaused(_ paused: Bool, now: UInt64 = MonotonicClock.now()) {
        guard control.paused.exchange(paused, ordering: .acquiringAndReleasing) != paused else { return }
        control.wakeAll()
        log(paused ? .paused : .resumed, paused ? "paused" : "resumed", now: now)
    }

    public var isPaused: Bool { control.isPaused }

    /// Sets a knob by name (preset knobs, `CH.capacity`, `GROUP.workers`), clamped to its range
    /// and snapped to its step. Returns the value set, or nil for an unknown knob.
    @discardableResult
    public func setKnob(_ name: String, to value: Double, now: UInt64 = MonotonicClock.now()) -> Double? {
        guard let index = knobs.index(of: name) else { return nil }
        // A closed group takes no workers: its slider stays put and the log says why, rather
        // than showing a count no thread follows.
        if case .workers(let groupName) = knobTargets[index],
            let group = groups.first(where: { $0.name == groupName }), lock.withLock({ group.isClosed })
        {
            log(.knob, "\(groupName) is closed: it takes no workers until r restarts the experiment", now: now)
            return knobs.value(at: index)
        }
        let old = knobs.value(at: index)
        let new = knobs.set(at: index, to: value)
        guard new != old else { return new }
        let spec = knobs.specs[index]
        switch knobTargets[index] {
        case .preset:
            control.wakeAll()
            log(.knob, "\(spec.label) \(format(old)) -> \(format(new))\(spec.unit.isEmpty ? "" : " \(spec.unit)")", now: now)
        case .capacity(let channelName):
            if let channelIndex = preset.channels.firstIndex(where: { $0.name == channelName }) {
                let before = channels[channelIndex].kind
                channels[channelIndex].setCapacity(Int(new))
                let after = channels[channelIndex].kind
                log(.capacity, before == after
                    ? "\(channelName): capacity \(Int(new)) (applies when the kind has one)"
                    : "\(channelName): \(before) -> \(after)", now: now)
            }
        case .workers(let groupName):
            if let group = groups.first(where: { $0.name == groupName }) {
                setWorkerCount(of: group, to: Int(new), now: now)
            }
        }
        return new
    }

    /// The current value of a knob.
    public func knobValue(_ name: String) -> Double? { knobs.value(of: name) }

    /// Adds one worker to a group (its handles cloned from the channels); nil if unknown or full.
    public func addWorker(to groupName: String, now: UInt64 = MonotonicClock.now()) {
        guard let index = knobs.index(of: "\(groupName).workers") else { return }
        setKnob("\(groupName).workers", to: knobs.value(at: index) + 1, now: now)
    }

    /// Removes the newest live worker of a group; its channel ends are released.
    public func removeWorker(from groupName: String, now: UInt64 = MonotonicClock.now()) {
        guard let index = knobs.index(of: "\(groupName).workers") else { return }
        setKnob("\(groupName).workers", to: knobs.value(at: index) - 1, now: now)
    }

    /// Closes a group: every worker stops and releases its channel ends, so a disconnect
    /// cascades downstream the way dropping a Rust sender does.
    public func closeGroup(_ groupName: String, now: UInt64 = MonotonicClock.now()) {
        let workers: [Worker] = lock.withLock {
            guard let group = groups.first(where: { $0.name == groupName }), !group.isClosed else { return [] }
            group.isClosed = true
            record(event(.groupClosed, "\(groupName) closed: its channel ends are released", now: now))
            return group.workers
        }
        for worker in workers { worker.stop() }
    }

    /// Switches a channel's kind live (`unbounded`, `bounded`, `rendezvous`, `dropping`,
    /// `overwriting`), using the channel's capacity knob for the kinds that need one.
    public func setKind(of channelName: String, to kindName: String, now: UInt64 = MonotonicClock.now()) {
        guard let index = preset.channels.firstIndex(where: { $0.name == channelName }),
            let capacityKnob = knobs.index(of: "\(channelName).capacity")
        else { return }
        let capacity = Int(knobs.value(at: capacityKnob))
        let needsCapacity = kindName != "unbounded" && kindName != "rendezvous"
        guard case .success(let kind) = ChannelKind.make(name: kindName, capacity: needsCapacity ? capacity : nil) else { return }
        let before = channels[index].kind
        guard before != kind else { return }
        let overwrittenBefore = channels[index].counters.overwritten
        channels[index].setKind(kind)
        let evicted = channels[index].counters.overwritten - overwrittenBefore
        log(.kind, "\(channelName): \(before) -> \(kind)" + (evicted > 0 ? " (\(evicted) evicted)" : ""), now: now)
    }

    /// The current kind of a channel.
    public func kind(of channelName: String) -> ChannelKind? {
        preset.channels.firstIndex { $0.name == channelName }.map { channels[$0].kind }
    }

    /// Logs an event from outside the engine (e.g. recording started), so it reaches the CSV too.
    public func note(_ kind: ExperimentEvent.Kind, _ text: String, now: UInt64 = MonotonicClock.now()) {
        log(kind, text, now: now)
    }

    // MARK: Workers

    private func setWorkerCount(of group: WorkerGroup, to target: Int, now: UInt64) {
        var toStop: [Worker] = []
        lock.withLock {
            guard started, !stopped, !group.isClosed else { return }
            let live = group.workers.filter { !$0.stopRequested.load(ordering: .relaxed) && !$0.counters.currentState.isDone }
            if target > live.count {
                // Started under the lock, like `start()`: a concurrent `shutdown()` then either
                // sees the thread to join or runs first and makes `started`/`stopped` refuse.
                for _ in live.count..<target {
                    makeWorker(in: group).start()
                }
                record(event(.workerAdded, "\(group.name): \(target) workers (+\(target - live.count))", now: now))
            } else if target < live.count {
                toStop = Array(live.suffix(live.count - target))
                for worker in toStop {
                    group.workers.removeAll { $0 === worker }
                    group.retired.append(worker)
                }
                record(event(.workerRemoved, "\(group.name): \(target) workers (-\(live.count - target))", now: now))
            }
        }
        for worker in toStop { worker.stop() }
    }

    /// Creates a worker with its handles (experiment lock held).
    @discardableResult
    private func makeWorker(in group: WorkerGroup) -> Worker {
        let worker = Worker(
            id: nextWorkerID, group: group, channels: channels, knobs: knobs, control: control, seed: seed)
        nextWorkerID += 1
        group.workers.append(worker)
        return worker
    }

    // MARK: Events

    private func log(_ kind: ExperimentEvent.Kind, _ text: String, now: UInt64) {
        lock.withLock { record(event(kind, text, now: now)) }
    }

    /// Queues an event for the next snapshot and counts the revision (experiment lock).
    private func record(_ event: ExperimentEvent) {
        pendingEvents.append(event)
        revision += 1
    }

    private func event(_ kind: ExperimentEvent.Kind, _ text: String, now: UInt64) -> ExperimentEvent {
        ExperimentEvent(time: seconds(since: startTime, now: now), kind: kind, text: text)
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    func seconds(since start: UInt64, now: UInt64) -> Double {
        now > start ? Double(now - start) / 1e9 : 0
    }

    // MARK: Sampling

    /// Reads every counter into an immutable snapshot and starts a new sampling interval.
    ///
    /// Rates, blocked shares and latency cover the time since the previous call. Also checks both
    /// accounting identities of every channel, watches for disconnects and finished groups, and
    /// runs the deadlock detector; what it finds becomes events in this snapshot.
    public func snapshot(now: UInt64 = MonotonicClock.now()) -> Snapshot {
        lock.withLock { takeSnapshot(now: now) }
    }
}
