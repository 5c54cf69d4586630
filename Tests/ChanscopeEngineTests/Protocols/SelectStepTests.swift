import Channels
import Testing
@testable import ChanscopeEngine

@Suite("Select steps: recv: [a, b], poll: [a, b], select: ordered | fair")
struct SelectStepTests {
    @Test("recv: [a, b] takes from whichever has a message; a disconnect of one leaves the other")
    func oneDisconnectLeavesTheOther() throws {
        let preset = try enginePreset("""
            name: Select
            summary: s
            channels: { a: { kind: unbounded }, b: { kind: unbounded } }
            knobs: { b_ms: { value: 100000, min: 0, max: 100000 } }
            workers:
              pa: { limit: 3, loop: [ make, { send: a } ] }
              pb: { limit: 3, loop: [ { sleep: b_ms }, make, { send: b } ] }
              both: { loop: [ { recv: [a, b] } ] }
            """)
        let experiment = Experiment(preset: preset)
        defer { experiment.shutdown() }
        experiment.start()
        let watcher = Watcher(experiment)
        // a is done and gone; b's producer sleeps: the selecting worker waits, naming both.
        let waiting = watcher.waitFor("a drained and gone, the worker blocked") {
            $0.ch("a").stats.sendersGone && $0.g("both").received == 3 && $0.g("both").instantStates == [.blockedOnReceive]
        }
        #expect(waiting.g("both").waitingOn == ["a|b"])
        #expect(waiting.ch("b").stats.blockedReceivers == 1)
        experiment.setKnob(.preset("b_ms"), to: 0)
        let end = watcher.waitFor("all finished") { $0.isFinished }
        #expect(end.g("both").received == 6)
        #expect(end.g("both").instantStates == [.disconnected], "only when every channel is gone")
    }

    @Test("poll: [a, b] looks once: an empty poll when both are empty")
    func pollSelect() throws {
        let preset = try enginePreset("""
            name: PollSelect
            summary: s
            channels: { a: { kind: unbounded }, b: { kind: unbounded } }
            knobs: { wait_ms: { value: 100000, min: 0, max: 100000 }, poll_ms: { value: 1, min: 0, max: 100 } }
            workers:
              p: { limit: 2, loop: [ { sleep: wait_ms }, make, { send: b } ] }
              q: { limit: 2, loop: [ { sleep: wait_ms }, make, { send: a } ] }
              poller: { loop: [ { poll: [a, b] }, { sleep: poll_ms } ] }
            """)
        let experiment = Experiment(preset: preset)
        defer { experiment.shutdown() }
        experiment.start()
        let watcher = Watcher(experiment)
        let idle = watcher.waitFor("empty polls") { $0.g("poller").emptyPolls >= 5 }
        #expect(idle.g("poller").received == 0)
        experiment.setKnob(.preset("wait_ms"), to: 0)
        watcher.waitFor("both producers' messages polled") { $0.ch("b").counters.received == 2 && $0.ch("a").counters.received == 2 }
    }

    @Test("The group's select word is checked; a list needs two channels")
    func badInput() {
        let head = """
            name: T
            summary: s
            channels: { a: { kind: unbounded }, b: { kind: unbounded } }
            workers:
              p: { loop: [ make, { send: a }, make, { send: b } ] }
            """
        #expect(presetProblems(head + "\n  c: { select: random, loop: [ { recv: [a, b] } ] }\n") == [
            "x.yaml:6: workers.c.select: select must be ordered or fair, found \"random\"",
        ])
        #expect(presetProblems(head + "\n  c: { loop: [ { recv: [a] } ] }\n") == [
            "x.yaml:6: workers.c.loop[0]: a list after recv needs two or more channels: { recv: [a, b] }",
        ])
        #expect(presetProblems(head + "\n  c: { loop: [ { recv: [a, z] } ] }\n") == [
            "x.yaml:6: workers.c.loop[0]: unknown channel \"z\" (channels: a, b)",
        ])
        #expect(presetProblems(head + "\n  c: { select: fair, loop: [ { poll: [a, b] } ] }\n") == [])
    }
}
