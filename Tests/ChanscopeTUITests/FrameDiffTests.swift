import Testing

@testable import ChanscopeTUI

@Suite struct FrameDiffTests {
    @Test func noPreviousFrameIsFullRedraw() {
        let grid = Grid(width: 3, height: 2)
        let diff = FrameDiff(from: nil, to: grid)
        #expect(diff.isFullRedraw)
        #expect(diff.cellCount == 6)
        #expect(diff.runs.map(\.y) == [0, 1])
    }

    @Test func sizeChangeIsFullRedraw() {
        let diff = FrameDiff(from: Grid(width: 3, height: 2), to: Grid(width: 4, height: 2))
        #expect(diff.isFullRedraw)
        #expect(diff.cellCount == 8)
    }

    @Test func identicalGridsHaveNoChanges() {
        var grid = Grid(width: 5, height: 3)
        grid.put("abc", x: 1, y: 1)
        let diff = FrameDiff(from: grid, to: grid)
        #expect(diff.isEmpty)
        #expect(!diff.isFullRedraw)
    }

    @Test func changesAreGroupedIntoRunsPerRow() {
        let old = Grid(width: 8, height: 2)
        var new = old
        new.put("ab", x: 1, y: 0)
        new.put("c", x: 5, y: 0)
        new.put("xyz", x: 5, y: 1)
        let diff = FrameDiff(from: old, to: new)
        #expect(diff.runs.map { "\($0.x),\($0.y):\(String($0.cells.map(\.character)))" } == [
            "1,0:ab", "5,0:c", "5,1:xyz",
        ])
        #expect(diff.cellCount == 6)
    }

    @Test func styleOnlyChangeCounts() {
        var old = Grid(width: 3, height: 1)
        old.put("abc", x: 0, y: 0)
        var new = old
        new.restyle(Rect(x: 1, y: 0, width: 1, height: 1)) { $0.reversed() }
        let diff = FrameDiff(from: old, to: new)
        #expect(diff.runs == [FrameDiff.Run(x: 1, y: 0, cells: [Cell("b", style: Style.plain.reversed())])])
    }

    @Test func emptyGridDiff() {
        let diff = FrameDiff(from: nil, to: Grid(width: 0, height: 0))
        #expect(diff.isEmpty)
    }
}
