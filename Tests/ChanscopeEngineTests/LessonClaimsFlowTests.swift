import Channels
import ChanscopeEngine
import Foundation
import Testing

/// One producer, one consumer, one channel: unbounded-growth, backpressure, rendezvous,
/// dropping and overwriting. Waits are the presets' divided by five.
extension LessonClaims {
    // MARK: unbounded-growth

    @Test("unbounded-growth: the producer never blocks and work reads GROWING while its depth climbs")
    func unboundedGrows() throws {
        let run = try LiveLesson("unbounded-growth", ["produce_ms=10", "consume_ms=40"])
        let growing = try #require(run.waitFor("GROWING") { $0.word("work") == .growing && $0.depth("work") > 20 })
        #expect(growing.channel(named: "work")?.situation.description.hasPrefix("GROWING +") == true)
        #expect(run.snapshots.allSatisfy { $0.now("producer", .blockedOnSend) == 0 })
        #expect(run.waitFor("deeper") { $0.depth("work") > growing.depth("work") + 10 } != nil)
        // The first messages waited for nothing; now each waits behind the whole queue.
        #expect(run.snapshots.contains { ($0.p50("work") ?? 999) < 50 })
        #expect(run.waitFor("wait p50 over 300 ms") { ($0.p50("work") ?? 0) > 300 } != nil)
    }

    @Test("unbounded-growth: Consumer wait below Producer wait and the depth falls again")
    func unboundedDrains() throws {
        let run = try LiveLesson("unbounded-growth", ["produce_ms=10", "consume_ms=40"])
        run.waitFor("a backlog") { $0.depth("work") >= 20 }
        #expect(run.experiment.setKnob(.preset("consume_ms"), to: 0) != nil)
        #expect(run.waitFor("work drained") { $0.depth("work") <= 1 } != nil)
    }

    @Test("unbounded-growth: press 2 (bounded): OVER CAPACITY: draining N/8 and the producer is send-blocked, then BACKPRESSURE")
    func unboundedToBounded() throws {
        // The preset's own 1:4 ratio of waits, five times faster: once back at 8/8 the producer
        // is blocked three quarters of each round. (At 1:2 it was blocked half of it, right at
        // BACKPRESSURE's threshold, and a slow sanitized run could read just under.)
        let run = try LiveLesson("unbounded-growth", ["produce_ms=10", "consume_ms=40"])
        run.waitFor("a backlog") { $0.depth("work") >= 20 }
        #expect(run.experiment.setKind(of: "work", to: .bounded) != nil)
        let over = try #require(run.waitFor("OVER CAPACITY") { $0.word("work") == .overCapacity && $0.now("producer", .blockedOnSend) == 1 })
        #expect(over.channel(named: "work")?.situation.description.hasPrefix("OVER CAPACITY: draining ") == true)
        #expect(over.channel(named: "work")?.situation.description.hasSuffix("/8") == true)
        #expect(run.waitFor("BACKPRESSURE once drained to 8") { $0.word("work") == .backpressure && $0.depth("work") <= 8 } != nil)
    }

    // MARK: backpressure

    @Test("backpressure: work fills to 8/8 and reads BACKPRESSURE; the producer is send-blocked")
    func backpressureFills() throws {
        // A producer ten times the consumer's pace: send-blocked nine tenths of each round.
        let run = try LiveLesson("backpressure", ["produce_ms=5", "consume_ms=50"])
        let full = try #require(run.waitFor("BACKPRESSURE at 8/8") { $0.word("work") == .backpressure && $0.depth("work") == 8 })
        #expect(full.now("producer", .blockedOnSend) == 1 || full.group(named: "producer")!.blockedSendPercent >= 50)
        #expect(run.snapshots.allSatisfy { $0.depth("work") <= 8 })
    }

    @Test("backpressure: once full, the producer runs at the consumer's pace: in equals out")
    func backpressurePace() throws {
        let run = try LiveLesson("backpressure", ["produce_ms=10", "consume_ms=40"])
        run.waitFor("full") { $0.depth("work") == 8 }
        let before = run.snap()
        _ = run.watch(seconds: 1)
        let after = run.snap()
        let time = after.time - before.time
        let inRate = Double(after.channel(named: "work")!.counters.accepted - before.channel(named: "work")!.counters.accepted) / time
        let outRate = Double(after.channel(named: "work")!.counters.received - before.channel(named: "work")!.counters.received) / time
        // The consumer takes one per 40 ms (25/s); the producer alone would make 100/s.
        #expect(abs(inRate - outRate) <= 3, "in \(inRate)/s out \(outRate)/s")
        #expect(inRate <= 27, "in \(inRate)/s: the producer should be held to the consumer's 25/s")
    }

