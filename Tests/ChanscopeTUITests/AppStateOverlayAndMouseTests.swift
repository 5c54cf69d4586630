import ChanscopeEngine
import Testing

@testable import ChanscopeTUI

/// The preset list, the mouse, and the help and footer generated from the key table, through
/// `update` (the rest of the keys are in `AppStateUpdateTests`).
extension AppStateUpdateTests {
    // MARK: Presets

    static let entries = [
        AppState.PresetEntry(name: "backpressure", line: "backpressure  A fast producer", path: "/p/backpressure.yaml", isValid: true),
        AppState.PresetEntry(name: "broken", line: "broken.yaml:3: channels: unknown kind", path: "/p/broken.yaml", isValid: false),
        AppState.PresetEntry(name: "Producer and consumer", line: "Producer and consumer  built in", path: "/p/pc.yaml", isValid: true),
    ]

    @Test func pOpensTheListAndEnterLoadsTheChosenPreset() {
        var state = Self.running()
        #expect(Self.press(.character("p"), on: &state) == [.loadPresetList])
        _ = state.update(.presetListLoaded(Self.entries))
        #expect(state.overlay == .presets(Self.entries))
        #expect(state.listSelection == 2, "the running preset is selected")
        _ = Self.press(.down, on: &state)
        #expect(state.listSelection == 0, "wraps")
        #expect(Self.press(.enter, on: &state) == [.loadPreset(path: "/p/backpressure.yaml")])
        #expect(state.overlay == .none)
        #expect(state.flash == nil)
    }

    @Test func listKeysMoveAndWrap() {
        var state = Self.running()
        _ = state.update(.presetListLoaded(Self.entries))
        #expect(state.action(for: .down) == .listDown)
        #expect(state.action(for: .character("j")) == .listDown)
        #expect(state.action(for: .up) == .listUp)
        #expect(state.action(for: .character("k")) == .listUp)
        #expect(state.action(for: .enter) == .listChoose)
        #expect(state.action(for: .escape) == .dismiss)
        #expect(state.action(for: .character("p")) == .dismiss)
        #expect(state.action(for: .character("q")) == .quit)
        #expect(state.action(for: .right) == nil, "slider keys do nothing under the list")
        #expect(state.action(for: .character("c")) == nil, "no group closes by accident")
        _ = state.perform(.listUp)
        #expect(state.listSelection == 1)
        _ = state.perform(.listDown)
        _ = state.perform(.listDown)
        #expect(state.listSelection == 0)
        #expect(state.perform(.quit) == [.quit])
    }

    @Test func anInvalidPresetFlashesItsProblemInstead() {
        var state = Self.running()
        _ = state.update(.presetListLoaded(Self.entries))
        state.listSelection = 1
        #expect(Self.press(.enter, on: &state) == [])
        #expect(state.flash == "broken.yaml:3: channels: unknown kind")
        #expect(state.overlay == .presets(Self.entries), "the list stays open to choose another")
        _ = Self.press(.escape, on: &state)
        #expect(state.overlay == .none)
    }

    @Test func anEmptyListChoosesNothing() {
        var state = Self.running()
        _ = state.update(.presetListLoaded([]))
        #expect(state.listSelection == 0)
        _ = state.perform(.listDown)
        #expect(state.perform(.listChoose) == [])
    }

    // MARK: Mouse

    /// The track of knob `index` on a `size` screen.
    static func track(ofKnob index: Int, state: AppState, size: TerminalSize) throws -> Rect {
        let layout = ScreenView.layout(state, size: size)
        let rect = try #require(layout.knobs.first { $0.index == index }?.rect)
        let snapshot = try #require(state.snapshot)
        return ScreenView.slider(for: snapshot.knobs[index], knobs: snapshot.knobs, selected: false, theme: Theme())
            .layout(in: rect.inset(left: 2)).track
    }

