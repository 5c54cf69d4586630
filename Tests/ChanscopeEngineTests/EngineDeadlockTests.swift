import Channels
import Testing
@testable import ChanscopeEngine

@Suite("Deadlock detection")
struct EngineDeadlockTests {
    typealias Wait = WaitForGraph.Wait

    // MARK: Pure checks

    @Test("findCycle: two groups both sending first on rendezvous channels")
    func twoSenders() {
        let graph = WaitForGraph(
            stuck: [("A", [Wait(channel: "ab", onSend: true)]), ("B", [Wait(channel: "ba", onSend: true)])],
            liveSenders: ["ab": ["A"], "ba": ["B"]], liveReceivers: ["ab": ["B"], "ba": ["A"]])
        #expect(graph.findCycle() == "A -> ab -> B -> ba -> A")
    }

    @Test("findCycle: receivers wait for senders; three groups in a ring")
    func ringOfReceivers() {
        let graph = WaitForGraph(
            stuck: [
                ("A", [Wait(channel: "ca", onSend: false)]), ("B", [Wait(channel: "ab", onSend: false)]),
                ("C", [Wait(channel: "bc", onSend: false)]),
            ],
            liveSenders: ["ab": ["A"], "bc": ["B"], "ca": ["C"]],
            liveReceivers: ["ab": ["B"], "bc": ["C"], "ca": ["A"]])
        #expect(graph.findCycle() == "A -> ca -> C -> bc -> B -> ab -> A")
    }

    @Test("findCycle: a group that can still move breaks the cycle; no stuck groups, no cycle")
    func noCycle() {
        let open = WaitForGraph(
            stuck: [("A", [Wait(channel: "ab", onSend: true)])],
            liveSenders: ["ab": ["A"], "ba": ["B"]], liveReceivers: ["ab": ["B"], "ba": ["A"]])
        #expect(open.findCycle() == nil)
        #expect(WaitForGraph(stuck: [], liveSenders: [:], liveReceivers: [:]).findCycle() == nil)
        // A chain that ends at a group that is not stuck.
        let chain = WaitForGraph(
            stuck: [("A", [Wait(channel: "ab", onSend: true)]), ("B", [Wait(channel: "bc", onSend: true)])],
            liveSenders: ["ab": ["A"], "bc": ["B"]], liveReceivers: ["ab": ["B"], "bc": ["C"]])
        #expect(chain.findCycle() == nil)
        // A sender with no live receiver at all (it will fail, not wait forever).
        let orphan = WaitForGraph(stuck: [("A", [Wait(channel: "x", onSend: true)])], liveSenders: ["x": ["A"]], liveReceivers: [:])
        #expect(orphan.findCycle() == nil)
    }

    @Test("findCycle: a group blocked sending on a channel only it receives from waits on itself")
    func selfLoop() {
        let graph = WaitForGraph(
            stuck: [("A", [Wait(channel: "x", onSend: true)])], liveSenders: ["x": ["A"]], liveReceivers: ["x": ["A"]])
        #expect(graph.findCycle() == "A -> x -> A")
    }

    @Test("findCycle: the cycle is found from a branch that leads into it")
    func cycleBehindABranch() {
        let graph = WaitForGraph(
            stuck: [
                ("P", [Wait(channel: "pa", onSend: true)]), ("A", [Wait(channel: "ab", onSend: true)]),
                ("B", [Wait(channel: "ba", onSend: true)]),
            ],
            liveSenders: ["pa": ["P"], "ab": ["A"], "ba": ["B"]],
            liveReceivers: ["pa": ["A"], "ab": ["B"], "ba": ["A"]])
        #expect(graph.findCycle() == "A -> ab -> B -> ba -> A")
    }

