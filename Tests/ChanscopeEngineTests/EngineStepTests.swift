import Channels
import Testing
@testable import ChanscopeEngine

@Suite("Engine: loop steps and group options")
struct EngineStepTests {
    @Test("make, send and recv: every message made is sent, received and consumed; disconnect ends the consumer")
    func makeSendReceive() throws {
        let preset = try enginePreset("""
            name: Basic
            summary: s
            channels: { work: { kind: bounded, capacity: 4 } }
            workers:
              producer: { limit: 50, loop: [ make, { send: work } ] }
              consumer: { count: 2, loop: [ { recv: work } ] }
            """)
        let experiment = Experiment(preset: preset)
        defer { experiment.shutdown() }
        experiment.start()
        let watcher = Watcher(experiment)
        let end = watcher.waitFor("both groups finished") { $0.isFinished }
        let producer = end.g("producer"), consumer = end.g("consumer"), work = end.ch("work")
        #expect(producer.made == 50)
        #expect(producer.sent == 50)
        #expect(producer.iterations == 50)
        #expect(producer.instantStates == [.finished])
        #expect(work.counters.attempted == 50)
        #expect(work.counters.accepted == 50)
        #expect(work.counters.received == 50)
        #expect(work.depth == 0)
        #expect(consumer.received == 50)
        #expect(consumer.done == 50)
        #expect(consumer.made == 0)
        #expect(consumer.instantStates == [.disconnected, .disconnected])
        #expect(watcher.index(of: .started, containing: "Basic") != nil)
        #expect(watcher.index(of: .disconnect, containing: "work: every sender is gone") != nil)
        #expect(watcher.index(of: .groupFinished, containing: "producer finished (done)") != nil)
        #expect(watcher.index(of: .groupFinished, containing: "consumer finished (disconnected)") != nil)
    }

    @Test("poll counts empty polls while nothing comes, then fills the hand")
    func poll() throws {
        let preset = try enginePreset("""
            name: Poll
            summary: s
            channels: { jobs: { kind: unbounded } }
            knobs:
              produce_ms: { value: 5000, min: 0, max: 10000 }
              poll_ms: { value: 1, min: 0, max: 100 }
            workers:
              producer: { limit: 5, loop: [ { sleep: produce_ms }, make, { send: jobs } ] }
              poller: { loop: [ { poll: jobs }, { sleep: poll_ms } ] }
            """)
        let experiment = Experiment(preset: preset)
        defer { experiment.shutdown() }
        experiment.start()
        let watcher = Watcher(experiment)
        let idle = watcher.waitFor("empty polls while the producer sleeps") {
            $0.g("poller").emptyPolls >= 10 && $0.g("producer").instantStates == [.sleeping]
        }
        #expect(idle.g("poller").received == 0)
        #expect(idle.g("poller").done == 0)
        #expect(idle.g("producer").instantStates == [.sleeping])
        experiment.setKnob(.preset("produce_ms"), to: 0)
        let end = watcher.waitFor("poller finished") { $0.g("poller").isFinished }
        let poller = end.g("poller")
        #expect(poller.received == 5)
        #expect(poller.done == 5)
        #expect(poller.emptyPolls >= 10)
        #expect(poller.instantStates == [.disconnected])
        #expect(end.ch("jobs").counters.received == 5)
        #expect(end.g("producer").made == 5)
    }

    @Test("jitter factors stay within ±jitter, cover both sides, and repeat with the seed")
    func jitterComputation() {
        var random = SplitMix64(seed: 42)
        var again = SplitMix64(seed: 42)
        var low = 2.0, high = 0.0, sum = 0.0
        let n = 20_000
        for _ in 0..<n {
            let factor = Worker.jitterFactor(0.3, using: &random)
            #expect(Worker.jitterFactor(0.3, using: &again) == factor)
            low = min(low, factor)
            high = max(high, factor)
            sum += factor
        }
        #expect(low >= 0.7 && low < 0.71)
        #expect(high <= 1.3 && high > 1.29)
        #expect(abs(sum / Double(n) - 1) < 0.01)
        var other = SplitMix64(seed: 43)
        var seeded = SplitMix64(seed: 42)
        #expect(Worker.jitterFactor(0.3, using: &other) != Worker.jitterFactor(0.3, using: &seeded))
        #expect(Worker.jitterFactor(0, using: &random) == 1)
    }

    @Test("sleep with jitter never waits less than (1 - jitter) of the knob")
    func sleepWithJitter() throws {
        let preset = try enginePreset("""
            name: Sleepy
            summary: s
            channels: { unused: { kind: unbounded } }
            knobs: { wait_ms: { value: 10, min: 0, max: 100 } }
            workers:
              sleeper: { limit: 20, loop: [ make, { sleep: wait_ms, jitter: 0.5 } ] }
            """)
        let experiment = Experiment(preset: preset, seed: 7)
        defer { experiment.shutdown() }
        let start = MonotonicClock.now()
        experiment.start(now: start)
        let watcher = Watcher(experiment)
        let end = watcher.waitFor("20 sleeps") { $0.isFinished }
        let elapsed = secondsSince(start)
        #expect(end.g("sleeper").done == 20)
        #expect(elapsed >= 20 * 0.005)
        #expect(elapsed < 5)
    }

    @Test("a fixed limit stops the group after exactly N iterations across its workers")
    func fixedLimit() throws {
        let preset = try enginePreset("""
            name: Fixed
            summary: s
            channels: { work: { kind: unbounded } }
            workers:
              producer: { count: 4, limit: 25, loop: [ make, { send: work } ] }
              consumer: { loop: [ { recv: work } ] }
            """)
        let experiment = Experiment(preset: preset)
        defer { experiment.shutdown() }
        experiment.start()
        let end = Watcher(experiment).waitFor("finished") { $0.isFinished }
        #expect(end.g("producer").made == 25)
        #expect(end.g("producer").iterations == 25)
        #expect(end.g("producer").limit == 25)
        #expect(end.g("consumer").done == 25)
        #expect(end.ch("work").counters.accepted == 25)
    }

