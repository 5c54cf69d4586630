import ChanscopeEngine
import Foundation
import Testing

/// The `readers-writers` lesson: readers together, a writer alone, writers STARVING under
/// readers-first, the policy switched live, and `as-written` naming who waits for ever.
extension LessonClaims {
    /// The lesson's run, a little faster: STARVING after 1 s.
    static func readersWriters() throws -> LiveLesson {
        try LiveLesson("readers-writers", ["starving_ms=1000"])
    }

    static func manager(_ snapshot: Snapshot) -> ManagerSnapshot? { snapshot.manager(ofGroup: "manager") }

    @Test("readers-writers: readers (R) read together, a writer (W) alone; violations 0 under every policy")
    func readersTogetherWriterAlone() throws {
        let run = try Self.readersWriters()
        #expect(run.waitFor("two readers reading at once") { $0.now("reader", .reading) >= 2 } != nil)
        for policy in 0...2 {
            #expect(run.experiment.setKnob(.preset("policy"), to: Double(policy)) != nil)
            _ = run.watch(seconds: 1)
        }
        #expect(run.snapshots.contains { $0.now("writer", .writing) == 1 }, "a writer wrote under some policy")
        // Who is inside, as the manager granted it (one reading under its lock): the workers'
        // states are read one after another, so a writer just out and a reader just in can be
        // caught together on a slow machine.
        for snapshot in run.snapshots {
            let manager = try #require(Self.manager(snapshot))
            #expect(manager.writersInside <= 1 && (manager.writersInside == 0 || manager.readersInside == 0),
                    "a writer with company at \(snapshot.time): \(manager.writersInside) writing, \(manager.readersInside) reading")
            #expect(manager.violations == 0)
        }
    }

    @Test("readers-first: new readers pass the waiting writers, who are STARVING and never granted")
    func readersFirstStarvesWriters() throws {
        let run = try Self.readersWriters()
        let starving = try #require(run.waitFor("writers STARVING") { Self.manager($0)?.isStarving(.write) == true })
        let manager = try #require(Self.manager(starving))
        #expect(manager.policy == "readers-first")
        #expect(manager.waitingWriters == 2 && manager.writeGrants == 0)
        let later = run.watch(seconds: 1).last.flatMap(Self.manager)
        #expect(later?.writeGrants == 0 && (later?.oldestWaitWriterMilliseconds ?? 0) > manager.oldestWaitWriterMilliseconds!,
                "the writers' oldest wait keeps rising")
        #expect((later?.readGrants ?? 0) > manager.readGrants, "while readers keep getting in")
    }

    @Test("readers-writers: → to writers-first lets the writers in and STARVING goes away; fair grants both")
    func writersFirstAndFair() throws {
        let run = try Self.readersWriters()
        run.waitFor("writers STARVING") { Self.manager($0)?.isStarving(.write) == true }
        #expect(run.experiment.setKnob(.preset("policy"), to: 1) != nil)
        let inside = try #require(run.waitFor("a writer granted") { (Self.manager($0)?.writeGrants ?? 0) > 0 })
        #expect(Self.manager(inside)?.policy == "writers-first")
        #expect(run.waitFor("STARVING gone") { Self.manager($0)?.starving.isEmpty == true } != nil)
        #expect(run.experiment.setKnob(.preset("policy"), to: 2) != nil)
        let before = try #require(Self.manager(run.snap()))
        let after = try #require(run.watch(seconds: 2).last.flatMap(Self.manager))
        #expect(after.policy == "fair")
        #expect(after.readGrants > before.readGrants && after.writeGrants > before.writeGrants, "both classes granted")
    }

    @Test("readers-writers: as-written drops what it cannot grant; no reply ever names who waits")
    func asWrittenNamesTheWaiting() throws {
        let run = try Self.readersWriters()
        #expect(run.experiment.setKnob(.preset("policy"), to: 3) != nil)
        let stuck = try #require(run.waitFor("someone unanswered") { !(Self.manager($0)?.unanswered.isEmpty ?? true) })
        let names = try #require(Self.manager(stuck)?.unanswered)
        #expect(names.allSatisfy { $0.hasPrefix("writer-") || $0.hasPrefix("reader-") }, "\(names)")
        // Those named stay waiting: their reply never comes.
        let later = try #require(run.watch(seconds: 1).last.flatMap(Self.manager))
        #expect(Set(names).isSubset(of: Set(later.unanswered)))
        #expect(later.violations == 0)
    }
}

/// The `priority-starvation` lesson: urgent clients starve the normal and bulk ones; aging
/// lets them through; a plain first-in, first-out kind has no levels at all.
extension LessonClaims {
    static func level(_ snapshot: Snapshot, _ level: Int) -> PriorityLevelSnapshot? {
        snapshot.channel(named: "jobs")?.priorityLevels?[safe: level]
    }

    static func done(_ snapshot: Snapshot, _ group: String) -> UInt64 { snapshot.group(named: group)?.done ?? 0 }

