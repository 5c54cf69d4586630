import Channels
import Synchronization

/// One named group of workers running the same loop, and what they share.
///
/// The group owns the shared iteration counter behind `limit` (a producer's "max work" counts
/// across all of its workers) and the sequence numbers of the messages it makes. Its worker list
/// changes only under the experiment's lock.
final class WorkerGroup: @unchecked Sendable {
    let index: Int
    let spec: WorkerGroupSpec
    let steps: [ResolvedStep]
    /// The knob holding the limit, or a fixed limit; nil = endless.
    let limitKnob: Int?
    let fixedLimit: Int?
    /// Channels this group sends on and receives from (indices).
    let sendsTo: [Int]
    let receivesFrom: [Int]
    /// The resource manager's plan and state, for a `role: rw-manager` group.
    let manager: RWManagerRuntime?

    let iterationsClaimed = Atomic<Int>(0)
    /// Set by the memory guard: the group's workers wait at their next step boundary, as when
    /// paused, until it is released (see `MemoryGuard`).
    let isHeld = Atomic<Bool>(false)
    let nextSequence = Atomic<UInt64>(1)
    /// The `stop_on` tag's index, if the group has one.
    let stopTag: UInt16?

    /// Live and finished workers shown on screen, in the order they were added (experiment lock).
    var workers: [Worker] = []
    /// Workers removed with `-`: no longer shown, still counted in the totals.
    var retired: [Worker] = []
    /// Set when the user closed the group.
    var isClosed = false

    /// Resolves the spec's steps and limit against the experiment's channels and knobs (names
    /// the loader checked, so every look-up succeeds).
    init(index: Int, spec: WorkerGroupSpec, channelIndex: [String: Int], knobs: KnobBoard, tags: TagTable = TagTable([])) {
        self.index = index
        self.spec = spec
        steps = spec.steps.map { step in
            switch step {
            case .make: .make
            case .send(let name): .send(channel: channelIndex[name] ?? 0)
            case .recv(let name): .receive(channel: channelIndex[name] ?? 0)
            case .poll(let name): .poll(channel: channelIndex[name] ?? 0)
            case .sleep(let knob, let jitter): .sleep(knob: knobs.index(of: .preset(knob)) ?? 0, jitter: jitter)
            case .compute(let knob): .compute(knob: knobs.index(of: .preset(knob)) ?? 0)
            case .makeTagged(let tag): .makeTagged(tag: tags.index(of: tag) ?? TagTable.untagged)
            case .tag(let tag): .retag(tag: tags.index(of: tag) ?? TagTable.untagged)
            case .recvMailbox: .receiveMailbox
            case .reply(let tag): .reply(tag: tags.index(of: tag) ?? TagTable.untagged)
            case .work(let knob, let jitter, let access): .work(knob: knobs.index(of: .preset(knob)) ?? 0, jitter: jitter, access: access)
            case .join(let name): .join(channel: channelIndex[name] ?? 0)
            case .taskDone: .taskDone
            case .select(let names, let waits): .select(channels: names.map { channelIndex[$0] ?? 0 }, waits: waits)
            }
        }
        stopTag = spec.stopOn.flatMap { tags.index(of: $0) }
        switch spec.limit {
        case .knob(let name): (limitKnob, fixedLimit) = (knobs.index(of: .preset(name)), nil)
        case .fixed(let n): (limitKnob, fixedLimit) = (nil, n)
        case nil: (limitKnob, fixedLimit) = (nil, nil)
        }
        var sends: [Int] = []
        var receives: [Int] = []
        for step in steps {
            switch step {
            // A joiner holds the queue as Python's main thread does: while it runs, the channel
            // has a sender and its receivers wait rather than disconnect.
            case .send(let c), .join(let c): if !sends.contains(c) { sends.append(c) }
            case .receive(let c), .poll(let c): if !receives.contains(c) { receives.append(c) }
            case .select(let channels, _): for c in channels where !receives.contains(c) { receives.append(c) }
            default: break
            }
        }
        manager = spec.role.flatMap { RWManagerRuntime(spec: $0, channelIndex: channelIndex, knobs: knobs, tags: tags) }
        if let requests = manager?.requests, !receives.contains(requests) { receives.append(requests) }
        sendsTo = sends
        receivesFrom = receives
    }

    var name: String { spec.name }

    /// Claims one loop iteration; false once the limit is reached (0 means endless).
    ///
    /// Iterations are counted while endless too, so a limit set live counts what was already
    /// done, and a refused claim leaves the count alone: it never passes the limit, however many
    /// workers ask.
    func claimIteration(knobs: KnobBoard) -> Bool {
        let limit = self.limit(knobs: knobs)
        var claimed = iterationsClaimed.load(ordering: .relaxed)
        while true {
            if limit > 0 && claimed >= limit { return false }
            let (exchanged, original) = iterationsClaimed.compareExchange(
                expected: claimed, desired: claimed + 1, ordering: .relaxed)
            if exchanged { return true }
            claimed = original
        }
    }

    /// The current limit for display (0 = endless).
    func limit(knobs: KnobBoard) -> Int {
        limitKnob.map { Int(saturating: knobs.value(at: $0)) } ?? fixedLimit ?? 0
    }
}
