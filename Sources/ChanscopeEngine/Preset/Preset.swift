/// A whole experiment as a preset file describes it: channels, knobs and worker groups.
///
/// A `Preset` is only ever made by `PresetLoader`, which checks every name and number, so the
/// engine can build threads and channels from it without any error paths of its own.
/// Everything keeps the order of the file, because that is the order the screen shows.
public struct Preset: Sendable, Equatable {
    /// The scenario's title, shown in the header and in `chanscope presets`.
    public var name: String
    /// One line saying what the scenario shows, for lists.
    public var summary: String
    /// A few lines for the help panel: what to watch, which slider to move. May be empty.
    public var lesson: String
    /// The channels, in file order; at least one.
    public var channels: [ChannelSpec]
    /// The knobs, in file order; may be empty.
    public var knobs: [KnobSpec]
    /// The worker groups, in file order; at least one.
    public var workers: [WorkerGroupSpec]
    /// The file the preset came from, or `<built-in>` for the compiled-in default.
    public var source: String
    /// The screen starts paused on its first frame (the file's `paused: true`; `--paused` too).
    public var startsPaused = false

    public init(
        name: String, summary: String, lesson: String = "", channels: [ChannelSpec],
        knobs: [KnobSpec] = [], workers: [WorkerGroupSpec], source: String
    ) {
        self.name = name
        self.summary = summary
        self.lesson = lesson
        self.channels = channels
        self.knobs = knobs
        self.workers = workers
        self.source = source
    }

    /// The knob with this name, or `nil`.
    public func knob(named name: String) -> KnobSpec? {
        knobs.first { $0.name == name }
    }

    /// The channel with this name, or `nil`.
    public func channel(named name: String) -> ChannelSpec? {
        channels.first { $0.name == name }
    }

    /// The worker group with this name, or `nil`.
    public func workerGroup(named name: String) -> WorkerGroupSpec? {
        workers.first { $0.name == name }
    }
}
