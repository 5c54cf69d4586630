import Channels
import CProcessSupport
import Synchronization

/// One worker thread running its group's loop of steps, holding at most one message in hand.
///
/// The worker owns its own channel handles, so stopping it is closing them: a blocked send or
/// receive returns `cancelled` at once, and the release counts toward the channel's disconnect
/// exactly as dropping a Rust sender or receiver would.
final class Worker: @unchecked Sendable {
    let id: Int32
    /// Unowned because the group lists its workers; `unowned(unsafe)` because a checked
    /// unowned reference costs an atomic retain and release at every use, several times a
    /// message on the worker's path (measured: the largest single cost of a transport worker's
    /// loop). Safe: the thread holds the group strongly while it runs (`start`), and the
    /// experiment or worker process that reads it otherwise holds its groups for its whole life.
    unowned(unsafe) let group: WorkerGroup
    let counters = WorkerCounters()
    let stopRequested = Atomic<Bool>(false)
    /// Handles indexed by channel; nil where the group does not use that channel that way.
    private let senders: [(any MessageOutlet)?]
    let receivers: [(any MessageInlet)?]
    /// The mailbox, reply outlets and the like of protocol steps (`Worker+Protocol`).
    let ports: ProtocolPorts
    let knobs: KnobBoard
    let control: ExperimentControl
    var random: SplitMix64
    /// What `compute` works on: a few kilobytes, so the work stays in the core's cache.
    private var workBuffer = [Float](repeating: 1, count: 1024)
    private var thread: JoinableThread?

    init(
        id: Int32, group: WorkerGroup, routes: [any MessageRoute], knobs: KnobBoard,
        control: ExperimentControl, seed: UInt64, ports: ProtocolPorts
    ) {
        self.id = id
        self.ports = ports
        self.group = group
        self.knobs = knobs
        self.control = control
        random = SplitMix64(seed: seed ^ (UInt64(UInt32(bitPattern: id)) &* 0x9E37_79B9_7F4A_7C15))
        senders = routes.indices.map { group.sendsTo.contains($0) ? routes[$0].makeOutlet() : nil }
        receivers = routes.indices.map { group.receivesFrom.contains($0) ? routes[$0].makeInlet() : nil }
    }

    /// Starts the thread.
    func start() {
        // The thread holds its group for as long as it runs (see `group`).
        thread = JoinableThread(name: "\(group.name)-\(id)") { [self, group] in
            withExtendedLifetime(group) {
                counters.cpuClock.store(ThreadCPUClock.currentThread(), ordering: .releasing)
                counters.threadID.store(chanscope_thread_id(), ordering: .releasing)
                let end = group.spec.role == nil ? runLoop() : runRole()
                counters.finalCPUNanos.store(ThreadCPUClock.currentThreadNanoseconds(), ordering: .releasing)
                counters.finalKernelNanos.store(chanscope_thread_system_nanos(), ordering: .releasing)
                counters.threadID.store(0, ordering: .releasing)
                counters.cpuClock.store(ThreadCPUClock.none, ordering: .releasing)
                counters.endedAt.store(MonotonicClock.now(), ordering: .relaxed)
                releaseHandles()
                counters.set(end)
                counters.channelIndex.store(-1, ordering: .relaxed)
            }
        }
    }

    /// Asks the worker to stop at once: closes its handles (cancelling a blocked send or receive)
    /// and wakes it if it sleeps or is paused. Does not wait.
    func stop() {
        stopRequested.store(true, ordering: .releasing)
        releaseHandles()
        control.wakeAll()
    }

    /// Waits for the thread to end (call `stop()` first, or let it finish).
    func join() { thread?.join() }

    private func releaseHandles() {
        for sender in senders { sender?.close() }
        for receiver in receivers { receiver?.close() }
        ports.close()
    }

    var shouldStop: Bool {
        stopRequested.load(ordering: .acquiring) || control.shuttingDown.load(ordering: .acquiring)
    }

    // MARK: The loop

