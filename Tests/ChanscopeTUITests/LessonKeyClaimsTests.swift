import Channels
import ChanscopeEngine
import Foundation
import Testing

@testable import ChanscopeTUI

/// The key claims of the lessons in `presets/`, through the screen's own loop: press what the
/// lesson says, in the order it says, and read the screen (and the engine) for what it promises.
///
/// Each run uses the preset with faster waits where the claim needs time (same shape); the keys
/// are the lesson's own. Waits are bounded polls on the screen.
@Suite("Lesson key claims", .serialized)
struct LessonKeyClaims {
    /// `presets/NAME.yaml` at the package root, with knobs overridden as `--set` does.
    static func preset(_ name: String, _ overrides: [String] = []) throws -> Preset {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url = url.deletingLastPathComponent()
            if url.path == "/" { break }
        }
        return try PresetLoader.load(path: url.appendingPathComponent("presets/\(name).yaml").path).applying(overrides: overrides)
    }

    static func workers(_ run: LoopHarness, _ group: String) -> Int? {
        run.engine.knobValue(.workers(GroupID(group))).map { Int($0) }
    }

    // MARK: deadlock

    @Test("deadlock: 2 on the selected ab clears the DEADLOCK banner; r brings it back")
    func deadlockTwoThenR() throws {
        let run = LoopHarness(preset: try Self.preset("deadlock", ["think_ms=20"]))
        run.waitForScreen("the DEADLOCK banner") { $0.contains("DEADLOCK  A -> ab -> B -> ba -> A") }
        #expect(run.line(containing: "▸ ab  rendezvous") != nil, "ab is selected from the start:\n\(run.screen)")
        #expect(run.line(containing: "A ▶")?.contains("send-blocked") == true)
        run.press(.character("2"))
        #expect(run.engine.kind(of: "ab") == .bounded(8))
        run.waitForScreen("the banner gone, ab bounded(8)") { !$0.contains("DEADLOCK") && $0.contains("ab  bounded(8)") }
        run.waitForScreen("the resolved event") { $0.contains("deadlock resolved") }
        run.press(.character("r"))
        #expect(run.engine.kind(of: "ab") == .rendezvous)
        run.waitForScreen("the DEADLOCK back") { $0.contains("DEADLOCK  A -> ab -> B -> ba -> A") && $0.contains("ab  rendezvous") }
    }

    // MARK: worker groups

    @Test("fan-out: g then + adds a consumer (not a producer); - three times leaves one")
    func fanOutGThenPlus() throws {
        let run = LoopHarness(preset: try Self.preset("fan-out"))
        #expect(run.line(containing: "▸ producer") != nil, "the producer group is selected first")
        run.press(.character("g"))
        #expect(run.line(containing: "▸ consumers") != nil, "\(run.screen)")
        run.press(.character("+"))
        #expect(Self.workers(run, "consumers") == 4)
        #expect(Self.workers(run, "producer") == 1)
        run.waitForScreen("four consumers on screen") { _ in run.state.snapshot?.group(named: "consumers")?.liveCount == 4 }
        run.press(.character("-"), .character("-"), .character("-"))
        #expect(Self.workers(run, "consumers") == 1)
        run.waitForScreen("one consumer") { _ in run.state.snapshot?.group(named: "consumers")?.liveCount == 1 }
    }

    @Test("fan-out: + without g adds a producer, which is why the lesson says g first")
    func fanOutPlusAloneAddsAProducer() throws {
        let run = LoopHarness(preset: try Self.preset("fan-out"))
        run.press(.character("+"))
        #expect(Self.workers(run, "producer") == 2)
        #expect(Self.workers(run, "consumers") == 3)
    }

    @Test("fan-in: + adds a fifth producer (producers is selected); - four times leaves one")
    func fanInPlusMinus() throws {
        let run = LoopHarness(preset: try Self.preset("fan-in"))
        #expect(run.line(containing: "▸ producers") != nil)
        run.press(.character("+"))
        #expect(Self.workers(run, "producers") == 5)
        #expect(Self.workers(run, "consumer") == 1)
        run.press(.character("-"), .character("-"), .character("-"), .character("-"))
        #expect(Self.workers(run, "producers") == 1)
    }

    @Test("pipeline: g then + adds a parse worker")
    func pipelineGThenPlus() throws {
        let run = LoopHarness(preset: try Self.preset("pipeline"))
        run.press(.character("g"))
        #expect(run.line(containing: "▸ parse") != nil, "\(run.screen)")
        run.press(.character("+"))
        #expect(Self.workers(run, "parse") == 2)
        #expect(Self.workers(run, "fetch") == 1 && Self.workers(run, "store") == 1)
    }

    @Test("disconnect-consumer: g then c closes the consumer; the producer's next send fails and work reads DISCONNECTED")
    func disconnectConsumerGThenC() throws {
        let run = LoopHarness(preset: try Self.preset("disconnect-consumer", ["produce_ms=10", "consume_ms=40"]))
        run.waitForScreen("work full") { _ in run.state.snapshot?.channel(named: "work")?.depth == 5 }
        run.press(.character("g"))
        #expect(run.line(containing: "▸ consumer") != nil, "\(run.screen)")
        run.press(.character("c"))
        run.waitForScreen("consumer closed") { $0.contains("consumer closed") }
        run.waitForScreen("the producer disconnected, work DISCONNECTED") {
            $0.contains("DISCONNECTED") && (run.groupRow("producer")?.contains("disconnected") ?? false)
        }
        #expect(run.state.snapshot?.group(named: "consumer")?.isClosed == true)
        #expect(run.state.snapshot?.group(named: "producer")?.isClosed == false)
        #expect(run.line(containing: "failed 1") != nil, "\(run.screen)")
    }

    @Test("disconnect-consumer: c without g closes the producer, which is why the lesson says g first")
    func disconnectConsumerCAlone() throws {
        let run = LoopHarness(preset: try Self.preset("disconnect-consumer"))
        run.press(.character("c"))
        run.waitForScreen("producer closed") { $0.contains("producer closed") }
    }

    @Test("disconnect-producer: r after the end starts it over")
    func disconnectProducerR() throws {
        let run = LoopHarness(preset: try Self.preset("disconnect-producer", ["max_work=5", "produce_ms=10", "consume_ms=20"]))
        run.waitForScreen("the end") { $0.contains("■ finished") && $0.contains("DISCONNECTED") }
        run.press(.character("r"))
        run.waitForScreen("running again") { $0.contains("▶ running") }
        run.waitForScreen("the end again") { $0.contains("■ finished") }
    }

    // MARK: sliders and kinds

    @Test("realtime: ↓↓ selects Worker wait and ← lowers it; ⇧→ takes it above Master wait")
    func realtimeWorkerWaitKeys() throws {
        let run = LoopHarness(preset: try Self.preset("realtime"))
        run.press(.down, .down)
        #expect(run.line(containing: "▸ Worker wait") != nil, "\(run.screen)")
        run.press(.left)
        #expect(run.engine.knobValue(.preset("worker_wait_ms")) == 190)
        run.press(.shiftRight)
        #expect(run.engine.knobValue(.preset("worker_wait_ms")) == 390, "above Master wait")
        #expect(run.engine.knobValue(.preset("master_wait_ms")) == 200)
    }

    @Test("unbounded-growth: GROWING on screen; ↓ selects Consumer wait; r then 2: OVER CAPACITY and send-blocked")
    func unboundedGrowthKeys() throws {
        let run = LoopHarness(preset: try Self.preset("unbounded-growth", ["produce_ms=10", "consume_ms=40"]))
        run.waitForScreen("GROWING") { $0.contains("work  unbounded  GROWING +") }
        run.press(.down)
        #expect(run.line(containing: "▸ Consumer wait") != nil)
        run.press(.shiftLeft)
        #expect(run.engine.knobValue(.preset("consume_ms")) == 0)
        run.press(.character("r"))
        run.waitForScreen("a backlog again") { _ in (run.state.snapshot?.channel(named: "work")?.depth ?? 0) >= 20 }
        run.press(.character("2"))
        run.waitForScreen("OVER CAPACITY, send-blocked") {
            $0.contains("work  bounded(8)  OVER CAPACITY: draining ") && (run.groupRow("producer")?.contains("send-blocked") ?? false)
        }
    }

    @Test("backpressure: BACKPRESSURE and send-blocked on screen; ↓ Home: Consumer wait 0; r, ↓ down to work capacity, End: 64; 1 unbounded")
    func backpressureKeys() throws {
        let run = LoopHarness(preset: try Self.preset("backpressure", ["produce_ms=5"]))
        run.waitForScreen("BACKPRESSURE") { $0.contains("work  bounded(8)  BACKPRESSURE") && $0.contains("8/8") }
        #expect(run.groupRow("producer")?.contains("send-blocked") == true, "\(run.screen)")
        #expect(run.engine.knobValue(.preset("consume_ms")) == 200, "the lesson's own Consumer wait")
        run.press(.down, .home)
        #expect(run.engine.knobValue(.preset("consume_ms")) == 0)
        run.waitForScreen("the consumer recv-blocked") { _ in run.groupRow("consumer")?.contains("recv-blocked") ?? false }
        // r keeps the selected slider (Consumer wait): two more ↓ reach work capacity.
        run.press(.character("r"))
        run.press(.down, .down)
        #expect(run.line(containing: "▸ work capacity") != nil, "\(run.screen)")
        run.press(.end)
        #expect(run.engine.kind(of: "work") == .bounded(64), "End: 64")
        #expect(run.line(containing: "work capacity")?.contains("64 msgs") == true, "\(run.screen)")
        run.press(.character("1"))
        run.waitForScreen("GROWING") { $0.contains("work  unbounded  GROWING") }
    }

    @Test("rendezvous: holds none; ⇧→ three times sets Producer wait to 700 ms; r then 2 makes handoff bounded(8)")
    func rendezvousKeys() throws {
        let run = LoopHarness(preset: try Self.preset("rendezvous"))
        run.waitForScreen("HAND-OFF WAIT") { $0.contains("handoff  rendezvous  HAND-OFF WAIT") && $0.contains("(holds none) 0/0") }
        run.press(.shiftRight, .shiftRight, .shiftRight)
        #expect(run.engine.knobValue(.preset("produce_ms")) == 700)
        run.press(.character("r"))
        #expect(run.engine.knobValue(.preset("produce_ms")) == 100)
        run.press(.character("2"))
        run.waitForScreen("bounded(8)") { $0.contains("handoff  bounded(8)") }
    }

    @Test("dropping: DROPPING on screen; ↓ Home sets Consumer wait to 0 from the lesson's 250 ms; r then 5: OVERWRITING")
    func droppingKeys() throws {
        let run = LoopHarness(preset: try Self.preset("dropping", ["produce_ms=10"]))
        run.waitForScreen("DROPPING") { $0.contains("events  dropping(4)  DROPPING") && $0.contains("4/4") }
        #expect(run.engine.knobValue(.preset("consume_ms")) == 250)
        run.press(.down, .home)
        #expect(run.engine.knobValue(.preset("consume_ms")) == 0)
        run.press(.character("r"))
        run.press(.character("5"))
        run.waitForScreen("OVERWRITING") { $0.contains("events  overwriting(4)  OVERWRITING") }
    }

    @Test("overwriting: OVERWRITING on screen; 4: DROPPING; r, ↓ Home sets Display wait to 0 from the lesson's 300 ms")
    func overwritingKeys() throws {
        let run = LoopHarness(preset: try Self.preset("overwriting", ["sample_ms=10"]))
        run.waitForScreen("OVERWRITING") { $0.contains("readings  overwriting(3)  OVERWRITING") && $0.contains("3/3") }
        run.press(.character("4"))
        run.waitForScreen("DROPPING") { $0.contains("readings  dropping(3)  DROPPING") }
        run.press(.character("r"))
        #expect(run.engine.knobValue(.preset("display_ms")) == 300)
        run.press(.down, .home)
        #expect(run.line(containing: "▸ Display wait") != nil)
        #expect(run.engine.knobValue(.preset("display_ms")) == 0)
    }

    @Test("tanenbaum: ↓ selects Consume time and Home sets it to 0")
    func tanenbaumKeys() throws {
        let run = LoopHarness(preset: try Self.preset("tanenbaum"))
        run.press(.down)
        #expect(run.line(containing: "▸ Consume time") != nil)
        run.press(.home)
        #expect(run.engine.knobValue(.preset("consume_ms")) == 0)
    }
}
