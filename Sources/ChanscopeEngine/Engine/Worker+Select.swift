import Channels

/// `{ recv: [a, b] }` and `{ poll: [a, b] }`: whichever channel has a message, by the group's
/// `select` order, through `Channels.Select`.
extension Worker {
    func select(_ channels: [Int], waits: Bool, into hand: inout Message?) -> WorkerState? {
        let inlets = channels.compactMap { receivers[safe: $0] ?? nil }
        let selectable = inlets.compactMap(\.selectableReceiver)
        guard selectable.count == inlets.count, !selectable.isEmpty else { return nil }
        if !waits { counters.polls.wrappingAdd(1, ordering: .relaxed) }
        var gone = Set<Int>()
        let order = group.spec.select
        var outcome = Select.receive(
            from: selectable, order: order, waits: false, gone: &gone, waiter: ports.selectWaiter,
            pick: { Int.random(in: 0..<$0, using: &random) })
        if case .empty = outcome, waits {
            counters.selectChannels.store(Self.mask(channels), ordering: .relaxed)
            beginOperation(.blockedOnReceive, channel: WorkerCounters.selecting)
            outcome = Select.receive(
                from: selectable, order: order, waits: true, gone: &gone, waiter: ports.selectWaiter,
                pick: { Int.random(in: 0..<$0, using: &random) })
            endOperation(counters.receiveNanos)
        }
        switch outcome {
        case .received(let message, let index, let acceptedAt):
            inlets[index].noteSelected()
            if !waits { counters.set(.working) }
            return take(.received(message, acceptedAt: acceptedAt), into: &hand)
        case .empty:
            counters.emptyPolls.wrappingAdd(1, ordering: .relaxed)
            counters.set(.pollingEmpty)
            return nil
        case .disconnected:
            return take(.disconnected, into: &hand)
        case .cancelled:
            return take(.cancelled, into: &hand)
        }
    }

    /// A bit per channel index below 64.
    static func mask(_ channels: [Int]) -> UInt64 {
        channels.reduce(0) { $1 < 64 && $1 >= 0 ? $0 | (1 << UInt64($1)) : $0 }
    }
}
