@testable import Channels
import ChanscopeEngine

@testable import ChanscopeTUI

/// Hand-built snapshots of the situations the screen must make obvious, shaped like the
/// built-in preset (`work`, `producer`, `consumer`) or a two-group deadlock.
///
/// Every scenario comes as two snapshots (`previous`, `current`) so views that compare the
/// last interval (drops rising) see a change; `state(_:)` feeds both through `receive`.
enum Fixtures {
    /// A named scenario for golden files.
    struct Scenario: Sendable, CustomStringConvertible {
        var name: String
        var snapshots: [Snapshot]
        var description: String { name }
    }

    static let lesson = """
        Watch the depth of "work": the consumer is slower, so the queue fills up to 8 and then
        the producer shows "blocked on send" - that is backpressure.
        """

    static var all: [Scenario] { [idle, backpressure, drops, deadlock, disconnect, growing] }

    /// An app state that has received every snapshot of `scenario`, in order.
    static func state(_ scenario: Scenario, ascii: Bool = false) -> AppState {
        var state = AppState(presetName: scenario.snapshots.last?.presetName ?? "?", lesson: lesson, ascii: ascii)
        for snapshot in scenario.snapshots { _ = state.update(.snapshot(snapshot)) }
        return state
    }

    // MARK: Building blocks

    /// Counters that satisfy both accounting identities.
    static func counters(
        accepted: UInt64 = 0, dropped: UInt64 = 0, overwritten: UInt64 = 0, failed: UInt64 = 0, depth: Int = 0,
        discarded: UInt64 = 0
    ) -> ChannelCounters {
        var c = ChannelCounters()
        c.accepted = accepted
        c.dropped = dropped
        c.overwritten = overwritten
        c.failed = failed
        c.depth = depth
        c.discarded = discarded
        c.attempted = accepted + dropped + failed
        c.received = accepted - overwritten - UInt64(depth) - discarded
        precondition(c.identitiesHold)
        return c
    }

    static func channel(
        _ name: String, kind: ChannelKind, counters: ChannelCounters, senders: Int = 1, receivers: Int = 1,
        blockedSenders: Int = 0, blockedReceivers: Int = 0, latency: LatencySummary = .empty,
        inPerSecond: Double = 0, outPerSecond: Double = 0, senderGroups: [String] = ["producer"],
        receiverGroups: [String] = ["consumer"], droppedInWindow: UInt64 = 0, growthPerSecond: Double = 0,
        sendersBlockedPercent: Double = 0
    ) -> ChannelSnapshot {
        let stats = ChannelStats(
            kind: kind, counters: counters, senders: senders, receivers: receivers, blockedSenders: blockedSenders,
            blockedReceivers: blockedReceivers, latency: latency)
        let situation = ChannelSituation.judge(
            stats, inPerSecond: inPerSecond, outPerSecond: outPerSecond, droppedInWindow: droppedInWindow, overwrittenInWindow: 0,
            growthPerSecond: growthPerSecond, sendersBlockedPercent: sendersBlockedPercent)
        return ChannelSnapshot(
            id: ChannelID(name), stats: stats, inPerSecond: inPerSecond, outPerSecond: outPerSecond, growthPerSecond: growthPerSecond,
            situation: situation, senderGroups: senderGroups, receiverGroups: receiverGroups)
    }

    /// The built-in preset's knobs plus the engine's capacity and worker-count knobs.
    static func producerConsumerKnobs(produceMs: Double = 100, consumeMs: Double = 150, capacity: Int = 8, producers: Int = 1, consumers: Int = 1)
        -> [KnobSnapshot]
    {
        [
            KnobSnapshot(
                spec: KnobSpec(name: "produce_ms", value: 100, min: 0, max: 2000, step: 10, label: "Producer wait", unit: "ms"),
                id: .preset("produce_ms"), value: produceMs),
            KnobSnapshot(
                spec: KnobSpec(name: "consume_ms", value: 150, min: 0, max: 2000, step: 10, label: "Consumer wait", unit: "ms"),
                id: .preset("consume_ms"), value: consumeMs),
            KnobSnapshot(
                spec: KnobSpec(name: "max_work", value: 0, min: 0, max: 10000, step: 10, label: "Max work (0 = endless)"),
                id: .preset("max_work"), value: 0),
            KnobSnapshot(
                spec: KnobSpec(name: "work.capacity", value: 8, min: 1, max: 64, step: 1, label: "work capacity", unit: "msgs"),
                id: .capacity("work"), value: Double(capacity)),
            KnobSnapshot(
                spec: KnobSpec(name: "producer.workers", value: 1, min: 0, max: 64, step: 1, label: "producer workers"),
                id: .workers("producer"), value: Double(producers)),
            KnobSnapshot(
                spec: KnobSpec(name: "consumer.workers", value: 1, min: 0, max: 64, step: 1, label: "consumer workers"),
                id: .workers("consumer"), value: Double(consumers)),
        ]
    }

