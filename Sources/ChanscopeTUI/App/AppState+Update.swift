import Channels
import ChanscopeEngine

extension AppState {
    /// Applies one action: changes the state and returns what the loop must do outside.
    ///
    /// Pure: the engine, the recorder and the terminal are touched only by the effects.
    public mutating func update(_ action: Action) -> [Effect] {
        flash = nil
        if case .presets(let entries) = overlay {
            return updatePresetList(action, entries: entries)
        }
        if overlay == .help, action == .listUp || action == .listDown {
            // The help scrolls (on a short terminal the lesson is below the keys).
            let last = max(0, HelpOverlayView.rows(for: self).count - 1)
            helpScroll = min(last, max(0, helpScroll + (action == .listDown ? 1 : -1)))
            return []
        }
        if overlay == .help, action != .toggleHelp, action != .quit {
            overlay = .none
            if action == .dismiss { return [] }
        }
        switch action {
        case .quit:
            return [.quit]
        case .togglePause:
            return [.setPaused(!(snapshot?.isPaused ?? false))]
        case .restart:
            return [.restart]
        case .selectPreviousKnob:
            if let count = snapshot?.knobs.count, count > 0 { selectedKnob = (selectedKnob - 1 + count) % count }
            followSelectedKnob()
            return []
        case .selectNextKnob:
            if let count = snapshot?.knobs.count, count > 0 { selectedKnob = (selectedKnob + 1) % count }
            followSelectedKnob()
            return []
        case .adjust(let steps):
            guard let knob = selectedKnobSnapshot else { return [] }
            return [.setKnob(name: knob.name, value: Self.clamped(knob.value + Double(steps) * knob.spec.step, to: knob))]
        case .adjustCoarse(let direction):
            guard let knob = selectedKnobSnapshot else { return [] }
            let tenth = max(knob.spec.step, ((knob.spec.max - knob.spec.min) / 10 / knob.spec.step).rounded() * knob.spec.step)
            return [.setKnob(name: knob.name, value: Self.clamped(knob.value + Double(direction) * tenth, to: knob))]
        case .setKnob(let index, let value):
            guard let knob = snapshot?.knobs[safe: index] else { return [] }
            selectedKnob = index
            followSelectedKnob()
            return [.setKnob(name: knob.name, value: Self.clamped(value, to: knob))]
        case .switchKind(let index):
            guard let channel = selectedChannelName, let kind = ChannelKind.allNames[safe: index] else { return [] }
            return [.setKind(channel: channel, kind: kind)]
        case .selectNextChannel:
            if let count = snapshot?.channels.count, count > 0 { selectedChannel = (selectedChannel + 1) % count }
            return []
        case .selectNextGroup:
            if let count = snapshot?.groups.count, count > 0 { selectedGroup = (selectedGroup + 1) % count }
            return []
        case .addWorker:
            return selectedGroupName.map { [.addWorker(group: $0)] } ?? []
        case .removeWorker:
            return selectedGroupName.map { [.removeWorker(group: $0)] } ?? []
        case .closeGroup:
            return selectedGroupName.map { [.closeGroup(group: $0)] } ?? []
        case .toggleRecording:
            return [recordingPath == nil ? .startRecording : .stopRecording]
        case .openPresets:
            return [.loadPresetList]
        case .toggleHelp:
            overlay = overlay == .help ? .none : .help
            helpScroll = 0
            return []
        case .listUp, .listDown, .listChoose, .dismiss:
            return []
        }
    }

    /// `value` kept within the knob's range, so a key held at an end asks for the end itself.
    private static func clamped(_ value: Double, to knob: KnobSnapshot) -> Double {
        min(max(value, Swift.min(knob.spec.min, knob.spec.max)), Swift.max(knob.spec.min, knob.spec.max))
    }

    /// Selecting a capacity or worker-count slider also selects its channel or group, so the
    /// kind keys and `+`/`-` act on what the lecturer is looking at.
    private mutating func followSelectedKnob() {
        guard let knob = selectedKnobSnapshot, let snapshot else { return }
        switch knob.target {
        case .capacity(let channel):
            if let index = snapshot.channels.firstIndex(where: { $0.name == channel }) { selectedChannel = index }
        case .workers(let group):
            if let index = snapshot.groups.firstIndex(where: { $0.name == group }) { selectedGroup = index }
        case .preset:
            break
        }
    }

    private mutating func updatePresetList(_ action: Action, entries: [PresetEntry]) -> [Effect] {
        switch action {
        case .quit:
            return [.quit]
        case .listUp, .selectPreviousKnob:
            if !entries.isEmpty { listSelection = (listSelection - 1 + entries.count) % entries.count }
        case .listDown, .selectNextKnob:
            if !entries.isEmpty { listSelection = (listSelection + 1) % entries.count }
        case .listChoose:
            guard let entry = entries[safe: listSelection] else { return [] }
            guard entry.isValid else {
                flash = entry.line
                return []
            }
            overlay = .none
            return [.loadPreset(path: entry.path)]
        case .dismiss, .openPresets:
            overlay = .none
        default:
            break
        }
        return []
    }

    /// Opens the preset list with these entries, the current preset selected.
    public mutating func showPresets(_ entries: [PresetEntry]) {
        overlay = .presets(entries)
        listSelection = entries.firstIndex { $0.line.hasPrefix(presetName) || $0.name == presetName } ?? 0
    }
}

extension AppState {
    /// The action a key means right now: the preset list and help overlay take their own keys
    /// first, everything else goes through the `Keymap` table.
    public func action(for key: Key) -> Action? {
        switch overlay {
        case .presets:
            switch key {
            case .up, .character("k"): return .listUp
            case .down, .character("j"): return .listDown
            case .enter: return .listChoose
            case .escape, .character("p"): return .dismiss
            default: return Keymap.action(for: key, ascii: ascii) == .quit ? .quit : nil
            }
        case .help:
            switch key {
            case .escape, .enter: return .dismiss
            case .up, .character("k"): return .listUp
            case .down, .character("j"): return .listDown
            default: return Keymap.action(for: key, ascii: ascii)
            }
        case .none:
            return Keymap.action(for: key, ascii: ascii)
        }
    }
}
