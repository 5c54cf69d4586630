import DequeModule
import Histogram

/// The whole state of a channel as a plain value: the queue, the counters and who is waiting.
///
/// Every method runs with both of the channel's locks held and returns what happened plus the
/// `Wakeups` the caller must carry out after unlocking. Having no threads or locks in here makes
/// each kind's rules testable step by step (see `ChannelStateTests`). The decisions themselves
/// are `ChannelRules`, which the fast paths take too, and the counting of a send or a queued
/// receive is the fast path's own (`sides`), so both paths count alike. `Channel` only parks,
/// and even the parked and blocked counts change only through the parking bookkeeping here.
/// The fields the fast paths share (`ChannelFastPath`) live in `ChannelMemory` and are
/// reached through pointers, so copies of this value share them. Sending, receiving and the
/// changes (handles, kind) are in `ChannelState+Send.swift`, `+Receive`, `+Changes`.
struct ChannelState<Element> {
    /// What a send attempt came to.
    enum SendStep {
        /// The send is resolved; the result says how.
        case finished(SendResult<Element>)
        /// No room and the kind blocks: wait for `space` and try again.
        case full
        /// A rendezvous offer is out with this ticket: wait for `handoff`, then `checkOffer`.
        case offered(ticket: UInt64)
    }

    /// What a receive attempt came to.
    enum ReceiveStep {
        case received(Element, acceptedAt: UInt64)
        /// Nothing to take yet, and a sender may still come.
        case empty
        case disconnected
    }

    /// What became of an outstanding rendezvous offer.
    enum OfferStatus {
        /// A receiver took it: the send succeeded.
        case taken
        /// Still waiting for a receiver.
        case pending
        /// The channel handed it back (kind changed, receivers gone): try the send again.
        case returned
    }

    /// The current kind (with its capacity).
    var kind: ChannelKind {
        get { shared.pointee.kind }
        nonmutating set { shared.pointee.kind = newValue }
    }
    /// The ring, the send side's and the receive side's fields (see `ChannelMemory`).
    let memory: ChannelMemory<Element>
    let queue: MessageQueue<Element>
    let sendSide: UnsafeMutablePointer<SendSide>
    let receiveSide: UnsafeMutablePointer<ReceiveSide>
    let shared: UnsafeMutablePointer<SharedSide>
    /// The counting and wake-up pieces the fast paths use, so both count and wake alike.
    let sides: ChannelFastPath<Element>
    var offers: Deque<Offer<Element>> = [] {
        didSet { shared.pointee.pendingOffers = offers.count }
    }
    /// Tickets of offers a receiver took but whose sender has not looked yet.
    var takenTickets: [UInt64] = []
    var nextTicket: UInt64 = 1

    /// A `priority` channel's messages, by level (empty under every other kind, whose messages
    /// are in the ring), and how long a message waits before it rises a level (0: never).
    var priority: PriorityStore<Element>
    var agingNanoseconds: UInt64 = 0

    /// Counters only a change under both locks moves.
    var overwritten: UInt64 = 0
    var discarded: UInt64 = 0
    var liveSenders: Int {
        get { shared.pointee.liveSenders }
        nonmutating set { shared.pointee.liveSenders = newValue }
    }
    var liveReceivers: Int {
        get { shared.pointee.liveReceivers }
        nonmutating set { shared.pointee.liveReceivers = newValue }
    }

    /// Threads inside a send or receive that cannot finish yet (parked or about to park).
    /// Changed only through the parking bookkeeping below.
    private(set) var blockedSenders = 0
    private(set) var blockedReceivers = 0
    /// Threads parked on each condition, and how many of them a signal is already on its way to,
    /// so a burst of sends wakes a parked receiver once rather than once per message. The parked
    /// counts change under both locks, through the parking bookkeeping below; a signalled count
    /// belongs to the side that signals (`ChannelFastPath.claimReceiverWake` and co.).
    private(set) var parkedReceivers: Int {
        get { shared.pointee.parkedReceivers }
        nonmutating set { shared.pointee.parkedReceivers = newValue }
    }
    var signalledReceivers: Int { sendSide.pointee.signalledReceivers }
    private(set) var parkedForSpace: Int {
        get { shared.pointee.parkedForSpace }
        nonmutating set { shared.pointee.parkedForSpace = newValue }
    }
    var signalledForSpace: Int { receiveSide.pointee.signalledForSpace }
    private(set) var parkedForHandoff = 0

