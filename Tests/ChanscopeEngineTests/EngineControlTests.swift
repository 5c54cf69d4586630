#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Channels
import Testing
@testable import ChanscopeEngine

@Suite("Engine: live controls")
struct EngineControlTests {
    @Test("a worker asleep on a 5000 ms wait notices a change to 0 at once")
    func knobWakesSleeper() throws {
        let preset = try enginePreset("""
            name: Sleeper
            summary: s
            channels: { unused: { kind: unbounded } }
            knobs: { wait_ms: { value: 5000, min: 0, max: 10000, label: Wait, unit: ms } }
            workers:
              sleeper: { count: 2, loop: [ make, { sleep: wait_ms } ] }
            """)
        let experiment = Experiment(preset: preset)
        defer { experiment.shutdown() }
        experiment.start()
        let watcher = Watcher(experiment)
        watcher.waitFor("both asleep") { $0.g("sleeper").instantStates == [.sleeping, .sleeping] }
        #expect(watcher.last?.g("sleeper").done == 0)
        let changed = MonotonicClock.now()
        #expect(experiment.setKnob(.preset("wait_ms"), to: 0)?.knobValue == 0)
        // Well inside the 5 s the sleepers had left: the change woke them.
        watcher.waitFor(timeout: 4, "done to rise within 4 s of the change") { $0.g("sleeper").done >= 10 }
        #expect(secondsSince(changed) < 4)
        #expect(watcher.events(.knob).map(\.text) == ["Wait 5000 -> 0 ms"])
        #expect(experiment.knobValue(.preset("wait_ms")) == 0)
        // A snapshot taken after the change carries a revision at least the one after it.
        let revision = experiment.controlRevision
        #expect(experiment.takeSnapshot().controlRevision >= revision)
        #expect(experiment.setKnob(.preset("wait_ms"), to: 10)?.knobValue == 10)
        #expect(experiment.controlRevision > revision, "a change raises the revision")
        // Clamped to the range and snapped to the step; unknown knobs are refused.
        #expect(experiment.setKnob(.preset("wait_ms"), to: 20_000)?.knobValue == 10_000)
        #expect(experiment.setKnob(.preset("nope"), to: 1)?.knobValue == nil)
    }

    @Test("adding and removing workers live; removing the last consumer fails the producers")
    func addRemoveWorkers() throws {
        let preset = try enginePreset("""
            name: Crew
            summary: s
            channels: { work: { kind: bounded, capacity: 4 } }
            knobs: { wait_ms: { value: 1, min: 0, max: 100 } }
            workers:
              producer: { loop: [ make, { sleep: wait_ms }, { send: work } ] }
              consumer: { count: 2, loop: [ { recv: work } ] }
            """)
        let experiment = Experiment(preset: preset)
        defer { experiment.shutdown() }
        experiment.start()
        let watcher = Watcher(experiment)
        experiment.addWorker(to: "producer")
        var snapshot = watcher.snap()
        #expect(snapshot.g("producer").workerStates.count == 2)
        #expect(experiment.knobValue(.workers("producer")) == 2)
        #expect(snapshot.events.contains { $0.kind == .workerAdded && $0.text == "producer: 2 workers (+1)" })
        experiment.setKnob(.workers("producer"), to: 4)
        snapshot = watcher.waitFor("4 producers running") { $0.g("producer").liveCount == 4 }
        #expect(snapshot.g("producer").workerStates.count == 4)

        experiment.removeWorker(from: "consumer")
        snapshot = watcher.snap()
        #expect(snapshot.g("consumer").workerStates.count == 1)
        #expect(experiment.knobValue(.workers("consumer")) == 1)
        #expect(watcher.index(of: .workerRemoved, containing: "consumer: 1 worker (-1)") != nil)
        let before = snapshot.g("consumer").done
        watcher.waitFor("the remaining consumer goes on") { $0.g("consumer").done >= before + 20 }

        experiment.setKnob(.workers("consumer"), to: 0)
        let end = watcher.waitFor("producers failed and finished") { $0.g("producer").isFinished }
        #expect(end.g("producer").instantStates.allSatisfy { $0 == .disconnected })
        #expect(end.g("consumer").workerStates.isEmpty)
        #expect(end.ch("work").stats.receivers == 0)
        #expect(end.ch("work").counters.failed >= 1)
        #expect(watcher.index(of: .disconnect, containing: "work: every receiver is gone; sends fail") != nil)
        #expect(watcher.index(of: .groupFinished, containing: "producer finished (disconnected)") != nil)
        // Totals keep the removed workers' work.
        #expect(end.g("consumer").received == end.ch("work").counters.received)
    }

