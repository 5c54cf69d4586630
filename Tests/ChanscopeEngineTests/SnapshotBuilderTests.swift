@testable import Channels
import Testing

@testable import ChanscopeEngine

/// The pure part of sampling: readings in, figures and words out, with no thread or clock.
@Suite struct SnapshotBuilderTests {
    static let tenth: UInt64 = 100_000_000

    /// A scripted channel and its sending and receiving groups, read every 0.1 s.
    struct Script {
        var kind: ChannelKind = .bounded(8)
        var state = SamplingState()
        var accepted: UInt64 = 0
        var received: UInt64 = 0
        var dropped: UInt64 = 0
        var blockedSendNanos: UInt64 = 0
        var senders = 1
        var blockedSenders = 0
        var tick: UInt64 = 0
        var producer: [WorkerState] = [.sleeping]

        /// The next reading, 0.1 s after the last, through the builder.
        mutating func sample() -> Snapshot {
            tick += 1
            var counters = ChannelCounters()
            counters.attempted = accepted + dropped
            counters.accepted = accepted
            counters.received = received
            counters.dropped = dropped
            counters.depth = Int(accepted - received)
            let stats = ChannelStats(
                kind: kind, counters: counters, senders: senders, receivers: 1, blockedSenders: blockedSenders,
                blockedReceivers: 0, latency: .empty)
            let reading = ExperimentReading(
                now: tick * SnapshotBuilderTests.tenth, startTime: 0, presetName: "script", channelIDs: ["work"],
                channels: [stats],
                groups: [
                    .init(
                        name: "producer", workerStates: producer,
                        workerTimes: producer.map { _ in .init(id: 1, sendNanos: blockedSendNanos, receiveNanos: 0) },
                        blockedSendNanos: blockedSendNanos, sendsTo: [0]),
                    .init(name: "consumer", workerStates: [.working], receivesFrom: [0]),
                ],
                knobs: [], waitFor: WaitForGraph(stuck: [], liveSenders: [:], liveReceivers: [:]), isPaused: false,
                controlRevision: 0)
            return SnapshotBuilder.build(reading, events: [], state: &state)
        }
    }

    @Test("a steady 5/s reads 5/s at every sample once the window is full")
    func ratesAreTakenOverTheWindow() {
        var script = Script()
        var rates: [Double] = []
        for step in 1...40 {
            if step % 2 == 0 { script.accepted += 1; script.received += 1 }
            let snapshot = script.sample()
            if step > 12 { rates.append(snapshot.channels[0].inPerSecond) }
        }
        #expect(rates.allSatisfy { $0 == 5 }, "\(rates)")
    }

    @Test("depth rising over the window is GROWING, whatever the kind; a steady queue is flowing")
    func growthIsNamed() {
        var script = Script(kind: .unbounded)
        var last: Snapshot?
        for _ in 1...20 {
            script.accepted += 2
            script.received += 1
            last = script.sample()
        }
        let channel = try! #require(last?.channels[0])
        #expect(channel.situation.word == .growing)
        #expect(channel.situation.description == "GROWING +10/s")
        #expect(channel.situation.severity == .warning)
        for _ in 1...20 {
            script.accepted += 1
            script.received += 1
            last = script.sample()
        }
        #expect(last?.channels[0].situation.word == .flowing)
    }

    @Test("DROPPING stays up for the window after a drop, then goes")
    func dropsAreNamedOverTheWindow() {
        var script = Script(kind: .dropping(8))
        _ = script.sample()
        script.dropped += 3
        var words: [ChannelSituation.Word] = []
        for _ in 1...25 {
            script.accepted += 1
            script.received += 1
            words.append(script.sample().channels[0].situation.word)
        }
        #expect(words.prefix(19).allSatisfy { $0 == .dropping }, "\(words)")
        #expect(words.last == .flowing, "\(words)")
    }

    @Test("blocked shares are taken over the window: blocked 3 of every 4 tenths reads 75%")
    func blockedShareIsSteady() {
        var script = Script()
        var shares: [Double] = []
        for step in 1...40 {
            if step % 4 != 0 { script.blockedSendNanos += SnapshotBuilderTests.tenth }
            let share = script.sample().groups[0].blockedSendPercent
            if step > 12 { shares.append(share) }
        }
        #expect(shares.allSatisfy { (70.0...80.0).contains($0) }, "\(shares)")
        // A producer blocked most of the window holds the channel in backpressure.
        var held = Script()
        for _ in 1...12 { held.blockedSendNanos += SnapshotBuilderTests.tenth * 9 / 10; _ = held.sample() }
        #expect(held.sample().channels[0].situation.word == .backpressure)
    }

    @Test("a disconnect and a finished group are each one event, once")
    func transitionsAreEventsOnce() {
        var script = Script()
        _ = script.sample()
        script.senders = 0
        script.producer = [.finished]
        let first = script.sample()
        #expect(first.events.map(\.text) == ["producer finished (done)", "work: every sender is gone; receivers see disconnected"])
        #expect(script.sample().events.isEmpty)
        #expect(first.channels[0].situation.description == "DISCONNECTED: no senders")
    }

