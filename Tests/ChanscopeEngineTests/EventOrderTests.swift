import Channels
import Testing

@testable import ChanscopeEngine

/// Events that one sample finds are listed in the order they happened, stamped when they
/// happened, and a finished experiment's clock stops at its end.
@Suite struct EventOrderTests {
    @Test("the consumer finishing comes before the disconnect it causes and the producer's failed send")
    func disconnectsAreInCausalOrder() throws {
        let preset = try LessonPresets.load("disconnect-consumer")
            .applying(overrides: ["consumer_max=5", "produce_ms=10", "consume_ms=10"])
        // Sampling slower than the whole cascade, so one sample finds all of it.
        let result = try HeadlessRunner.run(preset, options: HeadlessOptions(duration: 10, sampleHz: 0.5))
        let texts = result.events.map(\.text)
        let consumer = try #require(texts.firstIndex(of: "consumer finished (done)"), "\(texts)")
        let gone = try #require(texts.firstIndex { $0.hasPrefix("work: every receiver is gone") }, "\(texts)")
        let producer = try #require(texts.firstIndex(of: "producer finished (disconnected)"), "\(texts)")
        #expect(consumer < gone && gone < producer, "\(texts)")
        let times = result.events.map(\.time)
        #expect(times == times.sorted(), "\(result.events)")
        // The clock stops at the end: the last worker's end, well before the slow sample.
        let final = try #require(result.final)
        let end = try #require(final.endTime)
        #expect(end <= final.time)
        #expect(final.clockTime == end)
        #expect(result.events.last.map { $0.time <= end } == true)
    }

    @Test("a running experiment has no end time; its clock is the sample's time")
    func runningHasNoEnd() throws {
        let experiment = Experiment(preset: .builtInDefault)
        experiment.start()
        defer { experiment.shutdown() }
        let snapshot = experiment.takeSnapshot()
        #expect(snapshot.endTime == nil)
        #expect(snapshot.clockTime == snapshot.time)
    }
}
