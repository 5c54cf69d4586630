import Testing

@testable import ChanscopeEngine

/// A long headless run keeps a bounded history: memory stays flat at any sampling rate.
@Suite struct HeadlessMemoryTests {
    @Test("an hour at 100 Hz keeps the last snapshots and running totals, nothing more")
    func historyStaysBounded() {
        var result = HeadlessResult(historyLimit: 100)
        let base = Snapshot(
            tick: 0, time: 0, presetName: "p",
            channels: [ChannelSnapshot(id: "work", stats: .idle(kind: .unbounded), inPerSecond: 0, outPerSecond: 0, senderGroups: [], receiverGroups: [])],
            groups: [], knobs: [])
        for tick in 0..<360_000 {
            var snapshot = base
            snapshot.tick = tick
            snapshot.time = Double(tick) / 100
            snapshot.channels[0].stats.counters.depth = tick == 1234 ? 99 : 1
            if tick % 10 == 0 { snapshot.events = [ExperimentEvent(time: snapshot.time, kind: .knob, text: "k")] }
            result.add(snapshot)
        }
        #expect(result.snapshots.count == 100)
        #expect(result.snapshots.last?.tick == 359_999)
        #expect(result.sampleCount == 360_000)
        #expect(result.events.count == HeadlessResult.eventLimit)
        #expect(result.eventCount == 36_000)
        #expect(result.maxDepth(of: "work") == 99, "a peak long gone still counts")
    }
}
