import DequeModule

/// The queued messages of a channel and, when the channel stamps them, their acceptance times.
///
/// Two parallel ring buffers rather than one of (message, stamp) pairs: an unstamped channel (the
/// raw benchmark) then stores only the messages, which halves the memory an unbounded queue of
/// small messages grows through, and memory traffic is what limits such a queue.
struct MessageQueue<Element> {
    private var elements: Deque<Element> = []
    private var stamps: Deque<UInt64> = []
    let keepsStamps: Bool

    init(keepsStamps: Bool) {
        self.keepsStamps = keepsStamps
    }

    var count: Int { elements.count }
    var isEmpty: Bool { elements.isEmpty }

    /// The acceptance stamp of the oldest message (0: unstamped), or nil when empty.
    var firstStamp: UInt64? {
        guard !elements.isEmpty else { return nil }
        return keepsStamps ? stamps.first : 0
    }

    mutating func reserveCapacity(_ capacity: Int) {
        elements.reserveCapacity(capacity)
        if keepsStamps { stamps.reserveCapacity(capacity) }
    }

    @inline(__always)
    mutating func append(_ element: Element, stamp: UInt64) {
        elements.append(element)
        if keepsStamps { stamps.append(stamp) }
    }

    /// Removes the oldest message with its stamp (0 when the channel keeps none).
    @inline(__always)
    mutating func popFirst() -> (element: Element, stamp: UInt64)? {
        guard let element = elements.popFirst() else { return nil }
        return (element, keepsStamps ? stamps.removeFirst() : 0)
    }

    /// Removes the newest message (a shrinking `dropping` channel evicts it).
    mutating func removeLast() {
        elements.removeLast()
        if keepsStamps { stamps.removeLast() }
    }

    mutating func removeAll() {
        elements.removeAll()
        stamps.removeAll()
    }
}
