#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Channels
import ChanscopeEngine

/// How long the screen takes to build and diff one frame, measured without a terminal.
///
/// WHY: the screen must stay light (a frame well inside the 100 ms tick, and far less than one
/// core). This replays real snapshots of the built-in experiment, sped up so that counters,
/// sparklines and worker glyphs change between frames, through the same `AppState`,
/// `ScreenView` and `Terminal` diff the app uses, into a `TestBackend`. Only the UI's work is
/// timed: taking the snapshots (the sampler's job) happens before the clock starts.
public enum ScreenBenchmark {
    /// The timing of one size.
    public struct Result: Sendable {
        public var width: Int
        public var height: Int
        public var frames: Int
        /// Cells written by the first frame: a full redraw, so every cell of the screen.
        public var firstFrameCells: Int
        /// Over the frames after the first (what a running screen pays): mean and 99th
        /// percentile of render + diff + backend write in microseconds, and the mean number of
        /// cells the diff let through.
        public var meanMicroseconds: Double
        public var p99Microseconds: Double
        public var meanCellsWritten: Double
    }

    /// The sizes the README's Performance section reports.
    public static let standardSizes = [(80, 24), (120, 40), (200, 60)]

    /// Collects `frames` snapshots of a fast-moving built-in experiment (about 2 ms apart).
    public static func recordSnapshots(frames: Int) -> (preset: Preset, snapshots: [Snapshot]) {
        // Constant overrides of the built-in preset: failing to apply them is a programming error,
        // and silently measuring the slow default instead would hide it.
        let preset = try! Preset.builtInDefault.applying(overrides: ["produce_ms=1", "consume_ms=2"])
        let experiment = Experiment(preset: preset)
        experiment.start()
        defer { experiment.shutdown() }
        var snapshots: [Snapshot] = []
        snapshots.reserveCapacity(frames)
        for _ in 0..<frames {
            snapshots.append(experiment.takeSnapshot())
            usleep(2_000)
        }
        return (preset, snapshots)
    }

    /// Replays `snapshots` at one size and times every frame.
    public static func measure(preset: Preset, snapshots: [Snapshot], width: Int, height: Int) -> Result {
        let terminal = Terminal(backend: TestBackend(width: width, height: height))
        let theme = Theme()
        var state = AppState(presetName: preset.name, lesson: preset.lesson)
        var durations: [UInt64] = []
        var cells: [Int] = []
        durations.reserveCapacity(snapshots.count)
        cells.reserveCapacity(snapshots.count)
        for snapshot in snapshots {
            _ = state.update(.snapshot(snapshot))
            let start = MonotonicClock.now()
            let diff = try? terminal.draw { grid in ScreenView.render(state, theme: theme, on: &grid) }
            durations.append(MonotonicClock.now() &- start)
            cells.append(diff?.cellCount ?? 0)
        }
        // The first frame is a full redraw; the steady state is what a running screen pays.
        let steadyDurations = durations.dropFirst().sorted()
        let steadyCells = cells.dropFirst()
        let mean = steadyDurations.isEmpty ? 0 : Double(steadyDurations.reduce(0, +)) / Double(steadyDurations.count)
        let p99 = steadyDurations.isEmpty ? 0 : steadyDurations[min(steadyDurations.count - 1, Int(saturating: Double(steadyDurations.count) * 0.99))]
        return Result(
            width: width, height: height, frames: snapshots.count, firstFrameCells: cells.first ?? 0,
            meanMicroseconds: mean / 1000, p99Microseconds: Double(p99) / 1000,
            meanCellsWritten: steadyCells.isEmpty ? 0 : Double(steadyCells.reduce(0, +)) / Double(steadyCells.count))
    }
}
