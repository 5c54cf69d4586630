import Testing

@testable import ChanscopeTUI

@Suite struct GridTests {
    @Test func putClipsAtRightEdgeAndNeverWraps() {
        var grid = Grid(width: 5, height: 2)
        let written = grid.put("hello world", x: 2, y: 0)
        #expect(written == 3)
        #expect(grid.lines() == ["  hel", "     "])
    }

    @Test func putRespectsMaxWidth() {
        var grid = Grid(width: 8, height: 1)
        #expect(grid.put("abcdef", x: 1, y: 0, maxWidth: 3) == 3)
        #expect(grid.lines() == [" abc    "])
    }

    @Test func putOutsideWritesNothing() {
        var grid = Grid(width: 4, height: 2, filledWith: Cell("."))
        #expect(grid.put("zz", x: 0, y: 2) == 0)
        #expect(grid.put("zz", x: 0, y: -1) == 0)
        #expect(grid.put("zz", x: 4, y: 0) == 0)
        #expect(grid.put("zz", x: 0, y: 0, maxWidth: 0) == 0)
        #expect(grid.lines() == ["....", "...."])
    }

    @Test func putSkipsColumnsLeftOfTheGrid() {
        var grid = Grid(width: 4, height: 1)
        grid.put("abcdef", x: -2, y: 0)
        #expect(grid.lines() == ["cdef"])
    }

    /// Was `wideAndControlCharactersBecomeReplacement` ("a漢\u{7}é█" -> "a??é█ "): the issue
    /// asks for wide characters at their width and controls shown escaped, so it now says that.
    @Test func wideCharactersTakeTwoCellsAndControlsAreEscaped() {
        var grid = Grid(width: 10, height: 1)
        #expect(grid.put("a漢\u{7}é", x: 0, y: 0) == 9)
        #expect(grid.lines() == ["a漢\\u{7}é "])
        #expect(grid[1, 0].character == "漢" && grid[2, 0].isContinuation)
        #expect(grid[3, 0].character == "\\")
    }

    @Test func fillClipsToGrid() {
        var grid = Grid(width: 4, height: 3)
        grid.fill(Rect(x: 2, y: 1, width: 10, height: 10), with: Cell("#"))
        #expect(grid.lines() == ["    ", "  ##", "  ##"])
    }

    @Test func stylesAreKept() {
        var grid = Grid(width: 3, height: 1)
        let bold = Style.plain.bolded().fg(.red)
        grid.put("ab", x: 0, y: 0, style: bold)
        #expect(grid[0, 0].style == bold)
        #expect(grid[2, 0].style == .plain)
        #expect(grid.cell(x: 3, y: 0) == nil)
    }

    @Test func zeroSizedGridIsHarmless() {
        var grid = Grid(width: 0, height: 0)
        grid.put("x", x: 0, y: 0)
        grid.fill(Rect(x: 0, y: 0, width: 3, height: 3), with: Cell("#"))
        #expect(grid.lines() == [])
    }

    @Test func clippedAddsEllipsisOnlyWhenCut() {
        #expect("chanscope".clipped(toWidth: 9) == "chanscope")
        #expect("chanscope".clipped(toWidth: 5) == "chan…")
        #expect("chanscope".clipped(toWidth: 5, ellipsis: "...") == "ch...")
        #expect("chanscope".clipped(toWidth: 1) == "c")
        #expect("chanscope".clipped(toWidth: 0) == "")
    }

    @Test func displayWidths() {
        #expect(Character("a").displayWidth == 1)
        #expect(Character("█").displayWidth == 1)
        #expect(Character("漢").displayWidth == 2)
        #expect(Character("\u{1F600}").displayWidth == 2)
        #expect(Character("\t").displayWidth == 0)
    }
}
