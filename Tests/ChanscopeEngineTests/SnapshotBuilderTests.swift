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
                    .init(name: "producer", workerStates: producer, blockedSendNanos: blockedSendNanos, sendsTo: [0]),
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
        #expect(rates.allSatisfy { (4.0...6.0).contains($0) }, "\(rates)")
        #expect(rates.allSatisfy { $0 == 5 || $0 == 4 || $0 == 6 })
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
        for _ in 1...15 {
            script.accepted += 1
            script.received += 1
            words.append(script.sample().channels[0].situation.word)
        }
        #expect(words.prefix(9).allSatisfy { $0 == .dropping }, "\(words)")
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
