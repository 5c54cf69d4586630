import Channels
import ChanscopeEngine
import Foundation
import Testing

/// The files in `presets/` load, list, suit a projector, and each shows its lesson in the numbers.
///
/// Each behaviour test runs its preset headless for a second or two with faster knobs (same
/// shape, less waiting) and checks what the lesson tells the class to watch for.
@Suite("Lesson presets")
struct LessonPresetTests {
    // MARK: - Loading and listing

    @Test("Every file in presets/ loads, and the course's presets are all there with a summary and a lesson")
    func everyFileLoads() throws {
        let files = try LessonPresets.files()
        var loaded: [String: Preset] = [:]
        for file in files {
            do {
                let name = String(file[..<file.lastIndex(of: ".")!])
                loaded[name] = try PresetLoader.load(path: "\(LessonPresets.folder)/\(file)")
            } catch {
                Issue.record("\(file) does not load:\n\(error)")
            }
        }
        #expect(loaded.count >= LessonPresets.required.count)
        for name in LessonPresets.required {
            let preset = try #require(loaded[name], "presets/\(name).yaml is missing or broken")
            #expect(!preset.summary.trimmingCharacters(in: .whitespaces).isEmpty, "\(name): empty summary")
            let lines = preset.lesson.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
            #expect((3...6).contains(lines.count), "\(name): lesson has \(lines.count) lines, want 3-6")
        }
    }

    @Test("Waits suit a projector: sleep knobs go 0...2000 by 10 and start at a visible 50...500 ms (at 0 where throughput is the point)")
    func projectorRanges() throws {
        for name in LessonPresets.required {
            let preset = try LessonPresets.load(name)
            // An aging time or a STARVING threshold is not a wait: 0 (off) or seconds are the point;
            // nor is a link's delay or timeout: only what a sleep step reads is a worker's wait.
            let notWaits = Set(preset.channels.compactMap(\.aging) + preset.workers.compactMap { $0.role?.starvingAfter })
            let waits = Set(preset.workers.flatMap(\.steps).compactMap { step -> String? in
                if case .sleep(let knob, jitter: _) = step { return knob }
                return nil
            })
            for knob in preset.knobs where knob.unit == "ms" && !notWaits.contains(knob.name) && waits.contains(knob.name) {
                #expect(knob.min == 0 && knob.max == 2000 && knob.step == 10, "\(name).\(knob.name) range")
                #expect((50...500).contains(knob.value) || LessonPresets.flatOut.contains(name), "\(name).\(knob.name) starts at \(knob.value) ms")
            }
        }
    }

    @Test("chanscope presets lists every course preset with its summary and no errors")
    func listing() throws {
        let listings = PresetLibrary.listAll(
            presetsDir: LessonPresets.folder, environment: [:], workingDirectory: "/nonexistent")
        for listing in listings {
            #expect(listing.error == nil, "\(listing.name): \(listing.line)")
        }
        for name in LessonPresets.required {
            let listing = try #require(listings.first { $0.name == name }, "\(name) not listed")
            #expect(listing.summary?.isEmpty == false)
            #expect(listing.title?.isEmpty == false)
        }
    }

    // MARK: - Lessons in numbers

    @Test("realtime: max_work full round trips, nobody blocks, the worker's polls come back empty")
    func realtime() throws {
        let result = try LessonPresets.run(
            "realtime", ["max_work=10", "master_wait_ms=100", "worker_wait_ms=1"], duration: 60)
        // dispatch hands out the jobs; the master polls for results until the worker is gone
        // and "results" is empty, so it collects every one whatever the waits.
        #expect(result.violations.isEmpty)
        let dispatch = try result.group("dispatch")
        let master = try result.group("master")
        let worker = try result.group("worker")
        #expect(dispatch.made == 10)
        #expect(worker.received == 10)
        #expect(master.received == 10)
        #expect(worker.emptyPolls > 0)
        #expect(dispatch.workerStates == [.finished])
        // dispatch's end disconnects "jobs"; the worker sees it on its next poll, and the
        // master sees "results" disconnect once it has taken the last result.
        #expect(worker.workerStates == [.disconnected])
        #expect(master.workerStates == [.disconnected])
        #expect(result.events.contains { $0.kind == .disconnect && $0.text.hasPrefix("jobs:") })
        let jobs = try result.channel("jobs").counters
        let results = try result.channel("results").counters
        #expect(jobs.accepted == 10 && jobs.received == 10)
        #expect(results.accepted == 10 && results.received == 10 && results.failed == 0)
        #expect(result.final?.isFinished == true, "the run should end once every group finishes")
    }

