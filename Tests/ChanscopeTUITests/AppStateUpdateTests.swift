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
        #expect(Keymap.action(for: .character("6")) == .switchKind(.priority))
        #expect(Keymap.action(for: .character("7")) == nil)
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
        // Home and End: the slider's least and greatest.
        .home: [.setKnob(.preset("produce_ms"), 0)], .end: [.setKnob(.preset("produce_ms"), 2000)],
        .character("1"): [.setKind("work", .unbounded)],
        .character("2"): [.setKind("work", .bounded)],
        .character("3"): [.setKind("work", .rendezvous)],
        .character("4"): [.setKind("work", .dropping)],
        .character("5"): [.setKind("work", .overwriting)],
        .character("6"): [.setKind("work", .priority)],
        .tab: [], .character("g"): [], .shiftTab: [],
        .character("+"): [.addWorker("producer")], .character("="): [.addWorker("producer")],
        .character("-"): [.removeWorker("producer")], .character("_"): [.removeWorker("producer")],
        .character("c"): [.closeGroup("producer")],
        .character("K"): [.killProcess("producer")],
        .character("s"): [.startRecording],
        .character("p"): [.loadPresetList],
        .character("?"): [], .character("L"): [], .character("]"): [], .character("["): [],
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

}
