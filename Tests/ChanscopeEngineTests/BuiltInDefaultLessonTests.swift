import Channels
import Testing

@testable import ChanscopeEngine

/// The built-in experiment's lesson, claim by claim.
@Suite(.serialized) struct BuiltInDefaultLessonTests {
    static func late(_ overrides: [String], duration: Double = 3.5) throws -> [Snapshot] {
        let result = try HeadlessRunner.run(
            try Preset.builtInDefault.applying(overrides: overrides), options: HeadlessOptions(duration: duration, sampleHz: 20))
        #expect(result.violations.isEmpty)
        return result.snapshots.filter { $0.time >= duration - 1 }
    }

    @Test("built-in: work fills and reads FULL, the producer blocked in send about a third of the time")
    func fullAndAThird() throws {
        // Full after about 2.4 s (3.3/s more in than out); the last second's window then holds
        // only the full queue, even on a loaded machine that fills it later.
        let late = try Self.late([], duration: 7)
        #expect(late.allSatisfy { $0.ch("work").depth >= 7 }, "work stays full")
        // Most of the time, on a loaded machine as well: the word is taken over the last 2 s.
        #expect(late.filter { $0.ch("work").situation.word == .full }.count * 4 >= late.count * 3, "\(late.map { $0.ch("work").situation })")
        let blocked = late.map { $0.g("producer").blockedSendPercent }
        #expect(blocked.filter { (20...45).contains($0) }.count * 4 >= blocked.count * 3, "\(blocked)")
    }

    @Test("built-in: Consumer wait 350 ms gives BACKPRESSURE and a send-blocked producer")
    func slowerConsumerIsBackpressure() throws {
        let late = try Self.late(["consume_ms=350"], duration: 6)
        #expect(late.filter { $0.ch("work").situation.word == .backpressure }.count * 4 >= late.count * 3, "\(late.map { $0.ch("work").situation })")
        #expect(late.filter { $0.g("producer").workerStates == [.blockedOnSend] }.count * 4 >= late.count * 3)
    }

    @Test("built-in: Consumer wait below Producer wait drains work and the consumer waits on receive")
    func fasterConsumerDrains() throws {
        let late = try Self.late(["consume_ms=0"])
        #expect(late.allSatisfy { $0.ch("work").depth <= 1 })
        #expect(late.allSatisfy { $0.g("consumer").workerStates == [.blockedOnReceive] })
    }

    @Test("built-in: Max work stops the producer; work drains, then reads DISCONNECTED")
    func maxWorkEnds() throws {
        let result = try HeadlessRunner.run(
            try Preset.builtInDefault.applying(overrides: ["max_work=20", "produce_ms=10", "consume_ms=30"]),
            options: HeadlessOptions(duration: 10, sampleHz: 20))
        let words = result.snapshots.map { $0.ch("work").situation.word }
        #expect(words.contains(.noSenders))
        #expect(words.last == .disconnected)
        #expect(try #require(result.final).g("consumer").received == 20)
    }
}
