import Channels
import ChanscopeEngine

extension AppState {
    /// The one writer of the model: applies a message and returns what the loop must do outside.
    ///
    /// Pure: the engine, the recorder and the terminal are touched only by the commands, whose
    /// answers come back here as messages.
    public mutating func update(_ message: AppMessage) -> [Command] {
        switch message {
        case .key(let key):
            guard let action = key == .ctrlC ? .quit : action(for: key) else { return [] }
            return perform(action)
        case .click(let x, let y):
            guard let action = ScreenView.action(forClickAt: x, y, state: self, size: size) else { return [] }
            return perform(action)
        case .resized(let newSize):
            size = newSize
            helpScroll = min(helpScroll, HelpOverlayView.maxScroll(for: self))
        case .snapshot(let snapshot):
            receive(snapshot)
        case .controlApplied(let receipt):
            confirm(receipt)
        case .recordingStarted(let path):
            (recordingPath, recordedRows) = (path, 0)
        case .recordingRows(let rows):
            recordedRows = rows
        case .recordingStopped:
            (recordingPath, recordedRows) = (nil, 0)
        case .recordingFailed(let reason):
            (recordingPath, recordedRows, flash) = (nil, 0, reason)
        case .presetListLoaded(let entries):
            showPresets(entries)
        case .presetFailed(let reason):
            flash = reason
        case .sessionStarted(let name, let lesson, let keepSelections):
            var next = AppState(presetName: name, lesson: lesson, ascii: ascii, size: size)
            // A restart keeps the lesson's line too: the lessons say "press r, then ...".
            if keepSelections {
                (next.selectedKnob, next.selectedChannel, next.selectedGroup) = (selectedKnob, selectedChannel, selectedGroup)
                next.lessonLine = lessonLine
            }
            (next.recordingPath, next.recordedRows) = (recordingPath, recordedRows)
            next.lessonStripShown = lessonStripShown
            self = next
        }
        return []
    }

    /// Carries out what a key or click asked for.
    mutating func perform(_ action: Action) -> [Command] {
        flash = nil
        if case .presets(let entries) = overlay {
            return updatePresetList(action, entries: entries)
        }
        if overlay == .help, action == .listUp || action == .listDown {
            // The help scrolls (on a short terminal the lesson is below the keys), as far as the
            // overlay at this terminal's size has rows to show.
            helpScroll = min(HelpOverlayView.maxScroll(for: self), max(0, helpScroll + (action == .listDown ? 1 : -1)))
            return []
        }
        if overlay == .help, action != .toggleHelp, action != .quit {
            overlay = .none
            if action == .dismiss { return [] }
        }
        switch action {
        case .quit:
            isQuitting = true
            return [.quit]
        case .togglePause:
            return [.setPaused(!(snapshot?.isPaused ?? false))]
        case .restart:
            return [.restart]
        case .restartKeepingSettings:
            return [.restartKeepingSettings]
        case .selectPreviousKnob, .selectNextKnob:
            if let count = snapshot?.knobs.count, count > 0 {
                selectedKnob = (selectedKnob + (action == .selectNextKnob ? 1 : count - 1)) % count
            }
            followSelectedKnob()
            return []
        case .adjust(let steps):
            guard let knob = selectedKnobSnapshot else { return [] }
            return [.setKnob(knob.id, knob.spec.stepped(knob.value, by: steps))]
        case .adjustCoarse(let direction):
            guard let knob = selectedKnobSnapshot else { return [] }
            return [.setKnob(knob.id, knob.spec.steppedCoarsely(knob.value, direction: direction))]
        case .adjustToLimit(let direction):
            guard let knob = selectedKnobSnapshot else { return [] }
            return [.setKnob(knob.id, knob.spec.clampedAndSnapped(direction < 0 ? knob.spec.min : knob.spec.max))]
        case .setKnob(let index, let value):
            guard let knob = snapshot?.knobs[safe: index] else { return [] }
            selectedKnob = index
            followSelectedKnob()
            return [.setKnob(knob.id, knob.spec.clampedAndSnapped(value))]
        case .switchKind(let family):
            guard let channel = selectedChannelID else { return [] }
            return [.setKind(channel, family)]
        case .selectNextChannel:
            if let count = snapshot?.channels.count, count > 0 { selectedChannel = (selectedChannel + 1) % count }
            return []
        case .selectNextGroup:
            if let count = snapshot?.groups.count, count > 0 { selectedGroup = (selectedGroup + 1) % count }
            return []
        case .addWorker:
            return selectedGroupID.map { [.addWorker($0)] } ?? []
        case .removeWorker:
            return selectedGroupID.map { [.removeWorker($0)] } ?? []
        case .closeGroup:
            return selectedGroupID.map { [.closeGroup($0)] } ?? []
        case .killProcess:
            return selectedGroupID.map { [.killProcess($0)] } ?? []
        case .toggleRecording:
            return [recordingPath == nil ? .startRecording : .stopRecording]
        case .openPresets:
            return [.loadPresetList]
        case .toggleHelp:
            overlay = overlay == .help ? .none : .help
            helpScroll = 0
            return []
        case .toggleLessonStrip:
            lessonStripShown = !showsLessonStrip
            return []
        case .nextLessonLine, .previousLessonLine:
            let count = lessonLines.count
            guard count > 0 else { return [] }
            lessonStripShown = true
            lessonLine = min(count - 1, max(0, lessonLine + (action == .nextLessonLine ? 1 : -1)))
            return []
        case .listUp, .listDown, .listChoose, .dismiss:
            return []
        }
    }

    /// Selecting a capacity or worker-count slider also selects its channel or group, so the
    /// kind keys and `+`/`-` act on what the lecturer is looking at.
    private mutating func followSelectedKnob() {
        guard let knob = selectedKnobSnapshot, let snapshot else { return }
        switch knob.id {
        case .capacity(let channel):
            if let index = snapshot.channels.firstIndex(where: { $0.id == channel }) { selectedChannel = index }
        case .workers(let group):
            if let index = snapshot.groups.firstIndex(where: { $0.name == group.name }) { selectedGroup = index }
        case .preset:
            break
        }
    }

    private mutating func updatePresetList(_ action: Action, entries: [PresetEntry]) -> [Command] {
        switch action {
        case .quit:
            isQuitting = true
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
    private mutating func showPresets(_ entries: [PresetEntry]) {
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
