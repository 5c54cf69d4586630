import Testing

@testable import ChanscopeTUI

/// Wide characters (CJK, emoji) take two cells, and the grid keeps them whole.
@Suite struct GridWideCharacterTests {
    @Test func namesInCJKAndEmojiLineUp() {
        var grid = Grid(width: 12, height: 2)
        #expect(grid.put("生产者", x: 0, y: 0) == 6)
        grid.put("|x", x: 6, y: 0)
        #expect(grid.put("🚀", x: 0, y: 1) == 2)
        grid.put("|x", x: 2, y: 1)
        #expect(grid[6, 0].character == "|" && grid[7, 0].character == "x")
        #expect(grid[2, 1].character == "|" && grid[3, 1].character == "x")
        #expect((0..<6).map { grid[$0, 0].isContinuation } == [false, true, false, true, false, true])
        #expect(grid[0, 1].width == 2 && grid[1, 1].isContinuation)
        #expect(grid.lines() == ["生产者|x    ", "🚀|x        "])
    }

    @Test func maxWidthCountsColumnsAndNeverSplitsAWideCharacter() {
        var grid = Grid(width: 8, height: 1, filledWith: Cell("."))
        #expect(grid.put("生产者", x: 0, y: 0, maxWidth: 5) == 4)
        #expect(grid.lines() == ["生产...."])
        #expect(grid.put("ab生", x: 5, y: 0) == 2)  // 生 would need columns 7 and 8
        #expect(grid.lines() == ["生产.ab."])
    }

    @Test func aWideCharacterCutByTheLeftEdgeLeavesASpace() {
        var grid = Grid(width: 4, height: 1, filledWith: Cell("."))
        #expect(grid.put("生ab", x: -1, y: 0) == 4)
        #expect(grid.lines() == [" ab."])
    }

    @Test func overwritingEitherHalfBlanksTheOtherHalf() {
        var grid = Grid(width: 6, height: 1)
        grid.put("生产者", x: 0, y: 0)
        grid.put("x", x: 1, y: 0)  // the right half of 生
        grid.put("y", x: 2, y: 0)  // the left half of 产
        #expect(grid.lines() == [" xy 者"])
        #expect(!grid.cells.contains { $0.isContinuation && $0.character != " " })
        grid[4, 0] = Cell("z")
        #expect(grid.lines() == [" xy z "])
        #expect(!grid[5, 0].isContinuation)
    }

    @Test func aWideCharacterInTheLastColumnBecomesASpace() {
        var grid = Grid(width: 3, height: 1, filledWith: Cell("."))
        grid.set(x: 2, y: 0, Cell("生"))
        #expect(grid.lines() == [".. "])
        grid.fill(Rect(x: 0, y: 0, width: 3, height: 1), with: Cell("生"))
        #expect(grid.lines() == ["生 "])
    }

    @Test func aDirectlyWrittenContinuationIsIgnored() {
        var grid = Grid(width: 3, height: 1, filledWith: Cell("."))
        grid.set(x: 1, y: 0, .continuation())
        #expect(grid.lines() == ["..."])
    }

    @Test func fillOverHalfAWideCharacterBlanksTheRest() {
        var grid = Grid(width: 6, height: 1)
        grid.put("生产者", x: 0, y: 0)
        grid.fill(Rect(x: 1, y: 0, width: 2, height: 1), with: Cell("#"))
        #expect(grid.lines() == [" ## 者"])
    }

    @Test func displayWidthAndClippingCountColumns() {
        #expect("生产者".displayWidth == 6)
        #expect("a🚀b".displayWidth == 4)
        #expect("\u{1B}".displayWidth == 6)  // shown as \u{1B}
        #expect("生产者".clipped(toWidth: 5) == "生产…")
        #expect("生产者".clipped(toWidth: 4) == "生…")
        #expect("ab".clipped(toWidth: 5) == "ab")
    }

    @Test func theDiffNeverSplitsAWideCharacter() {
        var old = Grid(width: 6, height: 1)
        old.put("生产者", x: 0, y: 0)
        var new = old
        new.restyle(Rect(x: 3, y: 0, width: 1, height: 1)) { $0.bolded() }  // only the right half of 产
        let diff = FrameDiff(from: old, to: new)
        #expect(diff.runs.count == 1)
        #expect(diff.runs[0].x == 2 && diff.runs[0].cells.count == 2)
        #expect(diff.runs[0].cells[0].character == "产" && diff.runs[0].cells[1].isContinuation)

        var changedLeft = old
        changedLeft.restyle(Rect(x: 4, y: 0, width: 1, height: 1)) { $0.bolded() }  // only the left half of 者
        let second = FrameDiff(from: old, to: changedLeft)
        #expect(second.runs.map { [$0.x, $0.cells.count] } == [[4, 2]])
    }

    @Test func theTestBackendShowsWhatTheTerminalWould() throws {
        let backend = TestBackend(width: 8, height: 1)
        let terminal = Terminal(backend: backend)
        try terminal.draw { $0.put("生产者|", x: 0, y: 0) }
        try terminal.draw { $0.put("a产者|", x: 0, y: 0) }
        #expect(backend.lines() == ["a产者|  "])
    }
}
