@testable import Channels
import Testing

@testable import ChanscopeEngine

/// The headline word must be steady enough to read from the back row and never contradict the
/// bar beside it: a figure hovering at a threshold keeps the word it brought in, a full queue is
/// not `GROWING`, and `empty` is judged over the window like `BACKPRESSURE`.
@Suite struct ChannelWordSteadinessTests {
    static func stats(_ kind: ChannelKind = .bounded(8), depth: Int = 0) -> ChannelStats {
        var counters = ChannelCounters()
        counters.accepted = 100 + UInt64(depth)
        counters.attempted = counters.accepted
        counters.received = 100
        counters.depth = depth
        return ChannelStats(kind: kind, counters: counters, senders: 1, receivers: 1, blockedSenders: 0, blockedReceivers: 0, latency: .empty)
    }

    static func judge(
        _ stats: ChannelStats, inRate: Double = 10, growth: Double = 0, sendersBlocked: Double = 0, receiversWaiting: Double = 0,
        shown: ChannelSituation.Word? = nil
    ) -> ChannelSituation {
        ChannelSituation.judge(
            stats, inPerSecond: inRate, outPerSecond: inRate, droppedInWindow: 0, overwrittenInWindow: 0, growthPerSecond: growth,
            sendersBlockedPercent: sendersBlocked, receiversWaitingPercent: receiversWaiting, shown: shown)
    }

    @Test("BACKPRESSURE comes in at 50% and stays down to 40%; below, the queue is FULL again")
    func backpressureHolds() {
        let full = Self.stats(depth: 8)
        #expect(Self.judge(full, sendersBlocked: 49).word == .full)
        #expect(Self.judge(full, sendersBlocked: 50).word == .backpressure)
        #expect(Self.judge(full, sendersBlocked: 45, shown: .backpressure).description == "BACKPRESSURE: senders blocked 45% of the time")
        #expect(Self.judge(full, sendersBlocked: 45, shown: .full).word == .full)
        #expect(Self.judge(full, sendersBlocked: 39, shown: .backpressure).word == .full)
    }

    @Test("a queue at its capacity is FULL, not GROWING, though the window still holds its filling")
    func fullIsNotGrowing() {
        #expect(Self.judge(Self.stats(depth: 8), growth: 3.2).word == .full)
        #expect(Self.judge(Self.stats(depth: 7), growth: 3.2).description == "GROWING +3.2/s")
        // One message below capacity a moment, while the producer still meets it full, it stays
        // FULL; a queue that was not full, or whose senders no longer block, is flowing.
        #expect(Self.judge(Self.stats(depth: 7), sendersBlocked: 15, shown: .full).word == .full)
        #expect(Self.judge(Self.stats(depth: 7), sendersBlocked: 0, shown: .full).word == .flowing)
        #expect(Self.judge(Self.stats(depth: 6), sendersBlocked: 15, shown: .full).word == .flowing)
        #expect(Self.judge(Self.stats(depth: 7), sendersBlocked: 15).word == .flowing)
        // A capacity of 2 is not full at 1.
        #expect(Self.judge(Self.stats(.bounded(2), depth: 1), sendersBlocked: 15, shown: .full).word == .flowing)
    }

    @Test("GROWING comes in at 1/s and stays down to 0.8/s; at 200,000/s each way it takes 1% of the in-rate")
    func growthHolds() {
        let unbounded = Self.stats(.unbounded, depth: 30)
        #expect(Self.judge(unbounded, growth: 0.9).word == .flowing)
        #expect(Self.judge(unbounded, growth: 1.0).word == .growing)
        #expect(Self.judge(unbounded, growth: 0.85, shown: .growing).word == .growing)
        #expect(Self.judge(unbounded, growth: 0.7, shown: .growing).word == .flowing)
        #expect(Self.judge(unbounded, inRate: 200_000, growth: 500).word == .flowing)
        #expect(Self.judge(unbounded, inRate: 200_000, growth: 3_000).word == .growing)
    }

    @Test("empty: receivers waiting most of the window, whether or not one waits at the sample instant")
    func emptyIsJudgedOverTheWindow() {
        let idle = Self.stats(depth: 0)
        #expect(Self.judge(idle, receiversWaiting: 62).description == "empty: receivers waiting 62% of the time")
        #expect(Self.judge(idle, receiversWaiting: 45).word == .flowing)
        #expect(Self.judge(idle, receiversWaiting: 45, shown: .receiversWaiting).word == .receiversWaiting)
        // Blocked receivers at the instant alone are not enough (the consumer of a flowing
        // pipeline stage is caught waiting at some samples).
        var caught = idle
        caught.blockedReceivers = 1
        #expect(Self.judge(caught, receiversWaiting: 30).word == .flowing)
    }

    @Test("through the builder: a share that sinks from 60% to 45% keeps BACKPRESSURE; at 30% it goes")
    func builderHoldsTheShownWord() {
        var script = SnapshotBuilderTests.Script()
        func run(_ samples: Int, blockedTenths share: Double) -> [ChannelSituation.Word] {
            (0..<samples).map { _ in
                script.blockedSendNanos += UInt64(Double(SnapshotBuilderTests.tenth) * share)
                return script.sample().channels[0].situation.word
            }
        }
        let entering = run(25, blockedTenths: 0.6)
        #expect(entering.last == .backpressure, "\(entering)")
        let hovering = run(30, blockedTenths: 0.45)
        #expect(hovering.allSatisfy { $0 == .backpressure }, "\(hovering)")
        let leaving = run(30, blockedTenths: 0.3)
        #expect(leaving.last != .backpressure, "\(leaving)")
        #expect(leaving.suffix(5).allSatisfy { $0 == leaving.last }, "settled: \(leaving)")
    }
}

extension ChannelWordSteadinessTests {
    @Test("a prefilled channel's messages are there at the start, not arrivals: tanenbaum's empties never reads GROWING while it drains")
    func prefillIsNotGrowth() throws {
        let result = try LessonPresets.run("tanenbaum", duration: 1.5)
        let early = result.snapshots.filter { $0.time > 0 }
        #expect(!early.isEmpty)
        for snapshot in early {
            #expect(snapshot.word("empties") != .growing, "at \(snapshot.time) s: \(snapshot.ch("empties").situation)")
            // The 100 were not accepted in the window: in is the consumer's returns, about 7/s.
            #expect(snapshot.ch("empties").inPerSecond < 30, "at \(snapshot.time) s: in \(snapshot.ch("empties").inPerSecond)/s")
        }
    }
}
