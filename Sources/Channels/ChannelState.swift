import DequeModule
import Histogram

/// The whole state of a channel as a plain value: the queue, the counters and who is waiting.
///
/// Every method runs with both of the channel's locks held and returns what happened plus the
/// `Wakeups` the caller must carry out after unlocking. Having no threads or locks in here makes
/// each kind's rules testable step by step (see `ChannelStateTests`), and `Channel` only adds
/// parking. The fields the fast paths share (`ChannelFastPath`) live in `ChannelMemory` and are
/// reached through pointers, so copies of this value share them.
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
    private let queue: MessageQueue<Element>
    private let sendSide: UnsafeMutablePointer<SendSide>
    private let receiveSide: UnsafeMutablePointer<ReceiveSide>
    private let shared: UnsafeMutablePointer<SharedSide>
    private var offers: Deque<Offer<Element>> = [] {
        didSet { shared.pointee.pendingOffers = offers.count }
    }
    /// Tickets of offers a receiver took but whose sender has not looked yet.
    private var takenTickets: [UInt64] = []
    private var nextTicket: UInt64 = 1

    /// Counters only a change under both locks moves.
    private var overwritten: UInt64 = 0
    private var discarded: UInt64 = 0
    var liveSenders: Int {
        get { shared.pointee.liveSenders }
        nonmutating set { shared.pointee.liveSenders = newValue }
    }
    var liveReceivers: Int {
        get { shared.pointee.liveReceivers }
        nonmutating set { shared.pointee.liveReceivers = newValue }
    }

    /// Threads inside a send or receive that cannot finish yet (parked or about to park).
    var blockedSenders = 0
    var blockedReceivers = 0
    /// Threads parked on each condition, and how many of them a signal is already on its way to,
    /// so a burst of sends wakes a parked receiver once rather than once per message. The parked
    /// counts change under both locks; a signalled count belongs to the side that signals.
    var parkedReceivers: Int {
        get { shared.pointee.parkedReceivers }
        nonmutating set { shared.pointee.parkedReceivers = newValue }
    }
    var signalledReceivers: Int {
        get { sendSide.pointee.signalledReceivers }
        nonmutating set { sendSide.pointee.signalledReceivers = newValue }
    }
    var parkedForSpace: Int {
        get { shared.pointee.parkedForSpace }
        nonmutating set { shared.pointee.parkedForSpace = newValue }
    }
    var signalledForSpace: Int {
        get { receiveSide.pointee.signalledForSpace }
        nonmutating set { receiveSide.pointee.signalledForSpace = newValue }
    }
    var parkedForHandoff = 0

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
        c.depth = queue.count
        return c
    }

    init(kind: ChannelKind, stampsMessages: Bool) {
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
        queue = MessageQueue(memory: memory)
        sendSide = memory.send
        receiveSide = memory.receive
        shared = memory.shared
    }

    /// Messages queued right now (never includes rendezvous offers).
    var depth: Int { queue.count }

    /// Whether the message a receive would take now carries an acceptance stamp (a rendezvous
    /// offer is timed at the hand-off), so the receiver reads the clock only when it will use it.
    var headIsStamped: Bool {
        guard stampsMessages else { return false }
        if let stamp = queue.firstStamp { return stamp != 0 }
        return !offers.isEmpty
    }

    /// Senders parked waiting for a rendezvous receiver, for the screen (a sender handing over
    /// through the hand-off slot is not one: it holds the send lock, so no reader sees it).
    var pendingOffers: Int { offers.count }

    // MARK: Sending

    /// Tries to resolve a send of `element` under the current kind.
    ///
    /// `mayOffer` is false for `trySend`: then a rendezvous only offers when a receiver is parked
    /// and not yet spoken for, the way Rust's `try_send` on `sync_channel(0)` succeeds only
    /// if a receiver is already waiting.
    mutating func send(
        _ element: Element, mayOffer: Bool, now: UInt64, wakeups: inout Wakeups
    ) -> SendStep {
        if liveReceivers == 0 {
            sendSide.pointee.attempted &+= 1
            sendSide.pointee.failed &+= 1
            return .finished(.disconnected(element))
        }
        switch kind {
        case .unbounded:
            accept(element, now: now, wakeups: &wakeups)
            return .finished(.sent)
        case .bounded(let capacity):
            guard queue.count < capacity else { return .full }
            accept(element, now: now, wakeups: &wakeups)
            return .finished(.sent)
        case .rendezvous:
            guard mayOffer || parkedReceivers > offers.count else { return .full }
            let ticket = nextTicket
            nextTicket &+= 1
            offers.append(Offer(ticket: ticket, element: element))
            wakeOneReceiver(&wakeups)
            return .offered(ticket: ticket)
        case .dropping(let capacity):
            guard queue.count < capacity else {
                sendSide.pointee.attempted &+= 1
                sendSide.pointee.dropped &+= 1
                return .finished(.dropped(element))
            }
            accept(element, now: now, wakeups: &wakeups)
            return .finished(.sent)
        case .overwriting(let capacity):
            guard queue.count >= capacity, let oldest = queue.popFirst()?.element else {
                accept(element, now: now, wakeups: &wakeups)
                return .finished(.sent)
            }
            overwritten &+= 1
            accept(element, now: now, wakeups: &wakeups)
            return .finished(.overwrote(evicted: oldest))
        }
    }

    /// Looks up the sender's outstanding offer after it wakes.
    mutating func checkOffer(_ ticket: UInt64) -> OfferStatus {
        if let index = takenTickets.firstIndex(of: ticket) {
            takenTickets.swapAt(index, takenTickets.count - 1)
            takenTickets.removeLast()
            return .taken
        }
        return offers.contains(where: { $0.ticket == ticket }) ? .pending : .returned
    }

    /// Takes back an offer whose sender gives up (timeout or closed handle).
    ///
    /// Returns `.taken` if a receiver got to it first (then the send did succeed), `.pending` if
    /// it was withdrawn now, `.returned` if the channel had already handed it back.
    mutating func withdrawOffer(_ ticket: UInt64) -> OfferStatus {
        if let index = offers.firstIndex(where: { $0.ticket == ticket }) {
            offers.remove(at: index)
            return .pending
        }
        return checkOffer(ticket)
    }

    private func accept(_ element: Element, now: UInt64, wakeups: inout Wakeups) {
        queue.append(element, stamp: now)
        sendSide.pointee.attempted &+= 1
        sendSide.pointee.accepted &+= 1
        wakeOneReceiver(&wakeups)
    }

    private func wakeOneReceiver(_ wakeups: inout Wakeups) {
        if parkedReceivers > signalledReceivers {
            signalledReceivers += 1
            wakeups.insert(.oneReceiver)
        }
    }

    // MARK: Receiving

    /// Takes the oldest queued message, or else the oldest rendezvous offer.
    mutating func receive(now: UInt64, wakeups: inout Wakeups) -> ReceiveStep {
        if let (element, acceptedAt) = queue.popFirst() {
            receiveSide.pointee.received &+= 1
            if acceptedAt != 0 && now >= acceptedAt {
                recordLatency(now &- acceptedAt)
            }
            if parkedForSpace > signalledForSpace, hasRoom {
                signalledForSpace += 1
                wakeups.insert(.oneSpaceWaiter)
            }
            return .received(element, acceptedAt: acceptedAt)
        }
        if let offer = offers.popFirst() {
            sendSide.pointee.attempted &+= 1
            sendSide.pointee.accepted &+= 1
            receiveSide.pointee.received &+= 1
            takenTickets.append(offer.ticket)
            if stampsMessages { recordLatency(0) }
            wakeups.insert(.allHandoffWaiters)
            return .received(offer.element, acceptedAt: now)
        }
        return liveSenders == 0 ? .disconnected : .empty
    }

    var hasRoom: Bool {
        guard let capacity = kind.capacity else { return true }
        return queue.count < capacity
    }

    private func recordLatency(_ nanoseconds: UInt64) {
        receiveSide.pointee.recordLatency(nanoseconds: nanoseconds)
    }

    /// The latency recorded since the last call, and a fresh interval.
    func takeLatency() -> LatencySummary {
        let latency = receiveSide.pointee.latency
        let summary = LatencySummary(
            count: latency.totalCount,
            p50Microseconds: latency.totalCount == 0 ? 0 : latency.valueAtPercentile(50),
            p99Microseconds: latency.totalCount == 0 ? 0 : latency.valueAtPercentile(99),
            maxMicroseconds: latency.totalCount == 0 ? 0 : latency.max)
        receiveSide.pointee.latency.reset()
        return summary
    }

    // MARK: Handles

    mutating func addSender() { liveSenders += 1 }
    mutating func addReceiver() { liveReceivers += 1 }

    /// One sender handle is gone; the last one lets receivers drain and then disconnect.
    mutating func removeSender(wakeups: inout Wakeups) {
        liveSenders -= 1
        // Everyone re-checks: the last sender disconnects receivers, and a parked thread whose
        // own handle was closed must notice.
        wakeups.formUnion(.everyone)
    }

    /// One receiver handle is gone; the last one discards the queue and fails every sender.
    mutating func removeReceiver(wakeups: inout Wakeups) {
        liveReceivers -= 1
        if liveReceivers == 0 {
            discarded &+= UInt64(queue.count)
            queue.removeAll()
            offers.removeAll()  // returned: their senders retry and fail as disconnected
        }
        wakeups.formUnion(.everyone)
    }

    // MARK: Changing the kind

    /// Switches kind or capacity live.
    ///
    /// Growing takes effect at once. Shrinking keeps a bounded queue as it is (sends wait until it
    /// drains); `dropping` evicts the newest and `overwriting` the oldest until the queue fits,
    /// each eviction counted as overwritten. A rendezvous keeps queued messages receivable;
    /// leaving rendezvous hands pending offers back to their senders, who retry under the new kind.
    mutating func setKind(_ newKind: ChannelKind, wakeups: inout Wakeups) {
        let newKind = newKind.normalized
        kind = newKind
        if let capacity = newKind.capacity, capacity <= 1 << 16 { queue.reserveCapacity(capacity) }
        switch newKind {
        case .dropping(let capacity):
            while queue.count > capacity {
                queue.removeLast()
                overwritten &+= 1
            }
        case .overwriting(let capacity):
            while queue.count > capacity {
                _ = queue.popFirst()
                overwritten &+= 1
            }
        default:
            break
        }
        if newKind != .rendezvous {
            offers.removeAll()
        }
        wakeups.formUnion(.everyone)
    }

    // MARK: Parking bookkeeping

    /// Called by a receiver that wakes from a park (signalled, timed out or spurious).
    mutating func receiverWoke() {
        parkedReceivers -= 1
        if signalledReceivers > 0 { signalledReceivers -= 1 }
    }

    /// Called by a sender that wakes from waiting for space.
    mutating func spaceWaiterWoke() {
        parkedForSpace -= 1
        if signalledForSpace > 0 { signalledForSpace -= 1 }
    }
}