    @Test("priority-starvation: the levels are URGENT, NORMAL, BULK; only urgent work is served")
    func urgentOnly() throws {
        let run = try LiveLesson("priority-starvation", ["serve_ms=25", "urgent_ms=0"])
        let first = run.snap()
        #expect(first.channel(named: "jobs")?.priorityLevels?.map(\.tags) == [["BULK"], ["NORMAL"], ["URGENT"]])
        let busy = try #require(run.waitFor("30 urgent served") { Self.done($0, "urgent") >= 30 })
        #expect(Self.done(busy, "normal") == 0 && Self.done(busy, "bulk") == 0)
        #expect(busy.now("normal", .blockedOnReceive) == 1 && busy.now("bulk", .blockedOnReceive) == 1)
    }

    @Test("priority-starvation: jobs reads STARVING: BULK, NORMAL; their oldest waits keep rising")
    func lowLevelsWait() throws {
        let run = try LiveLesson("priority-starvation", ["serve_ms=25", "urgent_ms=0"])
        let waiting = try #require(run.waitFor("BULK waited a second") { (Self.level($0, 0)?.oldestAgeMilliseconds ?? 0) >= 1000 })
        // The two levels pass 2 s a moment apart, so the word may name one of them first.
        let starving = try #require(run.waitFor("STARVING names both") {
            $0.channel(named: "jobs")?.situation.description.hasPrefix("STARVING: BULK, NORMAL waited") == true
        })
        #expect(starving.channel(named: "jobs")?.situation.word == .starving)
        let later = try #require(run.watch(seconds: 0.5).last)
        #expect(later.channel(named: "jobs")?.situation.word == .starving, "it stays while they wait")
        for level in [0, 1] {
            #expect((Self.level(later, level)?.oldestAgeMilliseconds ?? 0) > (Self.level(waiting, level)?.oldestAgeMilliseconds ?? .infinity) - 1,
                    "level \(level) still waiting, longer")
            #expect(Self.level(later, level)?.depth == 1)
        }
    }

    @Test("priority-starvation: aging 200 ms serves every request; BULK and NORMAL waits stay under a second")
    func agingFixes() throws {
        let run = try LiveLesson("priority-starvation", ["serve_ms=25", "urgent_ms=0"])
        run.waitFor("BULK waited a second") { (Self.level($0, 0)?.oldestAgeMilliseconds ?? 0) >= 1000 }
        #expect(run.experiment.setKnob(.preset("aging_ms"), to: 200) != nil)
        let served = try #require(run.waitFor("bulk and normal served") { Self.done($0, "bulk") >= 3 && Self.done($0, "normal") >= 3 })
        let settled = run.watch(seconds: 1.5)
        for snapshot in settled {
            #expect(snapshot.channel(named: "jobs")?.situation.word != .starving, "STARVING goes at \(snapshot.time)")
            for level in [0, 1] {
                #expect((Self.level(snapshot, level)?.oldestAgeMilliseconds ?? 0) < 1000, "level \(level) at \(snapshot.time)")
            }
        }
        #expect(Self.done(settled.last!, "urgent") > Self.done(served, "urgent"), "urgent work is still served too")
    }

    @Test("priority-starvation: 2 (bounded) is first in, first out with no levels; 6 brings them back")
    func boundedThenPriority() throws {
        let run = try LiveLesson("priority-starvation", ["serve_ms=25", "urgent_ms=0"])
        run.waitFor("urgent served") { Self.done($0, "urgent") >= 10 }
        #expect(run.experiment.setKind(of: "jobs", to: .bounded)?.change == .kind("jobs", .bounded(8)))
        let fifo = try #require(run.waitFor("bulk and normal served") { Self.done($0, "bulk") >= 2 && Self.done($0, "normal") >= 2 })
        #expect(Self.level(fifo, 0)?.depth == nil, "no levels while the kind is bounded")
        #expect(run.experiment.setKind(of: "jobs", to: .priority)?.change == .kind("jobs", .priority(nil)))
        #expect(run.waitFor("levels again") { Self.level($0, 2)?.depth != nil } != nil)
    }
}

extension LessonClaims {
    @Test("readers-writers: a policy switched before the manager's thread runs still reaches the manager")
    func policyBeforeTheManagerRuns() throws {
        let experiment = Experiment(preset: try LessonPresets.load("readers-writers").applying(overrides: ["starving_ms=1000"]))
        defer { experiment.shutdown() }
        // Held before start: the switch is made while the manager's thread has not yet run.
        #expect(experiment.setKnob(.preset("policy"), to: 3) != nil)
        experiment.start()
        let watcher = Watcher(experiment)
        let switched = watcher.waitFor("the manager on as-written") { $0.manager(ofGroup: "manager")?.policy == "as-written" }
        #expect(switched.manager(ofGroup: "manager")?.policy == "as-written")
    }
}
