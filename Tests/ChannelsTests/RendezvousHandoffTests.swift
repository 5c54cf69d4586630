@testable import Channels
import Testing

/// The rendezvous hand-off slot (`ChannelFastPath.postOffer` / `takeOffer`): a blocking send
/// offers its message there while no receiver is parked, and withdraws it to the state machine
/// when nobody comes. A receiver that never parks (`tryReceive` in a loop) meets senders there.
@Suite("Rendezvous hand-off slot")
struct RendezvousHandoffTests {
    @Test("every message offered through the slot arrives once, in order, and is counted once")
    func messagesArriveOnceInOrder() {
        let rig = ThreadRig<Int>(.rendezvous)
        defer { rig.finish() }
        let receiver = rig.receiver
        let count = 500
        let received = rig.spawn { () -> [Int] in
            var values: [Int] = []
            while values.count < count {
                if case .received(let value, _) = receiver.tryReceive() { values.append(value) }
            }
            return values
        }
        for value in 0..<count {
            #expect(rig.sender.send(value) == .sent)
            // The send returned, so a receiver has taken this message (a rendezvous).
            #expect(rig.channel.counters.received == UInt64(value + 1))
        }
        rig.joinAll()
        #expect(received.value == Array(0..<count))
        #expect(rig.channel.counters == counters(
            attempted: UInt64(count), accepted: UInt64(count), received: UInt64(count)))
        #expect(rig.channel.parked == ParkedCounts())
    }

    @Test("a send that gives up while a receiver takes its offer is either sent or handed back, never both")
    func withdrawRacesWithTake() {
        let rig = ThreadRig<Int>(.rendezvous)
        defer { rig.finish() }
        let receiver = rig.receiver
        let stop = Flag()
        let received = rig.spawn { () -> [Int] in
            var values: [Int] = []
            while !stop.isSet {
                if case .received(let value, _) = receiver.tryReceive() { values.append(value) }
            }
            while case .received(let value, _) = receiver.tryReceive() { values.append(value) }
            return values
        }
        var sent: [Int] = []
        for value in 0..<1_000 {
            switch rig.sender.send(value, timeout: 0.000_01) {
            case .sent: sent.append(value)
            case .timedOut(let back): #expect(back == value)
            case let other: Issue.record("unexpected \(other)")
            }
        }
        stop.set()
        rig.joinAll()
        #expect(received.value == sent)
        let counters = rig.channel.counters
        #expect(counters.accepted == UInt64(sent.count) && counters.received == UInt64(sent.count))
        #expect(counters.identitiesHold)
    }

    @Test("class messages handed over, withdrawn or timed out are released exactly once")
    func classMessagesAreReleased() {
        let released = Counter()
        let created = 200
        do {
            let rig = ThreadRig<ChannelRingTests.Tracked>(.rendezvous)
            defer { rig.finish() }
            let receiver = rig.receiver
            let taken = rig.spawn { () -> Int in
                var count = 0
                while count < created / 2 {
                    if case .received = receiver.tryReceive() { count += 1 }
                }
                return count
            }
            for value in 0..<(created / 2) {
                #expect(rig.sender.send(ChannelRingTests.Tracked(value) { released.add() }).isSent)
            }
            rig.joinAll()
            #expect(taken.value == created / 2)
            // Nobody receives now: each offer is withdrawn from the slot and then times out.
            for value in 0..<(created / 2) {
                let result = rig.sender.send(ChannelRingTests.Tracked(value) { released.add() }, timeout: 0.000_01)
                #expect(result.isTimedOut)
            }
        }
        #expect(released.value == created)
    }
}

extension SendResult {
    /// Whether the message went out.
    var isSent: Bool {
        if case .sent = self { return true }
        return false
    }

    /// Whether the send timed out (its message handed back).
    var isTimedOut: Bool {
        if case .timedOut = self { return true }
        return false
    }
}
