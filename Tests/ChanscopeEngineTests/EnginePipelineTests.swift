import Channels
import Testing
@testable import ChanscopeEngine

@Suite("Engine: a three-stage pipeline")
struct EnginePipelineTests {
    @Test("closing A ends B once ab is drained, then C; every message is accounted for")
    func closeCascades() throws {
        let preset = try enginePreset("""
            name: Pipeline
            summary: s
            channels:
              ab: { kind: bounded, capacity: 4 }
              bc: { kind: dropping, capacity: 2 }
            knobs:
              a_ms: { value: 0, min: 0, max: 100 }
              b_ms: { value: 1, min: 0, max: 100 }
              c_ms: { value: 2, min: 0, max: 100 }
            workers:
              A: { count: 2, loop: [ make, { sleep: a_ms }, { send: ab } ] }
              B: { count: 2, loop: [ { recv: ab }, { sleep: b_ms }, { send: bc } ] }
              C: { loop: [ { recv: bc }, { sleep: c_ms } ] }
            """)
        let experiment = Experiment(preset: preset)
        defer { experiment.shutdown() }
        experiment.start()
        let watcher = Watcher(experiment)
        let running = watcher.waitFor("C consumed 50") { $0.g("C").done >= 50 }
        #expect(running.ch("ab").senderGroups == ["A"])
        #expect(running.ch("ab").receiverGroups == ["B"])
        #expect(running.ch("bc").senderGroups == ["B"])
        experiment.closeGroup("A")
        let end = watcher.waitFor("every stage finished") { $0.isFinished }

        let a = end.g("A"), b = end.g("B"), c = end.g("C")
        let ab = end.ch("ab").counters, bc = end.ch("bc").counters
        #expect(a.isClosed && !b.isClosed && !c.isClosed)
        #expect(b.instantStates == [.disconnected, .disconnected])
        #expect(c.instantStates == [.disconnected])
        // B ended only after draining ab, C after draining bc.
        #expect(ab.depth == 0 && ab.received == ab.accepted && ab.discarded == 0)
        #expect(bc.depth == 0 && bc.received == bc.accepted && bc.discarded == 0)
        #expect(b.received == ab.received)
        #expect(c.received == bc.received && c.done == c.received)
        // Every message made is received at the end or counted as lost on the way.
        let lostAB = ab.dropped + ab.overwritten + ab.failed + ab.discarded
        let lostBC = bc.dropped + bc.overwritten + bc.failed + bc.discarded
        #expect(a.made == ab.attempted + a.abandoned)
        #expect(b.received == bc.attempted + b.abandoned + b.done)
        #expect(a.made == c.done + lostAB + lostBC + a.abandoned + b.abandoned + b.done)

        let aClosed = try #require(watcher.index(of: .groupClosed, containing: "A closed"))
        let abGone = try #require(watcher.index(of: .disconnect, containing: "ab: every sender is gone"))
        let bDone = try #require(watcher.index(of: .groupFinished, containing: "B finished (disconnected)"))
        let bcGone = try #require(watcher.index(of: .disconnect, containing: "bc: every sender is gone"))
        let cDone = try #require(watcher.index(of: .groupFinished, containing: "C finished (disconnected)"))
        #expect(aClosed <= abGone && abGone <= bDone && bDone <= cDone && bcGone <= cDone)
        #expect(watcher.events(.deadlock).isEmpty)
        #expect(watcher.snapshots > 2)
    }
}
