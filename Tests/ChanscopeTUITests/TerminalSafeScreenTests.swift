import ChanscopeEngine
import Testing

@testable import ChanscopeTUI

/// Text from a preset file never reaches the terminal as a control character: the grid shows
/// it escaped, whichever view writes it.
@Suite struct TerminalSafeScreenTests {
    /// Whether any cell of `grid` holds ESC (or any other C0/C1 control).
    private func holdsControl(_ grid: Grid) -> Bool {
        grid.cells.contains { cell in cell.character.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } }
    }

    @Test func aPresetChannelNamedWithAnEscapeSequenceRendersWithoutEscape() throws {
        let yaml = """
            name: "Evil \\e]0;owned\\a"
            summary: A channel name that is an escape sequence.
            channels:
              "\\e[2J": { kind: bounded, capacity: 4 }
            knobs:
              wait_ms: { value: 20, min: 0, max: 100, step: 10, label: "Wait \\e[31m", unit: ms }
            workers:
              producer: { count: 1, loop: [ make, { sleep: wait_ms }, { send: "\\e[2J" } ] }
              consumer: { count: 1, loop: [ { recv: "\\e[2J" }, { sleep: wait_ms } ] }
            """
        let preset = try PresetLoader.parse(yaml: yaml, source: "evil.yaml")
        #expect(preset.channels.contains { $0.name == "\u{1B}[2J" })
        let harness = LoopHarness(preset: preset, width: 120, height: 35)
        harness.waitForScreen("the channel panel") { $0.contains("\\u{1B}[2J") }
        #expect(!holdsControl(harness.backend.screen), "\(harness.screen)")
        #expect(harness.screen.contains("\\u{1B}[2J  bounded(4)"), "\(harness.screen)")
    }

    @Test func everyViewWritesThroughTheGate() {
        var grid = Grid(width: 40, height: 2)
        grid.put("a\u{1B}[31mb\u{9B}c\u{202E}d", x: 0, y: 0)
        grid.set(x: 0, y: 1, Cell("\u{1B}"))
        grid[1, 1] = Cell("\u{7}")
        grid.fill(Rect(x: 2, y: 1, width: 2, height: 1), with: Cell("\u{85}"))
        #expect(!holdsControl(grid))
        #expect(grid.lines()[0].hasPrefix("a\\u{1B}[31mb\\u{9B}c\\u{202E}d"))
        #expect(grid.lines()[1].hasPrefix("????"))
    }

    @Test func theHeadlessSummaryAndProgressLineHoldNoControl() {
        let channel = Fixtures.channel("\u{1B}[2J", kind: .bounded(8), counters: Fixtures.counters(accepted: 3, depth: 1))
        let snapshot = Snapshot(
            tick: 1, time: 1, presetName: "p\u{1B}]0;x\u{7}", channels: [channel], groups: [], knobs: [],
            events: [ExperimentEvent(time: 0.5, kind: .knob, text: "moved \u{1B}[2J\n")], deadlock: "cycle \u{1B}[2J")
        var result = HeadlessResult(historyLimit: 10)
        result.add(snapshot)
        let summary = SummaryTable.render(result)
        let progress = ProgressLine.render(snapshot, duration: 10)
        for text in [summary, progress] {
            #expect(!text.utf8.contains(0x1B), "\(text)")
            #expect(!text.utf8.contains(0x07))
        }
        #expect(summary.contains("\\u{1B}[2J"))
        #expect(progress.contains("\\u{1B}[2J 1/8"))
        #expect(!progress.contains("\n"))
    }

    @Test func bidiOverridesAreEscaped() {
        #expect("a\u{202E}b\u{2066}c".terminalSafe == "a\\u{202E}b\\u{2066}c")
        #expect("\u{200F}".terminalSafe == "\u{200F}")  // a plain mark reorders nothing by itself
    }
}
