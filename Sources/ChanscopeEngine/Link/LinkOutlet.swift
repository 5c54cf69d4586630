import Channels
import Synchronization

/// One worker's sending end on a linked channel.
///
/// `trySend` answers `full` when the sender's window is full (or the link already holds
/// `LinkLimits.held` messages), so the worker shows as blocked on send while it waits for an
/// acknowledgement; `send` then waits until the window has room.
final class LinkOutlet: MessageOutlet, @unchecked Sendable {
    private let route: LinkedRoute
    private let id: Int
    /// Its own end on the channel: for the straight path, and so the channel counts it as a sender.
    private let sender: Sender<Message>
    private let straightCount: StraightCount
    /// Guarded by the route's lock.
    private var closed = false

    init(route: LinkedRoute, id: Int, sender: Sender<Message>, straight: StraightCount) {
        self.route = route
        self.id = id
        self.sender = sender
        straightCount = straight
    }

    func trySend(_ message: Message) -> SendResult<Message> { send(message, waiting: false) }

    func send(_ message: Message) -> SendResult<Message> {
        // The straight path written out here, not called: this is every message of a link whose
        // knobs are all 0, and each call layer showed in `chanscope bench --part links`.
        guard route.straightAllowed.load(ordering: .relaxed) else { return send(message, waiting: true) }
        let result = sender.send(message)
        if case .cancelled = result {} else { straightCount.increment() }
        return result
    }

    private func send(_ message: Message, waiting: Bool) -> SendResult<Message> {
        if route.straightAllowed.load(ordering: .acquiring) { return straight(message, waiting: waiting) }
        // With no receiver left the send fails as it would on the channel, and is counted there.
        if route.channel.stats().receiversGone { return straight(message, waiting: waiting) }
        return route.condition.withLock {
            while true {
                if closed { return .cancelled(message) }
                if route.simulation.holding < LinkLimits.held {
                    route.ensureHandoverSender()
                    if route.simulation.offer(message, from: id, now: route.clock(), settings: route.knobs.settings()) {
                        route.settle()
                        return .sent
                    }
                }
                guard waiting else { return .full(message) }
                route.simulation.waiting.insert(id)
                route.condition.wait(until: nil)
                route.simulation.waiting.remove(id)
            }
        }
    }

    /// Straight into the queue (the link doing nothing), counted as sent and handed over.
    private func straight(_ message: Message, waiting: Bool) -> SendResult<Message> {
        let result = waiting ? sender.send(message) : sender.trySend(message)
        if result.isAttempted { straightCount.increment() }
        return result
    }

    func close() {
        let first = route.condition.withLock {
            guard !closed else { return false }
            closed = true
            route.simulation.closeSender(id)
            route.settle()
            return true
        }
        if first { sender.close() }
    }
}