    @Test("update: reports after the grace period, once, and clears when resolved")
    func detectorTiming() {
        let cycle = WaitForGraph(
            stuck: [("A", [Wait(channel: "ab", onSend: true)]), ("B", [Wait(channel: "ba", onSend: true)])],
            liveSenders: ["ab": ["A"], "ba": ["B"]], liveReceivers: ["ab": ["B"], "ba": ["A"]])
        let healthy = WaitForGraph(stuck: [], liveSenders: ["ab": ["A"]], liveReceivers: ["ab": ["B"]])
        var detector = DeadlockDetector(grace: 1.0)
        #expect(detector.update(cycle, time: 10.0) == nil)
        #expect(detector.update(cycle, time: 10.5) == nil)
        #expect(detector.reported == nil)
        #expect(detector.update(cycle, time: 11.0) == .found("A -> ab -> B -> ba -> A"))
        #expect(detector.reported == "A -> ab -> B -> ba -> A")
        #expect(detector.update(cycle, time: 12.0) == nil)
        #expect(detector.update(healthy, time: 12.1) == .cleared("A -> ab -> B -> ba -> A"))
        #expect(detector.reported == nil)
        #expect(detector.update(healthy, time: 13.0) == nil)
        // A cycle that comes and goes within the grace period is never reported.
        #expect(detector.update(cycle, time: 20.0) == nil)
        #expect(detector.update(healthy, time: 20.9) == nil)
        #expect(detector.update(cycle, time: 21.5) == nil)
        #expect(detector.update(cycle, time: 22.4) == nil)
        #expect(detector.update(cycle, time: 22.5) == .found("A -> ab -> B -> ba -> A"))
        // A zero grace reports at the first sample.
        var eager = DeadlockDetector(grace: 0)
        #expect(eager.update(cycle, time: 0) == .found("A -> ab -> B -> ba -> A"))
    }

    @Test("a cycle whose channels keep moving messages is busy, not deadlocked")
    func busyCycleIsNoDeadlock() {
        var cycle = WaitForGraph(
            stuck: [("A", [.init(channel: "ab", onSend: true)]), ("B", [.init(channel: "ba", onSend: true)])],
            liveSenders: ["ab": ["A"], "ba": ["B"]], liveReceivers: ["ab": ["B"], "ba": ["A"]],
            activity: ["ab": 0, "ba": 0])
        #expect(WaitForGraph.channels(inCycle: "A -> ab -> B -> ba -> A") == ["ab", "ba"])
        var detector = DeadlockDetector(grace: 1.0)
        for step in 0..<30 {
            cycle.activity["ba"] = UInt64(step)  // a message moves through ba at every sample
            #expect(detector.update(cycle, time: Double(step) * 0.1) == nil)
        }
        // Once nothing moves for the grace period it is a deadlock; when something moves, it clears.
        #expect(detector.update(cycle, time: 3.0) == nil)
        #expect(detector.update(cycle, time: 4.0) == .found("A -> ab -> B -> ba -> A"))
        cycle.activity["ab"] = 1
        #expect(detector.update(cycle, time: 4.1) == .cleared("A -> ab -> B -> ba -> A"))
    }

    // MARK: Live experiments

    static let bothSendFirst = """
        name: Deadlock
        summary: s
        channels: { ab: { kind: rendezvous }, ba: { kind: rendezvous } }
        workers:
          A: { loop: [ make, { send: ab }, { recv: ba } ] }
          B: { loop: [ make, { send: ba }, { recv: ab } ] }
        """

    @Test("two workers that both send first on rendezvous channels deadlock; closing one clears it")
    func liveDeadlock() throws {
        let experiment = Experiment(preset: try enginePreset(Self.bothSendFirst), deadlockGrace: 0.2)
        defer { experiment.shutdown() }
        experiment.start()
        let watcher = Watcher(experiment)
        let stuck = watcher.waitFor("the deadlock to be reported") { $0.deadlock != nil }
        #expect(stuck.deadlock == "A -> ab -> B -> ba -> A")
        #expect(watcher.events(.deadlock).map(\.text) == ["deadlock: A -> ab -> B -> ba -> A"])
        #expect(stuck.g("A").instantStates == [.blockedOnSend])
        #expect(stuck.g("B").instantStates == [.blockedOnSend])
        // Still reported, once, while it lasts.
        watcher.keepWatching(for: 0.1)
        #expect(watcher.last?.deadlock == "A -> ab -> B -> ba -> A")
        #expect(watcher.events(.deadlock).count == 1)

        experiment.closeGroup("B")
        let resolved = watcher.waitFor("the deadlock to clear and A to fail") { $0.deadlock == nil && $0.isFinished }
        #expect(resolved.g("A").instantStates == [.disconnected])
        #expect(watcher.events(.deadlockCleared).map(\.text) == ["deadlock resolved: A -> ab -> B -> ba -> A"])
    }