    @Test("a slot row never shows more than its slots: a queue above capacity is named")
    func overCapacityIsNamed() {
        var script = Script(kind: .unbounded)
        script.accepted = 102
        _ = script.sample()
        script.kind = .bounded(8)
        #expect(script.sample().channels[0].situation.description == "OVER CAPACITY: draining 102/8")
    }
}

extension SnapshotBuilderTests {
    /// A source that sends one message every `periodMs` and is blocked on send for the first
    /// `blockedMs` of each period, sampled every 100 ms with an injected clock.
    static func steadyRun(periodMs: UInt64, blockedMs: UInt64, samples: Int) -> [Snapshot] {
        var script = Script()
        var snapshots: [Snapshot] = []
        for step in 1...samples {
            let nowMs = UInt64(step) * 100
            script.accepted = nowMs / periodMs
            script.received = script.accepted
            let whole = (nowMs / periodMs) * blockedMs
            let part = min(blockedMs, nowMs % periodMs)
            script.blockedSendNanos = (whole + part) * 1_000_000
            snapshots.append(script.sample())
        }
        return snapshots
    }

    /// The largest relative change between consecutive values.
    static func largestStep(_ values: [Double]) -> Double {
        zip(values, values.dropFirst()).map { abs($1 - $0) / max(abs($0), 1e-9) }.max() ?? 0
    }

    @Test("a steady workload reads steady: rates and shares move under 5% from one snapshot to the next, on screen and in the CSV",
          arguments: [100, 150, 200, 300, 70] as [UInt64])
    func steadyWorkloadsReadSteady(periodMs: UInt64) throws {
        let snapshots = Array(Self.steadyRun(periodMs: periodMs, blockedMs: periodMs * 3 / 4, samples: 80).dropFirst(25))
        let rates = snapshots.map { $0.channels[0].inPerSecond }
        let shares = snapshots.map { $0.groups[0].blockedSendPercent }
        let truth = 1000 / Double(periodMs)
        #expect(rates.allSatisfy { abs($0 - truth) / truth < 0.05 }, "period \(periodMs) ms: \(rates)")
        #expect(Self.largestStep(rates) < 0.05, "period \(periodMs) ms: \(rates)")
        #expect(shares.allSatisfy { abs($0 - 75) < 3.75 }, "period \(periodMs) ms: \(shares)")
        #expect(Self.largestStep(shares) < 0.05, "period \(periodMs) ms: \(shares)")
        // The CSV writes the same figures.
        let layout = CSVRecorder.header(for: snapshots[0])
        let inColumn = try #require(layout.firstIndex(of: "work.in_per_s"))
        let shareColumn = try #require(layout.firstIndex(of: "producer.blocked_send_pct"))
        let rows = snapshots.map(CSVRecorder.row(for:))
        #expect(Self.largestStep(rows.compactMap { Double($0[inColumn]) }) < 0.05)
        #expect(Self.largestStep(rows.compactMap { Double($0[shareColumn]) }) < 0.05)
    }
}

extension SnapshotBuilderTests {
    @Test("a producer blocked on send 95% of the window shows blocked on send, even when the sample falls in its sleep")
    func glyphsFollowTheWindow() {
        var script = Script()
        script.producer = [.sleeping]
        var last: Snapshot?
        for _ in 1...25 {
            script.blockedSendNanos += SnapshotBuilderTests.tenth * 95 / 100
            last = script.sample()
        }
        #expect(last?.groups[0].workerStates == [.blockedOnSend])
        #expect(last?.groups[0].count(.sleeping) == 0)
        // A producer that sleeps most of the window is shown sleeping.
        var idle = Script()
        idle.producer = [.sleeping]
        for _ in 1...25 {
            idle.blockedSendNanos += SnapshotBuilderTests.tenth / 10
            last = idle.sample()
        }
        #expect(last?.groups[0].workerStates == [.sleeping])
        #expect(WorkerState.finished.asSpent(sendShare: 100, receiveShare: 0) == .finished)
        #expect(WorkerState.working.asSpent(sendShare: 10, receiveShare: 80) == .blockedOnReceive)
    }
}

extension SnapshotBuilderTests {
    @Test("a capacity slider only where the kind has a capacity: none for rendezvous or unbounded, back with bounded")
    func capacitySlidersFollowTheKind() throws {
        let preset = try enginePreset("""
            name: Kinds
            summary: s
            channels: { ab: { kind: rendezvous }, q: { kind: unbounded }, b: { kind: bounded, capacity: 4 } }
            workers:
              p: { loop: [ make, { send: ab }, { send: q }, { send: b } ] }
              c: { loop: [ { recv: ab }, { recv: q }, { recv: b } ] }
            """)
        let experiment = Experiment(preset: preset)
        defer { experiment.shutdown() }
        let ids = { experiment.takeSnapshot().knobs.map(\.id) }
        #expect(ids() == [.capacity("b"), .workers("p"), .workers("c")])
        experiment.setKind(of: "ab", to: .bounded)
        #expect(ids().contains(.capacity("ab")))
        #expect(experiment.takeSnapshot().knob(named: "ab.capacity")?.value == 8)
    }
}
