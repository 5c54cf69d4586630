import Channels

/// A receiving end that can wait with a timeout (a channel's `Receiver` can), so the manager
/// can look at its policy knob while no request comes.
protocol TimedMessageInlet {
    func receive(timeout: Duration) -> ReceiveResult<Message>
}

extension Receiver: TimedMessageInlet where Element == Message {}

/// The worker loop of a built-in role: the readers-writers resource manager.
///
/// The course's manager: `receive(ANY, &m)` on the requests channel, decide (`RWManagerCore`),
/// and grant by `send(m.source, &m)`, which is a delivery to the requester's mailbox. A policy
/// change takes effect within `policyPoll` even while no request comes, since a switch to a
/// fairer policy may let someone in at once.
extension Worker {
    /// How often a manager waiting for requests looks at its policy knob.
    static var policyPoll: Duration { .milliseconds(50) }

    /// Runs the group's role until stopped; returns the final state.
    func runRole() -> WorkerState {
        guard let manager = group.manager, let inlet = receivers[manager.requests] else { return .finished }
        // The policy the core runs, not the knob's: a switch made before this thread started
        // (a loaded machine starts it late) must still reach the core on the first round.
        var policy = manager.withCore { $0.policy }
        while true {
            guard !shouldStop else { return .finished }
            if control.isPaused || group.isHeld.load(ordering: .relaxed) { waitWhilePaused() }
            let now = manager.policy(knobs: knobs)
            if now != policy {
                policy = now
                guard grant(manager.withCore { $0.setPolicy(now) }, manager: manager, sequence: 0) else { return .finished }
            }
            counters.set(.working)
            var result = inlet.tryReceive()
            if case .empty = result {
                beginOperation(.blockedOnReceive, channel: manager.requests)
                repeat {
                    result = (inlet as? TimedMessageInlet)?.receive(timeout: Self.policyPoll) ?? inlet.receive()
                } while result.isTimedOut && manager.policy(knobs: knobs) == policy && !shouldStop && !control.isPaused
                endOperation(counters.receiveNanos)
            }
            switch result {
            case .received(let message, _):
                counters.received.wrappingAdd(1, ordering: .relaxed)
                let grants = manager.withCore { core in Self.handle(message, by: manager, core: &core) }
                counters.done.wrappingAdd(1, ordering: .relaxed)
                guard grant(grants, manager: manager, sequence: message.sequence) else { return .finished }
            case .disconnected:
                return .disconnected
            case .cancelled:
                return .finished
            case .empty, .timedOut:
                continue
            }
        }
    }

    /// What one message does to the core: a request or a release by its tag; anything else is
    /// not the manager's business and changes nothing.
    static func handle(_ message: Message, by manager: RWManagerRuntime, core: inout RWManagerCore) -> [RWManagerCore.Grant] {
        let now = MonotonicClock.now()
        switch message.tag {
        case manager.requestRead: return core.request(.read, from: message.origin, at: now)
        case manager.requestWrite: return core.request(.write, from: message.origin, at: now)
        case manager.doneRead: return core.done(.read, from: message.origin)
        case manager.doneWrite: return core.done(.write, from: message.origin)
        default: return []
        }
    }

    /// Sends each grant to its requester's mailbox; false when this worker was stopped while a
    /// mailbox was full.
    private func grant(_ grants: [RWManagerCore.Grant], manager: RWManagerRuntime, sequence: UInt64) -> Bool {
        for grant in grants {
            let message = Message(sequence: sequence, origin: id)
            if case .cancelled = deliver(message, tag: manager.grantTag(grant.access), toMailboxOf: grant.requester) { return false }
        }
        return true
    }
}

extension ReceiveResult {
    /// Whether a timed receive ended without a message or a disconnect.
    var isTimedOut: Bool {
        if case .timedOut = self { return true }
        return false
    }
}
