import Histogram
import Synchronization

/// What both sides read on their fast paths and only a holder of both locks changes.
struct SharedSide {
    var kind: ChannelKind
    var liveSenders = 0
    var liveReceivers = 0
    /// Receivers parked for a message, senders parked for space (see `ChannelState`).
    var parkedReceivers = 0
    var parkedForSpace = 0
    /// Rendezvous offers waiting in the state machine (senders that went the slow way): while
    /// there are any, no send hands over directly and a waiting receiver goes to the state
    /// machine at once, so those senders are served first.
    var pendingOffers = 0
    /// Select waiters registered for a message here (`Channel+Select`): a message accepted or
    /// offered while there are any notifies them.
    var selectWatchers = 0
}

/// What only senders change: written with the send lock held (or both).
struct SendSide {
    var attempted: UInt64 = 0
    var accepted: UInt64 = 0
    var dropped: UInt64 = 0
    var failed: UInt64 = 0
    /// Parked receivers a wake-up is already on its way to (see `ChannelState`).
    var signalledReceivers = 0
    /// Which sends get an acceptance stamp.
    var pacer = StampPacer()
}

/// What only receivers change: written with the receive lock held (or both).
struct ReceiveSide {
    var received: UInt64 = 0
    /// Senders parked for space that a wake-up is already on its way to.
    var signalledForSpace = 0
    /// Queueing latency in microseconds since the last `takeLatency`.
    var latency: Histogram<UInt64>

    /// Records one queueing latency (receive lock).
    @inline(__always)
    mutating func recordLatency(nanoseconds: UInt64) {
        _ = latency.record(min(nanoseconds / 1000, latency.highestTrackableValue))
    }
}

/// The memory a channel's two sides write: one block, the send side's part and the receive
/// side's part on cache lines of their own, so a producer and a consumer on two cores do not
/// invalidate each other's lines with every message (false sharing), plus the ring's slots.
///
/// A class only to own and free the memory; everything is reached through the pointers, which
/// never change, so the hot paths do no reference counting or exclusivity checks.
final class ChannelMemory<Element>: @unchecked Sendable {
    /// Two 64-byte lines per part, so adjacent-line prefetching does not couple them either.
    static var lineSize: Int { 128 }

    let block: UnsafeMutableRawPointer
    let tail: UnsafeMutablePointer<Atomic<Int>>
    let send: UnsafeMutablePointer<SendSide>
    let head: UnsafeMutablePointer<Atomic<Int>>
    let receive: UnsafeMutablePointer<ReceiveSide>
    let ring: UnsafeMutablePointer<RingStorage<Element>>
    let shared: UnsafeMutablePointer<SharedSide>
    /// A rendezvous sender's message on its way to a receiver, with the slot's `HandoffState`
    /// beside it on a line of their own (see `ChannelFastPath.postOffer`).
    let handoffState: UnsafeMutablePointer<Atomic<Int>>
    /// The posting sender's stamp (0: unstamped), written before `handoffState` publishes it.
    let handoffStamp: UnsafeMutablePointer<UInt64>
    let handoffElement: UnsafeMutablePointer<Element>
    /// Threads waiting to take both locks: a thread waiting holding one lock for the other side
    /// (`Channel.waitHoldingLock`) gives up when there are any, since one of them may be the
    /// very thread it waits for. Changed only by slow paths; read while spinning.
    let bothLockWaiters: UnsafeMutablePointer<Atomic<Int>>

    init(kind: ChannelKind, latency: Histogram<UInt64>, initialSlots: Int) {
        let line = Self.lineSize
        func roundUp(_ n: Int) -> Int { (n + line - 1) / line * line }
        let sendOffset = MemoryLayout<Atomic<Int>>.stride
        let headOffset = roundUp(sendOffset + MemoryLayout<SendSide>.stride)
        let receiveOffset = headOffset + MemoryLayout<Atomic<Int>>.stride
        let ringOffset = roundUp(receiveOffset + MemoryLayout<ReceiveSide>.stride)
        let sharedOffset = ringOffset + MemoryLayout<RingStorage<Element>>.stride
        let handoffOffset = roundUp(sharedOffset + MemoryLayout<SharedSide>.stride)
        let elementAlignment = MemoryLayout<Element>.alignment
        let handoffElementOffset =
            (handoffOffset + 3 * MemoryLayout<Atomic<Int>>.stride + elementAlignment - 1) / elementAlignment * elementAlignment
        let size = roundUp(handoffElementOffset + MemoryLayout<Element>.stride)
        block = .allocate(byteCount: size, alignment: line)
        tail = block.bindMemory(to: Atomic<Int>.self, capacity: 1)
        tail.initialize(to: Atomic(0))
        send = (block + sendOffset).bindMemory(to: SendSide.self, capacity: 1)
        send.initialize(to: SendSide())
        head = (block + headOffset).bindMemory(to: Atomic<Int>.self, capacity: 1)
        head.initialize(to: Atomic(0))
        receive = (block + receiveOffset).bindMemory(to: ReceiveSide.self, capacity: 1)
        receive.initialize(to: ReceiveSide(latency: latency))
        ring = (block + ringOffset).bindMemory(to: RingStorage<Element>.self, capacity: 1)
        shared = (block + sharedOffset).bindMemory(to: SharedSide.self, capacity: 1)
        shared.initialize(to: SharedSide(kind: kind))
        handoffState = (block + handoffOffset).bindMemory(to: Atomic<Int>.self, capacity: 1)
        handoffState.initialize(to: Atomic(HandoffState.empty.rawValue))
        handoffStamp = (block + handoffOffset + MemoryLayout<Atomic<Int>>.stride).bindMemory(to: UInt64.self, capacity: 1)
        handoffStamp.initialize(to: 0)
        bothLockWaiters = (block + handoffOffset + 2 * MemoryLayout<Atomic<Int>>.stride)
            .bindMemory(to: Atomic<Int>.self, capacity: 1)
        bothLockWaiters.initialize(to: Atomic(0))
        handoffElement = (block + handoffElementOffset).bindMemory(to: Element.self, capacity: 1)
        ring.initialize(to: RingStorage(slotCount: Self.slotCount(for: initialSlots)))
    }

    deinit {
        var position = head.pointee.load(ordering: .relaxed)
        let end = tail.pointee.load(ordering: .relaxed)
        let storage = ring.pointee
        while position != end {
            storage.element(at: position).deinitialize(count: 1)
            position &+= 1
        }
        storage.deallocate()
        ring.deinitialize(count: 1)
        // An offer is only ever out during its sender's `send`, which keeps the channel alive.
        if handoffState.pointee.load(ordering: .acquiring) == HandoffState.offered.rawValue {
            handoffElement.deinitialize(count: 1)
        }
        _ = handoffState.move()
        _ = bothLockWaiters.move()
        shared.deinitialize(count: 1)
        receive.deinitialize(count: 1)
        send.deinitialize(count: 1)
        _ = head.move()
        _ = tail.move()
        block.deallocate()
    }

    /// The power of two at or above `count` (at least 2).
    static func slotCount(for count: Int) -> Int {
        var slots = 2
        while slots < count { slots <<= 1 }
        return slots
    }
}
