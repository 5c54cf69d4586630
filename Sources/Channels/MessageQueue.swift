import Synchronization

/// The queued messages of a channel: a ring buffer whose two ends are owned by different locks.
///
/// WHY two ends: with one lock, every message moves the lock's cache line between the producer's
/// and the consumer's core twice, which caps a channel at a few million messages a second. Here
/// senders append at `tail` holding only the send lock and receivers pop at `head` holding only
/// the receive lock. Neither side reads the other's position on its fast path: a slot's own word
/// says whether it is full (see `RingStorage`), so a sender checks the slot a message `limit`
/// places back has been taken, and a receiver checks the slot at its head has been filled.
///
/// Rules (see `Channel`): `append*` with the send lock, `pop*` with the receive lock, and
/// everything that moves or reallocates the storage (`grow`, `removeLast`, `removeAll`) with
/// both. `tail - head` is the depth; the slot of position `p` is `p & mask`. Fast paths only
/// ever move the positions forward; `grow` renumbers them from 0 and `removeLast` takes the
/// tail back one, both under both locks, leaving every slot outside `head..<tail` free (so a
/// probe before position 0 lands on a free slot too). All storage lives in a `ChannelMemory` block (which its `ChannelState` keeps
/// alive), so this value is only pointers: copying it costs nothing and writes nothing shared.
struct MessageQueue<Element> {
    private let ring: UnsafeMutablePointer<RingStorage<Element>>
    private let head: UnsafeMutablePointer<Atomic<Int>>
    private let tail: UnsafeMutablePointer<Atomic<Int>>

    init(memory: ChannelMemory<Element>) {
        ring = memory.ring
        head = memory.head
        tail = memory.tail
    }

    /// Messages queued (exact with both locks held; an estimate with one).
    var count: Int { tail.pointee.load(ordering: .relaxed) &- head.pointee.load(ordering: .relaxed) }
    var physicalCapacity: Int { ring.pointee.slotCount }

    /// The acceptance stamp of the oldest message (0: unstamped), or nil when empty (receive lock).
    var firstStamp: UInt64? {
        let word = ring.pointee.word(at: head.pointee.load(ordering: .relaxed)).pointee.load(ordering: .acquiring)
        return word == 0 ? nil : word & ~RingStorage<Element>.fullBit
    }

    // MARK: Send side (send lock)

    /// Whether fewer than `limit` messages are queued, told from one slot: the one the message
    /// `limit` places before the next has (or, when it was taken, had) in a ring of at least
    /// `limit` slots. For a larger `limit` the slot tells only whether the ring has a free slot:
    /// no free slot is then `unknown` (the state machine decides, growing the ring). Send lock.
    ///
    /// Exact because positions in the queue are `head..<tail` with `tail - head` at most the
    /// slot count, so the probed slot can only hold position `tail - limit`, and receivers
    /// free slots in order.
    @inline(__always)
    func room(below limit: Int) -> ChannelRules.Room {
        let storage = ring.pointee
        let position = tail.pointee.load(ordering: .relaxed)
        let probe = limit <= storage.mask ? position &- limit : position
        if storage.word(at: probe).pointee.load(ordering: .acquiring) == 0 { return .free }
        return limit <= storage.slotCount ? .full : .unknown
    }

    /// Appends into the free slot at the tail (send lock; the caller found `room` free).
    @inline(__always)
    func appendFromSendSide(_ element: Element, stamp: UInt64) {
        let storage = ring.pointee
        let position = tail.pointee.load(ordering: .relaxed)
        storage.element(at: position).initialize(to: element)
        // Publishes the message: a receiver that sees the word sees the message.
        storage.word(at: position).pointee.store(stamp | RingStorage<Element>.fullBit, ordering: .releasing)
        tail.pointee.store(position &+ 1, ordering: .releasing)
    }

    // MARK: Receive side (receive lock)

    /// Whether the slot at the head holds a message (receive lock).
    @inline(__always)
    var headIsFull: Bool {
        ring.pointee.word(at: head.pointee.load(ordering: .relaxed)).pointee.load(ordering: .relaxed) != 0
    }

    /// Removes the oldest message with its stamp (0 when unstamped), or nil when empty.
    @inline(__always)
    func popFromReceiveSide() -> (element: Element, stamp: UInt64)? {
        let storage = ring.pointee
        let position = head.pointee.load(ordering: .relaxed)
        let word = storage.word(at: position)
        let stamp = word.pointee.load(ordering: .acquiring)
        guard stamp != 0 else { return nil }
        let element = storage.element(at: position).move()
        // Frees the slot: a sender that sees the word cleared may reuse it.
        word.pointee.store(0, ordering: .releasing)
        head.pointee.store(position &+ 1, ordering: .releasing)
        return (element, stamp & ~RingStorage<Element>.fullBit)
    }

    // MARK: Both locks

    /// Appends, growing the ring when it is full (both locks).
    func append(_ element: Element, stamp: UInt64) {
        if count >= physicalCapacity { grow(toHold: count + 1) }
        appendFromSendSide(element, stamp: stamp)
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
        let storage = ring.pointee
        storage.element(at: position &- 1).deinitialize(count: 1)
        storage.word(at: position &- 1).pointee.store(0, ordering: .releasing)
        tail.pointee.store(position &- 1, ordering: .releasing)
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
        guard slots > old.slotCount else { return }
        let new = RingStorage<Element>(slotCount: slots)
        for offset in 0..<count {
            new.element(at: offset).moveInitialize(from: old.element(at: first &+ offset), count: 1)
            new.word(at: offset).pointee.store(
                old.word(at: first &+ offset).pointee.load(ordering: .relaxed), ordering: .relaxed)
        }
        old.deallocate()
        ring.pointee = new
        head.pointee.store(0, ordering: .releasing)
        tail.pointee.store(count, ordering: .releasing)
    }
}
