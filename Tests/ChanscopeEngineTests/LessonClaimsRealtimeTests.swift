import Channels
import ChanscopeEngine
import Foundation
import Testing

/// realtime: the course's master and worker, both polling with try_recv.
extension LessonClaims {
    @Test("realtime: every result is collected, Max work of Max work, at any pair of waits", arguments: [
        (0, 0), (0, 3), (3, 0), (2, 2), (1, 6), (6, 1),
    ])
    func realtimeCollectsEveryResult(masterWait: Int, workerWait: Int) throws {
        let result = try LessonPresets.run(
            "realtime", ["master_wait_ms=\(masterWait)", "worker_wait_ms=\(workerWait)"], duration: 60)
        #expect(result.violations.isEmpty)
        let maxWork = UInt64(try #require(LessonPresets.load("realtime").knobs.first { $0.name == "max_work" }).value)
        #expect(maxWork == 100)
        let dispatch = try result.group("dispatch")
        let worker = try result.group("worker")
        let master = try result.group("master")
        #expect(dispatch.made == maxWork && dispatch.sent == maxWork)
        #expect(worker.received == maxWork && worker.sent == maxWork)
        #expect(master.received == maxWork, "master got \(master.received) of \(maxWork)")
        for name in ["jobs", "results"] {
            let c = try result.channel(name).counters
            #expect(c.attempted == maxWork && c.received == maxWork, "\(name): \(c)")
            #expect(c.failed == 0 && c.discarded == 0 && c.dropped == 0 && c.depth == 0, "\(name): \(c)")
        }
        #expect(dispatch.workerStates == [.finished])
        #expect(worker.workerStates == [.disconnected])
        #expect(master.workerStates == [.disconnected])
        #expect(result.final?.isFinished == true, "the run ends by itself")
    }

    @Test("realtime: nobody ever blocks; master and worker poll and count their empty polls")
    func realtimeNobodyBlocks() throws {
        let result = try LessonPresets.run("realtime", ["master_wait_ms=10", "worker_wait_ms=10", "max_work=60"], duration: 60)
        for snapshot in result.snapshots {
            for group in snapshot.groups {
                // What the screen shows: the state each spent the window in, and the shares
                // (a send on an unbounded channel never waits; it only takes its lock).
                #expect(!group.workerStates.contains(.blockedOnSend) && !group.workerStates.contains(.blockedOnReceive),
                        "\(group.name) shown blocked at \(snapshot.time) s")
                #expect(group.blockedSendPercent < 5 && group.blockedReceivePercent < 5,
                        "\(group.name): blocked send \(group.blockedSendPercent)% recv \(group.blockedReceivePercent)%")
            }
        }
        #expect(try result.group("master").received == 60)
        #expect(result.final?.isFinished == true, "the run ends by itself")
    }

    @Test("realtime: ↓↓ ← lowers Worker wait: the worker polls faster than jobs come, its empty polls climb")
    func realtimeFastWorkerPollsEmpty() throws {
        // A job every 100 ms, polled for every 2 ms: dozens of empty polls a job, even with
        // every wake-up late.
        let run = try LiveLesson("realtime", ["max_work=0", "master_wait_ms=100", "worker_wait_ms=100"])
        _ = run.watch(seconds: 0.3)
        #expect(run.experiment.setKnob(.preset("worker_wait_ms"), to: 2) != nil)
        let before = run.snap()
        let polling = run.waitFor("the worker polling") { $0.now("worker", .pollingEmpty) == 1 }
        _ = run.watch(seconds: 0.6)
        let after = run.snap()
        let empty = (after.group(named: "worker")?.emptyPolls ?? 0) - (before.group(named: "worker")?.emptyPolls ?? 0)
        let got = (after.group(named: "worker")?.received ?? 0) - (before.group(named: "worker")?.received ?? 0)
        #expect(polling != nil)
        #expect(empty > 3 * got, "\(empty) empty polls for \(got) jobs")
    }

    @Test("realtime: → Worker wait past Master wait: jobs reads GROWING and the master's polls come back empty")
    func realtimeSlowWorkerLeavesMasterPolling() throws {
        let run = try LiveLesson("realtime", ["max_work=0", "master_wait_ms=10", "worker_wait_ms=10"])
        _ = run.watch(seconds: 0.2)
        // Results now come every 100 ms; the master polls for them every 10 ms.
        #expect(run.experiment.setKnob(.preset("worker_wait_ms"), to: 100) != nil)
        let before = run.snap()
        #expect(run.waitFor("jobs GROWING") { $0.word("jobs") == .growing } != nil)
        let after = run.watch(seconds: 0.5).last!
        let empty = (after.group(named: "master")?.emptyPolls ?? 0) - (before.group(named: "master")?.emptyPolls ?? 0)
        let got = (after.group(named: "master")?.received ?? 0) - (before.group(named: "master")?.received ?? 0)
        #expect(empty > got, "master: \(empty) empty polls for \(got) results")
    }

    @Test("realtime: after Max work jobs dispatch is finished, jobs reads NO SENDERS while the worker drains it, then DISCONNECTED")
    func realtimeEndsByDisconnects() throws {
        // The worker is slower, so jobs are still queued when dispatch finishes.
        let result = try LessonPresets.run("realtime", ["max_work=20", "master_wait_ms=5", "worker_wait_ms=25"], duration: 60)
        let draining = try #require(result.snapshots.first { $0.word("jobs") == .noSenders }, "no NO SENDERS on jobs")
        #expect(draining.group(named: "dispatch")?.isFinished == true)
        #expect(draining.channel(named: "jobs")?.situation.description.hasPrefix("NO SENDERS: draining ") == true)
        #expect(try result.channel("jobs").situation.word == .disconnected)
        #expect(try result.channel("results").situation.word == .disconnected)
        #expect(try result.group("worker").workerStates == [.disconnected])
        #expect(try result.group("master").workerStates == [.disconnected])
        #expect(try result.group("master").received == 20)
        #expect(result.events.contains { $0.kind == .disconnect && $0.text.hasPrefix("jobs: every sender is gone; receivers drain") })
    }
}
