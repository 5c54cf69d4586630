@testable import Channels
import Testing

/// The calls a user writes, as the peers spell them: `Channel.make`, `Duration` timeouts,
/// results that compare by element, iterating a receiver, and `SendResult` saying what the
/// counters count.
@Suite("Channel API")
struct ChannelAPITests {
    static let allKinds: [ChannelKind] = [.unbounded, .bounded(2), .rendezvous, .dropping(2), .overwriting(2), .priority(2), .priority(nil)]

    // MARK: make

    @Test("make gives both ends of one new channel of the kind", arguments: allKinds)
    func make(kind: ChannelKind) {
        let (tx, rx) = Channel<Int>.make(kind)
        #expect(tx.channel === rx.channel)
        #expect(tx.channel.kind == kind)
        let stats = tx.channel.stats()
        #expect(stats.senders == 1 && stats.receivers == 1)
        if kind != .rendezvous {
            #expect(tx.send(7) == .sent)
            #expect(rx.receive() == .received(7))
        }
        tx.close()
        #expect(rx.receive() == .disconnected)
    }

    @Test("make passes stampsMessages on")
    func makeWithoutStamps() {
        let (tx, rx) = Channel<Int>.make(.unbounded, stampsMessages: false)
        #expect(!tx.channel.stampsMessages)
        #expect(tx.send(1) == .sent)
        #expect(rx.receive().acceptedAt == 0)
    }

    // MARK: Receive results

    @Test("a received value compares by its element, not by its stamp")
    func receivedComparesByElement() {
        let (tx, rx) = Channel<Int>.make(.unbounded)
        #expect(tx.send(5) == .sent)
        let result = rx.receive()
        #expect(result == .received(5))
        #expect(result != .received(6))
        #expect(result.acceptedAt ?? 0 > 0, "a stamping channel stamps the first message")
        #expect(ReceiveResult.received(5, acceptedAt: 1) == .received(5, acceptedAt: 2))
        #expect(ReceiveResult<Int>.received(5) != .empty)
        #expect(ReceiveResult<Int>.empty.acceptedAt == nil)
        let others: [ReceiveResult<Int>] = [.empty, .timedOut, .disconnected, .cancelled]
        for (i, a) in others.enumerated() {
            for (j, b) in others.enumerated() { #expect((a == b) == (i == j), "\(a.name) == \(b.name)") }
        }
    }

    // MARK: Iterating

    @Test("for-in takes every message, then ends at disconnect")
    func forInEndsAtDisconnect() {
        let (tx, rx) = Channel<Int>.make(.bounded(4))
        let consumer = ResultBox<[Int]>()
        let thread = JoinableThread { consumer.value = Array(rx) }
        for v in 1...100 { #expect(tx.send(v) == .sent) }
        tx.close()
        thread.join()
        #expect(consumer.value == Array(1...100))
    }

    @Test("for-in over queued messages of a gone sender drains them")
    func forInDrainsAfterSenderGone() {
        let (tx, rx) = Channel<Int>.make(.unbounded)
        for v in 1...3 { #expect(tx.send(v) == .sent) }
        tx.close()
        var seen: [Int] = []
        for value in rx { seen.append(value) }
        #expect(seen == [1, 2, 3])
    }

    @Test("for-in ends when its receiver is closed while it waits")
    func forInEndsOnClose() {
        let (tx, rx) = Channel<Int>.make(.bounded(1))
        let consumer = ResultBox<[Int]>()
        let thread = JoinableThread { consumer.value = Array(rx) }
        #expect(tx.send(1) == .sent)
        waitUntil("the receiver is parked again") { rx.channel.parked.receivers == 1 }
        rx.close()
        thread.join()
        #expect(consumer.value == [1])
        #expect(!tx.isClosed, "the sender is still live: the loop ended on close, not disconnect")
    }

    @Test("tryIter and drain take what is queued without waiting for more")
    func tryIterAndDrain() {
        let (tx, rx) = Channel<Int>.make(.unbounded)
        #expect(rx.drain().isEmpty)
        for v in 1...3 { #expect(tx.send(v) == .sent) }
        #expect(Array(rx.tryIter()) == [1, 2, 3])
        #expect(rx.drain().isEmpty, "a live sender, nothing queued: no wait")
        for v in 4...5 { #expect(tx.send(v) == .sent) }
        #expect(rx.drain() == [4, 5])
        #expect(tx.send(6) == .sent)
        tx.close()
        #expect(rx.drain() == [6])
        #expect(rx.tryReceive() == .disconnected)
    }

    // MARK: Send results and the counters

    @Test("isAccepted, isAttempted and evicted say what the counters count", arguments: allKinds)
    func sendResultMatchesCounters(kind: ChannelKind) {
        let (tx, rx) = Channel<Int>.make(kind)
        let closed = tx.clone()
        closed.close()
        let sends: [() -> SendResult<Int>] = [
            { tx.trySend(1) }, { tx.trySend(2) }, { tx.trySend(3) }, { tx.trySend(4) },
            { tx.send(5, timeout: .zero) },
            { closed.send(6) },
            {
                rx.close()
                return tx.trySend(7)
            },
        ]
        var kinds = Set<String>()
        for send in sends {
            let before = tx.channel.counters
            let result = send()
            let after = tx.channel.counters
            kinds.insert(result.name)
            #expect(after.accepted - before.accepted == (result.isAccepted ? 1 : 0), "\(result.name): accepted")
            #expect(after.attempted - before.attempted == (result.isAttempted ? 1 : 0), "\(result.name): attempted")
            #expect(after.overwritten - before.overwritten == (result.evicted == nil ? 0 : 1), "\(result.name): evicted")
            let dropped: UInt64 = if case .dropped = result { 1 } else { 0 }
            #expect(after.dropped - before.dropped == dropped, "\(result.name): dropped")
            #expect(after.identitiesHold)
        }
        #expect(kinds.contains("cancelled") && kinds.contains("disconnected"))
        switch kind {
        case .dropping: #expect(kinds.contains("dropped"))
        case .overwriting: #expect(kinds.contains("overwrote"))
        case .bounded, .rendezvous, .priority(_?): #expect(kinds.contains("full") && kinds.contains("timedOut"))
        case .unbounded, .priority(nil): #expect(kinds.contains("sent"))
        }
    }

    @Test("an overwriting send hands back the evicted message, a dropping one the new")
    func evictedAndDropped() {
        let (tx, rx) = Channel<Int>.make(.overwriting(1))
        #expect(tx.send(1) == .sent)
        let overwrote = tx.send(2)
        #expect(overwrote.isAccepted && overwrote.evicted == 1)
        let (dtx, drx) = Channel<Int>.make(.dropping(1))
        #expect(dtx.send(1) == .sent)
        let dropped = dtx.send(2)
        #expect(!dropped.isAccepted && dropped.isAttempted && dropped.evicted == nil && dropped.returnedElement == 2)
        #expect(rx.drain() == [2] && drx.drain() == [1])
    }

    @Test("an end let go at once is gone: the other end sees it disconnected")
    func discardedEnd() {
        let (tx, _) = Channel<Int>.make(.unbounded)
        #expect(tx.send(1) == .disconnected(1))
        let (_, rx) = Channel<Int>.make(.unbounded)
        #expect(rx.receive() == .disconnected)
    }
}
