import Testing

@testable import ChanscopeTUI

@Suite struct KeyHintsTests {
    let hints = KeyHints([(key: "q", text: "quit"), (key: "space", text: "pause"), (key: "?", text: "help")])

    @Test func allHintsFit() {
        #expect(WidgetTestSupport.render(hints, width: 30, height: 1) == ["q quit  space pause  ? help   "])
    }

    @Test func keysAreBold() {
        var grid = Grid(width: 30, height: 1)
        hints.draw(in: grid.area, on: &grid)
        #expect(grid[0, 0].style.bold)
        #expect(!grid[2, 0].style.bold)
        #expect(grid[8, 0].style.bold)
    }

    @Test func wholeHintsOnlyThenEllipsis() {
        #expect(WidgetTestSupport.render(hints, width: 20, height: 1) == ["q quit  …           "])
        #expect(WidgetTestSupport.render(hints, width: 22, height: 1) == ["q quit  space pause  …"])
        #expect(WidgetTestSupport.render(hints, width: 3, height: 1) == ["…  "])
    }

    @Test func edgeCases() {
        WidgetTestSupport.checkEdgeCases(hints)
        WidgetTestSupport.checkEdgeCases(KeyHints([]))
    }
}