    @Test("closing a group whose workers are blocked releases its ends: the disconnect cascades")
    func closeBlockedGroup() throws {
        let preset = try enginePreset("""
            name: Close
            summary: s
            channels: { work: { kind: bounded, capacity: 3 } }
            knobs: { consume_ms: { value: 5000, min: 0, max: 10000 } }
            workers:
              producer: { count: 2, loop: [ make, { send: work } ] }
              consumer: { loop: [ { sleep: consume_ms }, { recv: work } ] }
            """)
        let experiment = Experiment(preset: preset)
        defer { experiment.shutdown() }
        experiment.start()
        let watcher = Watcher(experiment)
        watcher.waitFor("producers blocked on a full channel") {
            $0.g("producer").instantStates == [.blockedOnSend, .blockedOnSend] && $0.ch("work").depth == 3
        }
        experiment.closeGroup("producer")
        let closed = watcher.waitFor("producers finished") { $0.g("producer").isFinished }
        #expect(closed.g("producer").isClosed)
        #expect(closed.g("producer").abandoned >= 1)
        #expect(closed.g("producer").made == closed.ch("work").counters.attempted + closed.g("producer").abandoned)
        #expect(closed.ch("work").stats.sendersGone)
        #expect(closed.ch("work").depth == 3)
        experiment.setKnob(.preset("consume_ms"), to: 0)
        let end = watcher.waitFor("consumer drained and disconnected") { $0.isFinished }
        let producer = end.g("producer"), work = end.ch("work").counters
        #expect(end.g("consumer").instantStates == [.disconnected])
        #expect(end.g("consumer").received == 3)
        #expect(producer.made == work.accepted + producer.abandoned)
        #expect(work.received == work.accepted)
        let closedAt = try #require(watcher.index(of: .groupClosed, containing: "producer closed"))
        let disconnectAt = try #require(watcher.index(of: .disconnect, containing: "work: every sender is gone; receivers drain 3"))
        // Closed by hand: its end says so, not "done".
        let producerDone = try #require(watcher.index(of: .groupFinished, containing: "producer finished (closed)"))
        let consumerDone = try #require(watcher.index(of: .groupFinished, containing: "consumer finished (disconnected)"))
        #expect(closedAt < consumerDone && disconnectAt < consumerDone && producerDone < consumerDone)
        // A closed group takes no new workers, and its slider does not pretend otherwise.
        experiment.addWorker(to: "producer")
        #expect(watcher.snap().g("producer").workerStates.count == 2)
        #expect(experiment.knobValue(.workers("producer")) == 2)
        #expect(experiment.setKnob(.workers("producer"), to: 5)?.knobValue == 2)
        #expect(experiment.knobValue(.workers("producer")) == 2)
        _ = watcher.snap()
        #expect(watcher.index(of: .knob, containing: "producer is closed") != nil)
    }

