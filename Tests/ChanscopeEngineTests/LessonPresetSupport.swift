import Channels
import ChanscopeEngine
import Foundation
import Testing

/// The repository's `presets/` folder and quick headless runs of its files, for the lesson tests.
enum LessonPresets {
    /// The presets the course material needs (DESIGN.md section 3), by file name.
    static let required = [
        "realtime", "unbounded-growth", "backpressure", "rendezvous", "dropping", "overwriting",
        "fan-in", "fan-out", "pipeline", "tanenbaum", "deadlock", "disconnect-producer", "disconnect-consumer",
    ]

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
