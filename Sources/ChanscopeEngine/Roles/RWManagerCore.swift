/// The readers-writers resource manager's decisions as a plain value: requests and releases go
/// in, grants come out, in the order they are to be sent.
///
/// It is the course's manager made complete: readers send `REQUEST_READ` and wait for
/// `GRANT_READ`, writers `REQUEST_WRITE` and `GRANT_WRITE`, and each sends `DONE_*` when it
/// leaves; many readers may be inside at once, a writer only alone. A request that cannot be
/// granted at once waits in arrival order, and each release grants what the policy lets in
/// (`RWPolicy`); the policy can switch at any time. Under `as-written` the manager does what
/// the skeleton does: a request it cannot grant at once is dropped (`unanswered`: its sender
/// waits for a reply that never comes), and a release signals nobody.
///
/// WHY a value with no threads: every policy is then testable with a script of requests
/// (who is granted, in which order); the engine's manager worker (`RWManagerLoop`) only
/// receives, feeds this, and replies with what it returns.
public struct RWManagerCore: Sendable {
    /// A request waiting for its grant.
    public struct Request: Sendable, Hashable {
        /// Who asked (a worker id), so the grant can go to its mailbox.
        public var requester: Int32
        public var access: RWAccess
        /// When it arrived (monotonic nanoseconds), for the oldest wait.
        public var since: UInt64

        public init(requester: Int32, access: RWAccess, since: UInt64) {
            self.requester = requester
            self.access = access
            self.since = since
        }
    }

    /// Permission to enter, to be sent to `requester`.
    public struct Grant: Sendable, Hashable, CustomStringConvertible {
        public var requester: Int32
        public var access: RWAccess

        public init(_ access: RWAccess, to requester: Int32) {
            self.requester = requester
            self.access = access
        }

        public var description: String { "\(access) \(requester)" }
    }

    public private(set) var policy: RWPolicy
    /// Granted and not yet done.
    public private(set) var readersInside = 0
    public private(set) var writerInside: Int32?
    /// Requests waiting for a grant, in arrival order.
    public private(set) var waiting: [Request] = []
    /// Requests `as-written` dropped: their senders wait forever.
    public private(set) var unanswered: [Request] = []
    /// The witness of who entered: its violations must stay 0.
    public private(set) var database = RWDatabase()
    /// Grants sent, per class.
    public private(set) var readGrants: UInt64 = 0
    public private(set) var writeGrants: UInt64 = 0

    public init(policy: RWPolicy) {
        self.policy = policy
    }

    // MARK: Messages in, grants out

    /// A request to read or write arrives at `now`; returns the grants to send (none, this one,
    /// or under `as-written` nothing ever for a request that cannot be granted at once).
    public mutating func request(_ access: RWAccess, from requester: Int32, at now: UInt64) -> [Grant] {
        let request = Request(requester: requester, access: access, since: now)
        guard policy != .asWritten else {
            if mayEnter(access) { return [grant(request)] }
            unanswered.append(request)
            return []
        }
        waiting.append(request)
        return grantWaiting()
    }

    /// A reader or writer leaves; returns the grants the policy now allows (none under
    /// `as-written`, which signals nobody). A release from nobody inside changes nothing.
    public mutating func done(_ access: RWAccess, from requester: Int32) -> [Grant] {
        switch access {
        case .read:
            guard readersInside > 0 else { return [] }
            readersInside -= 1
        case .write:
            guard writerInside != nil else { return [] }
            writerInside = nil
        }
        database.leave(access)
        return policy == .asWritten ? [] : grantWaiting()
    }

    /// Switches the policy live; returns what the new policy grants at once. Requests waiting
    /// when the policy becomes `as-written` are dropped like any it cannot grant.
    public mutating func setPolicy(_ newPolicy: RWPolicy) -> [Grant] {
        policy = newPolicy
        guard newPolicy != .asWritten else {
            unanswered += waiting
            waiting.removeAll()
            return []
        }
        return grantWaiting()
    }

    // MARK: Readings

    /// Requests of `access` waiting (for a grant, or for a reply that never comes).
    public func waitingCount(_ access: RWAccess) -> Int {
        waiting.filter { $0.access == access }.count + unanswered.filter { $0.access == access }.count
    }

    /// How long the oldest request of `access` has waited at `now` (nanoseconds), or nil.
    public func oldestWait(_ access: RWAccess, now: UInt64) -> UInt64? {
        let since = (waiting + unanswered).filter { $0.access == access }.map(\.since).min()
        return since.map { now > $0 ? now - $0 : 0 }
    }

    // MARK: The policies

    /// Whether one more of `access` may enter now, by the resource alone.
    private func mayEnter(_ access: RWAccess) -> Bool {
        access == .read ? writerInside == nil : writerInside == nil && readersInside == 0
    }

    /// Grants the waiting requests the policy lets in now, in the order they are sent.
    private mutating func grantWaiting() -> [Grant] {
        var grants: [Grant] = []
        switch policy {
        case .asWritten:
            break
        case .readersFirst:
            // Every waiting reader while no writer is inside; a writer only when none is left.
            grants += grantAll(.read)
            if let writer = waiting.firstIndex(where: { $0.access == .write }), mayEnter(.write) {
                grants.append(grant(waiting.remove(at: writer)))
            }
        case .writersFirst:
            // While a writer waits, no reader enters; it goes in once the readers inside leave.
            if let writer = waiting.firstIndex(where: { $0.access == .write }) {
                if mayEnter(.write) { grants.append(grant(waiting.remove(at: writer))) }
            } else {
                grants += grantAll(.read)
            }
        case .fair:
            // In arrival order: the first in line, and the readers right behind a reader.
            while let first = waiting.first, mayEnter(first.access) {
                grants.append(grant(waiting.removeFirst()))
                if first.access == .write { break }
            }
        }
        return grants
    }

    /// Grants every waiting request of `access` that may enter, in arrival order.
    private mutating func grantAll(_ access: RWAccess) -> [Grant] {
        var grants: [Grant] = []
        while mayEnter(access), let index = waiting.firstIndex(where: { $0.access == access }) {
            grants.append(grant(waiting.remove(at: index)))
        }
        return grants
    }

    /// Lets `request` in: the database witnesses the entry.
    private mutating func grant(_ request: Request) -> Grant {
        database.enter(request.access)
        switch request.access {
        case .read:
            readersInside += 1
            readGrants &+= 1
        case .write:
            writerInside = request.requester
            writeGrants &+= 1
        }
        return Grant(request.access, to: request.requester)
    }
}
