/// Holds the producers of a growing channel when chanscope's memory reaches its limit, and lets
/// them go when the lecturer acts or the queue drains.
///
/// WHY hold rather than stop or drop: the lesson of an unbounded queue is that it grows; the
/// guard keeps that lesson from swapping the machine, without changing what the channel does.
/// Holding is what pause does, for one group, so every count stays exact.
struct MemoryGuard {
    /// What is held, and why.
    struct Hold: Sendable, Hashable {
        var channel: ChannelID
        var groups: [GroupID]
        /// The channel's depth and the control revision when the hold began.
        var depth: Int
        var revision: Int
    }

    let limit: MemoryLimit
    let residentBytes: @Sendable () -> UInt64?
    private(set) var hold: Hold?

    /// What a queued message costs, at least (a ring slot: an 8-byte word and the 16-byte
    /// message), for a memory estimate that does not depend on when the allocator returns pages.
    static let bytesPerQueuedMessage: UInt64 = 24

    init(limit: MemoryLimit, residentBytes: @escaping @Sendable () -> UInt64?) {
        self.limit = limit
        self.residentBytes = residentBytes
    }

    /// What to change after `snapshot`, taken at control revision `revision`.
    struct Decision {
        var hold: [GroupID] = []
        var release: [GroupID] = []
        var events: [ExperimentEvent] = []
    }

    /// Holds a growing channel's senders once memory (resident, or what the queues hold) reaches
    /// the limit; releases them once the lecturer changes anything or the queue has drained to
    /// half its depth at the hold.
    mutating func check(_ snapshot: Snapshot, revision: Int) -> Decision {
        var decision = Decision()
        if let current = hold {
            let depth = snapshot.channel(named: current.channel.name)?.depth ?? 0
            guard revision > current.revision || depth <= current.depth / 2 else { return decision }
            hold = nil
            decision.release = current.groups
            let names = current.groups.map(\.name).joined(separator: ", ")
            decision.events.append(ExperimentEvent(
                time: snapshot.time, kind: .memory, text: "memory: \(names) released (\(current.channel) holds \(depth))"))
            return decision
        }
        let queued = snapshot.channels.reduce(UInt64(0)) { $0 &+ UInt64(max(0, $1.depth)) } &* Self.bytesPerQueuedMessage
        let resident = residentBytes() ?? 0
        guard resident >= limit.bytes || queued >= limit.bytes else { return decision }
        // The channel that grows fastest, else the deepest one that still has senders.
        let candidates = snapshot.channels.filter { !$0.stats.sendersGone && $0.depth > 0 }
        guard let channel = candidates.max(by: { a, b in (a.growthPerSecond, a.depth) < (b.growthPerSecond, b.depth) }) else {
            return decision
        }
        let groups: [GroupID] = channel.senderGroups.filter { name in
            snapshot.group(named: name).map { !$0.isFinished && !$0.isClosed } ?? false
        }.map { GroupID($0) }
        guard !groups.isEmpty else { return decision }
        hold = Hold(channel: channel.id, groups: groups, depth: channel.depth, revision: revision)
        decision.hold = groups
        let measured = NumberText.fixed(Double(max(resident, queued)) / 1e6, decimals: 0)
        decision.events.append(ExperimentEvent(
            time: snapshot.time, kind: .memory,
            text: "memory limit \(limit) reached (\(measured) MB, \(channel.id) holds \(channel.depth)): "
                + "\(groups.map { $0.name }.joined(separator: ", ")) held; lower its rate, switch the kind or let it drain"))
        return decision
    }
}