    /// Runs iterations until the limit, a disconnect or a stop; returns the final state.
    private func runLoop() -> WorkerState {
        var hand: Message?
        // Whether the last poll found nothing: a worker that polls in a loop stays "polling"
        // through its polls and sleeps until one brings a message.
        var lastPollEmpty = false
        // Held in locals for the whole loop: read through `self` at every message they cost a
        // retain and a release each (measured on a transport worker's path).
        let group = self.group
        let steps = group.steps
        while true {
            guard !shouldStop else { return abandon(hand) }
            guard group.claimIteration(knobs: knobs) else { return .finished }
            for step in steps {
                if control.isPaused || group.isHeld.load(ordering: .relaxed) { waitWhilePaused() }
                guard !shouldStop else { return abandon(hand) }
                switch step {
                case .poll, .sleep: break
                default: lastPollEmpty = false  // "polling" lasts from an empty poll to the next other step
                }
                switch step {
                case .make:
                    makeMessage(into: &hand)
                case .send(let channel):
                    guard var message = hand, let sender = senders[channel] else { continue }
                    message.origin = id  // the worker that sent it, which a `reply` answers
                    // Blocked only when it must wait: a send that finds room (or never waits, on
                    // an unbounded or lossy channel) is not "blocked on send", however slow.
                    var result = sender.trySend(message)
                    if case .full(let back) = result {
                        beginOperation(.blockedOnSend, channel: channel)
                        result = sender.send(back)
                        endOperation(counters.sendNanos)
                    }
                    switch result {
                    case .sent:
                        hand = nil
                        counters.sent.wrappingAdd(1, ordering: .relaxed)
                    case .dropped, .overwrote:
                        hand = nil  // counted by the channel as dropped or overwritten
                        counters.sent.wrappingAdd(1, ordering: .relaxed)
                    case .disconnected:
                        return .disconnected  // counted by the channel as failed
                    case .cancelled(let message):
                        return abandon(message)
                    case .full, .timedOut:
                        continue  // a blocking send does not end this way
                    }
                case .receive(let channel):
                    guard let receiver = receivers[channel] else { continue }
                    // Likewise, blocked on receive only when nothing was there to take.
                    var result = receiver.tryReceive()
                    if case .empty = result {
                        beginOperation(.blockedOnReceive, channel: channel)
                        result = receiver.receive()
                        endOperation(counters.receiveNanos)
                    }
                    switch result {
                    case .received(let message, _):
                        if hand != nil { consume(&hand) }
                        hand = message
                        counters.received.wrappingAdd(1, ordering: .relaxed)
                        if let end = stopOnSentinel(&hand) { return end }
                    case .disconnected:
                        return hand == nil ? .disconnected : finishWithHand(&hand, as: .disconnected)
                    case .cancelled:
                        return abandon(hand)
                    case .empty, .timedOut:
                        continue
                    }
                case .poll(let channel):
                    guard let receiver = receivers[channel] else { continue }
                    if !lastPollEmpty { counters.set(.working) }
                    counters.polls.wrappingAdd(1, ordering: .relaxed)
                    switch receiver.tryReceive() {
                    case .received(let message, _):
                        if hand != nil { consume(&hand) }
                        hand = message
                        counters.received.wrappingAdd(1, ordering: .relaxed)
                        if let end = stopOnSentinel(&hand) { return end }
                        lastPollEmpty = false
                    case .empty, .timedOut:
                        counters.emptyPolls.wrappingAdd(1, ordering: .relaxed)
                        counters.set(.pollingEmpty)
                        lastPollEmpty = true
                    case .disconnected:
                        return hand == nil ? .disconnected : finishWithHand(&hand, as: .disconnected)
                    case .cancelled:
                        return abandon(hand)
                    }
                case .sleep(let knob, let jitter):
                    // Between empty polls the worker is still "polling": keep that on screen.
                    // A wait of 0 ms is no sleep: the worker goes straight on, so it reads
                    // working (as its CPU says), not sleeping.
                    if !lastPollEmpty { counters.set(knobs.value(at: knob) > 0 ? .sleeping : .working) }
                    sleep(knob: knob, jitter: jitter)
                case .compute(let knob):
                    counters.set(.working)
                    compute(knob: knob)
                default:
                    if let end = runProtocolStep(step, hand: &hand) { return end }
                }
            }
            if hand != nil { consume(&hand) }
            finishTasks()  // the end of an iteration is Python's task_done
        }
    }