    @Test("a knob limit stops the producers after exactly max_work messages")
    func knobLimit() throws {
        let preset = try enginePreset("""
            name: Knob limit
            summary: s
            channels: { work: { kind: bounded, capacity: 2 } }
            knobs: { max_work: { value: 40, min: 0, max: 100000 } }
            workers:
              producer: { count: 3, limit: max_work, loop: [ make, { send: work } ] }
              consumer: { count: 2, loop: [ { recv: work } ] }
            """)
        let experiment = Experiment(preset: preset)
        defer { experiment.shutdown() }
        experiment.start()
        let end = Watcher(experiment).waitFor("finished") { $0.isFinished }
        #expect(end.g("producer").made == 40)
        #expect(end.g("producer").iterations == 40)
        #expect(end.g("consumer").done == 40)
        #expect(end.g("producer").instantStates == [.finished, .finished, .finished])
    }

    @Test("a limit of 0 is endless; lowering it live ends the group, iterations never pass it")
    func endlessLimit() throws {
        let preset = try enginePreset("""
            name: Endless
            summary: s
            channels: { work: { kind: bounded, capacity: 4 } }
            knobs: { max_work: { value: 0, min: 0, max: 100000 } }
            workers:
              producer: { count: 2, limit: max_work, loop: [ make, { send: work } ] }
              consumer: { loop: [ { recv: work } ] }
            """)
        let experiment = Experiment(preset: preset)
        defer { experiment.shutdown() }
        experiment.start()
        let watcher = Watcher(experiment)
        let running = watcher.waitFor("200 made") { $0.g("producer").made >= 200 }
        #expect(!running.g("producer").isFinished)
        #expect(running.g("producer").limit == 0)
        experiment.setKnob(.preset("max_work"), to: 100)
        let end = watcher.waitFor("producer finished") { $0.g("producer").isFinished && $0.g("consumer").isFinished }
        let producer = end.g("producer")
        // Iterations are counted while endless too, so the new limit is already passed: the
        // producers end after the iterations they were in.
        #expect(producer.made >= 200)
        #expect(producer.iterations == Int(producer.made))
        #expect(end.g("consumer").done == producer.made)
    }

    @Test("prefill puts N messages in; Tanenbaum's messages circle and never exceed N")
    func tanenbaum() throws {
        let preset = try enginePreset("""
            name: Tanenbaum
            summary: s
            channels: { full: { kind: unbounded }, empties: { kind: unbounded } }
            knobs:
              produce_ms: { value: 0, min: 0, max: 2000 }
              consume_ms: { value: 0, min: 0, max: 2000 }
            workers:
              producer: { count: 2, loop: [ { sleep: produce_ms }, { recv: empties }, { send: full } ] }
              consumer: { prefill: { empties: 10 }, loop: [ { recv: full }, { send: empties }, { sleep: consume_ms } ] }
            """)
        let experiment = Experiment(preset: preset)
        defer { experiment.shutdown() }
        experiment.start()
        let watcher = Watcher(experiment)
        let first = watcher.snap()
        #expect(first.events.contains { $0.kind == .prefill && $0.text == "consumer put 10 messages into empties" })
        #expect(first.ch("empties").counters.accepted >= 10)
        // Exactly N messages exist: in the two channels or in a worker's hand (received, not yet
        // sent on). Channels are read one after the other, so count only when every worker is
        // held: paused at a step boundary, or blocked on a receive that nothing can satisfy.
        for round in 1...3 {
            watcher.waitFor("\(round * 100) round trips") { $0.g("consumer").received >= UInt64(round * 100) }
            experiment.setPaused(true)
            let held = watcher.waitFor("every worker held with 10 messages in flight") { snapshot in
                let quiet = snapshot.groups.allSatisfy { group in
                    group.instantStates.allSatisfy { $0 == .paused || $0 == .blockedOnReceive }
                }
                return quiet && inFlight(snapshot) == 10
            }
            #expect(held.isPaused)
            #expect(inFlight(held) == 10)
            experiment.setPaused(false)
        }
        let end = watcher.snap()
        #expect(end.g("producer").made == 0)
        #expect(end.g("consumer").made == 0)
        #expect(end.g("producer").done == 0)
    }

    private func inFlight(_ snapshot: Snapshot) -> Int {
        let hands = snapshot.groups.map { Int($0.received) - Int($0.sent) }.reduce(0, +)
        return snapshot.ch("full").depth + snapshot.ch("empties").depth + hands
    }

    @Test("prefill into a bounded channel stops when it is full and says so")
    func prefillFull() throws {
        let preset = try enginePreset("""
            name: Prefill
            summary: s
            channels: { box: { kind: bounded, capacity: 3 } }
            knobs: { wait_ms: { value: 5000, min: 0, max: 10000 } }
            workers:
              filler: { prefill: { box: 5 }, loop: [ { sleep: wait_ms }, make, { send: box } ] }
              taker: { loop: [ { sleep: wait_ms }, { recv: box } ] }
            """)
        let experiment = Experiment(preset: preset)
        defer { experiment.shutdown() }
        experiment.start()
        let first = Watcher(experiment).snap()
        #expect(first.events.contains { $0.kind == .prefill && $0.text == "filler put only 3 of 5 messages into box (full)" })
        #expect(first.ch("box").depth == 3)
    }
}
