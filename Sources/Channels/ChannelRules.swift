/// The channel's rules as small pure functions: when a send is admitted, dropped, made to evict
/// or to wait, and when a parked thread must be woken.
///
/// WHY apart: the state machine (`ChannelState`, both locks held) and the fast paths
/// (`ChannelFastPath`, one side's lock) take the same decisions from the facts each can see.
/// Written once here, a rule cannot drift between the two, and each is testable for every kind
/// without a channel (see `ChannelRulesTests`). Everything is `@inline(__always)`: the fast path
/// pays nothing for the indirection.
enum ChannelRules {
    /// Whether the queue is below the kind's limit, as far as the caller can tell.
    enum Room: Equatable {
        /// Fewer messages than the limit are queued.
        case free
        /// The limit is reached.
        case full
        /// The caller cannot tell (a fast path that found its ring full while the limit is
        /// larger than the ring): the state machine decides, growing the ring.
        case unknown
    }

    /// What a send does under the current kind.
    enum Admission: Equatable {
        /// Queue the message (`sent`).
        case accept
        /// A full `dropping` channel discards the new message (counted `dropped`).
        case drop
        /// A full `overwriting` channel evicts the oldest message, then queues this one.
        case evictOldest
        /// A full `bounded` channel: the sender waits for space (or gets `full`).
        case waitForSpace
        /// A rendezvous: the message is offered to a receiver, never queued.
        case offer
        /// Every receiver is gone: the send fails (counted `failed`).
        case disconnect
        /// The facts at hand do not decide (`Room.unknown`): ask the state machine.
        case undecided
    }

    /// How many messages the queue may hold before a send stops being plainly accepted, or nil
    /// for a rendezvous, which queues nothing.
    @inline(__always)
    static func queueLimit(of kind: ChannelKind) -> Int? {
        switch kind {
        case .rendezvous: nil
        case .unbounded: .max
        case .bounded(let capacity), .dropping(let capacity), .overwriting(let capacity): capacity
        case .priority(let capacity): capacity ?? .max
        }
    }

    /// Whether the kind's messages queue in the ring (every kind but `priority`, whose messages
    /// wait by level in the state machine's `PriorityStore`): only then may a fast path, which
    /// sees the ring alone, decide a send's room.
    @inline(__always)
    static func usesRing(_ kind: ChannelKind) -> Bool {
        if case .priority = kind { return false }
        return true
    }

    /// What a send does, from the kind, the live receivers and the room below the kind's limit.
    ///
    /// `room` is asked only when the kind has a queue limit (passed to it), so a caller whose
    /// room check reads memory pays for it only when it matters.
    @inline(__always)
    static func admission(
        kind: ChannelKind, liveReceivers: Int, room: (_ limit: Int) -> Room
    ) -> Admission {
        guard liveReceivers > 0 else { return .disconnect }
        guard let limit = queueLimit(of: kind) else { return .offer }
        switch room(limit) {
        case .free: return .accept
        case .unknown: return .undecided
        case .full: return whenFull(kind)
        }
    }

    /// What a send to a full queue does: the kind's answer to "send when full".
    @inline(__always)
    static func whenFull(_ kind: ChannelKind) -> Admission {
        switch kind {
        case .bounded, .priority: .waitForSpace
        case .dropping: .drop
        case .overwriting: .evictOldest
        case .rendezvous: .offer
        // Never full: its limit is `Int.max`.
        case .unbounded: .accept
        }
    }

    /// The room below `limit` when exactly `depth` messages are queued (both locks held).
    @inline(__always)
    static func room(depth: Int, limit: Int) -> Room {
        depth < limit ? .free : .full
    }

    /// Whether a rendezvous send may put out an offer: a blocking send always may; a `trySend`
    /// only while parked receivers outnumber the offers already out (Rust's `try_send` on
    /// `sync_channel(0)` succeeds only if a receiver is already waiting).
    @inline(__always)
    static func mayOffer(blocking: Bool, parkedReceivers: Int, pendingOffers: Int) -> Bool {
        blocking || parkedReceivers > pendingOffers
    }

    /// Whether a new message (or offer) must notify the select waiters registered on the
    /// channel: whenever there are any; each looks again at every channel it waits on.
    @inline(__always)
    static func notifiesWatchers(watchers: Int) -> Bool {
        watchers > 0
    }

    /// Whether a new message must wake a parked receiver: only when more are parked than a
    /// signal is already on its way to, so a burst of sends wakes a receiver once.
    @inline(__always)
    static func wakesReceiver(parked: Int, signalled: Int) -> Bool {
        parked > signalled
    }

    /// Whether a receive that took a queued message must wake a sender parked for space: only
    /// when one is parked that no signal is on its way to, and the queue is now below capacity
    /// (a shrunk bounded channel stays full until drained; a rendezvous never has room).
    ///
    /// `depth` is read only when a sender is waiting, which is rare on the fast path.
    @inline(__always)
    static func wakesSpaceWaiter(
        parked: Int, signalled: Int, kind: ChannelKind, depth: @autoclosure () -> Int
    ) -> Bool {
        guard parked > signalled else { return false }
        return depth() < (kind.capacity ?? .max)
    }
}
