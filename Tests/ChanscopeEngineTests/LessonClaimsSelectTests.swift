import ChanscopeEngine
import Foundation
import Testing

/// The `select-bias` lesson: an ordered select starves its second channel, a fair one does not.
extension LessonClaims {
    @Test("select-bias: ordered never receives o_second, which only drops; fair receives both about equally")
    func selectBiasStarves() throws {
        // Producers ten times the consumer's pace: o_first is refilled 2 ms after each take, so
        // only a stall of its producer far longer than a consumer's round could empty it.
        let result = try LessonPresets.run("select-bias", ["produce_ms=2", "consume_ms=20"], duration: 2.5)
        #expect(result.violations.isEmpty)
        let oFirst = try result.channel("o_first").counters, oSecond = try result.channel("o_second").counters
        #expect(oFirst.received >= 40, "ordered takes o_first: \(oFirst.received)")
        #expect(oSecond.received <= 1, "o_second's received stays 0 (one at the very start at most): \(oSecond.received)")
        #expect(oSecond.dropped > 50)
        let fFirst = try result.channel("f_first").counters.received, fSecond = try result.channel("f_second").counters.received
        let share = Double(fSecond) / Double(max(1, fFirst + fSecond))
        #expect((0.35...0.65).contains(share), "fair: f_first \(fFirst), f_second \(fSecond)")
    }

    @Test("select-bias: Producer wait above the consumer's: o_first is often empty and ordered takes o_second too")
    func selectBiasSlowProducers() throws {
        let result = try LessonPresets.run("select-bias", ["produce_ms=200", "consume_ms=20"], duration: 2.5)
        let oFirst = try result.channel("o_first").counters.received, oSecond = try result.channel("o_second").counters.received
        #expect(oSecond >= 10 && oSecond + 2 >= oFirst, "o_first \(oFirst), o_second \(oSecond)")
        #expect(result.snapshots.contains { $0.group(named: "ordered")?.waitingOn == ["o_first|o_second"] })
    }
}