    @Test("unbounded-growth: depth and latency climb while the producer never blocks")
    func unboundedGrowth() throws {
        // A producer eight times the consumer's pace: it gains, however late either wakes.
        let result = try LessonPresets.run("unbounded-growth", ["produce_ms=5", "consume_ms=40"], duration: 1.5)
        #expect(result.violations.isEmpty)
        let early = result.snapshots.filter { $0.time <= 0.5 }
        let late = result.snapshots(after: 1.1)
        let earlyDepth = early.compactMap { $0.channel(named: "work")?.depth }.max() ?? 0
        let lateDepth = late.compactMap { $0.channel(named: "work")?.depth }.min() ?? 0
        #expect(lateDepth > earlyDepth + 20, "depth \(earlyDepth) early, \(lateDepth) late")
        let earlyLatency = early.compactMap { $0.channel(named: "work")?.latencyP50Milliseconds }.max() ?? 0
        let lateLatency = late.compactMap { $0.channel(named: "work")?.latencyP50Milliseconds }.max() ?? 0
        #expect(lateLatency > earlyLatency, "p50 \(earlyLatency) ms early, \(lateLatency) ms late")
        #expect(try result.channel("work").kind == .unbounded)
    }

    @Test("backpressure: the queue sits at capacity and the producer is mostly blocked on send")
    func backpressure() throws {
        // A producer that never waits: it is blocked whenever the queue is full, which is almost
        // always, however late a loaded machine wakes the consumer (with a 10 ms producer wait
        // the share sank below half under load).
        let result = try LessonPresets.run("backpressure", ["produce_ms=0", "consume_ms=50"], duration: 1.5)
        #expect(result.violations.isEmpty)
        #expect(result.snapshots.allSatisfy { ($0.channel(named: "work")?.depth ?? 99) <= 8 })
        #expect(result.maxDepth(of: "work") == 8)
        let late = result.snapshots(after: 0.5)
        let blocked = HeadlessResult.mean(late) { $0.group(named: "producer")?.blockedSendPercent }
        let depth = HeadlessResult.mean(late) { $0.channel(named: "work").map { Double($0.depth) } }
        #expect(blocked > 50, "producer blocked on send \(blocked)% of the time")
        #expect(depth >= 7, "mean depth \(depth) of 8")
    }

    @Test("rendezvous: nothing is ever held, yet messages flow and the producer waits")
    func rendezvous() throws {
        // A producer that never waits meets a consumer that does: it waits at every hand-off.
        let result = try LessonPresets.run("rendezvous", ["produce_ms=0", "consume_ms=30"], duration: 1.2)
        #expect(result.violations.isEmpty)
        #expect(result.snapshots.allSatisfy { $0.channel(named: "handoff")?.depth == 0 })
        let handoff = try result.channel("handoff").counters
        #expect(handoff.received >= 10)
        #expect(handoff.accepted == handoff.received)
        let blocked = HeadlessResult.mean(result.snapshots(after: 0.3)) { $0.group(named: "producer")?.blockedSendPercent }
        #expect(blocked > 40, "producer blocked on send \(blocked)% of the time")
    }

    @Test("dropping: a full channel counts drops, never holds more than its capacity, never blocks")
    func dropping() throws {
        let result = try LessonPresets.run("dropping", ["produce_ms=10", "consume_ms=50"], duration: 1.2)
        #expect(result.violations.isEmpty)
        #expect(result.snapshots.allSatisfy { ($0.channel(named: "events")?.depth ?? 99) <= 4 })
        let events = try result.channel("events").counters
        #expect(events.dropped > 0)
        #expect(events.overwritten == 0)
        let blocked = HeadlessResult.mean(result.snapshots) { $0.group(named: "producer")?.blockedSendPercent }
        #expect(blocked < 20, "a dropping send should not block; blocked \(blocked)%")
    }

    @Test("overwriting: old readings are overwritten, depth stays within capacity, data stays fresh")
    func overwriting() throws {
        let result = try LessonPresets.run("overwriting", ["sample_ms=10", "display_ms=50"], duration: 1.2)
        #expect(result.violations.isEmpty)
        #expect(result.snapshots.allSatisfy { ($0.channel(named: "readings")?.depth ?? 99) <= 3 })
        let readings = try result.channel("readings").counters
        #expect(readings.overwritten > 0)
        #expect(readings.dropped == 0)
        // A reading waits at most about capacity x sensor period (30 ms here), never a backlog.
        let worst = result.snapshots.compactMap { $0.channel(named: "readings")?.latencyP99Milliseconds }.max() ?? 0
        #expect(worst < 250, "a reading waited \(worst) ms")
    }

