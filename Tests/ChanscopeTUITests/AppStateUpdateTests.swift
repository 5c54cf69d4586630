import ChanscopeEngine
import Testing

@testable import ChanscopeTUI

/// Every key of the keymap through `AppState.action(for:)` and `update`: the effects it asks
/// for and the state it changes, without an engine or a terminal.
@Suite struct AppStateUpdateTests {
    /// The built-in preset's screen: `work`, `producer`/`consumer`, six knobs, first selected.
    static func running() -> AppState { Fixtures.state(Fixtures.backpressure) }
    /// Two channels and two groups, to see selections move.
    static func twoOfEach() -> AppState { Fixtures.state(Fixtures.twoBounded) }

    /// Presses `key` on `state`: the action the key means now, then the update.
    static func press(_ key: Key, on state: inout AppState) -> [Command] {
        state.update(.key(key))
    }

    // MARK: The table

    @Test(arguments: [false, true])
    func noTwoBindingsShareAKey(ascii: Bool) {
        let keys = Keymap.bindings(ascii: ascii).flatMap(\.keys)
        var seen: [Key: Int] = [:]
        for key in keys { seen[key, default: 0] += 1 }
        #expect(seen.filter { $0.value > 1 }.isEmpty, "keys bound twice: \(seen.filter { $0.value > 1 }.keys)")
        #expect(Set(Keymap.bindings(ascii: ascii).map(\.label)).count == Keymap.bindings(ascii: ascii).count)
    }

    @Test func everyKeyOfEveryBindingMapsToItsAction() {
        for binding in Keymap.bindings() {
            for key in binding.keys {
                let action = Keymap.action(for: key)
                #expect(action != nil, "\(binding.label): \(key)")
                #expect(action == binding.action(key), "\(binding.label): \(key)")
            }
        }
        #expect(Keymap.action(for: .character("Z")) == nil)
        #expect(Keymap.action(for: .character("6")) == nil)
        #expect(Keymap.action(for: .character("0")) == nil)
    }

    /// What each key does on the running screen (first knob `Producer wait` = 100 ms, step 10,
    /// range 0-2000; channel `work`; group `producer`), as effects.
    static let expectedCommands: [Key: [Command]] = [
        .character("q"): [.quit],
        .character(" "): [.setPaused(true)],
        .character("r"): [.restart], .character("R"): [.restartKeepingSettings],
        .up: [], .character("k"): [], .down: [], .character("j"): [],
        .left: [.setKnob(.preset("produce_ms"), 90)], .character("h"): [.setKnob(.preset("produce_ms"), 90)],
        .right: [.setKnob(.preset("produce_ms"), 110)], .character("l"): [.setKnob(.preset("produce_ms"), 110)],
        // A tenth of 0-2000 is 200; down from 100 stops at the minimum.
        .shiftLeft: [.setKnob(.preset("produce_ms"), 0)], .pageDown: [.setKnob(.preset("produce_ms"), 0)],
        .shiftRight: [.setKnob(.preset("produce_ms"), 300)], .pageUp: [.setKnob(.preset("produce_ms"), 300)],
        .character("1"): [.setKind("work", .unbounded)],
        .character("2"): [.setKind("work", .bounded)],
        .character("3"): [.setKind("work", .rendezvous)],
        .character("4"): [.setKind("work", .dropping)],
        .character("5"): [.setKind("work", .overwriting)],
        .tab: [], .character("g"): [], .shiftTab: [],
        .character("+"): [.addWorker("producer")], .character("="): [.addWorker("producer")],
        .character("-"): [.removeWorker("producer")], .character("_"): [.removeWorker("producer")],
        .character("c"): [.closeGroup("producer")],
        .character("s"): [.startRecording],
        .character("p"): [.loadPresetList],
        .character("?"): [],
    ]

    @Test func everyBoundKeyHasAnExpectation() {
        let bound = Set(Keymap.bindings().flatMap(\.keys))
        #expect(bound == Set(Self.expectedCommands.keys), "unchecked: \(bound.subtracting(Self.expectedCommands.keys)), stale: \(Set(Self.expectedCommands.keys).subtracting(bound))")
    }

    @Test func everyBoundKeyProducesItsCommands() {
        for (key, expected) in Self.expectedCommands {
            var state = Self.running()
            #expect(Self.press(key, on: &state) == expected, "\(key)")
        }
    }

    // MARK: Knobs

    @Test func selectingKnobsWrapsBothWays() {
        var state = Self.running()
        let count = state.snapshot!.knobs.count
        #expect(count == 6)
        _ = Self.press(.up, on: &state)
        #expect(state.selectedKnob == count - 1)
        _ = Self.press(.down, on: &state)
        #expect(state.selectedKnob == 0)
        for _ in 0..<count { _ = Self.press(.character("j"), on: &state) }
        #expect(state.selectedKnob == 0)
        _ = Self.press(.down, on: &state)
        #expect(state.selectedKnob == 1)
        #expect(Self.press(.right, on: &state) == [.setKnob(.preset("consume_ms"), 160)])
        _ = Self.press(.character("k"), on: &state)
        #expect(state.selectedKnob == 0)
    }

