/// How a channel finds each message's priority level, for the `priority` kind.
///
/// WHY a function the channel is given, not a field of the element: the library knows nothing
/// of what travels through it (the engine's messages carry a tag, a test's are plain integers),
/// so whoever makes the channel says how many levels there are and which level a message has.
/// Levels are numbered from 0, the lowest; the highest is received first.
public struct PriorityLevels<Element>: Sendable {
    /// How many levels there are, within `1...PriorityLevels.maximumCount`.
    public let count: Int
    private let levelOf: @Sendable (Element) -> Int

    /// The most levels a channel may have: enough for any lesson, few enough that a receive
    /// looks at every level's oldest message.
    public static var maximumCount: Int { 16 }

    /// `count` levels (brought into `1...maximumCount`), with `level` saying which one a message
    /// belongs to (a level outside `0..<count` counts as the nearest one).
    public init(count: Int, level: @escaping @Sendable (Element) -> Int) {
        self.count = Swift.min(Swift.max(count, 1), Self.maximumCount)
        levelOf = level
    }

    /// One level for everything: a `priority` channel made so is a plain FIFO queue.
    public static var single: PriorityLevels { PriorityLevels(count: 1) { _ in 0 } }

    /// The level of `element`, within `0..<count`.
    @inline(__always)
    public func level(of element: Element) -> Int {
        Swift.min(Swift.max(levelOf(element), 0), count - 1)
    }
}

/// One priority level of a channel as a reading sees it.
public struct PriorityLevelReading: Hashable, Sendable {
    /// Messages of this level queued now (the level they were sent with: aging changes the
    /// order they are received in, not the level they are counted under).
    public var depth: Int
    /// When the oldest of them was accepted (monotonic nanoseconds), or nil when there is none.
    public var oldestAcceptedAt: UInt64?
    /// How many receives took a later-arrived message (of another level) while the oldest of
    /// this level waited: 0 in a queue where nothing overtakes, rising while it is starved.
    public var oldestOvertaken: UInt64

    public init(depth: Int, oldestAcceptedAt: UInt64?, oldestOvertaken: UInt64 = 0) {
        self.depth = depth
        self.oldestAcceptedAt = oldestAcceptedAt
        self.oldestOvertaken = oldestOvertaken
    }
}
