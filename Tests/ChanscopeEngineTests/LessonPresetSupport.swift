import Channels
import ChanscopeEngine
import Foundation
import Testing

/// The repository's `presets/` folder and quick headless runs of its files, for the lesson tests.
enum LessonPresets {
    /// The presets the course material needs (the course's lessons), by file name.
    static let required = [
        "realtime", "unbounded-growth", "backpressure", "rendezvous", "dropping", "overwriting",
        "fan-in", "fan-out", "pipeline", "tanenbaum", "deadlock", "disconnect-producer", "disconnect-consumer",
        "pipe", "named-pipe", "process-crash", "unix-socket", "datagram-socket", "message-queue", "threads-vs-pipe",
        "mailboxes", "thread-pool", "sentinel-shutdown", "select-bias", "readers-writers", "priority-starvation",
        "lossy-link", "stop-and-wait", "duplicate-trap", "reordering", "sliding-window",
    ]

    /// Presets whose point is throughput: their waits start at 0, every pair flat out.
    static let flatOut: Set<String> = ["threads-vs-pipe"]

    /// `presets/` at the package root, found by walking up from this file to `Package.swift`.
    static let folder: String = packageRoot() + "/presets"

    private static func packageRoot(file: String = #filePath) -> String {
        var url = URL(fileURLWithPath: file).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.path
            }
            url = url.deletingLastPathComponent()
        }
        Issue.record("no Package.swift above \(file)")
        return "/nonexistent"
    }

    /// Every `.yaml`/`.yml` file in the folder, by name.
    static func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .sorted()
    }

    static func load(_ name: String) throws -> Preset {
        try PresetLoader.load(path: "\(folder)/\(name).yaml")
    }

    /// Runs the preset headless with knobs overridden, sampling at 20 Hz.
    static func run(
        _ name: String, _ overrides: [String] = [], duration: Double, deadlockGrace: Double = 1.0
    ) throws -> HeadlessResult {
        let preset = try load(name).applying(overrides: overrides)
        return try HeadlessRunner.run(
            preset, options: HeadlessOptions(duration: duration, sampleHz: 20, deadlockGrace: deadlockGrace))
    }
}

extension HeadlessResult {
    /// Snapshots taken at or after `time` seconds, once the experiment has settled.
    func snapshots(after time: Double) -> [Snapshot] {
        snapshots.filter { $0.time >= time }
    }

    /// The final reading of a channel (fails the test when it is missing).
    func channel(_ name: String) throws -> ChannelSnapshot {
        try #require(final?.channel(named: name), "no channel \(name)")
    }

    /// The final reading of a group (fails the test when it is missing).
    func group(_ name: String) throws -> GroupSnapshot {
        try #require(final?.group(named: name), "no group \(name)")
    }

    /// The mean of a value over snapshots; 0 for none.
    static func mean(_ snapshots: [Snapshot], _ value: (Snapshot) -> Double?) -> Double {
        let values = snapshots.compactMap(value)
        return values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    /// Every message a group made is accounted for on the channel it sends to: received,
    /// dropped, overwritten, failed, still queued, discarded, or abandoned in a hand.
    func accountsForEverything(made group: String, on channel: String) throws -> Bool {
        let g = try self.group(group)
        let c = try self.channel(channel).counters
        let accounted = c.received + c.dropped + c.overwritten + c.failed + UInt64(c.depth) + c.discarded + g.abandoned
        return g.made == accounted
    }
}

/// A preset running live for a lesson claim that changes something mid-run ("drag this slider",
/// "press 2"): the screen's engine with no screen; the test takes the snapshots itself, and
/// every wait is a bounded poll on a condition of the snapshots.
final class LiveLesson {
    let experiment: Experiment
    /// Every snapshot taken so far, in order, and every event they carried.
    private(set) var snapshots: [Snapshot] = []
    private(set) var events: [ExperimentEvent] = []

    /// Starts `name` from `presets/` with knobs overridden (as `--set` does).
    init(_ name: String, _ overrides: [String] = [], deadlockGrace: Double = 1.0) throws {
        let preset = try LessonPresets.load(name).applying(overrides: overrides)
        experiment = Experiment(preset: preset, deadlockGrace: deadlockGrace)
        experiment.start()
        snap()
    }

    deinit { experiment.shutdown() }

    /// One snapshot now; its events are kept.
    @discardableResult
    func snap() -> Snapshot {
        let snapshot = experiment.takeSnapshot()
        snapshots.append(snapshot)
        events += snapshot.events
        return snapshot
    }

    /// Snapshots every 20 ms until `condition` holds for one; records a failure after `timeout`.
    @discardableResult
    func waitFor(
        _ what: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation,
        _ condition: (Snapshot) -> Bool
    ) -> Snapshot? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let snapshot = snap()
            if condition(snapshot) { return snapshot }
            if Date() >= deadline {
                Issue.record("timed out after \(timeout) s waiting for \(what)", sourceLocation: sourceLocation)
                return nil
            }
            usleep(20_000)
        }
    }

    /// Snapshots every 20 ms for `seconds`; returns those taken.
    func watch(seconds: Double) -> [Snapshot] {
        let first = snapshots.count
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            snap()
            usleep(20_000)
        }
        return Array(snapshots[first...])
    }

    /// How many messages a channel accepted per second over the last `seconds`, measured here
    /// from its counters (not the sampler's 2 s window, so a claim can be checked soon after a change).
    func acceptedPerSecond(_ channel: String, over seconds: Double) -> Double {
        let before = snap()
        _ = watch(seconds: seconds)
        let after = snap()
        let a = before.channel(named: channel)?.counters.accepted ?? 0
        let b = after.channel(named: channel)?.counters.accepted ?? 0
        return Double(b - a) / max(after.time - before.time, 0.001)
    }
}

extension Snapshot {
    /// The headline word of a channel's panel (`BACKPRESSURE`, `GROWING`, `flowing`...).
    func word(_ channel: String) -> ChannelSituation.Word? { self.channel(named: channel)?.situation.word }

    /// How many of a group's workers are in `state` at the instant of the sample.
    func now(_ group: String, _ state: WorkerState) -> Int {
        self.group(named: group)?.instantStates.filter { $0 == state }.count ?? 0
    }

    func depth(_ channel: String) -> Int { self.channel(named: channel)?.depth ?? -1 }
}

extension Snapshot {
    /// A channel's queueing latency p50 over the interval before this snapshot ("wait p50" on
    /// screen); nil when nothing was received in it.
    func p50(_ channel: String) -> Double? {
        guard let c = self.channel(named: channel), c.stats.latency.count > 0 else { return nil }
        return c.latencyP50Milliseconds
    }
}
