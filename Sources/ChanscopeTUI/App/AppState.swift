import Channels
import ChanscopeEngine

/// Everything the screen shows besides the snapshot: selections, overlays, the event log.
///
/// A plain value changed only by `update`, so every key's effect is testable without a
/// terminal or an engine (bubbletea's model).
public struct AppState: Sendable, Equatable {
    public static func == (lhs: AppState, rhs: AppState) -> Bool {
        lhs.presetName == rhs.presetName && lhs.selectedKnob == rhs.selectedKnob && lhs.selectedChannel == rhs.selectedChannel
            && lhs.selectedGroup == rhs.selectedGroup && lhs.overlay == rhs.overlay && lhs.listSelection == rhs.listSelection
            && lhs.helpScroll == rhs.helpScroll
            && lhs.recordingPath == rhs.recordingPath && lhs.recordedRows == rhs.recordedRows && lhs.flash == rhs.flash
            && lhs.events == rhs.events && lhs.snapshot == rhs.snapshot && lhs.previous == rhs.previous && lhs.ascii == rhs.ascii
            && lhs.recentLatency.mapValues(\.summary) == rhs.recentLatency.mapValues(\.summary) && lhs.pending == rhs.pending
    }

    /// What the overlay shows, if anything.
    public enum Overlay: Sendable, Equatable {
        case none
        case help
        case presets([PresetEntry])
    }

    /// One row of the preset list.
    public struct PresetEntry: Sendable, Equatable {
        public var name: String
        public var line: String
        public var path: String
        public var isValid: Bool
        public init(name: String, line: String, path: String, isValid: Bool) {
            self.name = name
            self.line = line
            self.path = path
            self.isValid = isValid
        }
    }

    public var presetName: String
    public var lesson: String
    public var selectedKnob = 0
    public var selectedChannel = 0
    public var selectedGroup = 0
    public var overlay: Overlay = .none
    /// The first row of the help overlay shown, when it is taller than the terminal.
    public var helpScroll = 0
    public var listSelection = 0
    /// The CSV file being recorded to, and rows written so far.
    public var recordingPath: String?
    public var recordedRows = 0
    /// A one-line message for the title (errors such as "cannot record").
    public var flash: String?
    /// The newest events, oldest first, bounded.
    public var events: [ExperimentEvent] = []
    public var history = SnapshotHistory(capacity: 600)
    public var snapshot: Snapshot?
    /// The snapshot before `snapshot`, so views can tell what changed in the last interval.
    public var previous: Snapshot?
    public var ascii: Bool
    /// Per channel, the latest non-empty latency interval and the tick it was seen at.
    public var recentLatency: [String: (summary: LatencySummary, tick: Int)] = [:]

    /// Changes made from the keyboard that a snapshot may not show yet (see `PendingControls`).
    public var pending = PendingControls()

    /// How many ticks a latency reading stays on screen after its channel went quiet.
    public static let latencyHoldTicks = 50

    /// How many events the log keeps.
    public static let eventLimit = 200

    public init(presetName: String, lesson: String = "", ascii: Bool = false) {
        self.presetName = presetName
        self.lesson = lesson
        self.ascii = ascii
    }

    /// Takes in a new snapshot: history, events, and selections kept in range.
    public mutating func receive(_ sampled: Snapshot) {
        var snapshot = sampled
        if !pending.isEmpty {
            if pending.predates(sampled) {
                snapshot = pending.applied(to: sampled)
            } else {
                pending = PendingControls()
            }
        }
        previous = self.snapshot
        self.snapshot = snapshot
        history.append(snapshot)
        for channel in snapshot.channels where channel.stats.latency.count > 0 {
            recentLatency[channel.name] = (channel.stats.latency, snapshot.tick)
        }
        events.append(contentsOf: snapshot.events)
        if events.count > AppState.eventLimit { events.removeFirst(events.count - AppState.eventLimit) }
        clampSelections()
    }

    /// The latency to show for a channel: the latest interval that had messages, if recent.
    public func latencyToShow(for channel: String) -> LatencySummary? {
        guard let recent = recentLatency[channel], let tick = snapshot?.tick,
            tick - recent.tick <= AppState.latencyHoldTicks
        else { return nil }
        return recent.summary
    }

    /// Shows a knob's new value at once, before the next sample confirms it, so a key press
    /// reaches the screen within one frame; it stays shown until a snapshot sampled after the
    /// change arrives (see `confirm(revision:)`).
    public mutating func show(knob name: String, value: Double) {
        guard let index = snapshot?.knobs.firstIndex(where: { $0.name == name }) else { return }
        snapshot?.knobs[index].value = value
        pending.knobs[name] = value
    }

    /// Shows a channel's new kind at once (see `show(knob:value:)`).
    public mutating func show(channel name: String, kind: ChannelKind) {
        guard let index = snapshot?.channels.firstIndex(where: { $0.name == name }) else { return }
        snapshot?.channels[index].stats.kind = kind
        pending.kinds[name] = kind
    }

    /// Shows pause or resume at once (see `show(knob:value:)`).
    public mutating func show(paused: Bool) {
        snapshot?.isPaused = paused
        pending.paused = paused
    }

    /// Records the engine's control revision after the changes just shown: snapshots taken at a
    /// lower revision get them laid over, the first one at this revision or later replaces them.
    public mutating func confirm(revision: Int) {
        if !pending.isEmpty { pending.revision = revision }
    }

    mutating func clampSelections() {
        guard let snapshot else { return }
        selectedKnob = clamp(selectedKnob, count: snapshot.knobs.count)
        selectedChannel = clamp(selectedChannel, count: snapshot.channels.count)
        selectedGroup = clamp(selectedGroup, count: snapshot.groups.count)
    }

    private func clamp(_ value: Int, count: Int) -> Int { count == 0 ? 0 : min(max(0, value), count - 1) }

    /// The name of the selected channel / group / knob, if the snapshot has one.
    public var selectedChannelName: String? { snapshot?.channels[safe: selectedChannel]?.name }
    public var selectedGroupName: String? { snapshot?.groups[safe: selectedGroup]?.name }
    public var selectedKnobSnapshot: KnobSnapshot? { snapshot?.knobs[safe: selectedKnob] }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