    static func event(_ time: Double, _ kind: ExperimentEvent.Kind, _ text: String) -> ExperimentEvent {
        ExperimentEvent(time: time, kind: kind, text: text)
    }

    static let presetName = "Producer and consumer"

    // MARK: Scenarios

    /// Just started: nothing sent yet, both workers asleep.
    static var idle: Scenario {
        let work = channel("work", kind: .bounded(8), counters: counters())
        func snap(_ tick: Int, events: [ExperimentEvent]) -> Snapshot {
            Snapshot(
                tick: tick, time: Double(tick + 1) / 10, presetName: presetName, channels: [work],
                groups: [
                    GroupSnapshot(name: "producer", workerStates: [.sleeping]),
                    GroupSnapshot(name: "consumer", workerStates: [.blockedOnReceive]),
                ],
                knobs: producerConsumerKnobs(), events: events)
        }
        return Scenario(name: "idle", snapshots: [snap(0, events: [event(0, .started, "started Producer and consumer")]), snap(1, events: [])])
    }

    /// The channel is full and the producer waits inside `send`.
    static var backpressure: Scenario {
        func snap(_ tick: Int, accepted: UInt64) -> Snapshot {
            let work = channel(
                "work", kind: .bounded(8), counters: counters(accepted: accepted, depth: 8), blockedSenders: 1,
                latency: LatencySummary(count: 1, p50Microseconds: 1_180_000, p99Microseconds: 1_210_000, maxMicroseconds: 1_210_000),
                inPerSecond: 6.7, outPerSecond: 6.7, sendersBlockedPercent: 64)
            return Snapshot(
                tick: tick, time: Double(tick) / 10, presetName: presetName, channels: [work],
                groups: [
                    GroupSnapshot(name: "producer", workerStates: [.blockedOnSend], made: accepted + 1, sent: accepted, blockedSendPercent: 64),
                    GroupSnapshot(name: "consumer", workerStates: [.sleeping], done: accepted - 8, received: accepted - 8, blockedReceivePercent: 0),
                ],
                knobs: producerConsumerKnobs(),
                events: tick == 125 ? [event(0, .started, "started Producer and consumer")] : [])
        }
        return Scenario(name: "backpressure", snapshots: [snap(125, accepted: 90), snap(126, accepted: 91)])
    }

    /// A full dropping channel throws new messages away: `dropped` rises between samples.
    static var drops: Scenario {
        func snap(_ tick: Int, dropped: UInt64, accepted: UInt64) -> Snapshot {
            let work = channel(
                "work", kind: .dropping(8), counters: counters(accepted: accepted, dropped: dropped, depth: 8),
                latency: LatencySummary(count: 2, p50Microseconds: 1_050_000, p99Microseconds: 1_190_000, maxMicroseconds: 1_200_000),
                inPerSecond: 6.7, outPerSecond: 6.7, droppedInWindow: dropped - 10)
            return Snapshot(
                tick: tick, time: Double(tick) / 10, presetName: presetName, channels: [work],
                groups: [
                    GroupSnapshot(name: "producer", workerStates: [.working, .sleeping, .working], made: accepted + dropped, sent: accepted + dropped),
                    GroupSnapshot(name: "consumer", workerStates: [.sleeping], done: accepted - 8, received: accepted - 8),
                ],
                knobs: producerConsumerKnobs(produceMs: 20, producers: 3),
                events: tick == 300 ? [event(29.4, .kind, "work: kind bounded(8) -> dropping(8)")] : [])
        }
        return Scenario(name: "drops", snapshots: [snap(300, dropped: 10, accepted: 200), snap(301, dropped: 14, accepted: 201)])
    }

