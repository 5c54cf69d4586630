@testable import Channels
import Synchronization
import Testing

@Suite("Select: one waiter on several channels")
struct SelectTests {
    @Test("ordered takes the first listed that has a message; fair takes each ready one about equally")
    func orderAndFairness() {
        let (atx, arx) = Channel<Int>.make(.unbounded)
        let (btx, brx) = Channel<Int>.make(.unbounded)
        var gone = Set<Int>()
        let waiter = SelectWaiter()
        for n in 0..<2000 { _ = atx.send(n); _ = btx.send(n) }
        var fromFirst = 0
        for _ in 0..<100 {
            if case .received(_, let index, _) = Select.receive(from: [arx, brx], order: .ordered, waits: false, gone: &gone, waiter: waiter) {
                if index == 0 { fromFirst += 1 }
            }
        }
        #expect(fromFirst == 100, "ordered never takes the second while the first has one")
        var generator = SystemRandomNumberGenerator()
        var counts = [0, 0]
        for _ in 0..<1000 {
            if case .received(_, let index, _) = Select.receive(
                from: [arx, brx], order: .fair, waits: false, gone: &gone, waiter: waiter,
                pick: { Int.random(in: 0..<$0, using: &generator) }) {
                counts[index] += 1
            }
        }
        #expect(counts[0] + counts[1] == 1000)
        #expect((400...600).contains(counts[1]), "fair: \(counts)")
        _ = (atx, btx)
    }

    @Test("A fair order is a permutation whatever the draws; ordered is as listed")
    func sequences() {
        #expect(Select.sequence(count: 4, order: .ordered, pick: { _ in 0 }) == [0, 1, 2, 3])
        for draw in [{ (_: Int) in 0 }, { $0 - 1 }, { _ in 99 }, { _ in -5 }] {
            #expect(Select.sequence(count: 5, order: .fair, pick: draw).sorted() == [0, 1, 2, 3, 4])
        }
    }

    @Test("A blocked select wakes on a send to the second channel, counted blocked on both while it waits")
    func blockedSelectWakes() {
        let (atx, arx) = Channel<Int>.make(.bounded(4))
        let (btx, brx) = Channel<Int>.make(.rendezvous)
        let result = ResultBox<(Int, Int)>()
        let waiter = SelectWaiter()
        let thread = JoinableThread {
            var gone = Set<Int>()
            if case .received(let value, let index, _) = Select.receive(from: [arx, brx], order: .ordered, waits: true, gone: &gone, waiter: waiter) {
                result.value = (value, index)
            }
        }
        waitUntil("blocked on both") {
            Channel.sample([arx.channel, brx.channel]).allSatisfy { $0.blockedReceivers == 1 }
        }
        #expect(btx.send(7) == .sent, "a rendezvous send is taken by the select")
        thread.join()
        #expect(result.value?.0 == 7 && result.value?.1 == 1)
        let after = Channel.sample([arx.channel, brx.channel])
        #expect(after.allSatisfy { $0.blockedReceivers == 0 })
        #expect(after[1].counters.received == 1 && after[1].counters.identitiesHold)
        _ = atx
    }

    @Test("A disconnect of one channel leaves the others; all disconnected ends the select")
    func disconnects() {
        let (atx, arx) = Channel<Int>.make(.unbounded)
        let (btx, brx) = Channel<Int>.make(.unbounded)
        let waiter = SelectWaiter()
        var gone = Set<Int>()
        atx.close()
        _ = btx.send(1)
        let first = Select.receive(from: [arx, brx], order: .ordered, waits: true, gone: &gone, waiter: waiter)
        guard case .received(1, 1, _) = first else { Issue.record("\(first)"); return }
        #expect(gone == [0])
        let outcome = ResultBox<Bool>()
        let thread = JoinableThread {
            var gone: Set<Int> = [0]
            if case .disconnected = Select.receive(from: [arx, brx], order: .ordered, waits: true, gone: &gone, waiter: waiter) {
                outcome.value = true
            }
        }
        waitUntil("blocked on b") { Channel.sample([brx.channel])[0].blockedReceivers == 1 }
        btx.close()
        thread.join()
        #expect(outcome.value == true)
    }

    @Test("Closing a receiver cancels a blocked select")
    func cancel() {
        let (atx, arx) = Channel<Int>.make(.unbounded)
        let (btx, brx) = Channel<Int>.make(.unbounded)
        let waiter = SelectWaiter()
        let cancelled = ResultBox<Bool>()
        let thread = JoinableThread {
            var gone = Set<Int>()
            if case .cancelled = Select.receive(from: [arx, brx], order: .fair, waits: true, gone: &gone, waiter: waiter) {
                cancelled.value = true
            }
        }
        waitUntil("blocked") { Channel.sample([arx.channel])[0].blockedReceivers == 1 }
        arx.close()
        thread.join()
        #expect(cancelled.value == true)
        #expect(Channel.sample([brx.channel])[0].blockedReceivers == 0)
        _ = (atx, btx)
    }

    @Test("Many senders on two channels, one selecting receiver: every message arrives once, no wake-up is lost")
    func noLostWakeups() {
        let (atx, arx) = Channel<Int>.make(.bounded(1))
        let (btx, brx) = Channel<Int>.make(.rendezvous)
        let perSender = 3000
        let senders = [atx, btx].map { tx in JoinableThread { for n in 0..<perSender { _ = tx.send(n) }; tx.close() } }
        let waiter = SelectWaiter()
        var gone = Set<Int>()
        var got = [0, 0]
        loop: while true {
            switch Select.receive(from: [arx, brx], order: .fair, waits: true, gone: &gone, waiter: waiter) {
            case .received(_, let index, _): got[index] += 1
            case .disconnected: break loop
            case .empty, .cancelled: Issue.record("unexpected"); break loop
            }
        }
        for thread in senders { thread.join() }
        #expect(got == [perSender, perSender])
        #expect(Channel.sample([arx.channel, brx.channel]).allSatisfy { $0.counters.identitiesHold && $0.blockedReceivers == 0 })
    }
}
