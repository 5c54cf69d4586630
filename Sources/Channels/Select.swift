/// Receiving from whichever of several channels has a message first: Go's `select`, crossbeam's
/// `Select`.
public enum Select {
    /// Which ready channel a select takes from.
    public enum Order: Sendable, Equatable {
        /// Always the first listed that has a message: a busy first channel starves the rest.
        case ordered
        /// Uniformly at random among those that have one, like Go's select.
        case fair
    }

    /// What a select did.
    public enum Outcome<Element> {
        /// A message from `receivers[index]`.
        case received(Element, index: Int, acceptedAt: UInt64)
        /// Nothing there now (a poll only).
        case empty
        /// Every channel is disconnected and drained.
        case disconnected
        /// One of the receivers was closed (the waiting thread is being stopped).
        case cancelled
    }

    /// Takes a message from one of `receivers`, blocking (when `waits`) until one has one.
    ///
    /// `gone` holds the indices found disconnected so far and is updated: a disconnected
    /// channel is left out from then on, and the others still serve. `pick` draws the order for
    /// `.fair` (a shuffled order's first ready channel is uniform among the ready ones). A
    /// blocked select is one `waiter` registered on every channel still there, woken by the
    /// first message, offer, disconnect or close on any of them; it then looks again.
    public static func receive<Element>(
        from receivers: [Receiver<Element>], order: Order, waits: Bool, gone: inout Set<Int>,
        waiter: SelectWaiter, pick: (Int) -> Int = { Int.random(in: 0..<$0) }
    ) -> Outcome<Element> {
        while true {
            let sequence = Self.sequence(count: receivers.count, order: order, pick: pick)
            for index in sequence where !gone.contains(index) {
                switch receivers[index].tryReceive() {
                case .received(let element, let acceptedAt): return .received(element, index: index, acceptedAt: acceptedAt)
                case .disconnected: gone.insert(index)
                case .cancelled: return .cancelled
                case .empty, .timedOut: continue
                }
            }
            if gone.count >= receivers.count { return .disconnected }
            guard waits else { return .empty }
            waiter.reset()
            var registered: [Int] = []
            var found: Outcome<Element>?
            for index in sequence where !gone.contains(index) {
                if receivers[index].isClosed { found = .cancelled; break }
                switch receivers[index].channel.probe(registering: waiter) {
                case .received(let element, let acceptedAt): found = .received(element, index: index, acceptedAt: acceptedAt)
                case .disconnected: gone.insert(index)
                case .registered: registered.append(index)
                }
                if found != nil { break }
            }
            if found == nil && !registered.isEmpty { waiter.wait() }
            for index in registered { receivers[index].channel.unregister(waiter) }
            if let found { return found }
            if receivers.contains(where: \.isClosed) { return .cancelled }
        }
    }

    /// The order to look at `count` channels in: as listed, or a uniform shuffle.
    static func sequence(count: Int, order: Order, pick: (Int) -> Int) -> [Int] {
        var indices = Array(0..<count)
        guard order == .fair, count > 1 else { return indices }
        for i in stride(from: count - 1, to: 0, by: -1) {
            indices.swapAt(i, min(i, max(0, pick(i + 1))))
        }
        return indices
    }
}
