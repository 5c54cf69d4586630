import Channels

/// What the simulated link costs, for `chanscope bench`: a linked channel with every knob at 0
/// against the plain channel, and the protocol at 10% loss end to end.
public enum LinkBenchmark {
    /// The variants measured.
    public enum Variant: String, CaseIterable, Sendable {
        case plain = "plain bounded(1024)"
        case transparent = "link, every knob 0"
        case reliable = "link, protocol, 10% loss"
    }

    /// The protocol variant's settings: window 64, timeout 5 ms, no delay, dedup on.
    static let reliableKnobs: [KnobSpec] = [
        KnobSpec(name: "loss", value: 10, min: 0, max: 100), KnobSpec(name: "timeout", value: 5, min: 1, max: 1000),
        KnobSpec(name: "window", value: 64, min: 1, max: 1024),
    ]

    /// A route for the variant over a fresh bounded(1024) channel, its link started.
    static func route(_ variant: Variant) -> (route: any MessageRoute, link: LinkedRoute?) {
        let channel = Channel<Message>(kind: .bounded(1024))
        guard variant != .plain else { return (ChannelRoute(channel: channel), nil) }
        let knobs = variant == .reliable ? reliableKnobs : [KnobSpec(name: "loss", value: 0, min: 0, max: 100)]
        let board = KnobBoard(specs: knobs, ids: knobs.map { .preset($0.name) })
        let spec = variant == .reliable
            ? LinkSpec(loss: "loss", reliability: .init(timeout: "timeout", window: "window"))
            : LinkSpec(loss: "loss", duplicate: nil, delay: nil, jitter: nil)
        let link = LinkedRoute(channel: channel, spec: spec, knobs: board, seed: 1)
        link.start()
        return (link, link)
    }

    /// Nanoseconds of the thread's own CPU per message (one send and one receive) on the plain
    /// channel and on a link with every knob at 0, one thread sending a batch of 512 and
    /// receiving it again: no scheduling noise. The two take turns batch by batch, so a machine
    /// that speeds up or slows down (other work, frequency) slows both alike.
    public static func oneThreadNanoseconds(messages: Int) -> (plain: Double, link: Double) {
        let plain = route(.plain)
        let linked = route(.transparent)
        defer { linked.link?.stop() }
        let ends = [plain, linked].map { (outlet: $0.route.makeOutlet(), inlet: $0.route.makeInlet()) }
        defer { for end in ends { end.outlet.close(); end.inlet.close() } }
        let batch = 512
        let batches = max(1, messages / batch)
        var elapsed: [UInt64] = [0, 0]
        var sums: [UInt64] = [0, 0]
        for round in 0..<batches {
            // Each goes first in every other round: the second of two runs back to back is slower.
            for which in round % 2 == 0 ? [0, 1] : [1, 0] {
                let (outlet, inlet) = ends[which]
                let start = ThreadCPUClock.currentThreadNanoseconds()
                for offset in 0..<batch { _ = outlet.send(Message(sequence: UInt64(round * batch + offset), origin: 1)) }
                for _ in 0..<batch {
                    if case .received(let message, _) = inlet.receive() { sums[which] &+= message.sequence }
                }
                elapsed[which] &+= ThreadCPUClock.currentThreadNanoseconds() &- start
            }
        }
        let n = UInt64(batches * batch)
        precondition(sums.allSatisfy { $0 == n &* (n &- 1) / 2 }, "link benchmark lost messages")
        return (Double(elapsed[0]) / Double(n), Double(elapsed[1]) / Double(n))
    }

    /// Messages per second from a producer thread to a consumer thread, and whether every
    /// message arrived exactly once (the protocol's promise, checked by sum and count).
    public static func throughput(_ variant: Variant, messages: Int) -> (perSecond: Double, ok: Bool) {
        let (route, link) = route(variant)
        defer { link?.stop() }
        let outlet = route.makeOutlet()
        let inlet = route.makeInlet()
        let start = MonotonicClock.now()
        let producer = JoinableThread(name: "bench producer") {
            for index in 0..<messages { _ = outlet.send(Message(sequence: UInt64(index), origin: 1)) }
            outlet.close()
        }
        var sum: UInt64 = 0
        var count = 0
        while count < messages, case .received(let message, _) = inlet.receive() {
            sum &+= message.sequence
            count += 1
        }
        let elapsed = MonotonicClock.now() &- start
        producer.join()
        inlet.close()
        let n = UInt64(messages)
        let ok = count == messages && sum == n &* (n &- 1) / 2
        return (elapsed > 0 ? Double(messages) / (Double(elapsed) / 1e9) : 0, ok)
    }
}
