import Synchronization

/// The two operations that need only one side's lock: a send that finds room and a receive that
/// finds a message (see `Channel`).
///
/// WHY apart from `ChannelState`: the slow paths change the state in place under both locks,
/// while a sender's and a receiver's fast path run at the same time under one lock each. These
/// therefore never touch the `ChannelState` value itself: they read the shared fields (kind,
/// handle and parked counts, changed only under both locks) and write their own side's fields
/// and ring position, all through pointers into the channel's `ChannelMemory`. Being only
/// pointers, this value is free to copy.
struct ChannelFastPath<Element> {
    private let queue: MessageQueue<Element>
    private let sendSide: UnsafeMutablePointer<SendSide>
    private let receiveSide: UnsafeMutablePointer<ReceiveSide>
    private let shared: UnsafeMutablePointer<SharedSide>

    /// The ring's positions, for a waiting thread to poll without a lock.
    let head: UnsafeMutablePointer<Atomic<Int>>
    let tail: UnsafeMutablePointer<Atomic<Int>>

    init(memory: ChannelMemory<Element>) {
        queue = MessageQueue(memory: memory)
        sendSide = memory.send
        receiveSide = memory.receive
        shared = memory.shared
        head = memory.head
        tail = memory.tail
    }

    /// A send resolved with the send lock alone, or nil when it needs both locks (a rendezvous,
    /// no room, a full ring to grow, an overwrite, no receivers left).
    ///
    /// `wakeReceiver` is set when a parked receiver must be signalled (under the receive lock).
    @inline(__always)
    func send(_ element: Element, now: UInt64, wakeReceiver: inout Bool) -> SendResult<Element>? {
        let kind = shared.pointee.kind
        guard shared.pointee.liveReceivers > 0 else { return nil }
        let limit: Int
        switch kind {
        case .bounded(let capacity), .overwriting(let capacity):
            limit = capacity
        case .dropping(let capacity):
            if queue.countFromSendSide(below: capacity) >= capacity {
                sendSide.pointee.attempted &+= 1
                sendSide.pointee.dropped &+= 1
                return .dropped(element)
            }
            limit = capacity
        case .unbounded:
            limit = .max
        case .rendezvous:
            return nil
        }
        guard queue.countFromSendSide(below: limit) < limit, queue.appendFromSendSide(element, stamp: now) else {
            return nil
        }
        sendSide.pointee.attempted &+= 1
        sendSide.pointee.accepted &+= 1
        if shared.pointee.parkedReceivers > sendSide.pointee.signalledReceivers {
            sendSide.pointee.signalledReceivers += 1
            wakeReceiver = true
        }
        return .sent
    }

    /// A receive of a queued message with the receive lock alone, or nil when nothing is queued
    /// (then offers, disconnection and parking need both locks). `wakeSpaceWaiter` is set when a
    /// sender parked for space must be signalled (under the send lock).
    @inline(__always)
    func receive(wakeSpaceWaiter: inout Bool) -> (element: Element, stamp: UInt64)? {
        guard let taken = queue.popFromReceiveSide() else { return nil }
        receiveSide.pointee.received &+= 1
        if taken.stamp != 0 {
            let now = MonotonicClock.now()
            if now >= taken.stamp { receiveSide.pointee.recordLatency(nanoseconds: now &- taken.stamp) }
        }
        if shared.pointee.parkedForSpace > receiveSide.pointee.signalledForSpace {
            let capacity = shared.pointee.kind.capacity ?? .max
            if queue.count < capacity {
                receiveSide.pointee.signalledForSpace += 1
                wakeSpaceWaiter = true
            }
        }
        return taken
    }

    /// Whether a sender that found no room (a receiver that found nothing) can expect the other
    /// side to free a slot (bring a message) through the ring: only a bounded channel makes a
    /// sender wait for room (the others drop, evict or grow), a rendezvous hands off beside the
    /// ring, and nothing moves once the other end is gone. A thread polls the ring before taking
    /// both locks only when this holds (either lock held).
    func ringMayMove(forSender: Bool) -> Bool {
        let shared = shared.pointee
        if forSender {
            guard case .bounded = shared.kind else { return false }
            return shared.liveReceivers > 0
        }
        return shared.kind != .rendezvous && shared.liveSenders > 0
    }
}
