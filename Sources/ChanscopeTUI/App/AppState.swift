import Channels
import ChanscopeEngine

/// Everything the screen shows: the latest snapshot, selections, overlays, the event log, the
/// terminal's size.
///
/// A plain value changed only by `update(_:)` (bubbletea's model), so every key's effect is
/// testable without a terminal or an engine. Equality is derived: no field can be forgotten.
public struct AppState: Sendable, Equatable {
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

    /// The latest latency reading of a channel that had messages, and the tick it was seen at.
    public struct HeldLatency: Sendable, Equatable {
        public var summary: LatencySummary
        public var tick: Int
    }

    public var presetName: String
    public var lesson: String
    /// The terminal's size, from the loop's `resized` messages.
    public var size = TerminalSize(width: 80, height: 24)
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
    /// Per channel, the latest non-empty latency interval.
    public var recentLatency: [String: HeldLatency] = [:]
    /// Controls the engine confirmed that a snapshot may not show yet.
    public var receipts = ControlReceipts()
    /// Set by `q`: the loop ends after this update.
    public var isQuitting = false
    /// Whether the lesson strip shows: nil = where the terminal has room (`LessonStrip.fits`).
    public var lessonStripShown: Bool?
    /// The lesson line the strip shows (0-based), moved with `]` and `[`.
    public var lessonLine = 0

    /// The lesson's lines, without blank ones.
    public var lessonLines: [String] {
        lesson.split(separator: "\n", omittingEmptySubsequences: true)
            .map { String($0.drop { $0 == " " }) }
            .filter { !$0.isEmpty }
    }

    /// Whether the lesson strip is on at the current size.
    public var showsLessonStrip: Bool { showsLessonStrip(at: size) }

    /// Whether the lesson strip is on at `size` (the size a frame is drawn at).
    public func showsLessonStrip(at size: TerminalSize) -> Bool {
        !lessonLines.isEmpty && (lessonStripShown ?? LessonStripView.fitsByDefault(size))
    }

    /// How many ticks a latency reading stays on screen after its channel went quiet.
    public static let latencyHoldTicks = 50

    /// How many events the log keeps.
    public static let eventLimit = 200

    public init(presetName: String, lesson: String = "", ascii: Bool = false, size: TerminalSize = TerminalSize(width: 80, height: 24)) {
        self.presetName = presetName
        self.lesson = lesson
        self.ascii = ascii
        self.size = size
    }

    /// Takes in a new snapshot: history, events, and selections kept in range.
    mutating func receive(_ sampled: Snapshot) {
        let snapshot = receipts.lay(over: sampled)
        previous = self.snapshot
        self.snapshot = snapshot
        history.append(snapshot)
        for channel in snapshot.channels where channel.stats.latency.count > 0 {
            recentLatency[channel.name] = HeldLatency(summary: channel.stats.latency, tick: snapshot.tick)
        }
        for event in snapshot.events {
            // A burst of moves of one slider is one line (the CSV keeps each tick's own).
            if let last = events.last, let folded = event.folded(into: last) {
                events[events.count - 1] = folded
            } else {
                events.append(event)
            }
        }
        if events.count > AppState.eventLimit { events.removeFirst(events.count - AppState.eventLimit) }
        clampSelections()
    }

    /// Shows what a control stored at once, and keeps it over older snapshots.
    mutating func confirm(_ receipt: ControlReceipt) {
        receipts.add(receipt)
        if let snapshot { self.snapshot = ControlReceipts.apply(receipt.change, to: snapshot) }
    }

    /// Whether a channel's latest latency reading is older than the sampling window (2 s).
    public func latencyIsOld(for channel: String) -> Bool {
        guard let recent = recentLatency[channel], let tick = snapshot?.tick else { return false }
        return Double(tick - recent.tick) * history.samplePeriod > 2
    }

    /// The latency to show for a channel: the latest interval that had messages, if recent.
    public func latencyToShow(for channel: String) -> LatencySummary? {
        guard let recent = recentLatency[channel], let tick = snapshot?.tick,
            tick - recent.tick <= AppState.latencyHoldTicks
        else { return nil }
        return recent.summary
    }

    mutating func clampSelections() {
        guard let snapshot else { return }
        selectedKnob = clamp(selectedKnob, count: snapshot.knobs.count)
        selectedChannel = clamp(selectedChannel, count: snapshot.channels.count)
        selectedGroup = clamp(selectedGroup, count: snapshot.groups.count)
    }

    private func clamp(_ value: Int, count: Int) -> Int { count == 0 ? 0 : min(max(0, value), count - 1) }

    /// The selected channel / group / knob, if the snapshot has one.
    public var selectedChannelID: ChannelID? { snapshot?.channels[safe: selectedChannel]?.id }
    public var selectedGroupID: GroupID? { snapshot?.groups[safe: selectedGroup].map { GroupID($0.name) } }
    public var selectedKnobSnapshot: KnobSnapshot? { snapshot?.knobs[safe: selectedKnob] }
}