    @Test("backpressure: Consumer wait to 0 ms: work drains and the consumer shows recv-blocked")
    func backpressureDrains() throws {
        let run = try LiveLesson("backpressure", ["produce_ms=10", "consume_ms=40"])
        run.waitFor("full") { $0.depth("work") == 8 }
        #expect(run.experiment.setKnob(.preset("consume_ms"), to: 0) != nil)
        #expect(run.waitFor("drained, consumer recv-blocked") { $0.depth("work") == 0 && $0.now("consumer", .blockedOnReceive) == 1 } != nil)
    }

    @Test("backpressure: a bigger capacity only delays the block: the producer runs free, then fills it and blocks")
    func backpressureBiggerBuffer() throws {
        // 64 slots, 100/s in and 25/s out: full after about 0.85 s (4.3 s at the preset's waits).
        let run = try LiveLesson("backpressure", ["produce_ms=10", "consume_ms=40", "work.capacity=64"])
        let early = run.watch(seconds: 0.4)
        #expect(early.allSatisfy { $0.depth("work") < 64 })
        #expect(early.filter { $0.now("producer", .blockedOnSend) == 1 }.count <= 1, "the producer blocked early")
        #expect(run.waitFor("BACKPRESSURE at 64/64") { $0.word("work") == .backpressure && $0.depth("work") == 64 } != nil)
    }

    @Test("backpressure: press 1 (unbounded): work reads GROWING and the producer is no longer held")
    func backpressureUnbounded() throws {
        let run = try LiveLesson("backpressure", ["produce_ms=10", "consume_ms=40"])
        run.waitFor("full") { $0.depth("work") == 8 }
        #expect(run.experiment.setKind(of: "work", to: .unbounded) != nil)
        #expect(run.waitFor("GROWING past 8") { $0.word("work") == .growing && $0.depth("work") > 16 } != nil)
        #expect(run.watch(seconds: 0.2).allSatisfy { $0.now("producer", .blockedOnSend) == 0 })
    }

    // MARK: rendezvous

