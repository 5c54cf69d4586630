@testable import Channels
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Several producers and consumers at once on every kind: exact totals and sums after joining,
/// the identities in every concurrent reading, FIFO per producer.
@Suite("Channel contention")
struct ChannelContentionTests {
    /// What one producer sent and what the channel handed back to it as lost.
    struct ProducerTally: Sendable {
        var sent: UInt64 = 0
        var sentSum: UInt64 = 0
        var dropped: UInt64 = 0
        var evicted: UInt64 = 0
        var lostSum: UInt64 = 0
        var unexpected: [String] = []
    }

    /// What one consumer received, and whether each producer's values came in increasing order.
    struct ConsumerTally: Sendable {
        var count: UInt64 = 0
        var sum: UInt64 = 0
        var outOfOrder = 0
        var end = ""
    }

    /// What the sampler saw.
    struct SamplerTally: Sendable {
        var readings = 0
        var violations: [String] = []
    }

    static let kinds: [ChannelKind] = [
        .unbounded, .bounded(1), .bounded(8), .rendezvous, .dropping(4), .overwriting(4), .priority(4), .priority(nil),
    ]

    /// Value `i` (from 1) of producer `p`: distinct, and it names its producer.
    static func value(producer p: Int, index i: Int) -> UInt64 { UInt64(p) << 32 | UInt64(i) }

    @Test("producers and consumers together: exact totals, identities, FIFO per producer", arguments: kinds)
    func contention(kind: ChannelKind) {
        run(kind: kind, producers: 3, consumers: 2, perProducer: kind == .rendezvous ? 1_000 : 3_000, switching: false)
    }

    @Test("kind and capacity changing live under contention keeps exact accounting")
    func liveKindChanges() {
        run(kind: .bounded(2), producers: 3, consumers: 2, perProducer: 3_000, switching: true)
    }

    @Test("timed sends racing receivers: every sent message is received, no timed-out one is",
          arguments: [ChannelKind.rendezvous, .bounded(1)])
    func timedSendsRace(kind: ChannelKind) {
        let channel = Channel<UInt64>(kind: kind)
        let producers = 2
        let perProducer = 1_500
        let senders = (0..<producers).map { _ in channel.makeSender() }
        let receivers = (0..<2).map { _ in channel.makeReceiver() }
        let barrier = StartBarrier(parties: producers + receivers.count)
        var threads: [JoinableThread] = []
        let consumed = receivers.map { receiver in
            let box = ResultBox<(count: UInt64, sum: UInt64)>()
            threads.append(JoinableThread {
                barrier.arriveAndWait()
                var count: UInt64 = 0
                var sum: UInt64 = 0
                while true {
                    switch receiver.receive(timeout: 0.0003) {
                    case .received(let v, _):
                        count += 1
                        sum &+= v
                    case .timedOut: continue
                    default:
                        box.value = (count, sum)
                        return
                    }
                }
            })
            return box
        }
        let produced = senders.enumerated().map { p, sender in
            let box = ResultBox<(sent: UInt64, sum: UInt64, timedOut: UInt64, other: Int)>()
            threads.append(JoinableThread {
                barrier.arriveAndWait()
                var tally: (sent: UInt64, sum: UInt64, timedOut: UInt64, other: Int) = (0, 0, 0, 0)
                for i in 1...perProducer {
                    let v = Self.value(producer: p, index: i)
                    switch sender.send(v, timeout: 0.0002) {
                    case .sent:
                        tally.sent += 1
                        tally.sum &+= v
                    case .timedOut(let back):
                        if back == v { tally.timedOut += 1 } else { tally.other += 1 }
                    default: tally.other += 1
                    }
                }
                sender.close()
                box.value = tally
            })
            return box
        }
        for thread in threads { thread.join() }
        let made = produced.compactMap(\.value)
        let got = consumed.compactMap(\.value)
        #expect(made.count == producers && got.count == receivers.count)
        #expect(made.allSatisfy { $0.other == 0 })
        let sent = made.reduce(0) { $0 + $1.sent }
        let timedOut = made.reduce(0) { $0 + $1.timedOut }
        #expect(sent + timedOut == UInt64(producers * perProducer))
        #expect(got.reduce(0) { $0 + $1.count } == sent)
        #expect(got.reduce(0) { $0 &+ $1.sum } == made.reduce(0) { $0 &+ $1.sum })
        let c = channel.counters
        #expect(c.attempted == sent && c.accepted == sent && c.received == sent)
        #expect(c.identityViolation == nil)
        #expect(channel.stats().blockedSenders == 0 && channel.stats().blockedReceivers == 0)
        for receiver in receivers { receiver.close() }
    }