    @Test("kind and capacity changes mid-run keep what fits and count evictions as overwritten")
    func kindAndCapacity() throws {
        let preset = try enginePreset("""
            name: Kinds
            summary: s
            channels: { work: { kind: bounded, capacity: 8 } }
            knobs: { consume_ms: { value: 5000, min: 0, max: 10000 } }
            workers:
              producer: { loop: [ make, { send: work } ] }
              consumer: { loop: [ { sleep: consume_ms }, { recv: work } ] }
            """)
        let experiment = Experiment(preset: preset)
        defer { experiment.shutdown() }
        experiment.start()
        let watcher = Watcher(experiment)
        watcher.waitFor("a full channel") { $0.ch("work").depth == 8 && $0.g("producer").instantStates == [.blockedOnSend] }
        // Hold the producer at its next step boundary once its blocked send completes.
        experiment.setPaused(true)

        experiment.setKnob(.capacity("work"), to: 4)
        var s = watcher.snap()
        #expect(s.ch("work").kind == .bounded(4))
        #expect(s.ch("work").depth == 8)  // a bounded queue is kept; sends wait until it drains
        #expect(s.ch("work").counters.overwritten == 0)
        #expect(s.events.contains { $0.kind == .capacity && $0.text == "work: bounded(8) -> bounded(4)" })

        experiment.setKind(of: "work", to: .overwriting)
        // Four oldest evicted; the woken send then overwrites one more and the producer pauses.
        s = watcher.waitFor("producer paused") { $0.g("producer").instantStates == [.paused] }
        #expect(s.ch("work").kind == .overwriting(4))
        #expect(s.ch("work").depth == 4)
        #expect(s.ch("work").counters.overwritten == 5)
        #expect(watcher.index(of: .kind, containing: "work: bounded(4) -> overwriting(4)") != nil)

        experiment.setKind(of: "work", to: .dropping)
        experiment.setKnob(.capacity("work"), to: 2)
        s = watcher.snap()
        #expect(s.ch("work").kind == .dropping(2))
        #expect(s.ch("work").depth == 2)
        #expect(s.ch("work").counters.overwritten == 7)
        #expect(s.events.contains { $0.kind == .capacity && $0.text == "work: dropping(4) -> dropping(2)" })

        experiment.setKind(of: "work", to: .unbounded)
        experiment.setKind(of: "work", to: .rendezvous)
        s = watcher.snap()
        #expect(s.ch("work").kind == .rendezvous)
        #expect(s.ch("work").depth == 2)  // still receivable
        experiment.setKnob(.capacity("work"), to: 6)
        #expect(watcher.snap().events.contains { $0.text == "work: capacity 6 (applies when the kind has one)" })
        experiment.setKind(of: "work", to: .bounded)
        #expect(watcher.snap().ch("work").kind == .bounded(6))
        #expect(watcher.snap().ch("work").kind == .bounded(6))

        let made = watcher.snap().g("producer").made
        experiment.setKnob(.preset("consume_ms"), to: 0)
        experiment.setPaused(false)
        let end = watcher.waitFor("the consumer catches up") { $0.g("consumer").received >= made + 50 }
        let c = end.ch("work").counters
        #expect(c.overwritten == 7)
        #expect(c.dropped == 0)
        #expect(c.received + c.overwritten + UInt64(c.depth) == c.accepted)
    }

    @Test("pause holds workers at step boundaries; resume goes on")
    func pauseResume() throws {
        let preset = try enginePreset("""
            name: Pause
            summary: s
            channels: { work: { kind: unbounded } }
            knobs: { wait_ms: { value: 1, min: 0, max: 100 } }
            workers:
              producer: { count: 2, loop: [ make, { sleep: wait_ms }, { send: work } ] }
              consumer: { loop: [ { recv: work } ] }
            """)
        let experiment = Experiment(preset: preset)
        defer { experiment.shutdown() }
        experiment.start()
        let watcher = Watcher(experiment)
        watcher.waitFor("some work") { $0.g("consumer").done >= 10 }
        experiment.setPaused(true)
        #expect(experiment.isPaused)
        let held = watcher.waitFor("everyone held") { s in
            s.g("producer").instantStates == [.paused, .paused]
                && (s.g("consumer").instantStates == [.paused]
                    || (s.g("consumer").instantStates == [.blockedOnReceive] && s.ch("work").depth == 0))
                // and the consumer has worked off everything it took (its state may lag its
                // counters); messages a producer sent just before pausing may stay queued
                && s.g("consumer").done == s.g("consumer").received
        }
        #expect(held.isPaused)
        #expect(watcher.index(of: .paused, containing: "paused") != nil)
        // Nothing moves while paused (the check watches for a while; nothing is expected).
        watcher.keepWatching(for: 0.1)
        let still = watcher.snap()
        #expect(still.g("producer").made == held.g("producer").made)
        #expect(still.g("consumer").done == held.g("consumer").done)
        experiment.setPaused(true)  // no change, no event
        experiment.setPaused(false)
        let resumed = watcher.waitFor("work goes on") { $0.g("consumer").done >= held.g("consumer").done + 10 }
        #expect(!resumed.isPaused)
        #expect(watcher.events(.paused).count == 1)
        #expect(watcher.events(.resumed).count == 1)
    }

