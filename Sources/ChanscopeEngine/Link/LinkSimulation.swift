import DequeModule
import HeapModule

/// The simulated link and its reliable-delivery protocol as a value: no threads, no clock.
///
/// Every operation takes the time it happens at and the knob settings of that instant, and
/// every random draw comes from its own seeded generator, so a test (or `--seed`) repeats a run
/// exactly. `LinkedRoute` owns one, under its lock, and drives it from real threads.
///
/// Protocol: selective repeat with in-order delivery. Each sender numbers its messages from 1,
/// keeps each until its acknowledgement arrives and retransmits it when its timeout passes; it
/// may have `window` unacknowledged at once. The receiver acknowledges every numbered arrival
/// (duplicates too, over a reverse link with the same loss and delay), delivers in sequence and
/// holds back what arrives early. With dedup on it discards a sequence number it has delivered
/// already; with dedup off that copy reaches the consumer again.
struct LinkSimulation {
    struct Pending {
        var message: Message
        var retries: Int
        var deadline: UInt64
    }

    struct SenderState {
        var nextSequence: UInt64 = 1
        /// Unacknowledged messages by sequence number.
        var unacked: [UInt64: Pending] = [:]
        /// The worker's end is closed: it sends nothing new, but the protocol goes on resending
        /// what is unacknowledged (as a real sender lingers on close), so nothing made is lost.
        var isClosed = false
    }

    struct ReceiverState {
        /// The next sequence number to deliver.
        var expected: UInt64 = 1
        /// Early arrivals, by sequence number.
        var held: [UInt64: Message] = [:]
    }

    var counters = LinkCounters()
    var random: SplitMix64
    var wire = Heap<LinkTransmission>()
    /// Delivered messages in the order they go into the queue.
    var ready = Deque<Message>()
    var senders: [Int: SenderState] = [:]
    var receivers: [Int: ReceiverState] = [:]
    /// Whether the protocol is on, and its epoch (a new one each time it is switched on).
    var protocolOn = false
    var epoch = 0
    var openSenders = 0
    /// Senders blocked in a send until their window has room (the outlet marks them).
    var waiting: Set<Int> = []
    var serial: UInt64 = 0
    /// Data transmissions still on the wire by order (`orderBase` is the first): for overtaking.
    var inFlight = Deque<Bool>()
    var orderBase: UInt64 = 0
    /// Round-trip times (ack arrival, nanoseconds) of the last `rttWindow`.
    var roundTrips = Deque<(time: UInt64, nanos: UInt64)>()
    static let rttWindow: UInt64 = 2_000_000_000

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// Nothing on the wire, held, waiting or unacknowledged: the link has nothing left to do.
    var isDrained: Bool {
        counters.onWire == 0 && counters.heldOutOfOrder == 0 && counters.waitingForQueue == 0
            && senders.values.allSatisfy(\.unacked.isEmpty)
    }

    /// Drained and no protocol: a send may go straight to the queue.
    var isQuiet: Bool { !protocolOn && isDrained }

    /// `isQuiet` and `isDrained` for the route, which calls this on every change: `mutating` so
    /// the call works on the route's value in place (a getter may copy the whole simulation).
    mutating func quietness() -> (quiet: Bool, drained: Bool) {
        let drained = isDrained
        return (!protocolOn && drained, drained)
    }

    /// Messages the link holds now (on the wire or held back): what `LinkLimits.held` bounds.
    var holding: UInt64 { counters.onWire &+ counters.heldBack }

    // MARK: Senders

    /// A new sending end; returns its identity.
    mutating func openSender(_ id: Int) {
        senders[id] = SenderState()
        openSenders += 1
    }

    /// A sending end went away; what it has unacknowledged is still resent until acknowledged.
    mutating func closeSender(_ id: Int) {
        guard let state = senders[id], !state.isClosed else { return }
        openSenders -= 1
        waiting.remove(id)
        if state.unacked.isEmpty {
            senders[id] = nil
        } else {
            senders[id]?.isClosed = true
        }
    }

    /// Forgets a closed sender once nothing of it is left unacknowledged.
    mutating func retireIfDone(_ id: Int) {
        if let state = senders[id], state.isClosed, state.unacked.isEmpty { senders[id] = nil }
    }

    /// Hands a message to the link at `now`; false (nothing counted) when the sender's window is
    /// full, so the sender has to wait.
    mutating func offer(_ message: Message, from sender: Int, now: UInt64, settings: LinkSettings) -> Bool {
        apply(settings, now: now)
        var sequence: UInt64 = 0
        if protocolOn {
            // Changed in place: a copy of the state would copy its dictionary on every send.
            guard senders[sender, default: SenderState()].unacked.count < settings.windowCount else { return false }
            sequence = senders[sender, default: SenderState()].nextSequence
            senders[sender, default: SenderState()].nextSequence += 1
            senders[sender, default: SenderState()].unacked[sequence] = Pending(
                message: message, retries: 0, deadline: now &+ settings.timeoutNanos)
        }
        counters.sent &+= 1
        transmit(message, from: sender, sequence: sequence, now: now, settings: settings)
        return true
    }

