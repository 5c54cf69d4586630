import ChanscopeEngine
import Testing

@testable import ChanscopeTUI

/// A burst of moves of one slider reads as one line in the event log.
@Suite struct EventLogFoldingTests {
    static func knobEvent(_ time: Double, from: Double, to: Double) -> ExperimentEvent {
        ExperimentEvent(
            time: time, kind: .knob,
            change: ValueChange(knob: .preset("consume_ms"), wording: .knob(label: "Consumer wait", unit: "ms", decimals: 0), from: from, to: to))
    }

    static func workersEvent(_ time: Double, from: Double, to: Double) -> ExperimentEvent {
        ExperimentEvent(
            time: time, kind: to > from ? .workerAdded : .workerRemoved,
            change: ValueChange(knob: .workers("producer"), wording: .workers(group: "producer"), from: from, to: to))
    }

    /// The log after each list of events arrives in its own snapshot.
    static func log(_ batches: [[ExperimentEvent]]) -> [String] {
        var state = Fixtures.state(Fixtures.idle)
        for (offset, events) in batches.enumerated() {
            var snapshot = Fixtures.idle.snapshots[1]
            snapshot.tick += offset + 1
            snapshot.events = events
            _ = state.update(.snapshot(snapshot))
        }
        return state.events.map(\.text)
    }

    @Test func aBurstOfOneSliderIsOneLine() {
        let texts = Self.log([
            [Self.knobEvent(1.0, from: 200, to: 190)], [Self.knobEvent(1.1, from: 190, to: 180), Self.knobEvent(1.2, from: 180, to: 170)],
            (0..<13).map { Self.knobEvent(1.3 + Double($0) / 10, from: 170 - Double($0) * 10, to: 160 - Double($0) * 10) },
        ])
        #expect(texts == ["started Producer and consumer", "Consumer wait 200 -> 40 ms"])
    }

    @Test func anotherEventOrAPauseSplitsTheBurst() {
        let pause = ExperimentEvent(time: 1.5, kind: .paused, text: "paused")
        #expect(Self.log([[Self.knobEvent(1, from: 200, to: 190)], [pause], [Self.knobEvent(1.6, from: 190, to: 180)]]).suffix(3)
            == ["Consumer wait 200 -> 190 ms", "paused", "Consumer wait 190 -> 180 ms"])
        #expect(Self.log([[Self.knobEvent(1, from: 200, to: 190)], [Self.knobEvent(3.5, from: 190, to: 180)]]).suffix(2)
            == ["Consumer wait 200 -> 190 ms", "Consumer wait 190 -> 180 ms"])
    }

    @Test func workersAndRoundTripsFoldToo() {
        #expect(Self.log([[Self.workersEvent(1, from: 1, to: 2)], [Self.workersEvent(1.2, from: 2, to: 3)], [Self.workersEvent(1.4, from: 3, to: 2)]]).last
            == "producer: 2 workers (+1)")
        #expect(Self.log([[Self.knobEvent(1, from: 100, to: 110)], [Self.knobEvent(1.2, from: 110, to: 100)]]).last
            == "Consumer wait back to 100 ms")
    }
}
