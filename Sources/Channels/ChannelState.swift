import DequeModule
import Histogram

/// The whole state of a channel as a plain value: the queue, the counters and who is waiting.
///
/// Every method runs with the channel's lock held and returns what happened plus the `Wakeups`
/// the caller must carry out after unlocking. Having no threads or locks in here makes each kind's
/// rules testable step by step (see `ChannelStateTests`), and `Channel` only adds parking.
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

    private(set) var kind: ChannelKind
    private var queue: MessageQueue<Element>
    private var offers: Deque<Offer<Element>> = []
    /// Tickets of offers a receiver took but whose sender has not looked yet.
    private var takenTickets: [UInt64] = []
    private var nextTicket: UInt64 = 1

    private(set) var counters = ChannelCounters()
    private(set) var liveSenders = 0
    private(set) var liveReceivers = 0

    /// Threads inside a send or receive that cannot finish yet (parked or about to park).
    var blockedSenders = 0
    var blockedReceivers = 0
    /// Threads parked on each condition, and how many of them a signal is already on its way to,
    /// so a burst of sends wakes a parked receiver once rather than once per message.
    var parkedReceivers = 0
    var signalledReceivers = 0
    var parkedForSpace = 0
    var signalledForSpace = 0
    var parkedForHandoff = 0

    /// Whether messages are stamped and their queueing latency recorded.
    let stampsMessages: Bool
    /// Queueing latency in microseconds since the last `takeLatency`.
    private(set) var latency: Histogram<UInt64>

    init(kind: ChannelKind, stampsMessages: Bool) {
        let kind = kind.normalized
        self.kind = kind
        self.stampsMessages = stampsMessages
        queue = MessageQueue(keepsStamps: stampsMessages)
        // Microseconds up to an hour with 2 significant digits: about 3,000 counters, so reading
        // percentiles under the lock at 10 Hz costs a few microseconds.
        latency = Histogram(
            lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000,
            numberOfSignificantValueDigits: .two)
        if let capacity = kind.capacity, capacity > 0, capacity <= 1 << 16 {
            queue.reserveCapacity(capacity)
        }
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

    /// Senders parked waiting for a rendezvous receiver, for the screen.
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
            counters.attempted &+= 1
            counters.failed &+= 1
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
                counters.attempted &+= 1
                counters.dropped &+= 1
                return .finished(.dropped(element))
            }
            accept(element, now: now, wakeups: &wakeups)
            return .finished(.sent)
        case .overwriting(let capacity):
            guard queue.count >= capacity, let oldest = queue.popFirst()?.element else {
                accept(element, now: now, wakeups: &wakeups)
                return .finished(.sent)
            }
            counters.overwritten &+= 1
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

    private mutating func accept(_ element: Element, now: UInt64, wakeups: inout Wakeups) {
        queue.append(element, stamp: now)
        counters.attempted &+= 1
        counters.accepted &+= 1
        counters.depth = queue.count
        wakeOneReceiver(&wakeups)
    }

    private mutating func wakeOneReceiver(_ wakeups: inout Wakeups) {
        if parkedReceivers > signalledReceivers {
            signalledReceivers += 1
            wakeups.insert(.oneReceiver)
        }
    }

    // MARK: Receiving

    /// Takes the oldest queued message, or else the oldest rendezvous offer.
    mutating func receive(now: UInt64, wakeups: inout Wakeups) -> ReceiveStep {
        if let (element, acceptedAt) = queue.popFirst() {
            counters.received &+= 1
            counters.depth = queue.count
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
            counters.attempted &+= 1
            counters.accepted &+= 1
            counters.received &+= 1
            takenTickets.append(offer.ticket)
            if stampsMessages { recordLatency(0) }
            wakeups.insert(.allHandoffWaiters)
            return .received(offer.element, acceptedAt: now)
        }
        return liveSenders == 0 ? .disconnected : .empty
    }

    private var hasRoom: Bool {
        guard let capacity = kind.capacity else { return true }
        return queue.count < capacity
    }

    private mutating func recordLatency(_ nanoseconds: UInt64) {
        _ = latency.record(min(nanoseconds / 1000, latency.highestTrackableValue))
    }

    /// The latency recorded since the last call, and a fresh interval.
    mutating func takeLatency() -> LatencySummary {
        let summary = LatencySummary(
            count: latency.totalCount,
            p50Microseconds: latency.totalCount == 0 ? 0 : latency.valueAtPercentile(50),
            p99Microseconds: latency.totalCount == 0 ? 0 : latency.valueAtPercentile(99),
            maxMicroseconds: latency.totalCount == 0 ? 0 : latency.max)
        latency.reset()
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
            counters.discarded &+= UInt64(queue.count)
            queue.removeAll()
            counters.depth = 0
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
        switch newKind {
        case .dropping(let capacity):
            while queue.count > capacity {
                queue.removeLast()
                counters.overwritten &+= 1
            }
        case .overwriting(let capacity):
            while queue.count > capacity {
                _ = queue.popFirst()
                counters.overwritten &+= 1
            }
        default:
            break
        }
        counters.depth = queue.count
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