    @Test("restart from currentPreset keeps knob values, kinds and worker counts")
    func restartKeepsKnobs() throws {
        let preset = try enginePreset("""
            name: Restart
            summary: s
            channels: { work: { kind: unbounded } }
            knobs: { wait_ms: { value: 1, min: 0, max: 100 } }
            workers:
              producer: { loop: [ make, { sleep: wait_ms }, { send: work } ] }
              consumer: { loop: [ { recv: work } ] }
            """)
        let old = Experiment(preset: preset)
        defer { old.shutdown() }
        old.start()
        old.setKnob(.preset("wait_ms"), to: 7)
        old.setKnob(.workers("producer"), to: 3)
        old.setKind(of: "work", to: .dropping)
        let current = old.currentPreset()
        old.shutdown()
        #expect(current.knob(named: "wait_ms")?.value == 7)
        #expect(current.channel(named: "work")?.kind == .dropping(8))
        #expect(current.workerGroup(named: "producer")?.count == 3)
        #expect(preset.knob(named: "wait_ms")?.value == 1)

        let restarted = Experiment(preset: current)
        defer { restarted.shutdown() }
        #expect(restarted.knobValue(.preset("wait_ms")) == 7)
        #expect(restarted.knobValue(.workers("producer")) == 3)
        #expect(restarted.knobValue(.capacity("work")) == 8)
        restarted.start()
        let s = Watcher(restarted).waitFor("three producers") { $0.g("producer").liveCount == 3 }
        #expect(s.ch("work").kind == .dropping(8))
    }

    @Test("a restart keeps the capacity slider of a channel switched to a kind without capacity", arguments: [ChannelKind.Family.unbounded, .rendezvous])
    func restartKeepsIdleCapacity(kindName: ChannelKind.Family) throws {
        let preset = try enginePreset("""
            name: Restart
            summary: s
            channels: { work: { kind: bounded, capacity: 8 } }
            workers:
              producer: { loop: [ make, { send: work } ] }
              consumer: { loop: [ { recv: work } ] }
            """)
        let old = Experiment(preset: preset)
        old.setKnob(.capacity("work"), to: 20)
        old.setKind(of: "work", to: kindName)
        let current = old.currentPreset()
        old.shutdown()
        let restarted = Experiment(preset: current)
        defer { restarted.shutdown() }
        #expect(restarted.knobValue(.capacity("work")) == 20)
        restarted.setKind(of: "work", to: .bounded)
        #expect(restarted.currentPreset().channel(named: "work")?.kind == .bounded(20))
    }

    @Test("shutdown returns promptly with every worker blocked, asleep or paused")
    func shutdownWhileBlocked() throws {
        let preset = try enginePreset("""
            name: Stuck
            summary: s
            channels: { work: { kind: bounded, capacity: 2 }, idle: { kind: rendezvous } }
            knobs: { long_ms: { value: 10000, min: 0, max: 10000 } }
            workers:
              producer: { count: 3, loop: [ make, { send: work } ] }
              slowpoke: { loop: [ { sleep: long_ms }, { recv: work } ] }
              waiter: { count: 2, loop: [ { recv: idle } ] }
              idler: { loop: [ { sleep: long_ms }, make, { send: idle } ] }
            """)
        for paused in [false, true] {
            let experiment = Experiment(preset: preset)
            defer { experiment.shutdown() }
            experiment.start()
            Watcher(experiment).waitFor("everyone blocked or asleep") { s in
                s.g("producer").instantStates == [.blockedOnSend, .blockedOnSend, .blockedOnSend]
                    && s.g("waiter").instantStates == [.blockedOnReceive, .blockedOnReceive]
                    && s.g("slowpoke").instantStates == [.sleeping] && s.g("idler").instantStates == [.sleeping]
            }
            if paused { experiment.setPaused(true) }
            let promptly = finishesPromptly(timeout: 5) { experiment.shutdown() }
            #expect(promptly)
            #expect(!experiment.isRunning)
            let end = experiment.takeSnapshot()
            #expect(end.isFinished)
            // Each blocked producer's message is abandoned, or fails if the consumer's end was
            // released first; either way it is counted.
            let work = end.ch("work").counters
            #expect(end.g("producer").made == work.attempted + end.g("producer").abandoned)
            #expect(end.g("producer").abandoned + work.failed >= 3, "\(work) \(end.g("producer"))")
            #expect(end.accountingViolation == nil)
            let again = finishesPromptly(timeout: 5) { experiment.shutdown() }  // idempotent
            #expect(again)
        }
    }
}
