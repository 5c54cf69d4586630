import ChanscopeEngine
import Testing

@testable import ChanscopeTUI

/// Numbers beyond what an `Int` holds reach the screen without trapping (a knob with
/// `max: 1e20` used to crash the first frame in the slider's number format).
@Suite struct HugeNumbersScreenTests {
    @Test(arguments: [1e20, 9.3e18, .greatestFiniteMagnitude, 2e13])
    func aKnobBeyondIntDrawsItsValue(maximum: Double) {
        var state = Fixtures.state(Fixtures.backpressure)
        var snapshot = state.snapshot!
        snapshot.knobs[0] = KnobSnapshot(
            spec: KnobSpec(name: "huge", value: maximum, min: 0, max: maximum, step: 1, label: "Huge", unit: "ms"),
            id: .preset("huge"), value: maximum)
        _ = state.update(.snapshot(snapshot))
        for size in [TerminalSize(width: 80, height: 24), TerminalSize(width: 120, height: 35)] {
            var grid = Grid(width: size.width, height: size.height)
            ScreenView.render(state, theme: Theme(), on: &grid)
            let line = grid.lines().first { $0.contains("Huge") }
            #expect(line?.contains(NumberText.plain(maximum)) == true || line?.contains("…") == true, "\(line ?? "no slider")")
        }
        // Coarse steps up to the top stay finite and drawable.
        _ = state.update(.key(.pageDown))
        _ = state.update(.key(.pageUp))
    }
}