    /// The message in hand is finished with: count it as done.
    func consume(_ hand: inout Message?) {
        hand = nil
        counters.done.wrappingAdd(1, ordering: .relaxed)
    }

    /// A disconnect ends the loop, but a message already received is still worked off.
    func finishWithHand(_ hand: inout Message?, as state: WorkerState) -> WorkerState {
        consume(&hand)
        finishTasks()
        return state
    }

    /// The worker is stopped with a message in hand: it never reaches a channel; count it.
    func abandon(_ hand: Message?) -> WorkerState {
        if hand != nil { counters.abandoned.wrappingAdd(1, ordering: .relaxed) }
        return .finished
    }

    func beginOperation(_ state: WorkerState, channel: Int) {
        counters.channelIndex.store(channel, ordering: .relaxed)
        counters.set(state)
        counters.operationStart.store(MonotonicClock.now(), ordering: .releasing)
    }

    func endOperation(_ total: borrowing Atomic<UInt64>) {
        let start = counters.operationStart.load(ordering: .relaxed)
        let now = MonotonicClock.now()
        total.wrappingAdd(now > start ? now - start : 0, ordering: .relaxed)
        counters.operationStart.store(0, ordering: .releasing)
        counters.set(.working)
    }

    /// Sleeps for the knob's current value (± jitter), re-reading the knob whenever it changes.
    func sleep(knob: Int, jitter: Double) {
        let factor = Worker.jitterFactor(jitter, using: &random)
        guard knobs.value(at: knob) * factor > 0 else { return }
        let start = MonotonicClock.now()
        control.gate.withLock {
            while !shouldStop {
                let milliseconds = max(0, knobs.value(at: knob) * factor)
                let deadline = start &+ UInt64.nanoseconds(fromMilliseconds: milliseconds)
                if MonotonicClock.now() >= deadline { break }
                control.gate.wait(until: deadline)
            }
        }
    }

    /// Works for the knob's current value in milliseconds: arithmetic on a buffer of floats, the
    /// course's worker computing on a `Vec<f32>`, so the core is really busy. Looks at the clock
    /// and the stop flag between rounds of work, so a stop or a shorter knob takes effect within
    /// about a tenth of a millisecond.
    private func compute(knob: Int) {
        let start = MonotonicClock.now()
        while !shouldStop {
            let deadline = start &+ UInt64.nanoseconds(fromMilliseconds: max(0, knobs.value(at: knob)))
            guard MonotonicClock.now() < deadline else { break }
            workBuffer.withUnsafeMutableBufferPointer { buffer in
                for index in buffer.indices { buffer[index] = buffer[index] * 0.999_9 + 0.000_1 * Float(index & 7) }
            }
        }
        counters.workChecksum.store(UInt32(workBuffer[0].bitPattern & 0xFF), ordering: .relaxed)
    }

    /// The factor a `sleep` step's wait is multiplied by: uniform in `1 - jitter ... 1 + jitter`,
    /// exactly 1 without jitter. Drawn from the worker's seeded generator, so runs repeat.
    static func jitterFactor(_ jitter: Double, using random: inout SplitMix64) -> Double {
        jitter > 0 ? 1 + Double.random(in: -jitter...jitter, using: &random) : 1
    }

    /// Holds the worker at a step boundary until resumed (or its group released by the memory
    /// guard) or stopped.
    func waitWhilePaused() {
        let previous = counters.currentState
        counters.set(.paused)
        control.gate.withLock {
            while (control.isPaused || group.isHeld.load(ordering: .acquiring)) && !shouldStop {
                control.gate.wait(until: nil)
            }
        }
        counters.set(previous == .paused ? .working : previous)
    }
}