    /// Whether messages are stamped and their queueing latency recorded.
    let stampsMessages: Bool

    /// The counters as one value (exact with both locks held).
    var counters: ChannelCounters {
        var c = ChannelCounters()
        let send = sendSide.pointee
        c.attempted = send.attempted
        c.accepted = send.accepted
        c.dropped = send.dropped
        c.failed = send.failed
        c.received = receiveSide.pointee.received
        c.overwritten = overwritten
        c.discarded = discarded
        c.depth = depth
        return c
    }

    init(kind: ChannelKind, stampsMessages: Bool, levels: PriorityLevels<Element> = .single) {
        let kind = kind.normalized
        self.stampsMessages = stampsMessages
        // Microseconds up to an hour with 2 significant digits: about 3,000 counters, so reading
        // percentiles under the lock at 10 Hz costs a few microseconds.
        let latency = Histogram<UInt64>(
            lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000,
            numberOfSignificantValueDigits: .two)
        var slots = 16
        if let capacity = kind.capacity, capacity > 0, capacity <= 1 << 16 { slots = capacity }
        memory = ChannelMemory(kind: kind, latency: latency, initialSlots: slots)
        priority = PriorityStore(levels: levels)
        queue = MessageQueue(memory: memory)
        sendSide = memory.send
        receiveSide = memory.receive
        shared = memory.shared
        sides = ChannelFastPath(memory: memory)
    }

    /// Messages queued right now (never includes rendezvous offers): in the ring, or in the
    /// priority store under the `priority` kind (one of the two is always empty).
    var depth: Int { queue.count + priority.count }

    /// Whether the message a receive would take now carries an acceptance stamp (a rendezvous
    /// offer is timed at the hand-off), so the receiver reads the clock only when it will use it.
    var headIsStamped: Bool {
        // A priority receive needs the time whatever the stamps: it decides by age.
        if !priority.isEmpty { return true }
        guard stampsMessages else { return false }
        if let stamp = queue.firstStamp { return stamp != 0 }
        return !offers.isEmpty
    }

    /// Senders parked waiting for a rendezvous receiver, for the screen (a sender handing over
    /// through the hand-off slot is not one: it holds the send lock, so no reader sees it).
    var pendingOffers: Int { offers.count }

    // MARK: Parking bookkeeping

    /// A send that cannot finish yet starts waiting (it counts as blocked until `endBlockingSend`).
    mutating func beginBlockingSend() { blockedSenders += 1 }
    mutating func endBlockingSend() { blockedSenders -= 1 }

    /// A receive that found nothing starts waiting (blocked until `endBlockingReceive`).
    mutating func beginBlockingReceive() { blockedReceivers += 1 }
    mutating func endBlockingReceive() { blockedReceivers -= 1 }

    /// A sender parks for space: receivers that free a slot now signal it.
    mutating func parkForSpace() { parkedForSpace += 1 }

    /// Called by a sender that wakes from waiting for space (signalled, timed out or spurious).
    mutating func spaceWaiterWoke() {
        parkedForSpace -= 1
        if signalledForSpace > 0 { receiveSide.pointee.signalledForSpace -= 1 }
    }

    /// A rendezvous sender parks until its offer is taken or handed back.
    mutating func parkForHandoff() { parkedForHandoff += 1 }
    mutating func handoffWaiterWoke() { parkedForHandoff -= 1 }

    /// A select waiter registers for a message: it counts as a blocked receiver, and every
    /// message or offer now notifies it (`ChannelRules.notifiesWatchers`).
    mutating func addWatcher() {
        shared.pointee.selectWatchers += 1
        blockedReceivers += 1
    }

    /// A select waiter leaves (it was notified, or another channel served it).
    mutating func removeWatcher() {
        shared.pointee.selectWatchers -= 1
        blockedReceivers -= 1
    }

    /// A receiver parks for a message: sends now signal it (once, see `ChannelRules.wakesReceiver`).
    mutating func parkReceiver() { parkedReceivers += 1 }

    /// Called by a receiver that wakes from a park (signalled, timed out or spurious).
    mutating func receiverWoke() {
        parkedReceivers -= 1
        if signalledReceivers > 0 { sendSide.pointee.signalledReceivers -= 1 }
    }
}
