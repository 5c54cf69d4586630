/// Who waits on whom right now: the input of the deadlock detector.
///
/// Only groups whose every live worker is blocked in a channel operation (a send, a receive, a
/// select over several channels) appear as `stuck`; a group with any worker still able to move
/// can unblock the others, so it breaks any cycle.
public struct WaitForGraph: Sendable, Equatable {
    /// A blocked group and the channels its workers wait on (`onSend` false: waiting to receive).
    public struct Wait: Sendable, Equatable {
        /// The channel waited on, or for a select the channels joined with `|`.
        public var channel: String
        public var onSend: Bool
        /// The channels any one of which would end the wait: `channel` alone, or a select's.
        public var anyOf: [String]
        public init(channel: String, onSend: Bool, anyOf: [String]? = nil) {
            self.channel = channel
            self.onSend = onSend
            self.anyOf = anyOf ?? [channel]
        }
    }

    /// A group whose every live worker is blocked, and what they wait on.
    public struct Stuck: Sendable, Equatable {
        public var group: String
        public var waits: [Wait]
    }

    /// The stuck groups, in the order of the preset.
    public var stuck: [Stuck]
    /// Channel name -> groups with live workers that send on it / receive from it.
    public var liveSenders: [String: [String]]
    public var liveReceivers: [String: [String]]
    /// Channel name -> a count that grows whenever a message moves through it (accepted plus
    /// received). A cycle whose channels keep moving is busy, not deadlocked: two workers
    /// ping-ponging over a rendezvous are nearly always "blocked" at any instant.
    public var activity: [String: UInt64]

    public init(
        stuck: [(group: String, waits: [Wait])], liveSenders: [String: [String]], liveReceivers: [String: [String]],
        activity: [String: UInt64] = [:]
    ) {
        self.stuck = stuck.map { Stuck(group: $0.group, waits: $0.waits) }
        self.liveSenders = liveSenders
        self.liveReceivers = liveReceivers
        self.activity = activity
    }

    /// The channels named in a cycle written by `findCycle` (every second name).
    public static func channels(inCycle cycle: String) -> [String] {
        let names = cycle.components(separatedBy: " -> ")
        return stride(from: 1, to: names.count, by: 2).map { names[$0] }
    }

    /// The activity of a cycle's channels, to tell a stuck cycle from a busy one.
    public func activity(ofCycle cycle: String) -> [UInt64] {
        WaitForGraph.channels(inCycle: cycle).map { activity[$0] ?? 0 }
    }

    /// The groups on the other side of `channel` for `wait`: its receivers for a send, its
    /// senders for a receive.
    private func others(of wait: Wait, on channel: String) -> [String] {
        (wait.onSend ? liveReceivers[channel] : liveSenders[channel]) ?? []
    }

    /// The stuck groups that no group able to move can free, and their waits (graph reduction):
    /// a group goes while one of its waits has, on some channel it waits on, a live group on the
    /// other side that is not stuck (a select waiting on `a|b` is freed by a sender on either);
    /// freed groups may free others, so this repeats until nothing changes.
    func unfreeable() -> [String: [Wait]] {
        var remaining = Dictionary(stuck.map { ($0.group, $0.waits) }, uniquingKeysWith: { a, _ in a })
        var changed = true
        while changed {
            let freed = remaining.filter { _, waits in
                waits.contains { wait in wait.anyOf.contains { channel in others(of: wait, on: channel).contains { remaining[$0] == nil } } }
            }.keys
            changed = !freed.isEmpty
            for group in freed { remaining[group] = nil }
        }
        return remaining
    }

    /// A cycle of stuck groups through the channels they wait on, written `A -> ab -> B -> ba -> A`,
    /// or nil. A sender waits for the channel's receivers, a receiver for its senders; only groups
    /// nothing able to move can free are part of one.
    public func findCycle() -> String? {
        let stuckWaits = unfreeable()
        // Edges: group -> (channel, next group), only between stuck groups.
        func edges(of group: String) -> [(String, String)] {
            var result: [(String, String)] = []
            for wait in stuckWaits[group] ?? [] {
                for channel in wait.anyOf {
                    for other in others(of: wait, on: channel) where stuckWaits[other] != nil {
                        result.append((channel, other))
                    }
                }
            }
            return result
        }
        for start in stuck.map(\.group) where stuckWaits[start] != nil {
            // Depth-first search for a path back to `start`.
            var path: [(group: String, channel: String)] = []
            var visited: Set<String> = [start]
            func search(_ group: String) -> Bool {
                for (channel, next) in edges(of: group) {
                    if next == start {
                        path.append((group, channel))
                        return true
                    }
                    if visited.insert(next).inserted {
                        path.append((group, channel))
                        if search(next) { return true }
                        path.removeLast()
                    }
                }
                return false
            }
            if search(start) {
                return path.map { "\($0.group) -> \($0.channel) -> " }.joined() + start
            }
        }
        return nil
    }
}
