import Synchronization

/// What needs only one side's lock: a send that finds room, a receive that finds a message, and
/// a rendezvous hand-off through the hand-off slot (see `Channel`).
///
/// WHY apart from `ChannelState`: the slow paths change the state in place under both locks,
/// while a sender's and a receiver's fast path run at the same time under one lock each. These
/// therefore never touch the `ChannelState` value itself: they read the shared fields (kind,
/// handle and parked counts, changed only under both locks), write their own side's fields and
/// ring position, and hand over through the hand-off slot (whose state both sides write, by the
/// rules of `HandoffState`), all through pointers into the channel's `ChannelMemory`. Being only
/// pointers, this value is free to copy.
struct ChannelFastPath<Element> {
    private let queue: MessageQueue<Element>
    private let sendSide: UnsafeMutablePointer<SendSide>
    private let receiveSide: UnsafeMutablePointer<ReceiveSide>
    private let shared: UnsafeMutablePointer<SharedSide>

    private let handoffElement: UnsafeMutablePointer<Element>
    private let handoffStamp: UnsafeMutablePointer<UInt64>

    /// The ring's positions and the hand-off slot's state, for a waiting thread to poll without
    /// a lock.
    let head: UnsafeMutablePointer<Atomic<Int>>
    let tail: UnsafeMutablePointer<Atomic<Int>>
    let handoffState: UnsafeMutablePointer<Atomic<Int>>

    init(memory: ChannelMemory<Element>) {
        queue = MessageQueue(memory: memory)
        sendSide = memory.send
        receiveSide = memory.receive
        shared = memory.shared
        head = memory.head
        tail = memory.tail
        handoffState = memory.handoffState
        handoffElement = memory.handoffElement
        handoffStamp = memory.handoffStamp
        bothLockWaiters = memory.bothLockWaiters
    }

    /// The acceptance stamp for the send about to be tried (send lock; see `StampPacer`).
    @inline(__always)
    func nextStamp() -> UInt64 { sendSide.pointee.pacer.nextStamp() }

    /// A send resolved with the send lock alone, or nil when it needs both locks (a rendezvous,
    /// no room, a full ring to grow, an overwrite, no receivers left).
    ///
    /// The decision is `ChannelRules.admission`, the state machine's own, over the one slot that
    /// tells whether the queue is below the limit (`MessageQueue.room`). `wakeReceiver` is set
    /// when a parked receiver must be signalled (under the receive lock).
    @inline(__always)
    func send(_ element: Element, now: UInt64, wakeReceiver: inout Bool) -> SendResult<Element>? {
        let kind = shared.pointee.kind
        let admission = ChannelRules.admission(
            kind: kind, liveReceivers: shared.pointee.liveReceivers,
            room: { ChannelRules.usesRing(kind) ? queue.room(below: $0) : .unknown })
        switch admission {
        case .accept:
            queue.appendFromSendSide(element, stamp: now)
            if countAccepted() { wakeReceiver = true }
            return .sent
        case .drop:
            countDropped()
            return .dropped(element)
        case .evictOldest, .waitForSpace, .offer, .disconnect, .undecided:
            return nil
        }
    }

    /// A receive of a queued message, or else of an offer in the hand-off slot, with the receive
    /// lock alone; nil when there is neither (then offers in the state machine, disconnection
    /// and parking need both locks). `wakeSpaceWaiter` is set when a
    /// sender parked for space must be signalled (under the send lock).
    @inline(__always)
    func receive(wakeSpaceWaiter: inout Bool) -> (element: Element, stamp: UInt64)? {
        receiveQueued(clock: MonotonicClock.now, wakeSpaceWaiter: &wakeSpaceWaiter) ?? takeOffer()
    }

    // MARK: Counting, shared with the state machine

    /// Takes the oldest queued message, counts it, records its queueing latency and says whether
    /// a sender parked for space must be woken (receive lock, or both).
    ///
    /// WHY one piece: the state machine's receive (`ChannelState.receive`) takes a queued
    /// message exactly so; only its clock differs (`clock` is read only for a stamped message,
    /// so an unstamped receive reads no clock; the state machine passes the time it was given).
    @inline(__always)
    func receiveQueued(
        clock: () -> UInt64, wakeSpaceWaiter: inout Bool
    ) -> (element: Element, stamp: UInt64)? {
        guard let taken = queue.popFromReceiveSide() else { return nil }
        receiveSide.pointee.received &+= 1
        if taken.stamp != 0 {
            let now = clock()
            if now >= taken.stamp { receiveSide.pointee.recordLatency(nanoseconds: now &- taken.stamp) }
        }
        if claimSpaceWaiterWake() { wakeSpaceWaiter = true }
        return taken
    }