    func run(kind: ChannelKind, producers: Int, consumers: Int, perProducer: Int, switching: Bool) {
        let channel = Channel<UInt64>(kind: kind)
        let senders = (0..<producers).map { _ in channel.makeSender() }
        let receivers = (0..<consumers).map { _ in channel.makeReceiver() }
        let producersDone = Flag()
        let barrier = StartBarrier(parties: producers + consumers + 1 + (switching ? 1 : 0))
        var threads: [JoinableThread] = []

        let consumerBoxes = receivers.map { receiver in
            let box = ResultBox<ConsumerTally>()
            threads.append(JoinableThread {
                barrier.arriveAndWait()
                var tally = ConsumerTally()
                var last = [UInt64](repeating: 0, count: producers)
                while true {
                    let result = receiver.receive()
                    guard let v = result.element else {
                        tally.end = result.name
                        break
                    }
                    tally.count += 1
                    tally.sum &+= v
                    let p = Int(v >> 32)
                    if v & 0xffff_ffff <= last[p] { tally.outOfOrder += 1 }
                    last[p] = v & 0xffff_ffff
                }
                box.value = tally
            })
            return box
        }

        let producerBoxes = senders.enumerated().map { p, sender in
            let box = ResultBox<ProducerTally>()
            threads.append(JoinableThread {
                barrier.arriveAndWait()
                var tally = ProducerTally()
                for i in 1...perProducer {
                    let v = Self.value(producer: p, index: i)
                    tally.sent += 1
                    tally.sentSum &+= v
                    switch sender.send(v) {
                    case .sent: break
                    case .dropped(let lost):
                        tally.dropped += 1
                        tally.lostSum &+= lost
                    case .overwrote(let lost):
                        tally.evicted += 1
                        tally.lostSum &+= lost
                    case let other:
                        tally.unexpected.append(other.name)
                    }
                }
                box.value = tally
            })
            return box
        }

        let samplerBox = ResultBox<SamplerTally>()
        threads.append(JoinableThread {
            barrier.arriveAndWait()
            var tally = SamplerTally()
            repeat {
                let stats = channel.stats()
                tally.readings += 1
                if let violation = stats.counters.identityViolation {
                    tally.violations.append(violation)
                }
                if stats.depth < 0 { tally.violations.append("negative depth") }
                sched_yield()
            } while !producersDone.isSet
            samplerBox.value = tally
        })

        if switching {
            threads.append(JoinableThread {
                barrier.arriveAndWait()
                let cycle: [ChannelKind] = [
                    .bounded(1), .rendezvous, .overwriting(2), .bounded(3), .dropping(1), .unbounded,
                    .rendezvous, .dropping(3), .priority(2), .bounded(2), .overwriting(1), .priority(nil),
                ]
                var step = 0
                while !producersDone.isSet {
                    channel.setKind(cycle[step % cycle.count])
                    step += 1
                    if step % 3 == 0 { channel.setCapacity(step % 4) }
                    for _ in 0..<20 { sched_yield() }
                }
                // Leave a lossless kind so the consumers drain what is left.
                channel.setKind(.unbounded)
            })
        }

        // Producers finish first (they are threads[consumers ..< consumers + producers]), then
        // their handles close, which lets the consumers drain and see `disconnected`.
        for thread in threads[consumers..<(consumers + producers)] { thread.join() }
        for sender in senders { sender.close() }
        producersDone.set()
        for thread in threads { thread.join() }

        let made = producerBoxes.compactMap(\.value)
        let got = consumerBoxes.compactMap(\.value)
        #expect(made.count == producers && got.count == consumers)
        #expect(made.allSatisfy { $0.unexpected.isEmpty }, "\(made.flatMap(\.unexpected))")
        #expect(got.allSatisfy { $0.end == "disconnected" })
        #expect(got.allSatisfy { $0.outOfOrder == 0 }, "FIFO per producer broken")

        let sent = made.reduce(0) { $0 + $1.sent }
        let sentSum = made.reduce(0) { $0 &+ $1.sentSum }
        let dropped = made.reduce(0) { $0 + $1.dropped }
        let evicted = made.reduce(0) { $0 + $1.evicted }
        let lostSum = made.reduce(0) { $0 &+ $1.lostSum }
        let received = got.reduce(0) { $0 + $1.count }
        let receivedSum = got.reduce(0) { $0 &+ $1.sum }
        #expect(sent == UInt64(producers * perProducer))

        let c = channel.counters
        #expect(c.identityViolation == nil)
        #expect(c.attempted == sent)
        #expect(c.received == received)
        #expect(c.dropped == dropped)
        #expect(c.failed == 0 && c.discarded == 0 && c.depth == 0)
        if switching {
            // Shrinking evicts messages nobody is handed back; the counters still add up.
            #expect(c.overwritten >= evicted)
            #expect(received + dropped + c.overwritten == sent)
        } else {
            #expect(c.overwritten == evicted)
            #expect(received + dropped + evicted == sent)
            #expect(receivedSum &+ lostSum == sentSum)
            if !kind.isLossy { #expect(received == sent && receivedSum == sentSum) }
        }

        let sampler = samplerBox.value
        #expect(sampler != nil && sampler!.readings > 0)
        #expect(sampler?.violations.isEmpty == true, "\(sampler?.violations.prefix(3) ?? [])")
        for receiver in receivers { receiver.close() }
    }
}
