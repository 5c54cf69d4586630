#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The slots of a channel's ring: each slot holds a message and, in front of it, a word that
/// says whether the slot is full (and the message's acceptance stamp).
///
/// WHY the word sits in the slot: a sender publishes a message and a receiver frees its slot by
/// writing the word, and each side learns that the other has done so by reading that same word.
/// A hand-off (capacity 1, or a consumer that keeps up) then moves one cache line between the
/// two cores per message, where separate head and tail positions cost two or three. The head
/// and tail still count the queue exactly for whoever holds both locks.
///
/// Written only with both locks held (allocation, growth); the slots' contents by the side that
/// owns them (see `MessageQueue`).
struct RingStorage<Element> {
    /// What `calloc` returned, to free.
    private let allocation: UnsafeMutableRawPointer
    /// The first slot (the allocation rounded up to a cache line).
    let slots: UnsafeMutableRawPointer
    /// Slot count minus one; the slot count is a power of two.
    let mask: Int

    /// The word of a full slot has this bit set; the rest is the stamp (monotonic nanoseconds,
    /// far below 2^63), 0 when unstamped. A free slot's word is 0.
    static var fullBit: UInt64 { 1 << 63 }

    /// Where the message starts within a slot: after the word, aligned for the element.
    static var elementOffset: Int {
        let alignment = MemoryLayout<Element>.alignment
        return (MemoryLayout<Atomic<UInt64>>.stride + alignment - 1) / alignment * alignment
    }

    /// Bytes from one slot to the next (16 for an 8-byte message).
    static var slotStride: Int {
        let alignment = max(MemoryLayout<Atomic<UInt64>>.alignment, MemoryLayout<Element>.alignment)
        return (elementOffset + MemoryLayout<Element>.stride + alignment - 1) / alignment * alignment
    }

    /// A ring of `slotCount` free slots (a power of two).
    ///
    /// The memory comes zeroed from `calloc` (every word 0: every slot free) rather than being
    /// cleared here: a large ring then takes pages from the system only as messages reach them,
    /// so an unbounded queue that doubles holds the old ring and the part of the new one in use,
    /// not two full rings.
    init(slotCount: Int) {
        let line = ChannelMemory<Element>.lineSize
        guard let allocation = calloc(slotCount * Self.slotStride + line, 1) else {
            fatalError("out of memory for a ring of \(slotCount) messages")
        }
        self.allocation = allocation
        slots = allocation + (line - Int(bitPattern: allocation) % line) % line
        mask = slotCount - 1
        for index in 0..<slotCount {
            let slot = slots + index * Self.slotStride
            _ = slot.bindMemory(to: Atomic<UInt64>.self, capacity: 1)
            _ = (slot + Self.elementOffset).bindMemory(to: Element.self, capacity: 1)
        }
    }

    var slotCount: Int { mask &+ 1 }

    /// The word of the slot that position `position` maps to.
    @inline(__always)
    func word(at position: Int) -> UnsafeMutablePointer<Atomic<UInt64>> {
        (slots + (position & mask) &* Self.slotStride).assumingMemoryBound(to: Atomic<UInt64>.self)
    }

    /// The message of the slot that position `position` maps to (initialised only when full).
    @inline(__always)
    func element(at position: Int) -> UnsafeMutablePointer<Element> {
        (slots + (position & mask) &* Self.slotStride + Self.elementOffset).assumingMemoryBound(to: Element.self)
    }

    /// Frees the slots (their messages must be gone already).
    func deallocate() { free(allocation) }
}
