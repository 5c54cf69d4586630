@testable import Channels
import Synchronization
import Testing

/// Blocking operations with real threads, made deterministic by waiting for explicit conditions
/// (a thread is parked, an offer is out) before acting, never by sleeping.

/// Blocking sends and receives while the kind changes under them, and wake-up order.
extension ChannelBlockingTests {
    // MARK: Changing the kind under blocked senders

    @Test("growing the capacity wakes every blocked sender")
    func growWakesSenders() {
        let rig = ThreadRig<Int>(.bounded(1), senders: 3)
        defer { rig.finish() }
        #expect(rig.sender.send(0) == .sent)
        let boxes = rig.senders.enumerated().map { index, sender in rig.spawn { sender.send(index + 1) } }
        guard waitUntil("three senders parked", { rig.channel.parked.space == 3 }) else { return }
        rig.channel.setCapacity(4)
        rig.joinAll()
        #expect(boxes.map(\.value) == [.sent, .sent, .sent])
        #expect(rig.stats.depth == 4)
        #expect(rig.channel.kind == .bounded(4))
        var values: [Int] = []
        while let v = rig.receiver.tryReceive().element { values.append(v) }
        #expect(values.first == 0)
        #expect(values.sorted() == [0, 1, 2, 3])
    }

    @Test("shrinking under a blocked sender keeps it blocked until the queue drains below the new capacity")
    func shrinkUnderBlockedSender() {
        let rig = ThreadRig<Int>(.bounded(2), senders: 2)
        defer { rig.finish() }
        #expect(rig.senders[1].send(1) == .sent)
        #expect(rig.senders[1].send(2) == .sent)
        let sender = rig.senders[0]
        let result = rig.spawn { sender.send(3) }
        guard waitUntil("the sender parked", { rig.channel.parked.space == 1 }) else { return }
        rig.channel.setCapacity(1)
        #expect(rig.channel.kind == .bounded(1))
        #expect(rig.receiver.receive().element == 1)
        // Depth 1 at capacity 1: still no room, for anybody.
        #expect(rig.senders[1].trySend(99) == .full(99))
        #expect(rig.stats.depth == 1)
        #expect(rig.receiver.receive().element == 2)
        rig.joinAll()
        #expect(result.value == .sent)
        #expect(rig.receiver.receive().element == 3)
        #expect(rig.channel.counters == counters(attempted: 3, accepted: 3, received: 3))
    }

    @Test("switching bounded to dropping resolves a blocked sender as dropped")
    func boundedToDropping() {
        let rig = ThreadRig<Int>(.bounded(1))
        defer { rig.finish() }
        #expect(rig.sender.send(1) == .sent)
        let sender = rig.sender
        let result = rig.spawn { sender.send(2) }
        guard waitUntil("the sender parked", { rig.channel.parked.space == 1 }) else { return }
        rig.channel.setKind(.dropping(1))
        rig.joinAll()
        #expect(result.value == .dropped(2))
        #expect(rig.channel.counters == counters(attempted: 2, accepted: 1, dropped: 1, depth: 1))
        #expect(rig.receiver.tryReceive().element == 1)
    }

    @Test("switching bounded to overwriting resolves a blocked sender by evicting the oldest")
    func boundedToOverwriting() {
        let rig = ThreadRig<Int>(.bounded(1))
        defer { rig.finish() }
        #expect(rig.sender.send(1) == .sent)
        let sender = rig.sender
        let result = rig.spawn { sender.send(2) }
        guard waitUntil("the sender parked", { rig.channel.parked.space == 1 }) else { return }
        rig.channel.setKind(.overwriting(1))
        rig.joinAll()
        #expect(result.value == .overwrote(evicted: 1))
        #expect(rig.receiver.tryReceive().element == 2)
        #expect(rig.channel.counters == counters(attempted: 2, accepted: 2, received: 1, overwritten: 1))
    }

    @Test("switching bounded to rendezvous turns a blocked sender into an offer behind the queue")
    func boundedToRendezvous() {
        let rig = ThreadRig<Int>(.bounded(1))
        defer { rig.finish() }
        #expect(rig.sender.send(1) == .sent)
        let sender = rig.sender
        let result = rig.spawn { sender.send(2) }
        guard waitUntil("the sender parked", { rig.channel.parked.space == 1 }) else { return }
        rig.channel.setKind(.rendezvous)
        guard waitUntil("the sender offered", { rig.channel.parked.offers == 1 }) else { return }
        #expect(rig.receiver.receive().element == 1)
        #expect(rig.receiver.receive().element == 2)
        rig.joinAll()
        #expect(result.value == .sent)
        #expect(rig.channel.counters == counters(attempted: 2, accepted: 2, received: 2))
    }

    @Test("switching rendezvous to bounded lets a waiting sender's offer into the queue")
    func rendezvousToBounded() {
        let rig = ThreadRig<Int>(.rendezvous)
        defer { rig.finish() }
        let sender = rig.sender
        let result = rig.spawn { sender.send(5) }
        guard waitUntil("the sender parked with its offer", { rig.channel.parked.handoff == 1 }) else { return }
        rig.channel.setKind(.bounded(2))
        rig.joinAll()
        #expect(result.value == .sent)
        #expect(rig.stats.depth == 1)
        #expect(rig.receiver.tryReceive().element == 5)
    }

    // MARK: Order

    @Test("FIFO per producer through a small bounded channel")
    func fifoPerProducer() {
        let producers = 3
        let perProducer = 2_000
        let rig = ThreadRig<Int>(.bounded(2), senders: producers)
        defer { rig.finish() }
        let receiver = rig.receiver
        let consumed = rig.spawn { () -> [Int] in
            var values: [Int] = []
            while let v = receiver.receive().element { values.append(v) }
            return values
        }
        for (p, sender) in rig.senders.enumerated() {
            _ = rig.spawn { () -> Bool in
                for i in 0..<perProducer {
                    guard sender.send(p * 1_000_000 + i) == .sent else { return false }
                }
                sender.close()
                return true
            }
        }
        rig.joinAll()
        let values = consumed.value ?? []
        #expect(values.count == producers * perProducer)
        for p in 0..<producers {
            let mine = values.filter { $0 / 1_000_000 == p }.map { $0 % 1_000_000 }
            #expect(mine == Array(0..<perProducer))
        }
    }
}
