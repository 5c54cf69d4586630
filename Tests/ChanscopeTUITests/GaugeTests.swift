import Testing

@testable import ChanscopeTUI

@Suite struct GaugeTests {
    @Test func labelAfterBar() {
        let gauge = Gauge(ratio: 0.5, label: "50%")
        #expect(WidgetTestSupport.render(gauge, width: 14, height: 1) == ["█████░░░░░ 50%"])
    }

    @Test func centredLabelIsReversedOverTheFill() {
        var grid = Grid(width: 10, height: 1)
        Gauge(ratio: 0.5, label: "4/8", placement: .centered).draw(in: grid.area, on: &grid)
        #expect(grid.lines() == ["███4/8░░░░"])
        #expect(grid[3, 0].style.reverse)
        #expect(grid[4, 0].style.reverse)
        #expect(!grid[5, 0].style.reverse)
    }

    @Test func ratioIsClamped() {
        #expect(WidgetTestSupport.render(Gauge(ratio: 2, glyphs: .ascii), width: 4, height: 1) == ["####"])
        #expect(WidgetTestSupport.render(Gauge(ratio: -1, glyphs: .ascii), width: 4, height: 1) == ["...."])
        #expect(WidgetTestSupport.render(Gauge(ratio: .nan, glyphs: .ascii), width: 4, height: 1) == ["...."])
    }

    @Test func labelTooLongForAfterFallsBackToCentredAndClips() {
        let gauge = Gauge(ratio: 0, label: "123456", glyphs: .ascii)
        #expect(WidgetTestSupport.render(gauge, width: 5, height: 1) == ["12..."])
    }

    @Test func drawsOnTheFirstRowOnly() {
        let gauge = Gauge(ratio: 1, glyphs: .ascii)
        #expect(WidgetTestSupport.render(gauge, width: 3, height: 2) == ["###", "   "])
    }

    @Test func edgeCases() {
        WidgetTestSupport.checkEdgeCases(Gauge(ratio: 0.7, label: "70%"))
        WidgetTestSupport.checkEdgeCases(Gauge(ratio: 0.3, label: "a long label", placement: .centered))
    }
}
