import Channels
import ChanscopeEngine
import Foundation
import Testing

@testable import ChanscopeTUI

/// Every key binding and a click through the real loop: the input reaches the engine, and the
/// next frame shows the change.
@Suite(.serialized) struct AppLoopTests {
    static let twoOfEach = try! PresetLoader.parse(yaml: """
        name: Two of each
        summary: Two channels, two groups.
        channels: { ab: { kind: bounded, capacity: 4 }, ba: { kind: unbounded } }
        knobs: { wait_ms: { value: 50, min: 0, max: 500, step: 10, label: Wait, unit: ms } }
        workers:
          A: { loop: [ make, { sleep: wait_ms }, { send: ab }, { recv: ba } ] }
          B: { loop: [ { recv: ab }, { send: ba } ] }
        """, source: "<test>")

    @Test("← → h l PgUp PgDn and ⇧←/⇧→ move the selected knob in the engine and on screen")
    func sliderKeysReachTheEngine() {
        let run = LoopHarness()
        run.press(.right)
        #expect(run.engine.knobValue(.preset("produce_ms")) == 110)
        #expect(run.line(containing: "Producer wait")?.contains("110 ms") == true, "\(run.screen)")
        run.press(.character("l"), .character("h"), .left)
        #expect(run.engine.knobValue(.preset("produce_ms")) == 100)
        run.press(.pageUp)
        #expect(run.engine.knobValue(.preset("produce_ms")) == 300)
        run.press(.shiftLeft)
        #expect(run.engine.knobValue(.preset("produce_ms")) == 100)
        run.press(.shiftRight, .pageDown)
        #expect(run.engine.knobValue(.preset("produce_ms")) == 100)
        #expect(run.line(containing: "Producer wait")?.contains("100 ms") == true)
        // Many snapshots later the value stays: no stale sample puts the old one back.
        run.press(.right)
        for _ in 0..<30 {
            run.waitForScreen("a frame") { _ in true }
            #expect(run.line(containing: "Producer wait")?.contains("110 ms") == true)
        }
    }

    @Test("↑ ↓ k j select sliders; a capacity slider selects its channel; 1-5 switch the kind")
    func selectionAndKindKeys() {
        let run = LoopHarness()
        run.press(.down)
        #expect(run.line(containing: "▸ Consumer wait") != nil, "\(run.screen)")
        run.press(.character("j"), .character("j"))  // work capacity
        run.press(.right)
        #expect(run.engine.kind(of: "work") == .bounded(9))
        run.press(.character("k"), .up, .up, .down)
        #expect(run.line(containing: "▸ Consumer wait") != nil)
        let kinds: [(Character, ChannelKind)] = [("1", .unbounded), ("3", .rendezvous), ("4", .dropping(9)), ("5", .overwriting(9)), ("2", .bounded(9))]
        for (key, kind) in kinds {
            run.press(.character(key))
            #expect(run.engine.kind(of: "work") == kind)
            #expect(run.line(containing: "work  ")?.contains("work  \(kind)") == true, "\(run.screen)")
        }
    }

    @Test("tab and g (and ⇧tab) select channels and groups; + = - _ add and remove workers; c closes")
    func groupKeys() {
        let run = LoopHarness(preset: Self.twoOfEach)
        run.press(.tab)
        #expect(run.state.selectedChannelID == "ba")
        #expect(run.line(containing: "▸ ba") != nil, "\(run.screen)")
        run.press(.character("1"))
        #expect(run.engine.kind(of: "ba") == .unbounded)
        run.press(.character("g"))
        #expect(run.line(containing: "▸ B ") != nil, "\(run.screen)")
        run.press(.character("+"), .character("="))
        run.waitForScreen("three B workers") { _ in run.state.snapshot?.group(named: "B")?.liveCount == 3 }
        run.press(.character("-"))
        run.press(.character("_"))
        run.waitForScreen("one B worker") { _ in run.state.snapshot?.group(named: "B")?.liveCount == 1 }
        #expect(run.engine.knobValue(.workers("B")) == 1)
        run.press(.shiftTab)
        #expect(run.line(containing: "▸ A ") != nil)
        run.press(.character("c"))
        run.waitForScreen("A closed") { $0.contains("A closed") }
    }

    @Test("space pauses and resumes; the title says so at once")
    func pauseKey() {
        let run = LoopHarness()
        run.press(.character(" "))
        #expect(run.engine.isPaused)
        #expect(run.screen.contains("PAUSED"))
        run.press(.character(" "))
        #expect(!run.engine.isPaused)
        run.waitForScreen("running again") { $0.contains("▶ running") }
    }