    @Test("rendezvous: handoff holds none; the faster producer is send-blocked and it reads HAND-OFF WAIT")
    func rendezvousHandOff() throws {
        let run = try LiveLesson("rendezvous", ["produce_ms=10", "consume_ms=60"])
        #expect(run.waitFor("HAND-OFF WAIT, producer send-blocked") {
            $0.word("handoff") == .handOffWait && $0.now("producer", .blockedOnSend) == 1
        } != nil)
        let later = run.watch(seconds: 0.5)
        #expect(run.snapshots.allSatisfy { $0.depth("handoff") == 0 })
        #expect((later.last?.channel(named: "handoff")?.counters.received ?? 0) >= 5)
    }

    @Test("rendezvous: Producer wait 700 ms against Consumer wait 300 ms: now the consumer shows recv-blocked")
    func rendezvousConsumerWaits() throws {
        // 700 and 300 ms divided by five: the consumer waits 80 of every 140 ms, most of the window.
        let run = try LiveLesson("rendezvous", ["produce_ms=140", "consume_ms=60"])
        let waiting = run.waitFor("the consumer shown recv-blocked") {
            ($0.group(named: "consumer")?.received ?? 0) >= 4 && $0.group(named: "consumer")?.workerStates == [.blockedOnReceive]
                && $0.group(named: "consumer")!.blockedReceivePercent >= 50
        }
        #expect(waiting != nil)
        #expect(waiting?.group(named: "producer")?.workerStates != [.blockedOnSend])
    }

    @Test("rendezvous: press r, then 2 (bounded): a queue holds the messages and fills to 8/8, BACKPRESSURE")
    func rendezvousToBounded() throws {
        let run = try LiveLesson("rendezvous", ["produce_ms=10", "consume_ms=60"])
        _ = run.watch(seconds: 0.1)
        #expect(run.experiment.setKind(of: "handoff", to: .bounded) != nil)
        #expect(run.experiment.kind(of: "handoff") == .bounded(8))
        #expect(run.waitFor("BACKPRESSURE at 8/8") { $0.word("handoff") == .backpressure && $0.depth("handoff") == 8 } != nil)
    }

    // MARK: dropping

    @Test("dropping: the producer never blocks; events stays at 4/4, reads DROPPING, and dropped climbs")
    func droppingDrops() throws {
        let run = try LiveLesson("dropping", ["produce_ms=10", "consume_ms=50"])
        let first = try #require(run.waitFor("DROPPING at 4/4") { $0.word("events") == .dropping && $0.depth("events") == 4 })
        let later = try #require(run.waitFor("more dropped") {
            $0.channel(named: "events")!.counters.dropped > first.channel(named: "events")!.counters.dropped + 10
        })
        #expect(later.channel(named: "events")!.counters.overwritten == 0)
        #expect(run.snapshots.allSatisfy { $0.depth("events") <= 4 && $0.now("producer", .blockedOnSend) == 0 })
    }

    @Test("dropping: what gets through is old: wait p50 is about capacity x Consumer wait")
    func droppingKeepsTheOldest() throws {
        let run = try LiveLesson("dropping", ["produce_ms=10", "consume_ms=50"])
        run.waitFor("full") { $0.depth("events") == 4 }
        let settled = try #require(run.waitFor("a settled p50") { ($0.p50("events") ?? 0) >= 120 })
        // Four queued ahead, one taken per 50 ms: about 150-200 ms; overwriting would be ~30 ms.
        #expect((settled.channel(named: "events")?.latencyP50Milliseconds ?? 0) < 400)
    }

    @Test("dropping: Consumer wait below Producer wait: nothing more is dropped and DROPPING goes")
    func droppingStops() throws {
        let run = try LiveLesson("dropping", ["produce_ms=10", "consume_ms=50"])
        run.waitFor("dropping") { $0.word("events") == .dropping }
        #expect(run.experiment.setKnob(.preset("consume_ms"), to: 0) != nil)
        run.waitFor("drained") { $0.depth("events") == 0 }
        let before = run.snap()
        let after = run.watch(seconds: 0.4).last!
        #expect(after.channel(named: "events")!.counters.dropped == before.channel(named: "events")!.counters.dropped)
        // The word is over the last 2 s; it must not stay DROPPING once the window has passed.
        #expect(run.waitFor("not DROPPING") { $0.word("events") != .dropping } != nil)
    }

    @Test("dropping: press 5 (overwriting): OVERWRITING, overwritten climbs and wait p50 falls")
    func droppingToOverwriting() throws {
        let run = try LiveLesson("dropping", ["produce_ms=10", "consume_ms=50"])
        let dropping = try #require(run.waitFor("dropping p50") { ($0.p50("events") ?? 0) >= 120 })
        #expect(run.experiment.setKind(of: "events", to: .overwriting) != nil)
        #expect(run.waitFor("OVERWRITING") { $0.word("events") == .overwriting } != nil)
        let fresh = run.waitFor("p50 falls") {
            ($0.p50("events") ?? 999) < (dropping.channel(named: "events")?.latencyP50Milliseconds ?? 0) / 2
        }
        #expect(fresh != nil)
    }

    // MARK: overwriting

    @Test("overwriting: the sensor never blocks; readings stays at 3/3, reads OVERWRITING, overwritten climbs, p50 stays low")
    func overwritingOverwrites() throws {
        let run = try LiveLesson("overwriting", ["sample_ms=10", "display_ms=60"])
        let first = try #require(run.waitFor("OVERWRITING at 3/3") { $0.word("readings") == .overwriting && $0.depth("readings") == 3 })
        let later = try #require(run.waitFor("more overwritten") {
            $0.channel(named: "readings")!.counters.overwritten > first.channel(named: "readings")!.counters.overwritten + 10
        })
        #expect(later.channel(named: "readings")!.counters.dropped == 0)
        #expect(run.snapshots.allSatisfy { $0.depth("readings") <= 3 && $0.now("sensor", .blockedOnSend) == 0 })
        // A reading is at most about three sensor periods old (30 ms; more on a loaded machine
        // that wakes the sensor late), well below the 180 ms of three Display waits.
        let waits = run.snapshots.compactMap { $0.p50("readings") }.sorted()
        #expect(!waits.isEmpty && waits[waits.count / 2] < 120, "wait p50s \(waits)")
    }

    @Test("overwriting: press 4 (dropping): DROPPING; the oldest are kept and wait p50 rises")
    func overwritingToDropping() throws {
        let run = try LiveLesson("overwriting", ["sample_ms=10", "display_ms=60"])
        let fresh = try #require(run.waitFor("overwriting") { $0.word("readings") == .overwriting })
        #expect(run.experiment.setKind(of: "readings", to: .dropping) != nil)
        #expect(run.waitFor("DROPPING") { $0.word("readings") == .dropping } != nil)
        #expect(run.waitFor("p50 rises") {
            ($0.p50("readings") ?? 0) > max(100, 2 * (fresh.channel(named: "readings")?.latencyP50Milliseconds ?? 0))
        } != nil)
    }

    @Test("overwriting: Display wait to 0 ms: the display keeps up and nothing more is overwritten")
    func overwritingStops() throws {
        let run = try LiveLesson("overwriting", ["sample_ms=10", "display_ms=60"])
        run.waitFor("overwriting") { $0.word("readings") == .overwriting }
        #expect(run.experiment.setKnob(.preset("display_ms"), to: 0) != nil)
        run.waitFor("drained") { $0.depth("readings") == 0 }
        let before = run.snap()
        let after = run.watch(seconds: 0.4).last!
        #expect(after.channel(named: "readings")!.counters.overwritten == before.channel(named: "readings")!.counters.overwritten)
    }
}
