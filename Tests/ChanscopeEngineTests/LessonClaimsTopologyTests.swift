import Channels
import ChanscopeEngine
import Foundation
import Testing

/// Several workers or several channels: fan-in, fan-out, pipeline, tanenbaum. Waits are the
/// presets' divided by five (or ten), so rates are five (or ten) times the lesson's.
extension LessonClaims {
    /// Messages per second accepted and received on a channel between two snapshots.
    static func rates(_ channel: String, _ a: Snapshot, _ b: Snapshot) -> (in: Double, out: Double) {
        let time = max(b.time - a.time, 0.001)
        let ca = a.channel(named: channel)!.counters, cb = b.channel(named: channel)!.counters
        return (Double(cb.accepted - ca.accepted) / time, Double(cb.received - ca.received) / time)
    }

    // MARK: fan-in

    @Test("fan-in: work fills to 8/8, BACKPRESSURE; each producer is send-blocked about 60% of the time; in = out = the consumer's pace")
    func fanInConsumerSetsThePace() throws {
        // The lesson's waits divided by 2.5: four producers at 60 ms offer 67/s; the consumer
        // takes one per 40 ms, 25/s. Each producer sends one per 160 ms and sleeps 60 of them.
        let run = try LiveLesson("fan-in", ["produce_ms=60", "consume_ms=40"])
        run.waitFor("BACKPRESSURE at 8/8") { $0.word("work") == .backpressure && $0.depth("work") == 8 }
        let a = run.snap()
        let b = run.watch(seconds: 1.5).last!
        let (inRate, outRate) = Self.rates("work", a, b)
        #expect(abs(inRate - outRate) <= 3, "in \(inRate)/s out \(outRate)/s")
        #expect(inRate < 28, "in \(inRate)/s: held to the consumer's 25/s, not the producers' 67/s")
        let blocked = b.group(named: "producers")!.blockedSendPercent
        #expect((50...80).contains(blocked), "producers send-blocked \(blocked)% of the time")
        #expect(b.word("work") == .backpressure)
    }

    @Test("fan-in: + adds a fifth producer: the rate stays the consumer's, the producers are more send-blocked")
    func fanInFifthProducer() throws {
        let run = try LiveLesson("fan-in", ["produce_ms=60", "consume_ms=40", "producers.workers=5"])
        run.waitFor("full") { $0.depth("work") == 8 }
        let a = run.snap()
        let b = run.watch(seconds: 1).last!
        let (inRate, _) = Self.rates("work", a, b)
        #expect(b.group(named: "producers")?.liveCount == 5)
        #expect(inRate < 28, "in \(inRate)/s with five producers")
        // Five share the consumer's 25/s: one send each per 200 ms, asleep 60 of them.
        #expect(run.waitFor("more than four producers' 62% send-blocked") { ($0.group(named: "producers")?.blockedSendPercent ?? 0) > 65 } != nil)
    }

