import Synchronization

/// The queued messages of a channel: a ring buffer whose two ends are owned by different locks.
///
/// WHY two ends: with one lock, every message moves the lock's cache line between the producer's
/// and the consumer's core twice, which caps a channel at a few million messages a second. Here
/// senders append at `tail` holding only the send lock and receivers pop at `head` holding only
/// the receive lock (a Lamport ring, one writer per position): a producer and a consumer on two
/// cores touch each other's position only to see whether the ring is full or empty.
///
/// Rules (see `Channel`): `append*` with the send lock, `pop*` with the receive lock, and
/// everything that moves or reallocates the storage (`grow`, `removeLast`, `removeAll`) with
/// both. Positions only grow, so `tail - head` is the depth; the slot of position `p` is
/// `p & mask`. All storage lives in a `ChannelMemory` block (which its `ChannelState` keeps
/// alive), so this value is only pointers: copying it costs nothing and writes nothing shared.
struct MessageQueue<Element> {
    private let ring: UnsafeMutablePointer<RingStorage<Element>>
    private let head: UnsafeMutablePointer<Atomic<Int>>
    private let tail: UnsafeMutablePointer<Atomic<Int>>
    private let send: UnsafeMutablePointer<SendSide>
    private let receive: UnsafeMutablePointer<ReceiveSide>

    init(memory: ChannelMemory<Element>) {
        ring = memory.ring
        head = memory.head
        tail = memory.tail
        send = memory.send
        receive = memory.receive
    }

    /// Messages queued (exact with both locks held).
    var count: Int { tail.pointee.load(ordering: .acquiring) &- head.pointee.load(ordering: .acquiring) }
    var physicalCapacity: Int { ring.pointee.mask &+ 1 }

    /// The acceptance stamp of the oldest message (0: unstamped), or nil when empty (receive lock).
    var firstStamp: UInt64? {
        let position = head.pointee.load(ordering: .relaxed)
        guard tail.pointee.load(ordering: .acquiring) != position else { return nil }
        guard let stamps = ring.pointee.stamps else { return 0 }
        return stamps[position & ring.pointee.mask]
    }

    // MARK: Send side (send lock)

    /// Messages queued as the send side sees it, from its cached copy of the head: never less
    /// than the true depth, since the receive side only lowers it. `refreshed` re-reads the head.
    @inline(__always)
    func countFromSendSide(refreshed: Bool) -> Int {
        if refreshed { send.pointee.cachedHead = head.pointee.load(ordering: .acquiring) }
        return tail.pointee.load(ordering: .relaxed) &- send.pointee.cachedHead
    }

    /// Messages queued as the send side sees it, re-reading the head only when the cached one
    /// says the queue holds `limit` or more (or the ring is full).
    @inline(__always)
    func countFromSendSide(below limit: Int) -> Int {
        let count = countFromSendSide(refreshed: false)
        if count < limit && count <= ring.pointee.mask { return count }
        return countFromSendSide(refreshed: true)
    }

    /// Appends if a slot is free; false when the ring is physically full (then `grow` under both
    /// locks).
    @inline(__always)
    func appendFromSendSide(_ element: Element, stamp: UInt64) -> Bool {
        let position = tail.pointee.load(ordering: .relaxed)
        let storage = ring.pointee
        guard countFromSendSide(below: storage.mask &+ 1) <= storage.mask else { return false }
        let slot = position & storage.mask
        (storage.elements + slot).initialize(to: element)
        storage.stamps?[slot] = stamp
        // Publishes the slot: a receiver that sees the new tail sees the message.
        tail.pointee.store(position &+ 1, ordering: .releasing)
        return true
    }

    // MARK: Receive side (receive lock)

    /// Removes the oldest message with its stamp (0 when unstamped), or nil when empty.
    @inline(__always)
    func popFromReceiveSide() -> (element: Element, stamp: UInt64)? {
        let position = head.pointee.load(ordering: .relaxed)
        if receive.pointee.cachedTail == position {
            receive.pointee.cachedTail = tail.pointee.load(ordering: .acquiring)
            if receive.pointee.cachedTail == position { return nil }
        }
        let storage = ring.pointee
        let slot = position & storage.mask
        let element = (storage.elements + slot).move()
        let stamp = storage.stamps?[slot] ?? 0
        // Frees the slot: a sender that sees the new head may reuse it.
        head.pointee.store(position &+ 1, ordering: .releasing)
        return (element, stamp)
    }

    // MARK: Both locks

    /// Appends, growing the ring when it is full (both locks).
    func append(_ element: Element, stamp: UInt64) {
        if !appendFromSendSide(element, stamp: stamp) {
            grow(toHold: count + 1)
            _ = appendFromSendSide(element, stamp: stamp)
        }
    }

    func popFirst() -> (element: Element, stamp: UInt64)? { popFromReceiveSide() }

    /// Makes room for at least `capacity` messages without growing on the way (both locks).
    func reserveCapacity(_ capacity: Int) {
        if capacity > physicalCapacity { grow(toHold: capacity) }
    }

    /// Removes the newest message (a shrinking `dropping` channel evicts it; both locks).
    func removeLast() {
        let position = tail.pointee.load(ordering: .relaxed)
        guard position != head.pointee.load(ordering: .relaxed) else { return }
        let slot = (position &- 1) & ring.pointee.mask
        (ring.pointee.elements + slot).deinitialize(count: 1)
        tail.pointee.store(position &- 1, ordering: .releasing)
        // The receive side must not believe in the message that is gone.
        receive.pointee.cachedTail = min(receive.pointee.cachedTail, position &- 1)
    }

    /// Empties the queue (both locks).
    func removeAll() {
        while popFromReceiveSide() != nil {}
    }

    /// Moves the messages into a ring of at least `capacity` slots, oldest first, and frees the
    /// old one (both locks held, so neither side is inside the ring).
    private func grow(toHold capacity: Int) {
        let old = ring.pointee
        let first = head.pointee.load(ordering: .relaxed)
        let count = tail.pointee.load(ordering: .relaxed) &- first
        let slots = ChannelMemory<Element>.slotCount(for: max(capacity, count))
        guard slots > old.mask + 1 else { return }
        let elements = UnsafeMutablePointer<Element>.allocate(capacity: slots)
        let stamps: UnsafeMutablePointer<UInt64>? = old.stamps == nil ? nil : .allocate(capacity: slots)
        for offset in 0..<count {
            let from = (first &+ offset) & old.mask
            (elements + offset).moveInitialize(from: old.elements + from, count: 1)
            if let stamps, let oldStamps = old.stamps { stamps[offset] = oldStamps[from] }
        }
        old.elements.deallocate()
        old.stamps?.deallocate()
        ring.pointee = RingStorage(elements: elements, stamps: stamps, mask: slots - 1)
        head.pointee.store(0, ordering: .releasing)
        tail.pointee.store(count, ordering: .releasing)
        send.pointee.cachedHead = 0
        receive.pointee.cachedTail = count
    }
}

/// Where a ring's slots are: written only with both locks held, read with either.
struct RingStorage<Element> {
    var elements: UnsafeMutablePointer<Element>
    /// Acceptance stamps beside the elements, or nil when the channel keeps none (the raw
    /// benchmark), which halves the memory an unbounded queue of small messages grows through.
    var stamps: UnsafeMutablePointer<UInt64>?
    /// Slot count minus one; the slot count is a power of two.
    var mask: Int
}

