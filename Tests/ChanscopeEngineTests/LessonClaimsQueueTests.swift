import ChanscopeEngine
import Foundation
import Testing

/// The `thread-pool` and `sentinel-shutdown` lessons: Python's queue, join, task_done and None.
/// Task times are the lesson's divided by six, so batch times are too.
extension LessonClaims {
    /// The submitter's last join, once it has had `batches` more batches after `run` started.
    static func lastJoin(_ run: LiveLesson, after batches: Int) -> Double? {
        let start = run.snap().g("submitter").iterations
        let settled = run.waitFor("\(batches) more batches", timeout: 10) { $0.g("submitter").iterations >= start + batches }
        return settled?.g("submitter").lastJoinSeconds
    }

    @Test("thread-pool: two workers: busy and idle on the pool row, tasks unfinished; a batch in 3 task times")
    func threadPoolTwoWorkers() throws {
        let run = try LiveLesson("thread-pool", ["task_ms=50"])
        let busy = try #require(run.waitFor("the pool busy with unfinished tasks") { ($0.ch("tasks").unfinished ?? 0) > 0 && $0.g("pool").busyCount == 2 })
        #expect(busy.g("pool").isPool)
        #expect(busy.ch("tasks").unfinished! <= 6)
        let join = try #require(Self.lastJoin(run, after: 2))
        #expect((0.13...0.4).contains(join), "two workers, six 50 ms tasks: about 0.15 s, got \(join)")
        #expect(run.snapshots.allSatisfy { ($0.ch("tasks").unfinished ?? 0) <= 6 })
    }

    @Test("thread-pool: g then +: three workers, the last join falls to 2 task times; - twice: one worker, 6")
    func threadPoolResize() throws {
        let run = try LiveLesson("thread-pool", ["task_ms=50"])
        let two = try #require(Self.lastJoin(run, after: 2))
        #expect(run.experiment.addWorker(to: "pool") != nil)
        _ = Self.lastJoin(run, after: 1)  // the batch under way when the worker came
        let three = try #require(Self.lastJoin(run, after: 2))
        #expect(three < two, "three workers \(three) s, two \(two) s")
        #expect((0.09...0.3).contains(three), "three workers: about 0.1 s, got \(three)")
        #expect(run.experiment.removeWorker(from: "pool") != nil)
        #expect(run.experiment.removeWorker(from: "pool") != nil)
        _ = Self.lastJoin(run, after: 1)
        let one = try #require(Self.lastJoin(run, after: 1))
        #expect((0.28...0.9).contains(one), "one worker does all six: about 0.3 s, got \(one)")
    }

    @Test("sentinel-shutdown: one STOP per consumer: stopped by sentinel 3, all finished, nothing unfinished")
    func sentinelShutdownEnough() throws {
        let run = try LiveLesson("sentinel-shutdown", ["consume_ms=10"])
        let end = try #require(run.waitFor("consumers finished") { $0.g("consumers").isFinished })
        #expect(end.g("consumers").stoppedBySentinel == 3)
        #expect(end.g("consumers").instantStates == [.finished, .finished, .finished])
        #expect(end.g("consumers").received == 15)
        #expect(end.ch("jobs").unfinished == 0)
    }

    @Test("sentinel-shutdown: Sentinels 2: two stop, the third stays recv-blocked on jobs; the keeper holds it open")
    func sentinelShutdownTooFew() throws {
        let run = try LiveLesson("sentinel-shutdown", ["consume_ms=10", "sentinels=2"])
        let stuck = try #require(run.waitFor("two stopped, main finished") {
            $0.g("consumers").stoppedBySentinel == 2 && $0.g("main").isFinished
        })
        _ = stuck
        let later = run.watch(seconds: 0.5).last!
        let consumers = later.g("consumers")
        #expect(consumers.instantStates.filter { $0 == .finished }.count == 2)
        #expect(consumers.instantStates.filter { $0 == .blockedOnReceive }.count == 1)
        #expect(!consumers.instantStates.contains(.disconnected))
        #expect(!later.ch("jobs").isDisconnected)
        #expect(later.ch("jobs").senderGroups.contains("keeper"))
    }
}