    @Test("r restarts as loaded, R keeps the settings")
    func restartKeys() {
        let run = LoopHarness()
        run.press(.right, .character("1"))  // Producer wait 110, work unbounded
        let first = run.engine
        run.press(.character("R"))
        #expect(run.engine !== first)
        #expect(run.engine.knobValue(.preset("produce_ms")) == 110)
        #expect(run.engine.kind(of: "work") == .unbounded)
        run.waitForScreen("the restarted run") { $0.contains("work  unbounded") && $0.contains("started Producer") }
        run.press(.character("r"))
        #expect(run.engine.knobValue(.preset("produce_ms")) == 100)
        #expect(run.engine.kind(of: "work") == .bounded(8))
        run.waitForScreen("the preset as loaded") { $0.contains("work  bounded(8)") && $0.contains("100 ms") }
    }

    @Test("s starts and stops a recording whose file holds whole rows; the title shows REC")
    func recordKey() throws {
        let run = LoopHarness()
        run.press(.character("s"))
        let path = try #require(run.state.recordingPath)
        #expect(FileManager.default.fileExists(atPath: path))
        run.waitForScreen("rows recorded") { $0.contains("REC") && run.state.recordedRows >= 3 }
        run.press(.character("s"))
        #expect(run.state.recordingPath == nil)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        #expect(text.split(separator: "\n").count >= 4)
        run.waitForScreen("the stop event") { $0.contains("recording stopped") }
    }

    @Test("p opens the preset list and enter loads the choice; ? opens and closes the help; q quits")
    func overlayKeys() throws {
        let file = NSTemporaryDirectory() + "chanscope-loop-\(UUID().uuidString).yaml"
        try """
            name: Other
            summary: Another experiment.
            channels: { c: { kind: rendezvous } }
            workers:
              p: { loop: [ make, { send: c } ] }
              q: { loop: [ { recv: c } ] }
            """.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let run = LoopHarness(presets: [AppState.PresetEntry(name: "other", line: "other  Another experiment.", path: file, isValid: true)])
        run.press(.character("?"))
        #expect(run.screen.contains("Keys"))
        run.press(.escape)
        #expect(!run.screen.contains("Keys  ("))
        run.press(.character("p"))
        #expect(run.screen.contains("other  Another experiment."), "\(run.screen)")
        run.press(.enter)
        run.waitForScreen("the other preset") { $0.contains("chanscope  Other") && $0.contains("c  rendezvous") }
        run.press(.character("q"))
        #expect(run.loop.isFinished)
    }

    @Test("a click on a slider's track sets that knob in the engine")
    func clickSetsAKnob() throws {
        let run = LoopHarness()
        let layout = ScreenView.layout(run.state, size: run.backend.size)
        let rect = try #require(layout.knobs.first { $0.index == 1 }?.rect)  // Consumer wait
        let snapshot = try #require(run.state.snapshot)
        let track = ScreenView.slider(for: snapshot.knobs[1], knobs: snapshot.knobs, selected: false, theme: Theme())
            .layout(in: rect.inset(left: 2)).track
        run.click(x: track.maxX - 1, y: track.y)
        #expect(run.engine.knobValue(.preset("consume_ms")) == 2000)
        #expect(run.line(containing: "Consumer wait")?.contains("2000 ms") == true, "\(run.screen)")
    }

    @Test("a resize reflows the screen to the new size")
    func resizeReflows() {
        let run = LoopHarness(width: 120, height: 35)
        run.backend.resize(width: 80, height: 24)
        run.waitForScreen("the 80x24 frame") { _ in run.backend.lines().count == 24 && run.state.size == TerminalSize(width: 80, height: 24) }
        #expect(run.backend.lines().allSatisfy { $0.count == 80 })
        #expect(run.screen.contains("q quit  ? help  space pause  s record  p presets"))
        run.backend.resize(width: 30, height: 8)
        run.waitForScreen("the too-small message") { $0.contains("needs at least") }
    }

    @Test("--paused: the first frame is paused, nothing moves until space")
    func startsPaused() {
        let run = LoopHarness(paused: true)
        #expect(run.screen.contains("PAUSED"))
        #expect(run.screen.contains("space starts it"))
        #expect(run.state.snapshot?.group(named: "producer")?.made == 0)
        run.press(.character(" "))
        run.waitForScreen("the first message") { _ in (run.state.snapshot?.group(named: "producer")?.made ?? 0) > 0 }
    }

    @Test("a preset with paused: true starts paused too, and r starts it paused again")
    func presetStartsPaused() throws {
        let preset = try PresetLoader.parse(yaml: Preset.builtInDefaultYAML + "\npaused: true\n", source: "<test>")
        #expect(preset.startsPaused)
        let run = LoopHarness(preset: preset, paused: true)
        #expect(run.engine.isPaused)
        run.press(.character(" "))
        #expect(!run.engine.isPaused)
        run.press(.character("r"))
        #expect(run.engine.isPaused, "r restarts the lesson as loaded: paused")
    }
}
