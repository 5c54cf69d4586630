import Channels

/// One level of a priority channel as the sampler saw it.
public struct PriorityLevelSnapshot: Sendable, Hashable {
    /// The level, from 0 (the lowest).
    public var level: Int
    /// The tags the preset puts at this level (`URGENT`), empty for a level no tag names.
    public var tags: [String]
    /// Messages sent at this level and queued now; nil while the kind is not `priority`.
    public var depth: Int?
    /// How long the oldest of them has waited, in milliseconds; nil when none waits (or the
    /// kind is not `priority`).
    public var oldestAgeMilliseconds: Double?
    /// How many later-arrived messages were received while that oldest one waited.
    public var oldestOvertaken: UInt64

    public init(level: Int, tags: [String], depth: Int?, oldestAgeMilliseconds: Double?, oldestOvertaken: UInt64 = 0) {
        self.level = level
        self.tags = tags
        self.depth = depth
        self.oldestAgeMilliseconds = oldestAgeMilliseconds
        self.oldestOvertaken = oldestOvertaken
    }

    /// A level's oldest message must have waited at least this long, overtaken by later ones,
    /// to be starving: the sampling window, so a message passed over once or twice in a busy
    /// second is not called starved.
    public static let starvingAfterMilliseconds = Double(SamplingState.window) / 1e6

    /// Whether this level is starved: its oldest message has waited at least
    /// `starvingAfterMilliseconds` while later-arrived messages were received before it.
    public var isStarving: Bool {
        (oldestAgeMilliseconds ?? 0) >= Self.starvingAfterMilliseconds && oldestOvertaken > 0
    }

    /// The level as the screen names it: its tags (`NORMAL`), or `pN` when no tag has it.
    public var name: String { tags.isEmpty ? "p\(level)" : tags.joined(separator: "/") }

    /// The levels of a channel from its reading at `now`: `readings` is empty while the kind is
    /// not `priority`, and then every level reads nil.
    static func levels(_ readings: [PriorityLevelReading], tags: [[String]], now: UInt64) -> [PriorityLevelSnapshot] {
        tags.indices.map { level in
            let reading = readings[safe: level]
            let age = reading?.oldestAcceptedAt.map { now > $0 ? Double(now - $0) / 1e6 : 0 }
            return PriorityLevelSnapshot(
                level: level, tags: tags[level], depth: reading?.depth, oldestAgeMilliseconds: age,
                oldestOvertaken: reading?.oldestOvertaken ?? 0)
        }
    }
}
