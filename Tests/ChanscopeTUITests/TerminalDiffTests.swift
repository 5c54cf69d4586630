import ChanscopeEngine
import Testing

@testable import ChanscopeTUI

/// The whole screen through `Terminal<TestBackend>`: a quiet screen costs no output and a small
/// change costs a few cells ("redraw only what changed").
@Suite struct TerminalDiffTests {
    @discardableResult
    static func draw(_ state: AppState, on terminal: Terminal<TestBackend>, theme: Theme = Theme()) throws -> FrameDiff {
        try terminal.draw { grid in ScreenView.render(state, theme: theme, on: &grid) }
    }

    static func fresh(_ state: AppState, width: Int, height: Int) -> [String] {
        var grid = Grid(width: width, height: height)
        ScreenView.render(state, theme: Theme(), on: &grid)
        return grid.lines()
    }

    @Test(arguments: Fixtures.all.map(\.name))
    func theSameStateTwiceWritesNothing(name: String) throws {
        let backend = TestBackend(width: 80, height: 24)
        let terminal = Terminal(backend: backend)
        let state = Fixtures.state(Fixtures.all.first { $0.name == name }!)
        let first = try Self.draw(state, on: terminal)
        #expect(first.isFullRedraw)
        #expect(backend.lastFlushWrites == 80 * 24)
        let second = try Self.draw(state, on: terminal)
        #expect(second.isEmpty)
        #expect(backend.lastFlushWrites == 0)
        #expect(backend.writesPerFlush == [80 * 24, 0])
        #expect(backend.lines() == Self.fresh(state, width: 80, height: 24))
    }

    @Test func oneKnobChangeWritesOnlyAFewCells() throws {
        let backend = TestBackend(width: 100, height: 30)
        let terminal = Terminal(backend: backend)
        var state = Fixtures.state(Fixtures.backpressure)
        try Self.draw(state, on: terminal)
        _ = state.update(.controlApplied(ControlReceipt(.knob(.preset("produce_ms"), 110), revision: 1)))
        let diff = try Self.draw(state, on: terminal)
        // The knob glyph moves (old and new cell) and one digit of "100 ms" changes.
        #expect(diff.cellCount > 0)
        #expect(diff.cellCount <= 6, "wrote \(diff.cellCount) cells: \(diff.runs)")
        #expect(Set(diff.runs.map(\.y)).count == 1, "all on the slider's row")
        #expect(backend.lines() == Self.fresh(state, width: 100, height: 30))
        #expect(backend.lines().contains { $0.contains("Producer wait") && $0.contains("110 ms") })
    }

    @Test func aNewSampleWithOnlyTimePassingRewritesOnlyTheClock() throws {
        let backend = TestBackend(width: 80, height: 24)
        let terminal = Terminal(backend: backend)
        var state = Fixtures.state(Fixtures.idle)
        try Self.draw(state, on: terminal)
        var next = Fixtures.idle.snapshots[1]
        next.tick += 1
        next.time += 0.1  // 00:00.2 -> 00:00.3: one sampling period, as the sampler takes them
        _ = state.update(.snapshot(next))
        let diff = try Self.draw(state, on: terminal)
        // One digit of the clock, and the depth sparkline grows by one sample.
        let clock = diff.runs.filter { $0.y == 0 }
        #expect(clock.map(\.cells.count) == [1], "\(diff.runs)")
        #expect(clock.first?.cells.first?.character == "3")
        #expect(diff.cellCount <= 2, "\(diff.runs)")
        #expect(backend.lines() == Self.fresh(state, width: 80, height: 24))
    }

    @Test func selectionChangeRewritesOnlyMarkersAndHighlights() throws {
        let backend = TestBackend(width: 80, height: 24)
        let terminal = Terminal(backend: backend)
        var state = Fixtures.state(Fixtures.backpressure)
        try Self.draw(state, on: terminal)
        _ = state.update(.key(.down))
        let diff = try Self.draw(state, on: terminal)
        #expect(diff.cellCount > 0)
        #expect(diff.cellCount < 80 * 2 + 10, "two slider rows at most, got \(diff.cellCount)")
        #expect(backend.lines() == Self.fresh(state, width: 80, height: 24))
    }

    @Test func resizeThenInvalidateRedrawsInFull() throws {
        let backend = TestBackend(width: 80, height: 24)
        let terminal = Terminal(backend: backend)
        let state = Fixtures.state(Fixtures.drops)
        try Self.draw(state, on: terminal)
        backend.resize(width: 60, height: 15)
        terminal.invalidate()
        let diff = try Self.draw(state, on: terminal)
        #expect(diff.isFullRedraw)
        #expect(backend.lastFlushWrites == 60 * 15)
        #expect(backend.lines() == Self.fresh(state, width: 60, height: 15))
        try Self.draw(state, on: terminal)
        #expect(backend.lastFlushWrites == 0)
    }

    @Test func openingAndClosingHelpRestoresTheScreen() throws {
        let backend = TestBackend(width: 80, height: 24)
        let terminal = Terminal(backend: backend)
        var state = Fixtures.state(Fixtures.backpressure)
        try Self.draw(state, on: terminal)
        let before = backend.lines()
        state.overlay = .help
        try Self.draw(state, on: terminal)
        #expect(backend.lines() != before)
        state.overlay = .none
        try Self.draw(state, on: terminal)
        #expect(backend.lines() == before)
    }
}
