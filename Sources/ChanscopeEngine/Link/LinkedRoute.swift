import Channels
import Synchronization

/// Messages one outlet sent straight into the queue; written by its worker only.
final class StraightCount: Sendable {
    private let count = Atomic<UInt64>(0)
    var value: UInt64 { count.load(ordering: .acquiring) }
    /// One more; only the owning worker's thread calls it, so a load and a store suffice.
    func increment() { count.store(count.load(ordering: .relaxed) &+ 1, ordering: .releasing) }
}

/// A channel behind a simulated link: senders hand messages to the link, which holds each until
/// its arrival time and then puts it into the channel's queue; receivers use the channel as is.
///
/// Two threads per linked channel: the link's clock thread sleeps until the next arrival or
/// retransmission timer (`LinkSimulation.nextEvent`) and handles it at its due time; the
/// hand-over thread puts delivered messages into the queue with the channel's own blocking
/// rules, so a full bounded queue holds arrivals back (counted as held) without stopping acks
/// and timers. A blocked receiver wakes when the hand-over puts the message in, on time.
///
/// When every link knob is 0 and no protocol runs, a send goes straight into the queue (the
/// link costs a few atomic loads), counted as sent and handed over at once.
final class LinkedRoute: MessageRoute, @unchecked Sendable {
    let channel: Channel<Message>
    let knobs: LinkKnobs
    let clock: @Sendable () -> UInt64
    /// Guards everything below and wakes the threads and senders waiting for a window.
    let condition = WaitCondition()
    var simulation: LinkSimulation
    /// The link's own sending end on the channel, open while the link holds messages or has
    /// senders: so the channel's senders are gone only once the wire has drained.
    var handoverSender: Sender<Message>?
    var nextSenderID = 1
    var stopping = false
    private var threads: [JoinableThread] = []
    /// Each outlet's count of messages sent straight into the queue (see the type's comment),
    /// closed ones included: one writer each, so counting costs a store, not a locked add.
    var directCounts: [StraightCount] = []
    /// Whether a send may go straight into the queue now: every knob at 0, no protocol, nothing
    /// on the wire or held. Published by `settle`, which runs after every change of the link
    /// and whenever a knob moves (`knobsChanged`), so a send pays one atomic load for it.
    let straightAllowed: Atomic<Bool>

    init(channel: Channel<Message>, spec: LinkSpec, knobs: KnobBoard, seed: UInt64, clock: @escaping @Sendable () -> UInt64 = MonotonicClock.now) {
        self.channel = channel
        let linkKnobs = LinkKnobs(spec: spec, board: knobs)
        self.knobs = linkKnobs
        // From the first send on, before the clock thread has looked at anything.
        straightAllowed = Atomic(linkKnobs.isTransparent)
        self.clock = clock
        simulation = LinkSimulation(seed: seed)
    }

    func makeOutlet() -> any MessageOutlet {
        let id = condition.withLock {
            let id = nextSenderID
            nextSenderID += 1
            simulation.openSender(id)
            return id
        }
        let count = StraightCount()
        condition.withLock { directCounts.append(count) }
        return LinkOutlet(route: self, id: id, sender: channel.makeSender(), straight: count)
    }

    func makeInlet() -> any MessageInlet { channel.makeReceiver() }

    // MARK: Threads

    /// Starts the clock and hand-over threads. Call once.
    func start() {
        threads = [
            JoinableThread(name: "link clock") { [self] in runClock() },
            JoinableThread(name: "link handover") { [self] in runHandover() },
        ]
    }

    /// Stops both threads and waits for them; what is still on the wire stays counted there.
    func stop() {
        let sender: Sender<Message>? = condition.withLock {
            stopping = true
            return handoverSender
        }
        condition.broadcast()
        sender?.close()  // cuts short a hand-over blocked on a full queue
        for thread in threads { thread.join() }
        threads = []
    }

    private func runClock() {
        condition.withLock {
            while !stopping {
                let now = clock()
                simulation.advance(to: now, settings: knobs.settings())
                settle()
                // Knob changes do not signal the link: it looks again at least every 50 ms.
                let next = min(simulation.nextEvent ?? .max, now &+ 50_000_000)
                condition.wait(until: next)
            }
        }
    }

    private func runHandover() {
        while let (message, sender) = nextHandover() {
            let result = sender.send(message)
            condition.withLock {
                if case .cancelled(let back) = result {
                    simulation.returnReady(back)
                } else {
                    simulation.handedOver()
                }
                settle()
            }
        }
    }

    /// Waits for a delivered message and takes it, or nil when the link stops.
    private func nextHandover() -> (Message, Sender<Message>)? {
        condition.withLock {
            while !stopping {
                if let sender = handoverSender, let message = simulation.takeReady() { return (message, sender) }
                condition.wait(until: nil)
            }
            return nil
        }
    }

    /// After a change (lock held): publishes whether sends may go straight, closes the link's own
    /// channel end once nothing is left to hand over and no sender is open, and wakes waiters.
    func settle() {
        let state = simulation.quietness()
        straightAllowed.store(state.quiet && knobs.isTransparent, ordering: .releasing)
        if state.drained && simulation.openSenders == 0, let sender = handoverSender {
            sender.close()
            handoverSender = nil
        }
        condition.broadcast()
    }

    /// A knob moved: publishes `straightAllowed` before the control returns (so no send after it
    /// goes straight past a loss just set), and wakes the clock thread to apply the rest.
    func knobsChanged() { condition.withLock { settle() } }

    /// Opens the link's own channel end if it is not open (lock held).
    func ensureHandoverSender() {
        if handoverSender == nil { handoverSender = channel.makeSender() }
    }

    // MARK: Reading

    /// The link as of now, for the sampler.
    func reading() -> LinkReading {
        return condition.withLock {
            let directCount = directCounts.reduce(0) { $0 &+ $1.value }
            let settings = knobs.settings()
            let rtt = simulation.roundTripMilliseconds()
            var reading = LinkReading(
                counters: simulation.counters.addingDirect(directCount), settings: settings,
                status: simulation.status(settings: settings),
                roundTripP50Milliseconds: rtt?.p50, roundTripP99Milliseconds: rtt?.p99)
            reading.linkEndOpen = handoverSender != nil
            return reading
        }
    }
}
