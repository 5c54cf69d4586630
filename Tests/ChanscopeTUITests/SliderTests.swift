import Testing

@testable import ChanscopeTUI

@Suite struct SliderTests {
    let slider = Slider(label: "Wait", value: 50, minimum: 0, maximum: 100, step: 10, unit: "ms")

    @Test func layoutAndDrawing() {
        #expect(WidgetTestSupport.render(slider, width: 20, height: 1) == ["Wait ────●───  50 ms"])
        var ascii = slider
        ascii.glyphs = .ascii
        #expect(WidgetTestSupport.render(ascii, width: 20, height: 1) == ["Wait ----O---  50 ms"])
        let layout = slider.layout(in: Rect(x: 0, y: 0, width: 20, height: 1))
        #expect(layout.track == Rect(x: 5, y: 0, width: 8, height: 1))
        #expect(layout.value == Rect(x: 14, y: 0, width: 6, height: 1))
    }

    @Test func knobAtTheEnds() {
        var s = slider
        s.value = 0
        #expect(WidgetTestSupport.render(s, width: 20, height: 1) == ["Wait ●───────   0 ms"])
        s.value = 100
        #expect(WidgetTestSupport.render(s, width: 20, height: 1) == ["Wait ───────● 100 ms"])
        s.value = 500  // out of range: knob pinned, true value shown
        #expect(WidgetTestSupport.render(s, width: 20, height: 1) == ["Wait ───────● 500 ms"])
    }

    @Test func clickColumnMapsToSnappedValue() {
        let rect = Rect(x: 2, y: 5, width: 20, height: 1)
        #expect(slider.value(atColumn: 7, in: rect) == 0)
        #expect(slider.value(atColumn: 14, in: rect) == 100)
        #expect(slider.value(atColumn: 10, in: rect) == 40)  // 3/7 of the way = 42.9 -> 40
        #expect(slider.value(atColumn: 6, in: rect) == nil)
        #expect(slider.value(atColumn: 15, in: rect) == nil)
    }

    @Test func snappingAndFormatting() {
        let fine = Slider(label: "j", value: 2.25, minimum: 0, maximum: 1, step: 0.25)
        #expect(fine.spec.clampedAndSnapped(0.3) == 0.25)
        #expect(fine.spec.clampedAndSnapped(7) == 1)
        #expect(fine.spec.clampedAndSnapped(-7) == 0)
        #expect(fine.formatted(2.25) == "2.25")
        #expect(Slider(label: "", value: 0, minimum: 0, maximum: 1, step: 0.1).formatted(0.5) == "0.5")
        #expect(Slider(label: "", value: 0, minimum: -5, maximum: 5, step: 1).formatted(-3) == "-3")
    }

    @Test func selectedSliderIsReversedSoItShowsWithoutColour() {
        var s = slider
        s.isSelected = true
        var grid = Grid(width: 20, height: 1)
        s.draw(in: grid.area, on: &grid)
        #expect(grid[0, 0].style.reverse)
        #expect(grid[9, 0].style.bold)
    }

    @Test func narrowRowDropsTheTrack() {
        #expect(WidgetTestSupport.render(slider, width: 10, height: 1) == ["Wait 50 ms"])
        #expect(slider.value(atColumn: 5, in: Rect(x: 0, y: 0, width: 10, height: 1)) == nil)
        #expect(WidgetTestSupport.render(slider, width: 3, height: 1) == ["Wa…"])
    }

    @Test func alignedLabelWidth() {
        var s = slider
        s.labelWidth = 6
        #expect(WidgetTestSupport.render(s, width: 20, height: 1) == ["Wait   ───●──  50 ms"])
    }

    @Test func degenerateRange() {
        let s = Slider(label: "x", value: 3, minimum: 3, maximum: 3)
        #expect(s.value(atColumn: 3, in: Rect(x: 0, y: 0, width: 10, height: 1)) == 3)
        #expect(s.knobOffset(trackWidth: 5) == 0)
    }

    @Test func edgeCases() {
        WidgetTestSupport.checkEdgeCases(slider)
        WidgetTestSupport.checkEdgeCases(Slider(label: "", value: 1, minimum: 0, maximum: 2))
    }
}
