import ChanscopeEngine
import Testing

@testable import ChanscopeTUI

/// The screen benchmark replays real snapshots through the app's own render and diff.
@Suite struct ScreenBenchmarkTests {
    @Test func replaysEverySnapshotAndCountsTheCellsWritten() {
        let (preset, snapshots) = ScreenBenchmark.recordSnapshots(frames: 6)
        #expect(snapshots.count == 6)
        let result = ScreenBenchmark.measure(preset: preset, snapshots: snapshots, width: 80, height: 24)
        #expect(result.frames == 6)
        // The first frame is a full redraw of 80x24 cells; later frames write only what changed.
        #expect(result.firstFrameCells == 80 * 24)
        #expect(result.meanCellsWritten < 80 * 24)
    }
}
