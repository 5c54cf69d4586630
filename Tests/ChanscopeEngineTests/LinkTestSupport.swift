@testable import ChanscopeEngine

/// A link simulation driven by hand: one sender, time in milliseconds, and the queue side
/// taking every delivered message at once (as the hand-over thread would).
struct LinkRig {
    var link: LinkSimulation
    var settings: LinkSettings
    var now: UInt64 = 0
    /// What reached the queue, in order.
    var queued: [Message] = []
    var nextSequence: UInt64 = 1

    init(seed: UInt64 = 42, _ settings: LinkSettings) {
        link = LinkSimulation(seed: seed)
        self.settings = settings
        link.openSender(1)
    }

    static func ms(_ value: Double) -> UInt64 { UInt64(value * 1_000_000) }

    /// Offers the next message; false when the window is full.
    @discardableResult
    mutating func send() -> Bool {
        let message = Message(sequence: nextSequence, origin: 1)
        guard link.offer(message, from: 1, now: now, settings: settings) else { return false }
        nextSequence += 1
        return true
    }

    /// Moves time to `milliseconds` and hands what was delivered to the queue.
    mutating func advance(toMilliseconds milliseconds: Double) {
        advance(to: Self.ms(milliseconds))
    }

    mutating func advance(to time: UInt64) {
        now = max(now, time)
        link.advance(to: now, settings: settings)
        drain()
    }

    mutating func drain() {
        while let message = link.takeReady() {
            queued.append(message)
            link.handedOver()
        }
    }

    /// Sends `count` messages as fast as the window allows, jumping time to each next event
    /// when the window is full, until every one was sent and nothing is left unacknowledged.
    mutating func sendAll(_ count: Int, gapMilliseconds: Double = 1, stepLimit: Int = 1_000_000) {
        var steps = 0
        while steps < stepLimit {
            steps += 1
            if nextSequence <= UInt64(count), send() {
                advance(to: now &+ Self.ms(gapMilliseconds))
                continue
            }
            guard let next = link.nextEvent else { break }
            advance(to: max(next, now))
        }
        // Let the last acknowledgements arrive.
        while let next = link.nextEvent, steps < stepLimit {
            steps += 1
            advance(to: max(next, now))
        }
    }

    var counters: LinkCounters { link.counters }
}
