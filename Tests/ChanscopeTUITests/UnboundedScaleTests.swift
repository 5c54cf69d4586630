import Channels
import ChanscopeEngine
import Testing

@testable import ChanscopeTUI

/// Unbounded channels side by side share one scale: tanenbaum's lesson is comparing "full" and
/// "empties", and a bar each scaled to its own peak drew 44 full and 56 half full.
@Suite struct UnboundedScaleTests {
    static func snapshot(full: Int, empties: Int, tick: Int) -> Snapshot {
        func unbounded(_ name: String, _ depth: Int) -> ChannelSnapshot {
            Fixtures.channel(name, kind: .unbounded, counters: Fixtures.counters(accepted: 500, depth: depth), inPerSecond: 6, outPerSecond: 6)
        }
        return Snapshot(
            tick: tick, time: Double(tick) / 10, presetName: "Tanenbaum", channels: [unbounded("full", full), unbounded("empties", empties)],
            groups: [GroupSnapshot(name: "producer", workerStates: [.blockedOnReceive]), GroupSnapshot(name: "consumer", workerStates: [.sleeping])],
            knobs: [])
    }

    /// The filled cells of a channel's bar (its second line).
    static func filled(_ lines: [String], channel: String) -> Int {
        guard let index = lines.firstIndex(where: { $0.contains("▸ \(channel) ") || $0.contains("  \(channel)  ") }) else { return -1 }
        return lines[index + 1].filter { $0 == "█" }.count
    }

    @Test("two unbounded bars take the largest depth either has had: 44 fills less than 56, neither is full")
    func sharedScale() {
        var state = AppState(presetName: "Tanenbaum", lesson: "", size: TerminalSize(width: 120, height: 35))
        // full has held all 100 once; now 44 are in full and 56 in empties.
        _ = state.update(.snapshot(Self.snapshot(full: 100, empties: 0, tick: 1)))
        _ = state.update(.snapshot(Self.snapshot(full: 44, empties: 56, tick: 2)))
        var grid = Grid(width: 120, height: 35)
        ScreenView.render(state, theme: Theme(), on: &grid)
        let lines = grid.lines()
        let full = Self.filled(lines, channel: "full"), empties = Self.filled(lines, channel: "empties")
        #expect(full > 0 && empties > full, "full \(full) cells, empties \(empties)\n\(lines.joined(separator: "\n"))")
        let cells = lines[(lines.firstIndex { $0.contains("empties") } ?? 0) + 1].filter { $0 == "█" || $0 == "░" }.count
        #expect(empties < cells, "56 of 100 is not a full bar: \(empties) of \(cells)")
    }
}

/// The worker legend names every glyph a row shows.
@Suite struct LegendTests {
    @Test("a joining worker's ◇ joins the legend, after working, while a row shows it")
    func joiningIsExplained() {
        let states = Theme.legendStates(showing: [.joining, .working])
        #expect(states.prefix(2) == [.working, .joining])
        #expect(Theme.legendWord(.joining) == "joining")
        #expect(!Theme.legendStates(showing: [.working]).contains(.joining))
    }
}