    @Test(arguments: [TerminalSize(width: 100, height: 30), TerminalSize(width: 80, height: 24), TerminalSize(width: 120, height: 40)])
    func clickOnATrackSetsTheValueUnderIt(size: TerminalSize) throws {
        var state = Self.running()
        let track = try Self.track(ofKnob: 1, state: state, size: size)  // Consumer wait, 0-2000 step 10
        #expect(track.width > 10)
        let start = ScreenView.action(forClickAt: track.x, track.y, state: state, size: size)
        #expect(start == .setKnob(index: 1, value: 0))
        let end = ScreenView.action(forClickAt: track.maxX - 1, track.y, state: state, size: size)
        #expect(end == .setKnob(index: 1, value: 2000))
        let middleColumn = track.x + (track.width - 1) / 2
        let expected = ((Double(middleColumn - track.x) / Double(track.width - 1)) * 200).rounded() * 10
        let middle = try #require(ScreenView.action(forClickAt: middleColumn, track.y, state: state, size: size))
        #expect(middle == .setKnob(index: 1, value: expected))
        #expect(state.perform(middle) == [.setKnob(.preset("consume_ms"), expected)])
        #expect(state.selectedKnob == 1, "a click selects the slider it set")

        // What is drawn there is that slider's track.
        var grid = Grid(width: size.width, height: size.height)
        ScreenView.render(state, theme: Theme(), on: &grid)
        #expect(grid.lines()[track.y].contains("Consumer wait"))
        #expect(grid[track.x, track.y].character == "─" || grid[track.x, track.y].character == "●")
    }

    @Test func clicksOffTheTrackOrUnderAnOverlayDoNothing() throws {
        let size = TerminalSize(width: 100, height: 30)
        var state = Self.running()
        let track = try Self.track(ofKnob: 0, state: state, size: size)
        #expect(ScreenView.action(forClickAt: track.x - 2, track.y, state: state, size: size) == nil, "on the label")
        #expect(ScreenView.action(forClickAt: track.maxX + 2, track.y, state: state, size: size) == nil, "on the value")
        #expect(ScreenView.action(forClickAt: 5, 0, state: state, size: size) == nil, "on the title")
        #expect(ScreenView.action(forClickAt: track.x, track.y, state: AppState(presetName: "x"), size: size) == nil)
        state.overlay = .help
        #expect(ScreenView.action(forClickAt: track.x, track.y, state: state, size: size) == nil)
        #expect(state.perform(.setKnob(index: 99, value: 1)) == [])
    }

    // MARK: Help and footer come from the table

    @Test(arguments: [false, true])
    func helpOverlayListsEveryBinding(ascii: Bool) {
        var state = Self.running()
        state.ascii = ascii
        state.overlay = .help
        var grid = Grid(width: 120, height: 40)
        ScreenView.render(state, theme: Theme(glyphs: ascii ? .ascii : .unicode), on: &grid)
        let lines = grid.lines()
        #expect(lines.contains { $0.contains("Keys") })
        for binding in Keymap.bindings(ascii: ascii) {
            #expect(
                lines.contains { $0.contains(binding.label + " ") && $0.contains(binding.help) },
                "help lacks \(binding.label): \(binding.help)\n\(lines.joined(separator: "\n"))")
        }
        #expect(lines.contains { $0.contains("Lesson: Producer and consumer") })
        #expect(lines.contains { $0.contains("Watch the depth of \"work\"") })
    }

    @Test func footerIsGeneratedFromTheTable() {
        let state = Self.running()
        var grid = Grid(width: 200, height: 30)
        ScreenView.render(state, theme: Theme(), on: &grid)
        let footer = grid.lines().last!
        for binding in Keymap.bindings() {
            guard let text = binding.footer else { continue }
            #expect(footer.contains(text), "footer lacks \(text): \(footer)")
        }
        for hint in Keymap.footerHints() {
            #expect(footer.contains("\(hint.key) \(hint.text)"), "footer lacks \(hint.key) \(hint.text): \(footer)")
        }
    }
}

extension AppStateUpdateTests {
    @Test func aClickOnAWorkersSliderSelectsItsGroup() throws {
        let size = TerminalSize(width: 100, height: 30)
        var state = Self.twoOfEach()  // knob 4 is B.workers
        let track = try Self.track(ofKnob: 4, state: state, size: size)
        let action = try #require(ScreenView.action(forClickAt: track.x + 1, track.y, state: state, size: size))
        guard case .setKnob(index: 4, let value) = action else {
            Issue.record("expected setKnob for B.workers, got \(action)")
            return
        }
        #expect(state.perform(action) == [.setKnob(.workers("B"), value)])
        #expect(state.selectedKnob == 4)
        #expect(state.selectedGroupID == "B")
    }
}

extension AppStateUpdateTests {
    /// The footer is cut on narrow screens; `? help` must survive at the smallest full layout.
    @Test(arguments: [40, 60, 80, 100])
    func helpKeyIsInTheFooterAtEveryWidth(width: Int) {
        var grid = Grid(width: width, height: 24)
        ScreenView.render(Self.running(), theme: Theme(), on: &grid)
        let footer = grid.lines().last!
        #expect(footer.contains("q quit"), "\(footer)")
        #expect(footer.contains("? help"), "\(footer)")
    }
}
