import Testing

@testable import ChanscopeTUI

@Suite struct TextLineTests {
    @Test func leftAndRight() {
        let line = TextLine(left: "Backpressure", right: "00:12")
        #expect(WidgetTestSupport.render(line, width: 20, height: 1) == ["Backpressure   00:12"])
    }

    @Test func leftGivesWayFirst() {
        let line = TextLine(left: "Backpressure", right: "00:12")
        #expect(WidgetTestSupport.render(line, width: 12, height: 1) == ["Backp… 00:12"])
        #expect(WidgetTestSupport.render(line, width: 4, height: 1) == ["00:…"])
    }

    @Test func rightOnlyAndLeftOnly() {
        #expect(WidgetTestSupport.render(TextLine(right: "x"), width: 3, height: 1) == ["  x"])
        #expect(WidgetTestSupport.render(TextLine(left: "abcdef", ellipsis: "..."), width: 5, height: 1) == ["ab..."])
    }

    @Test func edgeCases() {
        WidgetTestSupport.checkEdgeCases(TextLine(left: "left side text", right: "right"))
        WidgetTestSupport.checkEdgeCases(TextLine(right: "right aligned only"))
    }
}
