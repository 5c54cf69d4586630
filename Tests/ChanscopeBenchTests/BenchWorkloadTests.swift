import Channels
@testable import ChanscopeBench
import Foundation
import Testing

/// The peer benchmark's workload on every scenario, small, and its one-line JSON contract.
@Suite("Bench workload")
struct BenchWorkloadTests {
    static let messages = 20_000

    @Test("every scenario passes its own check", arguments: BenchScenario.all + BenchScenario.own)
    func scenarioPasses(scenario: BenchScenario) {
        let result = BenchWorkload.run(scenario, messages: Self.messages)
        #expect(result.ok, "\(result.failure ?? "")")
        #expect(result.failure == nil)
        #expect(result.scenario == scenario.name)
        #expect(result.messages == Self.messages)
        #expect(result.seconds > 0)
        #expect(!result.instrumented)
        #expect(result.delivered + result.dropped == UInt64(Self.messages))
        if scenario.isLossy {
            #expect(result.delivered >= 1, "the last message of a lossy run always gets through")
        } else {
            #expect(result.delivered == UInt64(Self.messages))
            #expect(result.dropped == 0)
        }
    }

    @Test("an instrumented run passes too", arguments: ["mpmc-bounded-1024", "spsc-overwriting-1024"])
    func instrumented(name: String) throws {
        let scenario = try #require(BenchScenario.named(name))
        let result = BenchWorkload.run(scenario, messages: Self.messages, instrumented: true)
        #expect(result.ok, "\(result.failure ?? "")")
        #expect(result.instrumented)
    }

    @Test("scenarios match the peer table")
    func scenarioTable() {
        #expect(BenchScenario.all.map(\.name) == [
            "spsc-bounded-1024", "spsc-bounded-1", "spsc-rendezvous", "spsc-unbounded",
            "mpsc-bounded-1024", "mpmc-bounded-1024", "spsc-dropping-1024", "spsc-overwriting-1024",
        ])
        #expect(BenchScenario.named("mpsc-bounded-1024")?.producers == 4)
        #expect(BenchScenario.named("mpmc-bounded-1024")?.consumers == 2)
        #expect(BenchScenario.named("spsc-rendezvous")?.kind == .rendezvous)
        #expect(BenchScenario.named("nope") == nil)
    }

    @Test("jsonLine carries the contract's fields on one line")
    func jsonLine() throws {
        let scenario = try #require(BenchScenario.named("spsc-bounded-1"))
        let result = BenchWorkload.run(scenario, messages: 1_000)
        let line = result.jsonLine
        #expect(!line.contains("\n"))
        #expect(line.hasPrefix("{") && line.hasSuffix("}"))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["scenario"] as? String == "spsc-bounded-1")
        #expect((object["messages"] as? NSNumber)?.intValue == 1_000)
        let seconds = try #require((object["seconds"] as? NSNumber)?.doubleValue)
        #expect(abs(seconds - result.seconds) < 1e-5)
        #expect((object["delivered"] as? NSNumber)?.intValue == 1_000)
        #expect(object["ok"] as? Bool == true)
        #expect(object["peer"] as? String == "chanscope")
        #expect(object["error"] == nil)
        // `seconds` is a float with six decimals, never an integer or exponent form.
        #expect(line.contains("\"seconds\":\(format6(result.seconds))"))
    }

    @Test("a failed check shows as ok false with the reason")
    func failedJSON() throws {
        let result = BenchResult(
            scenario: "spsc-bounded-1", messages: 10, seconds: 0.5, delivered: 9, dropped: 0,
            ok: false, failure: "count: delivered 9 + dropped 0 != 10", instrumented: false)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.jsonLine.utf8)) as? [String: Any])
        #expect(object["ok"] as? Bool == false)
        #expect(object["error"] as? String == "count: delivered 9 + dropped 0 != 10")
        #expect(object["seconds"] as? NSNumber == 0.5)
        #expect(result.throughput == 20)
    }

    @Test("six-decimal seconds", arguments: [
        (0.0, "0.000000"), (1.5, "1.500000"), (0.000001, "0.000001"), (12.3456789, "12.345679"),
    ])
    func sixDecimals(value: Double, text: String) {
        #expect(format6(value) == text)
    }
}

/// The one-thread cost measurement behind `chanscope bench`'s second table.
@Suite("One-thread cost")
struct OneThreadCostTests {
    @Test("every kind measures a positive cost per message, raw and instrumented", arguments: OneThreadCost.kinds)
    func measuresEveryKind(kind: ChannelKind) {
        for instrumented in [false, true] {
            let ns = OneThreadCost.nanosecondsPerMessage(kind: kind, messages: 4_096, instrumented: instrumented)
            #expect(ns > 0 && ns.isFinite, "\(kind) instrumented: \(instrumented)")
        }
    }
}

/// chanscope's own scenario: a priority queue whose messages really are spread over its levels.
@Suite("Bench priority scenario")
struct BenchPriorityScenarioTests {
    @Test("spsc-priority-1024x3 is a three-level priority channel, its values spread over the levels")
    func priorityScenario() throws {
        let scenario = try #require(BenchScenario.named("spsc-priority-1024x3"))
        #expect(scenario.kind == .priority(1024) && scenario.levels == 3)
        let levels = scenario.priorityLevels
        #expect(levels.count == 3 && (0..<6).map { levels.level(of: UInt64($0)) } == [0, 1, 2, 0, 1, 2])
        #expect(!BenchScenario.all.contains(scenario), "not offered to the peer harness's table")
    }
}
