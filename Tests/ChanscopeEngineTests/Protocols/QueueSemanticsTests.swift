import Channels
import Testing
@testable import ChanscopeEngine

@Suite("Python's queue: join, task_done, stop_on sentinels, pools")
struct QueueSemanticsTests {
    @Test("join waits until every message accepted is finished; unfinished counts them down to 0")
    func joinWaitsForTaskDone() throws {
        let preset = try enginePreset("""
            name: Join
            summary: s
            channels: { tasks: { kind: unbounded } }
            knobs: { task_ms: { value: 100000, min: 0, max: 100000 }, keeper_ms: { value: 20, min: 0, max: 100 } }
            workers:
              submitter: { limit: 1, loop: [ { make: TASK }, { send: tasks }, { make: TASK }, { send: tasks }, { join: tasks } ] }
              pool: { count: 2, loop: [ { recv: tasks }, { sleep: task_ms } ] }
              keeper: { loop: [ { join: tasks }, { sleep: keeper_ms } ] }
            """)
        let experiment = Experiment(preset: preset)
        defer { experiment.shutdown() }
        experiment.start()
        let watcher = Watcher(experiment)
        // Both workers hold a task and sleep: the submitter joins, both tasks unfinished.
        let held = watcher.waitFor("both tasks in hand, the submitter joining") {
            $0.g("pool").instantStates == [.sleeping, .sleeping] && $0.g("submitter").instantStates == [.joining]
        }
        #expect(held.ch("tasks").unfinished == 2)
        #expect(held.ch("tasks").depth == 0)
        #expect(held.g("pool").isPool && !held.g("submitter").isPool)
        #expect(held.g("pool").busyCount == 2 && held.g("pool").idleCount == 0)
        #expect(held.g("submitter").lastJoinSeconds == nil)
        watcher.keepWatching(for: 0.2)
        #expect(watcher.snap().g("submitter").instantStates == [.joining], "join does not return before task_done")
        experiment.setKnob(.preset("task_ms"), to: 0)
        let end = watcher.waitFor("the submitter finished") { $0.g("submitter").isFinished }
        #expect(end.ch("tasks").unfinished == 0)
        #expect((end.g("submitter").lastJoinSeconds ?? 0) >= 0.2)
        let idle = watcher.waitFor("the pool idle") { $0.g("pool").idleCount == 2 }
        #expect(idle.g("pool").busyCount == 0)
    }

    @Test("task_done finishes before the iteration ends; a join does not wait for the rest of it")
    func explicitTaskDone() throws {
        let preset = try enginePreset("""
            name: TaskDone
            summary: s
            channels: { tasks: { kind: unbounded } }
            knobs: { after_ms: { value: 100000, min: 0, max: 100000 } }
            workers:
              submitter: { limit: 1, loop: [ { make: TASK }, { send: tasks }, { join: tasks } ] }
              pool: { loop: [ { recv: tasks }, task_done, { sleep: after_ms } ] }
            """)
        let experiment = Experiment(preset: preset)
        defer { experiment.shutdown() }
        experiment.start()
        let watcher = Watcher(experiment)
        let end = watcher.waitFor("the submitter finished while the worker still sleeps") {
            $0.g("submitter").isFinished && $0.g("pool").instantStates == [.sleeping]
        }
        #expect(end.ch("tasks").unfinished == 0)
    }

    @Test("stop_on: each worker ends on one sentinel, counted apart from disconnects; too few leaves one blocked")
    func sentinels() throws {
        func run(sentinels: Int) throws -> Snapshot {
            let preset = try enginePreset("""
                name: Sentinels
                summary: s
                channels: { jobs: { kind: unbounded } }
                workers:
                  main: { prefill: { jobs: 6 }, limit: \(sentinels), loop: [ { join: jobs }, { make: STOP }, { send: jobs } ] }
                  consumers: { count: 3, stop_on: STOP, loop: [ { recv: jobs } ] }
                  keeper: { loop: [ { join: jobs }, task_done ] }
                """)
            let experiment = Experiment(preset: preset)
            defer { experiment.shutdown() }
            experiment.start()
            let watcher = Watcher(experiment)
            return watcher.waitFor("main finished and the sentinels taken") {
                $0.g("main").isFinished && $0.g("consumers").stoppedBySentinel == sentinels
                    && $0.g("consumers").instantStates.filter { $0 == .finished }.count == sentinels
                    && $0.g("consumers").received == UInt64(6 + sentinels)
                    // The rest back in their recv (not caught between two steps).
                    && $0.g("consumers").instantStates.filter { $0 == .blockedOnReceive }.count == 3 - sentinels
            }
        }
        let enough = try run(sentinels: 3)
        #expect(enough.g("consumers").instantStates == [.finished, .finished, .finished])
        #expect(enough.g("consumers").stoppedBySentinel == 3)
        #expect(enough.ch("jobs").unfinished == 0)
        let few = try run(sentinels: 2)
        #expect(few.g("consumers").stoppedBySentinel == 2)
        #expect(few.g("consumers").instantStates.filter { $0 == .finished }.count == 2)
        #expect(few.g("consumers").instantStates.filter { $0 == .blockedOnReceive }.count == 1, "the keeper holds jobs open: no disconnect")
        #expect(!few.g("consumers").instantStates.contains(.disconnected))
    }

    @Test("CSV: CH.unfinished for a joined channel only; G.stopped_by_sentinel for every group")
    func csvColumns() throws {
        let experiment = Experiment(preset: try enginePreset("""
            name: C
            summary: s
            channels: { tasks: { kind: unbounded }, other: { kind: unbounded } }
            workers:
              submitter: { loop: [ { make: TASK }, { send: tasks }, { join: tasks }, make, { send: other } ] }
              pool: { stop_on: TASK, loop: [ { recv: tasks } ] }
              sink: { loop: [ { recv: other } ] }
            """))
        let header = CSVRecorder.header(for: experiment.layout())
        #expect(header.contains("tasks.unfinished") && !header.contains("other.unfinished"))
        #expect(header.firstIndex(of: "tasks.unfinished") == header.firstIndex(of: "tasks.situation").map { $0 + 1 })
        for group in ["submitter", "pool", "sink"] { #expect(header.contains("\(group).stopped_by_sentinel")) }
        #expect(CSVRecorder.row(for: experiment.layout()).count == header.count)
    }

    @Test("A stop_on tag nobody sends, and a join of an unknown channel, get one line each")
    func badInput() {
        #expect(presetProblems("""
            name: T
            summary: s
            channels: { jobs: { kind: unbounded } }
            workers:
              p: { loop: [ { make: JOB }, { send: jobs }, { join: jbos } ] }
              c: { stop_on: STOP, loop: [ { recv: jobs } ] }
            """) == [
            "x.yaml:5: workers.p.loop[2]: unknown channel \"jbos\" (channels: jobs)",
            "x.yaml:6: workers.c.stop_on: no step makes, tags or replies with \"STOP\", so no worker would ever stop on it (tags given: JOB)",
        ])
    }
}