    /// Counts an accepted send and says whether a parked receiver must be woken for it (send
    /// lock, or both; the message is already in).
    @inline(__always)
    func countAccepted() -> Bool {
        sendSide.pointee.attempted &+= 1
        sendSide.pointee.accepted &+= 1
        return claimReceiverWake()
    }

    /// Whether the select waiters must be told of a message just accepted (send lock, or both:
    /// the count changes only under both).
    @inline(__always)
    var mustNotifyWatchers: Bool {
        ChannelRules.notifiesWatchers(watchers: shared.pointee.selectWatchers)
    }

    /// Counts a send a full `dropping` channel discarded (send lock, or both).
    @inline(__always)
    func countDropped() {
        sendSide.pointee.attempted &+= 1
        sendSide.pointee.dropped &+= 1
    }

    /// Counts a send refused because every receiver is gone (both locks).
    @inline(__always)
    func countFailed() {
        sendSide.pointee.attempted &+= 1
        sendSide.pointee.failed &+= 1
    }

    /// Whether a parked receiver must be woken (`ChannelRules.wakesReceiver`), counting the
    /// signal as on its way when so (send lock, or both).
    @inline(__always)
    func claimReceiverWake() -> Bool {
        guard ChannelRules.wakesReceiver(
            parked: shared.pointee.parkedReceivers, signalled: sendSide.pointee.signalledReceivers)
        else { return false }
        sendSide.pointee.signalledReceivers += 1
        return true
    }

    /// Whether a sender parked for space must be woken (`ChannelRules.wakesSpaceWaiter`),
    /// counting the signal as on its way when so (receive lock, or both).
    @inline(__always)
    func claimSpaceWaiterWake() -> Bool { claimSpaceWaiterWake(depth: queue.count) }

    /// The same, for a queue of `depth` messages outside the ring (a priority store; both locks).
    @inline(__always)
    func claimSpaceWaiterWake(depth: @autoclosure () -> Int) -> Bool {
        guard ChannelRules.wakesSpaceWaiter(
            parked: shared.pointee.parkedForSpace, signalled: receiveSide.pointee.signalledForSpace,
            kind: shared.pointee.kind, depth: depth())
        else { return false }
        receiveSide.pointee.signalledForSpace += 1
        return true
    }

    // MARK: Rendezvous hand-off slot (see `HandoffState`)

    /// Whether a blocking send may hand its message over through the hand-off slot (send lock):
    /// a rendezvous whose receiver is not parked (only the state machine wakes a parked one).
    ///
    /// WHY a slot beside the state machine: a hand-off through it costs the two threads one cache
    /// line going back and forth, where an offer through the state machine takes both locks on
    /// both sides, several times.
    ///
    /// An offer is out only while its sender holds the send lock, so whoever holds both locks
    /// never sees one: the state machine, its counters and kind changes stay as they were.
    ///
    /// Only with one sender and one receiver (the sender spins holding the send lock, which would
    /// stall other senders), and never past offers already waiting in the state machine.
    var mayOfferDirectly: Bool {
        let shared = shared.pointee
        return shared.kind == .rendezvous && oneOnEachSide && shared.parkedReceivers == 0 && shared.pendingOffers == 0
    }

    /// Puts `element` in the hand-off slot for a receiver to take (send lock, slot empty).
    ///
    /// `stamp` is the send's stamp (0: this one is not stamped, see `StampPacer`): a stamped
    /// hand-off records a queueing latency of 0, the rest record nothing, as queued messages do.
    @inline(__always)
    func postOffer(_ element: Element, stamp: UInt64) {
        handoffElement.initialize(to: element)
        handoffStamp.pointee = stamp
        // Publishes the message: a receiver that sees `offered` sees it.
        handoffState.pointee.store(HandoffState.offered.rawValue, ordering: .releasing)
    }

