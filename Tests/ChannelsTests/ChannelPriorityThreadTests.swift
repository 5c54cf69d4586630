@testable import Channels
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `priority` kind with real threads: blocking both ways, and exact accounting with every
/// level in flight while producers, consumers, a sampler and live kind changes run together.
@Suite("Channel priority kind, threads")
struct ChannelPriorityThreadTests {
    /// Three levels: a value's level is its top byte (`value(level:producer:index:)`).
    static let levels = PriorityLevels<UInt64>(count: 3) { Int($0 >> 56) }

    static func value(level: Int, producer: Int, index: Int) -> UInt64 {
        UInt64(level) << 56 | UInt64(producer) << 32 | UInt64(index)
    }

    @Test("a receiver parked on an empty priority channel wakes on a send; a sender parked on a full one on a receive")
    func blocking() {
        let channel = Channel<UInt64>(kind: .priority(1), levels: Self.levels)
        let tx = channel.makeSender()
        let rx = channel.makeReceiver()
        let got = ResultBox<UInt64>()
        let receiver = JoinableThread { got.value = rx.receive().element }
        waitUntil("the receiver is blocked") { channel.stats().blockedReceivers == 1 }
        #expect(tx.send(7) == .sent)
        receiver.join()
        #expect(got.value == 7)

        #expect(tx.send(1) == .sent)
        let sent = ResultBox<String>()
        let sender = JoinableThread { sent.value = tx.send(Self.value(level: 2, producer: 0, index: 2)).name }
        waitUntil("the sender is blocked") { channel.stats().blockedSenders == 1 }
        #expect(rx.receive().element == 1)
        sender.join()
        #expect(sent.value == "sent")
        #expect(rx.tryReceive().element == Self.value(level: 2, producer: 0, index: 2))
        #expect(channel.counters == counters(attempted: 3, accepted: 3, received: 3))
    }

    @Test("producers of every level and consumers: exact totals, identities on every reading, FIFO per producer and level",
          arguments: [false, true])
    func contention(switching: Bool) {
        let producers = 3, consumers = 2, perProducer = 3_000
        let channel = Channel<UInt64>(kind: .priority(8), levels: Self.levels)
        channel.setAging(.microseconds(50))
        let senders = (0..<producers).map { _ in channel.makeSender() }
        let receivers = (0..<consumers).map { _ in channel.makeReceiver() }
        let done = Flag()
        var threads: [JoinableThread] = []
        let tallies = receivers.map { rx in
            let box = ResultBox<(count: Int, sum: UInt64, outOfOrder: Int)>()
            threads.append(JoinableThread {
                var last = [UInt64: UInt64]()
                var tally = (count: 0, sum: UInt64(0), outOfOrder: 0)
                while let v = rx.receive().element {
                    tally.count += 1
                    tally.sum &+= v
                    let stream = v >> 32
                    if let previous = last[stream], v & 0xffff_ffff <= previous { tally.outOfOrder += 1 }
                    last[stream] = v & 0xffff_ffff
                }
                box.value = tally
            })
            return box
        }
        var sentSum: UInt64 = 0
        for p in 0..<producers {
            for i in 1...perProducer { sentSum &+= Self.value(level: i % 3, producer: p, index: i) }
        }
        let producerThreads = senders.enumerated().map { p, tx in
            JoinableThread {
                for i in 1...perProducer { _ = tx.send(Self.value(level: i % 3, producer: p, index: i)) }
            }
        }
        let violations = ResultBox<[String]>()
        threads.append(JoinableThread {
            var found: [String] = []
            var step = 0
            repeat {
                let stats = channel.stats()
                if let violation = stats.counters.identityViolation { found.append(violation) }
                if stats.kind.isPriority && stats.levels.map(\.depth).reduce(0, +) != stats.depth {
                    found.append("levels \(stats.levels.map(\.depth)) != depth \(stats.depth)")
                }
                if switching {
                    step += 1
                    channel.setKind([.bounded(4), .priority(nil), .unbounded, .priority(2), .rendezvous, .priority(8)][step % 6])
                }
                sched_yield()
            } while !done.isSet
            violations.value = found
        })
        for thread in producerThreads { thread.join() }
        for tx in senders { tx.close() }
        done.set()
        for thread in threads { thread.join() }
        let got = tallies.compactMap(\.value)
        #expect(got.map(\.count).reduce(0, +) == producers * perProducer)
        #expect(got.reduce(UInt64(0)) { $0 &+ $1.sum } == sentSum)
        #expect(got.allSatisfy { $0.outOfOrder == 0 }, "FIFO per producer and level")
        #expect(violations.value == [])
        let c = channel.counters
        #expect(c == counters(attempted: UInt64(producers * perProducer), accepted: UInt64(producers * perProducer),
                              received: UInt64(producers * perProducer)))
    }
}
