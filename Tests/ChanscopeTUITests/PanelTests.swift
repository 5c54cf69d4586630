import Testing

@testable import ChanscopeTUI

@Suite struct PanelTests {
    @Test func boxWithTitle() {
        let panel = Panel(title: "work")
        #expect(WidgetTestSupport.render(panel, width: 12, height: 4) == [
            "┌ work ────┐",
            "│          │",
            "│          │",
            "└──────────┘",
        ])
        #expect(panel.inner(of: Rect(x: 0, y: 0, width: 12, height: 4)) == Rect(x: 1, y: 1, width: 10, height: 2))
    }

    @Test func asciiBoxClipsLongTitleWithEllipsis() {
        let panel = Panel(title: "long title", glyphs: .ascii)
        #expect(WidgetTestSupport.render(panel, width: 8, height: 3) == [
            "+ l... +",
            "|      |",
            "+------+",
        ])
    }

    @Test func titleStyleIsApplied() {
        var grid = Grid(width: 10, height: 3)
        Panel(title: "ab", titleStyle: Style.plain.bolded()).draw(in: grid.area, on: &grid)
        #expect(grid[2, 0].style.bold)
        #expect(!grid[0, 0].style.bold)
    }

    @Test func tooSmallDrawsNothing() {
        #expect(WidgetTestSupport.render(Panel(title: "x"), width: 1, height: 1) == [" "])
        #expect(WidgetTestSupport.render(Panel(title: "x"), width: 5, height: 1) == ["     "])
        #expect(Panel().inner(of: Rect(x: 0, y: 0, width: 1, height: 1)).isEmpty)
    }

    @Test func edgeCases() {
        WidgetTestSupport.checkEdgeCases(Panel(title: "title"))
        WidgetTestSupport.checkEdgeCases(Panel(title: "title", glyphs: .ascii))
    }

    @Test func partlyVisibleBoxShowsItsVisiblePart() {
        var grid = Grid(width: 4, height: 2)
        Panel(glyphs: .ascii).draw(in: Rect(x: 1, y: 0, width: 6, height: 3), on: &grid)
        #expect(grid.lines() == [" +--", " |  "])
    }
}