    /// Switching `ab` to bounded lets both sides go on for good: the reported cycle clears at once
    /// (even if the next sample catches a different, momentary one) and thousands of round
    /// trips over the remaining rendezvous channel `ba` follow without a stall.
    @Test(
        "a kind change that resolves the deadlock lets the messages flow",
        .timeLimit(.minutes(1)))
    func kindChangeResolves() throws {
        // A grace a loaded machine's late wake-up cannot outlast: flowing, no second report.
        let experiment = Experiment(preset: try enginePreset(Self.bothSendFirst), deadlockGrace: 0.5)
        defer { experiment.shutdown() }
        experiment.start()
        let watcher = Watcher(experiment)
        watcher.waitFor("the deadlock to be reported") { $0.deadlock != nil }
        experiment.setKind(of: "ab", to: .bounded)
        watcher.waitFor("messages flow again") { $0.g("B").done >= 200 }
        // A lost wake-up would stall this for good; the count is kept modest because the
        // sanitizer run makes every round trip many times slower.
        watcher.waitFor(timeout: 40, "messages keep flowing") { $0.g("B").done >= 5_000 }
        #expect(watcher.events(.deadlockCleared).map(\.text).first == "deadlock resolved: A -> ab -> B -> ba -> A")
        #expect(watcher.events(.deadlock).count == 1)
    }

    @Test("two workers that both receive first deadlock too; closing one group clears it")
    func bothReceiveFirst() throws {
        let preset = try enginePreset("""
            name: Deadlock2
            summary: s
            channels: { ab: { kind: bounded, capacity: 1 }, ba: { kind: bounded, capacity: 1 } }
            workers:
              A: { loop: [ { recv: ba }, make, { send: ab } ] }
              B: { loop: [ { recv: ab }, make, { send: ba } ] }
            """)
        let experiment = Experiment(preset: preset, deadlockGrace: 0.2)
        defer { experiment.shutdown() }
        experiment.start()
        let watcher = Watcher(experiment)
        let stuck = watcher.waitFor("the deadlock to be reported") { $0.deadlock != nil }
        #expect(stuck.deadlock == "A -> ba -> B -> ab -> A")
        experiment.closeGroup("B")
        watcher.waitFor("the deadlock to clear") { $0.deadlock == nil && $0.isFinished }
        #expect(watcher.events(.deadlockCleared).count == 1)
    }

    @Test("a slow but healthy pipeline and a consumer waiting on an idle producer are no deadlock")
    func noFalseAlarms() throws {
        let preset = try enginePreset("""
            name: Healthy
            summary: s
            channels: { ab: { kind: rendezvous }, bc: { kind: bounded, capacity: 1 }, quiet: { kind: unbounded } }
            knobs:
              slow_ms: { value: 20, min: 0, max: 100 }
              idle_ms: { value: 10000, min: 0, max: 10000 }
            workers:
              A: { loop: [ make, { sleep: slow_ms }, { send: ab } ] }
              B: { loop: [ { recv: ab }, { send: bc } ] }
              C: { loop: [ { recv: bc }, { sleep: slow_ms } ] }
              idler: { loop: [ { sleep: idle_ms }, make, { send: quiet } ] }
              waiter: { loop: [ { recv: quiet } ] }
            """)
        // A woken thread reads blocked until it runs: a grace shorter than a loaded machine's
        // late wake-up would see B and C waiting on each other for a moment.
        let experiment = Experiment(preset: preset, deadlockGrace: 0.5)
        defer { experiment.shutdown() }
        experiment.start()
        let watcher = Watcher(experiment)
        watcher.waitFor("the waiter blocked") { $0.g("waiter").instantStates == [.blockedOnReceive] }
        // Watch for several grace periods: nothing may be reported.
        watcher.keepWatching(for: 1.6)
        let end = watcher.waitFor("the pipeline moving") { $0.g("C").done >= 5 }
        #expect(end.deadlock == nil)
        #expect(watcher.events(.deadlock).isEmpty)
        #expect(end.g("waiter").instantStates == [.blockedOnReceive])
    }
}