    @Test("fan-in: four producers all send into one channel")
    func fanIn() throws {
        let result = try LessonPresets.run("fan-in", ["produce_ms=10", "consume_ms=30"], duration: 1.5)
        #expect(result.violations.isEmpty)
        let producers = try result.group("producers")
        #expect(producers.workerStates.count == 4)
        // All four inside a send at once: each has made a message and is sending it.
        #expect(result.snapshots.contains { $0.group(named: "producers")?.count(.blockedOnSend) == 4 })
        let work = try result.channel("work")
        #expect(work.counters.received >= 20)
        #expect(work.senderGroups == ["producers"])
    }

    @Test("fan-in: once the producers are stopped, every message they sent was accepted by the one channel")
    func fanInAccountsForEverySend() throws {
        let lesson = try LiveLesson("fan-in", ["produce_ms=10", "consume_ms=30"])
        lesson.waitFor("20 messages received") { ($0.channel(named: "work")?.counters.received ?? 0) >= 20 }
        // While the producers run, a send the channel has taken is not yet counted by its
        // producer; stopped (each thread joined), the two counts are final and must agree.
        lesson.experiment.shutdown()
        let settled = lesson.snap()
        let sent = settled.g("producers").sent
        #expect(sent >= 20)
        #expect(sent == settled.ch("work").counters.accepted)
    }

    @Test("fan-out: the consumers share the work, all of them receiving")
    func fanOut() throws {
        let result = try LessonPresets.run("fan-out", ["produce_ms=10", "consume_ms=60"], duration: 2)
        #expect(result.violations.isEmpty)
        let consumers = try result.group("consumers")
        #expect(consumers.workerStates.count == 3)
        // A consumer sleeps only with a message in hand: all three at once means all three received.
        #expect(result.snapshots.contains { $0.group(named: "consumers")?.count(.sleeping) == 3 })
        // One consumer sleeps at least 48 ms (60 ms - 20% jitter) a message; they did more than one could.
        let time = result.final?.time ?? 0
        let oneConsumerAtMost = time / 0.048 + 1
        #expect(Double(consumers.received) > oneConsumerAtMost, "\(consumers.received) received in \(time) s")
    }

    @Test("pipeline: the slowest stage sets the pace and the queue before it is the fullest")
    func pipeline() throws {
        // Shares are taken over the last 2 s: look once the window holds only the settled line.
        let result = try LessonPresets.run("pipeline", ["fetch_ms=10", "parse_ms=50", "store_ms=20"], duration: 3)
        #expect(result.violations.isEmpty)
        let late = result.snapshots(after: 2.5)
        let fetched = HeadlessResult.mean(late) { $0.channel(named: "fetched").map { Double($0.depth) } }
        let parsed = HeadlessResult.mean(late) { $0.channel(named: "parsed").map { Double($0.depth) } }
        #expect(fetched >= 8, "fetched holds \(fetched) on average")
        #expect(parsed <= 2, "parsed holds \(parsed) on average")
        let fetchBlocked = HeadlessResult.mean(late) { $0.group(named: "fetch")?.blockedSendPercent }
        let storeWaiting = HeadlessResult.mean(late) { $0.group(named: "store")?.blockedReceivePercent }
        #expect(fetchBlocked > 50, "fetch blocked on send \(fetchBlocked)%")
        #expect(storeWaiting > 30, "store blocked on receive \(storeWaiting)%")
        // Throughput is parse's pace: at most one message per 50 ms.
        let stored = try result.group("store").received
        #expect(Double(stored) <= (result.final?.time ?? 0) / 0.05 + 1)
    }

    @Test("pipeline: make the last stage slowest and the bottleneck moves to the queue before it")
    func pipelineBottleneckMoves() throws {
        // Shares are taken over the last 2 s: look once the window holds only the settled line.
        let result = try LessonPresets.run("pipeline", ["fetch_ms=10", "parse_ms=20", "store_ms=50"], duration: 3)
        #expect(result.violations.isEmpty)
        let late = result.snapshots(after: 2.5)
        let parsed = HeadlessResult.mean(late) { $0.channel(named: "parsed").map { Double($0.depth) } }
        #expect(parsed >= 8, "parsed holds \(parsed) on average")
        let parseBlocked = HeadlessResult.mean(late) { $0.group(named: "parse")?.blockedSendPercent }
        #expect(parseBlocked > 30, "parse blocked on send \(parseBlocked)%")
    }