    /// Whether a receiver has moved the posted message out (send lock, offer posted and not
    /// withdrawn: then only a receiver empties the slot).
    @inline(__always)
    var offerTaken: Bool {
        handoffState.pointee.load(ordering: .acquiring) == HandoffState.empty.rawValue
    }

    /// Counts the send of an offer a receiver took (send lock; the state machine counts the
    /// offers it hands over so too, under both).
    @inline(__always)
    func completeOffer() {
        // The receiver that took it has it: no wake-up is owed.
        sendSide.pointee.attempted &+= 1
        sendSide.pointee.accepted &+= 1
    }

    /// Takes the posted message back: true when withdrawn, false when a receiver claimed it
    /// first (then it is being taken: wait for `offerTaken`). Send lock.
    @inline(__always)
    func withdrawOffer() -> Bool {
        guard handoffState.pointee.compareExchange(
            expected: HandoffState.offered.rawValue, desired: HandoffState.empty.rawValue, ordering: .relaxed
        ).exchanged else { return false }
        handoffElement.deinitialize(count: 1)
        return true
    }

    /// Takes a message a rendezvous sender posted, or nil when none is (receive lock), with the
    /// send's stamp as its acceptance time (taken just before the offer went out). Counted as
    /// the state machine counts an offer it hands over; timed like a queued message: only paced
    /// sends carry a stamp and record a latency (of 0), where the state machine records every
    /// offer it hands over, which are few.
    @inline(__always)
    func takeOffer() -> (element: Element, stamp: UInt64)? {
        let state = handoffState
        guard state.pointee.load(ordering: .relaxed) == HandoffState.offered.rawValue,
            state.pointee.compareExchange(
                expected: HandoffState.offered.rawValue, desired: HandoffState.claimed.rawValue,
                ordering: .acquiring
            ).exchanged
        else { return nil }
        let element = handoffElement.move()
        let stamp = handoffStamp.pointee
        receiveSide.pointee.received &+= 1
        // A rendezvous message is accepted at the hand-off: no time in a queue.
        if stamp != 0 { receiveSide.pointee.recordLatency(nanoseconds: 0) }
        state.pointee.store(HandoffState.empty.rawValue, ordering: .releasing)
        return (element, stamp)
    }

    /// Whether a bounded channel's sender that found no room would find some now (send lock).
    @inline(__always)
    var roomAppeared: Bool {
        guard case .bounded(let capacity) = shared.pointee.kind else { return true }
        return queue.room(below: capacity) == .free
    }

    /// Whether a receiver that found nothing would find a message or an offer now, in the slot
    /// or waiting in the state machine (receive lock).
    @inline(__always)
    var messageAppeared: Bool {
        queue.headIsFull || handoffState.pointee.load(ordering: .relaxed) == HandoffState.offered.rawValue
            || shared.pointee.pendingOffers > 0
    }

    /// Threads waiting for both locks (see `ChannelMemory.bothLockWaiters`).
    let bothLockWaiters: UnsafeMutablePointer<Atomic<Int>>

    /// Whether the channel can hold more than one message (either lock).
    var buffersSeveral: Bool {
        switch shared.pointee.kind {
        case .rendezvous: return false
        case .unbounded: return true
        case .bounded(let c), .dropping(let c), .overwriting(let c): return c > 1
        case .priority(let c): return c.map { $0 > 1 } ?? true
        }
    }

    /// Whether the channel has exactly one sender and one receiver (either lock).
    var oneOnEachSide: Bool {
        let shared = shared.pointee
        return shared.liveSenders == 1 && shared.liveReceivers == 1
    }

    /// Whether a sender that found no room (a receiver that found nothing) can expect the other
    /// side to free a slot (bring a message) without the state machine: only a bounded channel
    /// makes a sender wait for room (the others drop, evict or grow), a receiver can expect a
    /// message through the ring or, on a rendezvous, the hand-off slot, and nothing moves once
    /// the other end is gone. A thread waits for the other side before taking both locks only
    /// when this holds (either lock held).
    func otherSideMayMove(forSender: Bool) -> Bool {
        let shared = shared.pointee
        // A priority channel's queue is not the ring: only the state machine sees it move.
        guard ChannelRules.usesRing(shared.kind) else { return false }
        if forSender {
            return ChannelRules.whenFull(shared.kind) == .waitForSpace && shared.liveReceivers > 0
        }
        return shared.liveSenders > 0
    }
}