    /// A and B each send to the other on a rendezvous channel before receiving: a cycle.
    static var deadlock: Scenario {
        func snap(_ tick: Int) -> Snapshot {
            let ab = channel(
                "ab", kind: .rendezvous, counters: counters(accepted: 3), blockedSenders: 1, senderGroups: ["A"], receiverGroups: ["B"],
                sendersBlockedPercent: 100)
            let ba = channel(
                "ba", kind: .rendezvous, counters: counters(accepted: 3), blockedSenders: 1, senderGroups: ["B"], receiverGroups: ["A"],
                sendersBlockedPercent: 100)
            let knobs = [
                KnobSnapshot(
                    spec: KnobSpec(name: "think_ms", value: 200, min: 0, max: 1000, step: 10, label: "Think time", unit: "ms"),
                    id: .preset("think_ms"), value: 200),
                KnobSnapshot(
                    spec: KnobSpec(name: "A.workers", value: 1, min: 0, max: 64, step: 1, label: "A workers"),
                    id: .workers("A"), value: 1),
                KnobSnapshot(
                    spec: KnobSpec(name: "B.workers", value: 1, min: 0, max: 64, step: 1, label: "B workers"),
                    id: .workers("B"), value: 1),
            ]
            return Snapshot(
                tick: tick, time: Double(tick) / 10, presetName: "Deadlock", channels: [ab, ba],
                groups: [
                    GroupSnapshot(name: "A", workerStates: [.blockedOnSend], made: 4, done: 3, sent: 3, received: 3, blockedSendPercent: 100),
                    GroupSnapshot(name: "B", workerStates: [.blockedOnSend], made: 4, done: 3, sent: 3, received: 3, blockedSendPercent: 100),
                ],
                knobs: knobs,
                events: tick == 40 ? [event(3.9, .deadlock, "deadlock: A -> ab -> B -> ba -> A")] : [],
                deadlock: "A -> ab -> B -> ba -> A")
        }
        return Scenario(name: "deadlock", snapshots: [snap(40), snap(41)])
    }

    /// An unbounded queue fed faster than it is drained: the engine's word is GROWING, and the
    /// producer, blocked on send 95% of the window, is drawn send-blocked.
    static var growing: Scenario {
        func snap(_ tick: Int, accepted: UInt64) -> Snapshot {
            let work = channel(
                "work", kind: .unbounded, counters: counters(accepted: accepted, depth: Int(accepted) * 3 / 4),
                inPerSecond: 20, outPerSecond: 5, growthPerSecond: 15)
            var knobs = producerConsumerKnobs()
            knobs.removeAll { $0.id == .capacity("work") }
            return Snapshot(
                tick: tick, time: Double(tick) / 10, presetName: "Unbounded growth", channels: [work],
                groups: [
                    GroupSnapshot(name: "producer", workerStates: [.blockedOnSend], made: accepted, sent: accepted, blockedSendPercent: 95, instantStates: [.sleeping]),
                    GroupSnapshot(name: "consumer", workerStates: [.sleeping], done: accepted / 4, received: accepted / 4),
                ],
                knobs: knobs)
        }
        return Scenario(name: "growing", snapshots: [snap(100, accepted: 196), snap(101, accepted: 198)])
    }

    /// The deadlock's two groups over two bounded channels, so each has its capacity slider.
    static var twoBounded: Scenario {
        var scenario = deadlock
        for index in scenario.snapshots.indices {
            var snapshot = scenario.snapshots[index]
            for channel in snapshot.channels.indices { snapshot.channels[channel].stats.kind = .bounded(8) }
            snapshot.deadlock = nil
            let capacities = ["ab", "ba"].map { name in
                KnobSnapshot(
                    spec: KnobSpec(name: "\(name).capacity", value: 8, min: 1, max: 64, step: 1, label: "\(name) capacity", unit: "msgs"),
                    id: .capacity(ChannelID(name)), value: 8)
            }
            snapshot.knobs.insert(contentsOf: capacities, at: 1)
            scenario.snapshots[index] = snapshot
        }
        scenario.name = "two-bounded"
        return scenario
    }

    /// The producer group was closed: no senders left, the consumer saw the disconnect.
    static var disconnect: Scenario {
        func snap(_ tick: Int) -> Snapshot {
            let work = channel("work", kind: .bounded(8), counters: counters(accepted: 57), senders: 0)
            return Snapshot(
                tick: tick, time: Double(tick) / 10, presetName: presetName, channels: [work],
                groups: [
                    GroupSnapshot(name: "producer", workerStates: [.finished], made: 57, sent: 57, isClosed: true),
                    GroupSnapshot(name: "consumer", workerStates: [.disconnected], done: 57, received: 57),
                ],
                knobs: producerConsumerKnobs(),
                events: tick == 90
                    ? [event(8.8, .groupClosed, "producer closed (1 worker)"), event(8.9, .disconnect, "work: every sender is gone")]
                    : [])
        }
        return Scenario(name: "disconnect", snapshots: [snap(90), snap(91)])
    }
}
