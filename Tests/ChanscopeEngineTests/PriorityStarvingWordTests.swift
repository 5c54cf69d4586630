import Channels
@testable import ChanscopeEngine
import Testing

/// The `STARVING` word: a priority level whose oldest message has waited the window long while
/// later messages were taken before it. Waiting alone (a long queue) is not starving.
@Suite("STARVING on a priority channel")
struct PriorityStarvingWordTests {
    static func level(_ n: Int, _ tag: String, age: Double?, overtaken: UInt64) -> PriorityLevelSnapshot {
        PriorityLevelSnapshot(level: n, tags: [tag], depth: age == nil ? 0 : 1, oldestAgeMilliseconds: age, oldestOvertaken: overtaken)
    }

    static func judge(_ levels: [PriorityLevelSnapshot]?) -> ChannelSituation {
        var stats = ChannelStats.idle(kind: .priority(nil))
        stats.senders = 5
        stats.receivers = 1
        return ChannelSituation.judge(
            stats, inPerSecond: 19, outPerSecond: 19, droppedInWindow: 0,
            overwrittenInWindow: 0, growthPerSecond: 0, sendersBlockedPercent: 0, priorityLevels: levels)
    }

    @Test("levels passed over for two seconds or more are named, lowest first, with the longest wait")
    func named() {
        let situation = Self.judge([
            Self.level(0, "BULK", age: 10_900, overtaken: 90), Self.level(1, "NORMAL", age: 4_200, overtaken: 40),
            Self.level(2, "URGENT", age: 28, overtaken: 0),
        ])
        #expect(situation.word == .starving)
        #expect(situation.description == "STARVING: BULK, NORMAL waited 10.9s")
        #expect(situation.severity == .warning)
    }

    @Test("an old message nothing overtook, or one passed over for less than two seconds, is not starving")
    func notStarving() {
        #expect(Self.judge([Self.level(0, "BULK", age: 9_000, overtaken: 0)]).word == .flowing)
        #expect(Self.judge([Self.level(0, "BULK", age: 1_999, overtaken: 12)]).word == .flowing)
        #expect(Self.judge([Self.level(0, "BULK", age: nil, overtaken: 0)]).word == .flowing)
        #expect(Self.judge(nil).word == .flowing)
    }
}
