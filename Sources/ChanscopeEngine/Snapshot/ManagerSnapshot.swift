/// A readers-writers resource manager as the sampler saw it: who is inside, who waits and for
/// how long, under which policy, and what the database witnessed.
public struct ManagerSnapshot: Sendable, Hashable {
    /// The manager's group.
    public var group: String
    /// The policy in force (`readers-first`...).
    public var policy: String
    /// Granted and not yet done.
    public var readersInside = 0
    public var writersInside = 0
    /// Requests waiting, for a grant or (under `as-written`) for a reply that never comes.
    public var waitingReaders = 0
    public var waitingWriters = 0
    /// How long each class's oldest request has waited, in milliseconds (nil: none waits).
    public var oldestWaitReaderMilliseconds: Double?
    public var oldestWaitWriterMilliseconds: Double?
    /// From this oldest wait on, a class is marked `STARVING`.
    public var starvingAfterMilliseconds: Double
    /// Entries that broke the rule (a writer inside with anyone): the manager's own books and
    /// the database the workers entered, together. Must stay 0.
    public var violations: UInt64 = 0
    /// Grants sent per class.
    public var readGrants: UInt64 = 0
    public var writeGrants: UInt64 = 0
    /// The workers (`writer-7`) whose request `as-written` dropped: they wait for a reply that
    /// never comes.
    public var unanswered: [String] = []

    public init(group: String, policy: String, starvingAfterMilliseconds: Double) {
        self.group = group
        self.policy = policy
        self.starvingAfterMilliseconds = starvingAfterMilliseconds
    }

    /// The oldest wait of a class.
    public func oldestWait(_ access: RWAccess) -> Double? {
        access == .read ? oldestWaitReaderMilliseconds : oldestWaitWriterMilliseconds
    }

    /// Whether a class's oldest wait has passed the threshold: the `STARVING` mark.
    public func isStarving(_ access: RWAccess) -> Bool {
        (oldestWait(access) ?? 0) >= starvingAfterMilliseconds
    }

    /// The classes marked `STARVING`, readers first.
    public var starving: [RWAccess] { RWAccess.allCases.filter(isStarving) }
}

extension ManagerSnapshot {
    /// The snapshot of a manager's core at `now`, with the shared database's violations and
    /// worker ids named by `name`.
    init(group: String, core: RWManagerCore, database: RWDatabase, starvingAfter: Double, now: UInt64, name: (Int32) -> String) {
        self.init(group: group, policy: core.policy.rawValue, starvingAfterMilliseconds: starvingAfter)
        readersInside = core.readersInside
        writersInside = core.writerInside == nil ? 0 : 1
        waitingReaders = core.waitingCount(.read)
        waitingWriters = core.waitingCount(.write)
        oldestWaitReaderMilliseconds = core.oldestWait(.read, now: now).map { Double($0) / 1e6 }
        oldestWaitWriterMilliseconds = core.oldestWait(.write, now: now).map { Double($0) / 1e6 }
        violations = core.database.violations &+ database.violations
        readGrants = core.readGrants
        writeGrants = core.writeGrants
        unanswered = core.unanswered.map { name($0.requester) }
    }
}