    @Test("tanenbaum: never more than N = 100 messages in flight, and a fast producer waits for empties")
    func tanenbaum() throws {
        let result = try LessonPresets.run("tanenbaum", ["produce_ms=0", "consume_ms=10"], duration: 1.2)
        #expect(result.violations.isEmpty)
        #expect(result.events.contains { $0.kind == .prefill && $0.text.contains("put 100 messages into empties") })
        for snapshot in result.snapshots {
            let full = try #require(snapshot.channel(named: "full")).counters
            let empties = try #require(snapshot.channel(named: "empties")).counters
            let queued = full.depth + empties.depth
            // Both hands may hold one message: 98...100 queued, never more.
            #expect((98...100).contains(queued), "\(queued) messages queued at \(snapshot.time) s")
            let inFlight = Int(full.accepted + empties.accepted) - Int(full.received + empties.received)
            #expect(inFlight == queued)
            #expect(full.failed == 0 && empties.failed == 0)
        }
        let empties = try result.channel("empties").counters
        #expect(empties.accepted >= 100, "the 100 prefilled empties arrived")
        let late = result.snapshots(after: 0.4)
        let full = HeadlessResult.mean(late) { $0.channel(named: "full").map { Double($0.depth) } }
        let waiting = HeadlessResult.mean(late) { $0.group(named: "producer")?.blockedReceivePercent }
        #expect(full >= 95, "full holds \(full) on average")
        #expect(waiting > 50, "producer blocked on receive (waiting for an empty) \(waiting)%")
    }

    @Test("deadlock: reported by name within two seconds")
    func deadlock() throws {
        let result = try LessonPresets.run("deadlock", duration: 3, deadlockGrace: 0.5)
        #expect(result.violations.isEmpty)
        let reported = try #require(result.snapshots.first { $0.deadlock != nil }, "no deadlock reported")
        #expect(reported.time <= 2)
        let cycle = reported.deadlock ?? ""
        // Either rotation of A -> ab -> B -> ba -> A.
        #expect(cycle.contains("A -> ab -> B") && cycle.contains("B -> ba -> A"), "cycle: \(cycle)")
        let event = try #require(result.events.first { $0.kind == .deadlock })
        #expect(event.text.contains(cycle))
        #expect(try result.group("A").workerStates == [.blockedOnSend])
        #expect(try result.group("B").workerStates == [.blockedOnSend])
        #expect(try result.channel("ab").counters.accepted == 0)
    }

    @Test("disconnect-producer: the consumer drains what is left, then sees the disconnect; nothing lost")
    func disconnectProducer() throws {
        let result = try LessonPresets.run(
            "disconnect-producer", ["max_work=20", "produce_ms=5", "consume_ms=20"], duration: 60)
        #expect(result.violations.isEmpty)
        let producer = try result.group("producer")
        let consumer = try result.group("consumer")
        #expect(producer.made == 20)
        #expect(producer.workerStates == [.finished])
        #expect(consumer.workerStates == [.disconnected])
        #expect(consumer.received == 20)
        let work = try result.channel("work").counters
        #expect(work.received == 20 && work.depth == 0 && work.failed == 0)
        #expect(result.events.contains { $0.kind == .disconnect && $0.text.contains("every sender is gone") })
        // The producer was gone while messages were still queued, and the consumer still got them.
        #expect(result.snapshots.contains {
            $0.group(named: "producer")?.isFinished == true && ($0.channel(named: "work")?.depth ?? 0) > 0
        })
        #expect(try result.accountsForEverything(made: "producer", on: "work"))
    }

    @Test("disconnect-consumer: the producer's next send fails, counted, and nothing is lost uncounted")
    func disconnectConsumer() throws {
        let result = try LessonPresets.run(
            "disconnect-consumer", ["consumer_max=10", "produce_ms=5", "consume_ms=20"], duration: 60)
        #expect(result.violations.isEmpty)
        let producer = try result.group("producer")
        let consumer = try result.group("consumer")
        #expect(consumer.received == 10)
        #expect(consumer.workerStates == [.finished])
        #expect(producer.workerStates == [.disconnected])
        let work = try result.channel("work").counters
        #expect(work.failed >= 1)
        #expect(result.events.contains { $0.kind == .disconnect && $0.text.contains("every receiver is gone") })
        #expect(try result.accountsForEverything(made: "producer", on: "work"))
    }
}