    @Test func adjustingStaysInRange() {
        var state = Self.running()
        state.snapshot!.knobs[0].value = 2000
        #expect(Self.press(.right, on: &state) == [.setKnob(.preset("produce_ms"), 2000)])
        #expect(Self.press(.pageUp, on: &state) == [.setKnob(.preset("produce_ms"), 2000)])
        #expect(Self.press(.pageDown, on: &state) == [.setKnob(.preset("produce_ms"), 1800)])
        state.snapshot!.knobs[0].value = 0
        #expect(Self.press(.left, on: &state) == [.setKnob(.preset("produce_ms"), 0)])
        // Capacity: step 1, range 1-64, a tenth rounds to 6 steps.
        state.selectedKnob = 3
        #expect(Self.press(.right, on: &state) == [.setKnob(.capacity("work"), 9)])
        #expect(Self.press(.pageUp, on: &state) == [.setKnob(.capacity("work"), 14)])
    }

    @Test func showingAKnobChangesOnlyThatKnob() {
        var state = Self.running()
        _ = state.update(.controlApplied(ControlReceipt(.knob(.preset("consume_ms"), 40), revision: 1)))
        #expect(state.snapshot!.knobs[1].value == 40)
        #expect(state.snapshot!.knobs[0].value == 100)
        _ = state.update(.controlApplied(ControlReceipt(.knob(.preset("nope"), 1), revision: 2)))
        #expect(state.snapshot!.knobs.map(\.value) == Self.running().snapshot!.knobs.map(\.value).enumerated().map { $0.offset == 1 ? 40 : $0.element })
    }

    /// A snapshot the sampler took just before a key changed a setting, handed over just after,
    /// must not put the old setting back on screen; the first one sampled after the change does
    /// replace what the screen guessed.
    @Test func aSnapshotSampledBeforeAChangeDoesNotRevertIt() {
        var state = Self.running()
        let before = state.snapshot!  // produce_ms 100, bounded, running; revision 0
        _ = state.update(.controlApplied(ControlReceipt(.knob(.preset("produce_ms"), 110), revision: 1)))
        _ = state.update(.controlApplied(ControlReceipt(.kind("work", .dropping(8)), revision: 2)))
        _ = state.update(.controlApplied(ControlReceipt(.paused(true), revision: 3)))
        #expect(state.snapshot!.knobs[0].value == 110, "shown at once")

        var stale = before
        stale.tick += 1
        stale.controlRevision = 0
        _ = state.update(.snapshot(stale))
        #expect(state.snapshot!.knobs[0].value == 110)
        #expect(state.snapshot!.channels[0].stats.kind == .dropping(8))
        #expect(state.snapshot!.isPaused)
        #expect(state.snapshot!.tick == stale.tick, "the rest of the stale snapshot is still taken in")
        #expect(state.receipts.waiting.count == 3)

        var partly = stale
        partly.controlRevision = 2  // shows the knob and the kind, not yet the pause
        partly.knobs[0].value = 110
        partly.channels[0].stats.kind = .dropping(8)
        _ = state.update(.snapshot(partly))
        #expect(state.receipts.waiting.count == 1, "receipts a snapshot already shows are dropped")
        #expect(state.snapshot!.isPaused)

        var fresh = before
        fresh.tick += 2
        fresh.controlRevision = 3
        fresh.knobs[0].value = 120  // whatever the engine holds now wins
        _ = state.update(.snapshot(fresh))
        #expect(state.snapshot!.knobs[0].value == 120)
        #expect(state.snapshot!.channels[0].stats.kind == before.channels[0].stats.kind)
        #expect(!state.snapshot!.isPaused)
        #expect(state.receipts.isEmpty)

        // Once confirmed, an older snapshot arriving late is shown as it is.
        _ = state.update(.snapshot(stale))
        #expect(state.snapshot!.knobs[0].value == 100)
    }

    @Test func aReceiptThatChangesNothingShownKeepsNothingWaiting() {
        var state = Self.running()
        _ = state.update(.controlApplied(ControlReceipt(.none, revision: 9)))
        #expect(state.receipts == ControlReceipts())
        var snapshot = state.snapshot!
        snapshot.knobs[0].value = 130
        _ = state.update(.snapshot(snapshot))
        #expect(state.snapshot!.knobs[0].value == 130)
    }