/// A select waits on any of several channels: it is stuck only when none of them can be served.
extension EngineDeadlockTests {
    @Test("findCycle: a select freed by a live sender on any of its channels is no deadlock; with none, the cycle runs through it")
    func selectIsAnyOf() {
        let select = Wait(channel: "ba|quiet", onSend: false, anyOf: ["ba", "quiet"])
        let stuck: [(group: String, waits: [Wait])] = [("A", [select]), ("B", [Wait(channel: "ab", onSend: false)])]
        let receivers = ["ab": ["B"], "ba": ["A"], "quiet": ["A"]]
        let alone = WaitForGraph(stuck: stuck, liveSenders: ["ab": ["A"], "ba": ["B"]], liveReceivers: receivers)
        #expect(alone.findCycle() == "A -> ba -> B -> ab -> A")
        // C, asleep but alive, sends on quiet: A can be freed, and then B.
        let withSender = WaitForGraph(stuck: stuck, liveSenders: ["ab": ["A"], "ba": ["B"], "quiet": ["C"]], liveReceivers: receivers)
        #expect(withSender.findCycle() == nil)
    }

    @Test("findCycle: a wait another live group can serve frees its group, and what that group holds up")
    func reductionFreesTheServable() {
        // A and B wait on each other, but C (running) also receives from ab: A can send to C.
        let graph = WaitForGraph(
            stuck: [("A", [Wait(channel: "ab", onSend: true)]), ("B", [Wait(channel: "ba", onSend: true)])],
            liveSenders: ["ab": ["A"], "ba": ["B"]], liveReceivers: ["ab": ["B", "C"], "ba": ["A"]])
        #expect(graph.findCycle() == nil)
    }

    /// A and B both receive first, A in a select over ba and quiet; C (with `quietSenders`
    /// workers) would send on quiet after a minute's sleep.
    static func selectRing(quietSenders: Int) -> String {
        """
        name: SelectRing
        summary: s
        channels: { ab: { kind: rendezvous }, ba: { kind: rendezvous }, quiet: { kind: unbounded } }
        knobs:
          idle_ms: { value: 60000, min: 0, max: 60000 }
        workers:
          A: { select: fair, loop: [ { recv: [ba, quiet] }, make, { send: ab } ] }
          B: { loop: [ { recv: ab }, make, { send: ba } ] }
          C: { count: \(quietSenders), loop: [ { sleep: idle_ms }, make, { send: quiet } ] }
        """
    }

    @Test("a select whose channels only stuck groups could serve is part of a reported deadlock")
    func selectDeadlockIsReported() throws {
        let experiment = Experiment(preset: try enginePreset(Self.selectRing(quietSenders: 0)), deadlockGrace: 0.5)
        defer { experiment.shutdown() }
        experiment.start()
        let watcher = Watcher(experiment)
        let stuck = watcher.waitFor("the deadlock to be reported") { $0.deadlock != nil }
        #expect(stuck.deadlock == "A -> ba -> B -> ab -> A")
    }

    @Test("a select that a sleeping group will serve is no deadlock")
    func selectWithASleepingSenderIsNone() throws {
        let experiment = Experiment(preset: try enginePreset(Self.selectRing(quietSenders: 1)), deadlockGrace: 0.5)
        defer { experiment.shutdown() }
        experiment.start()
        let watcher = Watcher(experiment)
        watcher.waitFor("A in its select, B waiting") { $0.g("A").instantStates == [.blockedOnReceive] && $0.g("B").instantStates == [.blockedOnReceive] }
        watcher.keepWatching(for: 1.6)
        #expect(watcher.events(.deadlock).isEmpty)
        #expect(watcher.snap().deadlock == nil)
    }
}