    /// Whether `sender` has room in its window now.
    func hasRoom(_ sender: Int, settings: LinkSettings) -> Bool {
        !protocolOn || (senders[sender]?.unacked.count ?? 0) < settings.windowCount
    }

    // MARK: The wire

    /// Puts one transmission (and maybe the link's extra copy of it) on the wire, or loses it.
    mutating func transmit(_ message: Message, from sender: Int, sequence: UInt64, now: UInt64, settings: LinkSettings) {
        let lost = draw(percent: settings.lossPercent)
        let copied = draw(percent: settings.duplicatePercent)
        guard !lost else {
            counters.lost &+= 1
            return
        }
        let frame = LinkTransmission.DataFrame(
            message: message, sender: sender, sequence: sequence, epoch: epoch, isCopy: false, sentAt: now, order: 0)
        put(frame, now: now, settings: settings)
        if copied {
            counters.duplicated &+= 1
            var copy = frame
            copy.isCopy = true
            put(copy, now: now, settings: settings)
        }
    }

    private mutating func put(_ frame: LinkTransmission.DataFrame, now: UInt64, settings: LinkSettings) {
        var frame = frame
        frame.order = orderBase &+ UInt64(inFlight.count)
        inFlight.append(true)
        counters.onWire &+= 1
        push(.data(frame), now: now, settings: settings)
    }

    /// Sends an acknowledgement back over the reverse link, with the same loss and delay.
    mutating func acknowledge(_ frame: LinkTransmission.DataFrame, now: UInt64, settings: LinkSettings) {
        counters.acksSent &+= 1
        guard !draw(percent: settings.lossPercent) else {
            counters.acksLost &+= 1
            return
        }
        counters.acksOnWire &+= 1
        push(.ack(.init(sender: frame.sender, sequence: frame.sequence, epoch: frame.epoch, echo: frame.sentAt)), now: now, settings: settings)
    }

    private mutating func push(_ frame: LinkTransmission.Frame, now: UInt64, settings: LinkSettings) {
        let jitter = UInt64.nanoseconds(fromMilliseconds: settings.jitterMilliseconds)
        let extra = jitter > 0 ? random.next() % (jitter &+ 1) : 0
        let arrival = now &+ UInt64.nanoseconds(fromMilliseconds: settings.delayMilliseconds) &+ extra
        wire.insert(LinkTransmission(arrival: arrival, serial: serial, frame: frame))
        serial &+= 1
    }

    /// One draw: true with `percent` % probability (a draw is made whatever the percentage, so
    /// a slider move does not shift the rest of a seeded run).
    mutating func draw(percent: Double) -> Bool {
        let unit = Double(random.next() >> 11) / Double(1 << 53)
        return unit * 100 < percent
    }

    // MARK: Protocol on and off

    /// Switches the protocol on (a new epoch: numbering restarts on both ends) or off (nothing is
    /// retransmitted any more, and what the receiver held back goes on to the queue).
    mutating func apply(_ settings: LinkSettings, now: UInt64) {
        guard settings.acks != protocolOn else { return }
        protocolOn = settings.acks
        if protocolOn { epoch += 1 }
        for (id, state) in senders {
            if state.isClosed { senders[id] = nil } else { senders[id] = SenderState() }
        }
        flushHeld()
        receivers = [:]
    }

    /// Delivers everything held back, in sequence order per sender.
    mutating func flushHeld() {
        for id in receivers.keys.sorted() {
            guard let held = receivers[id]?.held, !held.isEmpty else { continue }
            for sequence in held.keys.sorted() {
                counters.heldOutOfOrder &-= 1
                deliver(held[sequence]!, duplicate: false)
            }
            receivers[id]?.held = [:]
        }
    }

    /// Puts an arrival in line for the queue.
    mutating func deliver(_ message: Message, duplicate: Bool) {
        counters.delivered &+= 1
        if duplicate { counters.dupDelivered &+= 1 }
        counters.waitingForQueue &+= 1
        ready.append(message)
    }

    // MARK: Into the queue

    /// Takes the next message for the queue; it stays counted as waiting until `handedOver`.
    mutating func takeReady() -> Message? { ready.popFirst() }

    /// The message taken went into the channel (whatever the channel then did with it).
    mutating func handedOver() {
        counters.waitingForQueue &-= 1
        counters.handedOver &+= 1
    }

    /// The message taken could not be put in (the link is stopping): it waits again.
    mutating func returnReady(_ message: Message) { ready.prepend(message) }

    /// A round-trip time measured at `now`.
    mutating func recordRoundTrip(_ nanos: UInt64, now: UInt64) {
        roundTrips.append((now, nanos))
        while let first = roundTrips.first, now &- first.time > Self.rttWindow { roundTrips.removeFirst() }
        if roundTrips.count > 100_000 { roundTrips.removeFirst() }
    }
}
