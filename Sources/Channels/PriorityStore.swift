import DequeModule

/// The queued messages of a `priority` channel: one FIFO queue per level, each message with the
/// time it was accepted.
///
/// WHY apart from the ring (`MessageQueue`): the ring is strictly first in, first out, with one
/// side's lock per end; a priority receive must look at every level. So a priority channel keeps
/// its messages here, under both locks (its sends and receives always take the state machine's
/// path), and its ring stays empty; a kind change moves the messages between the two.
///
/// Within a level the queue is in acceptance order, so its first message is its oldest and, with
/// aging, the one that has risen furthest: a receive need only compare the levels' first messages.
struct PriorityStore<Element> {
    /// A queued message, when it was accepted, and its place in the order of arrival across
    /// levels (which a kind change to a first-in, first-out kind keeps, even for messages
    /// accepted in the same nanosecond or left unstamped).
    typealias Entry = (element: Element, acceptedAt: UInt64, arrival: UInt64)

    let levels: PriorityLevels<Element>
    private(set) var queues: [Deque<Entry>]
    private(set) var count = 0
    private var nextArrival: UInt64 = 0
    /// For each level, how many receives took a message that arrived after the level's oldest:
    /// how often the message now first in that level has been passed over. Starts again at 0
    /// whenever the level's first message changes.
    ///
    /// WHY: this tells starvation from mere queueing. A long first-in, first-out queue makes its
    /// oldest message wait too, but nothing overtakes it; a starved message is overtaken again
    /// and again ("low-priority messages are continually delayed").
    private(set) var overtaken: [UInt64]

    init(levels: PriorityLevels<Element>) {
        self.levels = levels
        queues = Array(repeating: [], count: levels.count)
        overtaken = Array(repeating: 0, count: levels.count)
    }

    var isEmpty: Bool { count == 0 }

    /// Queues `element` at its level, accepted at `now` (never before the level's newest, so each
    /// level stays in time order even when threads read the clock in another order than they
    /// take the lock).
    mutating func insert(_ element: Element, acceptedAt now: UInt64) {
        let level = levels.level(of: element)
        let acceptedAt = Swift.max(now, queues[level].last?.acceptedAt ?? 0)
        queues[level].append((element, acceptedAt, nextArrival))
        nextArrival &+= 1
        count += 1
    }

    /// The level a message of `level` accepted at `acceptedAt` competes at `now`: one level up for
    /// every `aging` nanoseconds it has waited (0: never), up to the highest.
    static func effectiveLevel(_ level: Int, acceptedAt: UInt64, now: UInt64, aging: UInt64, top: Int) -> Int {
        guard aging > 0, now > acceptedAt else { return level }
        let risen = (now - acceptedAt) / aging
        return risen >= UInt64(top - level) ? top : level + Int(risen)
    }

    /// Which level's first message a receive at `now` takes: the highest effective level, and
    /// among equals the one that arrived first, or nil when empty.
    func nextLevel(now: UInt64, aging: UInt64) -> Int? {
        var best: (level: Int, effective: Int, arrival: UInt64)?
        let top = queues.count - 1
        for level in queues.indices.reversed() {
            guard let first = queues[level].first else { continue }
            let effective = Self.effectiveLevel(level, acceptedAt: first.acceptedAt, now: now, aging: aging, top: top)
            if let current = best,
                effective < current.effective || (effective == current.effective && first.arrival > current.arrival)
            { continue }
            best = (level, effective, first.arrival)
        }
        return best?.level
    }

    /// Removes the message a receive at `now` takes (see `nextLevel`).
    mutating func popNext(now: UInt64, aging: UInt64) -> Entry? {
        guard let level = nextLevel(now: now, aging: aging) else { return nil }
        count -= 1
        let taken = queues[level].removeFirst()
        overtaken[level] = 0  // a new message is first in this level now
        for other in queues.indices where other != level {
            if let first = queues[other].first, first.arrival < taken.arrival { overtaken[other] &+= 1 }
        }
        return taken
    }

    /// Removes every message, oldest first across levels (a kind change to a first-in,
    /// first-out kind keeps the order they arrived in).
    mutating func removeAllInArrivalOrder() -> [Entry] {
        var merged: [Entry] = []
        merged.reserveCapacity(count)
        var next = Array(repeating: 0, count: queues.count)
        while merged.count < count {
            var pick = -1
            for level in queues.indices where next[level] < queues[level].count {
                if pick < 0 || queues[level][next[level]].arrival < queues[pick][next[pick]].arrival { pick = level }
            }
            merged.append(queues[pick][next[pick]])
            next[pick] += 1
        }
        queues = Array(repeating: [], count: queues.count)
        overtaken = Array(repeating: 0, count: queues.count)
        count = 0
        return merged
    }

    /// Empties the store, returning how many messages it held.
    mutating func removeAll() -> Int {
        let removed = count
        queues = Array(repeating: [], count: queues.count)
        overtaken = Array(repeating: 0, count: queues.count)
        count = 0
        return removed
    }

    /// Each level's depth, oldest acceptance time and how often that oldest was overtaken.
    var readings: [PriorityLevelReading] {
        queues.indices.map { level in
            PriorityLevelReading(
                depth: queues[level].count, oldestAcceptedAt: queues[level].first?.acceptedAt,
                oldestOvertaken: overtaken[level])
        }
    }
}
