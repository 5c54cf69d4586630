#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Channels
import Testing
@testable import ChanscopeEngine

@Suite("Sampler and history")
struct EngineSamplerTests {
    static let limited = """
        name: Limited
        summary: s
        channels: { work: { kind: unbounded } }
        knobs: { wait_ms: { value: 1, min: 0, max: 100 } }
        workers:
          producer: { limit: 60, loop: [ make, { send: work } ] }
          consumer: { loop: [ { recv: work } ] }
        """

    @Test("rates are the change since the previous tick over its interval, with injected times")
    func injectedRates() throws {
        let experiment = Experiment(preset: try enginePreset(Self.limited))
        defer { experiment.shutdown() }
        let sampler = Sampler(experiment: experiment)
        let base = MonotonicClock.now()
        experiment.start(now: base)
        // Wait without taking snapshots (they would start a new interval).
        waitUntil("the consumer to finish") {
            experiment.groups.allSatisfy { group in group.workers.allSatisfy { $0.counters.currentState.isDone } }
        }
        let second: UInt64 = 1_000_000_000
        let s0 = sampler.tick(now: base &+ 2 * second)
        #expect(s0.tick == 0)
        #expect(s0.time == 2.0)
        #expect(s0.accountingViolation == nil)
        #expect(s0.ch("work").counters.accepted == 60)
        #expect(s0.ch("work").inPerSecond == 30)  // 60 messages over 2 s
        #expect(s0.ch("work").outPerSecond == 30)
        let s1 = sampler.tick(now: base &+ 6 * second)
        #expect(s1.tick == 1)
        #expect(s1.time == 6.0)
        #expect(s1.ch("work").inPerSecond == 0)  // nothing new over 4 s
        #expect(sampler.latest == s1)
        // A tick at the same instant has a zero interval: rates are 0, not infinite.
        let s2 = sampler.tick(now: base &+ 6 * second)
        #expect(s2.ch("work").inPerSecond == 0)
        #expect(s2.g("producer").blockedSendPercent == 0)
    }

    @Test("the sampler thread ticks at its rate, hands on every snapshot, and stops")
    func ticksAtRate() throws {
        let experiment = Experiment(preset: try enginePreset(Self.limited))
        defer { experiment.shutdown() }
        let seen = Locked<[Snapshot]>([])
        let sampler = Sampler(experiment: experiment, hz: 50) { snapshot in seen.withLock { $0.append(snapshot) } }
        #expect(sampler.latest == nil)
        experiment.start()
        let start = MonotonicClock.now()
        sampler.start()
        waitUntil("10 snapshots") { seen.current.count >= 10 }
        let elapsed = secondsSince(start)
        sampler.stop()
        let snapshots = seen.current
        // The first tick comes at once, then one per period: ten ticks take at least 180 ms at 50 Hz.
        #expect(elapsed >= 0.175)
        #expect(snapshots.map(\.tick) == Array(0..<snapshots.count))
        #expect(snapshots.allSatisfy { $0.accountingViolation == nil })
        #expect(zip(snapshots, snapshots.dropFirst()).allSatisfy { $0.time < $1.time })
        #expect(sampler.latest == snapshots.last)
        // Stopped: no more snapshots (checked over a few periods; none are expected).
        usleep(100_000)
        #expect(seen.current.count == snapshots.count)
        sampler.stop()  // idempotent
        #expect(Sampler(experiment: experiment, hz: 0).hz == 0.1)
        #expect(Sampler(experiment: experiment, hz: 1e6).hz == 1000)
    }

    @Test("SnapshotHistory keeps only the newest values, oldest first")
    func historyIsBounded() throws {
        let experiment = Experiment(preset: try enginePreset("""
            name: History
            summary: s
            channels: { work: { kind: unbounded } }
            workers:
              producer: { limit: 12, loop: [ make, { send: work } ] }
              consumer: { loop: [ { sleep: never_ms }, { recv: work } ] }
            knobs: { never_ms: { value: 10000, min: 0, max: 10000 } }
            """))
        defer { experiment.shutdown() }
        experiment.start()
        var history = SnapshotHistory(capacity: 5)
        var depths: [Int] = []
        let watcher = Watcher(experiment)
        for _ in 0..<12 {
            let s = watcher.snap()
            history.append(s)
            depths.append(s.ch("work").depth)
        }
        watcher.waitFor("12 queued") { $0.ch("work").depth == 12 }
        history.append(watcher.last!)
        depths.append(12)
        #expect(history.depths(of: "work") == Array(depths.suffix(5)))
        #expect(history.depths(of: "work").last == 12)
        #expect(history.outRates(of: "work").count == 5)
        #expect(history.depths(of: "nope").isEmpty)
        #expect(SnapshotHistory(capacity: 0).capacity == 1)
    }
}