    @Test("fan-in: down to one producer (slower than the consumer): work drains and the consumer waits about a third of the time")
    func fanInOneProducer() throws {
        let run = try LiveLesson("fan-in", ["produce_ms=60", "consume_ms=40", "producers.workers=4"])
        run.waitFor("full") { $0.depth("work") == 8 }
        for _ in 0..<3 { #expect(run.experiment.removeWorker(from: "producers") != nil) }
        #expect(run.waitFor("drained") { $0.depth("work") == 0 } != nil)
        // One producer every 60 ms, the consumer busy 40 of them: it waits about a third.
        let settled = run.waitFor("the consumer's share settles") {
            $0.group(named: "producers")?.liveCount == 1 && (20...50).contains($0.group(named: "consumer")?.blockedReceivePercent ?? 0)
        }
        #expect(settled != nil)
    }

    // MARK: fan-out

    @Test("fan-out: each message goes to exactly one consumer; three at 180 ms take too few and work is GROWING, then FULL")
    func fanOutThreeTooFew() throws {
        // The lesson's own waits: the producer makes 20/s, three consumers take 17/s.
        let run = try LiveLesson("fan-out")
        #expect(run.waitFor("GROWING") { $0.word("work") == .growing } != nil)
        let grown = try #require(run.waitFor("a backlog of 4") { $0.depth("work") >= 4 })
        #expect(grown.word("work") == .growing || grown.word("work") == .full)
        #expect(run.waitFor("FULL at 10/10") { $0.word("work") == .full && $0.depth("work") == 10 } != nil)
        run.experiment.shutdown()
        let settled = run.snap()
        let work = settled.ch("work").counters
        #expect(settled.g("consumers").received == work.received, "each message received once")
        #expect(work.accepted == work.received + UInt64(work.depth) + work.discarded)
    }

    @Test("fan-out: g then + makes four consumers: work drains")
    func fanOutFourDrain() throws {
        let run = try LiveLesson("fan-out")
        run.waitFor("a backlog") { $0.depth("work") >= 4 }
        #expect(run.experiment.addWorker(to: "consumers") != nil)
        #expect(run.waitFor("drained") { $0.depth("work") <= 1 && $0.group(named: "consumers")?.liveCount == 4 } != nil)
    }

    @Test("fan-out: down to one consumer: work fills, BACKPRESSURE, the producer send-blocked")
    func fanOutOneConsumer() throws {
        let run = try LiveLesson("fan-out", ["consumers.workers=1"])
        let full = run.waitFor("BACKPRESSURE at 10/10") { $0.word("work") == .backpressure && $0.depth("work") == 10 }
        #expect(full != nil)
        #expect(run.waitFor("producer send-blocked as spent") { $0.group(named: "producer")?.workerStates == [.blockedOnSend] } != nil)
    }

    // MARK: pipeline

    @Test("pipeline: parse slowest: fetched reads BACKPRESSURE, fetch send-blocked, parsed nearly empty, store waits")
    func pipelineParseSlowest() throws {
        // fetch at 10 ms is send-blocked four fifths of the time, store waits two fifths.
        let run = try LiveLesson("pipeline", ["fetch_ms=10", "parse_ms=50", "store_ms=30"])
        #expect(run.waitFor("fetched BACKPRESSURE, fetch send-blocked") {
            $0.word("fetched") == .backpressure && $0.group(named: "fetch")?.workerStates == [.blockedOnSend]
        } != nil)
        let late = run.watch(seconds: 0.6)
        #expect(HeadlessResult.mean(late) { Double($0.depth("parsed")) } <= 2)
        #expect((late.last?.group(named: "store")?.blockedReceivePercent ?? 0) > 20)
    }

    @Test("pipeline: g then + (two parse workers): store is now the slowest, parsed fills too, store never waits")
    func pipelineTwoParsers() throws {
        // The lesson's parse and store times halved: one parser makes 8/s, less than store's
        // 13/s; two make 16/s, more. fetch offers 50/s.
        let run = try LiveLesson("pipeline", ["fetch_ms=20", "parse_ms=125", "store_ms=75"])
        run.waitFor("fetched full") { $0.depth("fetched") == 10 }
        #expect(run.experiment.addWorker(to: "parse") != nil)
        #expect(run.waitFor("parsed fills to 10/10") { $0.depth("parsed") == 10 } != nil)
        let late = run.watch(seconds: 0.5)
        #expect(HeadlessResult.mean(late) { Double($0.depth("fetched")) } >= 8, "every queue before the slowest stage fills")
        #expect(run.waitFor("store recv 0%") { ($0.group(named: "store")?.blockedReceivePercent ?? 100) < 5 } != nil)
    }

    @Test("pipeline: Parse time below Store time: the same, parsed and fetched both fill")
    func pipelineParseFaster() throws {
        let run = try LiveLesson("pipeline", ["fetch_ms=20", "parse_ms=20", "store_ms=30"])
        #expect(run.waitFor("both full") { $0.depth("parsed") == 10 && $0.depth("fetched") == 10 } != nil)
    }

    // MARK: tanenbaum

    @Test("tanenbaum: the 100 pile up in full, empties runs dry, the producer is recv-blocked; never more than 100")
    func tanenbaumPilesUp() throws {
        // A producer that never waits, a consumer at 15 ms: the producer is recv-blocked
        // nearly all the time, however late a loaded machine wakes either.
        let run = try LiveLesson("tanenbaum", ["produce_ms=0", "consume_ms=15"])
        let piled = run.waitFor("100 in full") {
            $0.depth("full") >= 98 && $0.group(named: "producer")?.workerStates == [.blockedOnReceive]
        }
        #expect(piled != nil)
        #expect(run.snapshots.allSatisfy { (98...100).contains($0.depth("full") + $0.depth("empties")) })
    }

    @Test("tanenbaum: Consume time to 0: the 100 move back to empties; still never more than 100")
    func tanenbaumMovesBack() throws {
        let run = try LiveLesson("tanenbaum", ["produce_ms=5", "consume_ms=15"])
        run.waitFor("a pile in full") { $0.depth("full") >= 50 }
        #expect(run.experiment.setKnob(.preset("consume_ms"), to: 0) != nil)
        #expect(run.waitFor("back in empties") { $0.depth("empties") >= 98 } != nil)
        #expect(run.snapshots.allSatisfy { (98...100).contains($0.depth("full") + $0.depth("empties")) })
    }
}