    @Test func selectingACapacityOrWorkersKnobSelectsItsChannelOrGroup() {
        var state = Self.twoOfEach()  // knobs: think_ms, ab.capacity, ba.capacity, A.workers, B.workers
        #expect(state.selectedChannel == 0 && state.selectedGroup == 0)
        _ = Self.press(.down, on: &state)  // ab.capacity
        #expect(state.selectedChannel == 0)
        _ = Self.press(.down, on: &state)  // ba.capacity
        #expect(state.selectedKnob == 2)
        #expect(state.selectedChannel == 1)
        #expect(Self.press(.character("4"), on: &state) == [.setKind("ba", .dropping)])
        _ = Self.press(.down, on: &state)  // A.workers
        #expect(state.selectedGroup == 0)
        _ = Self.press(.down, on: &state)  // B.workers
        #expect(state.selectedGroup == 1)
        #expect(Self.press(.character("+"), on: &state) == [.addWorker("B")])
        _ = Self.press(.up, on: &state)  // back to A.workers
        #expect(state.selectedGroup == 0)
        #expect(state.selectedChannel == 1, "a workers knob leaves the channel selection alone")
    }

    // MARK: Channels and groups

    @Test func tabAndGCycleChannelsAndGroups() {
        var state = Self.twoOfEach()
        #expect(Self.press(.tab, on: &state) == [])
        #expect(state.selectedChannelID == "ba")
        #expect(Self.press(.character("1"), on: &state) == [.setKind("ba", .unbounded)])
        _ = Self.press(.tab, on: &state)
        #expect(state.selectedChannelID == "ab")
        #expect(Self.press(.character("g"), on: &state) == [])
        #expect(state.selectedGroupID == "B")
        #expect(Self.press(.character("c"), on: &state) == [.closeGroup("B")])
        #expect(Self.press(.character("-"), on: &state) == [.removeWorker("B")])
        _ = Self.press(.shiftTab, on: &state)
        #expect(state.selectedGroupID == "A")
        #expect(Self.press(.character("+"), on: &state) == [.addWorker("A")])
        #expect(state.selectedChannel == 0 && state.selectedKnob == 0)
    }

    @Test func withoutASnapshotKeysDoNothingHarmful() {
        var state = AppState(presetName: "empty")
        for key in Self.expectedCommands.keys {
            let effects = Self.press(key, on: &state)
            for effect in effects {
                switch effect {
                case .quit, .setPaused, .restart, .restartKeepingSettings, .startRecording, .loadPresetList: break
                default: Issue.record("\(key) asked for \(effect) with nothing on screen")
                }
            }
            state.overlay = .none
        }
        #expect(state.selectedKnob == 0 && state.selectedChannel == 0 && state.selectedGroup == 0)
    }

    @Test func selectionsStayInRangeWhenTheSnapshotShrinks() {
        var state = Self.twoOfEach()
        state.selectedKnob = 4
        state.selectedChannel = 1
        state.selectedGroup = 1
        _ = state.update(.snapshot(Fixtures.backpressure.snapshots[1]))  // one channel, six knobs
        #expect(state.selectedChannelID == "work")
        #expect(state.selectedGroupID == "consumer")
        #expect(state.selectedKnob == 4)
    }

    // MARK: Pause, recording, quit

    @Test func spaceAsksForTheOppositeOfTheShownPauseState() {
        var state = Self.running()
        #expect(Self.press(.character(" "), on: &state) == [.setPaused(true)])
        state.snapshot!.isPaused = true
        #expect(Self.press(.character(" "), on: &state) == [.setPaused(false)])
    }

    @Test func sTogglesRecordingByItsPath() {
        var state = Self.running()
        #expect(Self.press(.character("s"), on: &state) == [.startRecording])
        state.recordingPath = "chanscope-x.csv"
        #expect(Self.press(.character("s"), on: &state) == [.stopRecording])
        state.recordingPath = nil
        #expect(Self.press(.character("s"), on: &state) == [.startRecording])
    }

    @Test func anyKeyClearsTheFlash() {
        var state = Self.running()
        state.flash = "cannot record"
        _ = Self.press(.down, on: &state)
        #expect(state.flash == nil)
    }

    @Test func ctrlCIsNotInTheTableButQIs() {
        // Ctrl-C arrives as SIGINT (or as `.ctrlC`, which the loop turns into quit itself).
        #expect(Keymap.action(for: .ctrlC) == nil)
        var state = Self.running()
        state.overlay = .help
        #expect(Self.press(.character("q"), on: &state) == [.quit])
    }

    // MARK: Help

    @Test func questionMarkTogglesHelpAndEscapeClosesIt() {
        var state = Self.running()
        #expect(Self.press(.character("?"), on: &state) == [])
        #expect(state.overlay == .help)
        #expect(Self.press(.character("?"), on: &state) == [])
        #expect(state.overlay == .none)
        _ = Self.press(.character("?"), on: &state)
        #expect(state.action(for: .escape) == .dismiss)
        #expect(Self.press(.escape, on: &state) == [])
        #expect(state.overlay == .none)
        _ = Self.press(.character("?"), on: &state)
        #expect(Self.press(.enter, on: &state) == [])
        #expect(state.overlay == .none)
    }

    @Test func aKeyUnderHelpClosesItAndStillActs() {
        var state = Self.running()
        state.overlay = .help
        #expect(Self.press(.right, on: &state) == [.setKnob(.preset("produce_ms"), 110)])
        #expect(state.overlay == .none)
    }

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
