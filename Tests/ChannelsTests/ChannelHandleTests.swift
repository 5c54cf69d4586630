import Channels
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Handles: live counts, close and release, clones, closed handles; stats and samples; threads.
@Suite("Channel handles")
struct ChannelHandleTests {
    @Test("close is idempotent and counts one handle once")
    func closeIdempotent() {
        let channel = Channel<Int>(kind: .unbounded)
        let a = channel.makeSender()
        let b = a.clone()
        let r = channel.makeReceiver()
        #expect(channel.stats().senders == 2 && channel.stats().receivers == 1)
        a.close()
        a.close()
        #expect(a.isClosed && !b.isClosed)
        #expect(channel.stats().senders == 1)
        #expect(b.send(1) == .sent)
        #expect(r.tryReceive().element == 1)
        #expect(r.tryReceive() == .empty, "one sender is still live")
        b.close()
        #expect(channel.stats().sendersGone)
        #expect(r.tryReceive() == .disconnected)
        let r2 = r.clone()
        #expect(channel.stats().receivers == 2)
        r.close()
        r.close()
        #expect(channel.stats().receivers == 1)
        r2.close()
        #expect(channel.stats().receiversGone)
    }

    @Test("a closed handle refuses every operation as cancelled, uncounted")
    func closedHandle() {
        let channel = Channel<Int>(kind: .bounded(2))
        let s = channel.makeSender()
        let keep = channel.makeSender()
        let r = channel.makeReceiver()
        let keepR = channel.makeReceiver()
        s.close()
        r.close()
        #expect(s.send(1) == .cancelled(1))
        #expect(s.trySend(2) == .cancelled(2))
        #expect(s.send(3, timeout: 1) == .cancelled(3))
        #expect(r.receive() == .cancelled)
        #expect(r.tryReceive() == .cancelled)
        #expect(r.receive(timeout: 1) == .cancelled)
        #expect(channel.counters == ChannelCounters())
        _ = (keep, keepR)
    }

    @Test("releasing the last sender disconnects receivers after they drain")
    func releaseLastSender() {
        let channel = Channel<Int>(kind: .unbounded)
        let r = channel.makeReceiver()
        do {
            let s = channel.makeSender()
            #expect(s.send(1) == .sent)
        }
        #expect(channel.stats().senders == 0)
        #expect(r.receive().element == 1)
        #expect(r.receive() == .disconnected)
    }

    @Test("releasing the last receiver discards the queue and fails sends")
    func releaseLastReceiver() {
        let channel = Channel<Int>(kind: .unbounded)
        let s = channel.makeSender()
        do {
            let r = channel.makeReceiver()
            #expect(s.send(1) == .sent)
            #expect(s.send(2) == .sent)
            _ = r
        }
        #expect(channel.stats().receivers == 0)
        #expect(s.send(3) == .disconnected(3))
        let c = channel.counters
        #expect(c.discarded == 2 && c.failed == 1 && c.depth == 0 && c.identitiesHold)
    }

    @Test("a new receiver after the last one left connects the channel again")
    func reconnect() {
        let channel = Channel<Int>(kind: .bounded(1))
        let s = channel.makeSender()
        channel.makeReceiver().close()
        #expect(s.send(1) == .disconnected(1))
        let r = channel.makeReceiver()
        #expect(s.send(2) == .sent)
        #expect(r.tryReceive().element == 2)
    }

    @Test("stats and sample read kind, ends and latency; sample starts a new interval")
    func statsAndSample() {
        let channel = Channel<Int>(kind: .dropping(2))
        let s = channel.makeSender()
        let r = channel.makeReceiver()
        for v in 1...3 { _ = s.send(v) }
        #expect(r.receive().element == 1)
        guard case .received(2, let acceptedAt) = r.receive() else {
            Issue.record("expected 2")
            return
        }
        #expect(acceptedAt > 0 && acceptedAt <= MonotonicClock.now())
        let stats = channel.stats()
        #expect(stats.kind == .dropping(2))
        #expect(stats.latency == .empty)
        #expect(stats.counters.dropped == 1)
        let first = channel.sample()
        #expect(first.latency.count == 2)
        #expect(first.counters == stats.counters)
        #expect(channel.sample().latency.count == 0)
        channel.setCapacity(5)
        #expect(channel.kind == .dropping(5))
        channel.setKind(.unbounded)
        channel.setCapacity(3)
        #expect(channel.kind == .unbounded)
    }

    @Test("an unstamped channel reports acceptedAt 0 and records no latency")
    func unstamped() {
        let channel = Channel<Int>(kind: .unbounded, stampsMessages: false)
        let s = channel.makeSender()
        let r = channel.makeReceiver()
        _ = s.send(1)
        #expect(r.receive() == .received(1, acceptedAt: 0))
        #expect(channel.sample().latency.count == 0)
    }

    @Test("a joinable thread runs its body before join returns; join again is harmless")
    func joinableThread() {
        let ran = Flag()
        let thread = JoinableThread(name: "chan-test") { ran.set() }
        thread.join()
        #expect(ran.isSet)
        thread.join()
    }

    @Test("a thread released without a join still runs to the end")
    func unjoinedThread() {
        let ran = Flag()
        do { _ = JoinableThread { ran.set() } }
        waitUntil("the unjoined thread ran") { ran.isSet }
    }
}
