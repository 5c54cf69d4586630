import Testing

@testable import ChanscopeTUI

@Suite struct SparklineTests {
    @Test func scalesToMaximumNewestAtRight() {
        let spark = Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7, 8])
        #expect(WidgetTestSupport.render(spark, width: 9, height: 1) == [" ▁▂▃▄▅▆▇█"])
        #expect(WidgetTestSupport.render(spark, width: 12, height: 1) == ["    ▁▂▃▄▅▆▇█"])
    }

    @Test func keepsOnlyTheNewestValuesThatFit() {
        let spark = Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7, 8])
        #expect(WidgetTestSupport.render(spark, width: 4, height: 1) == ["▅▆▇█"])
    }

    @Test func explicitMaximumAndClamping() {
        let spark = Sparkline(values: [4, 16], maximum: 8)
        #expect(WidgetTestSupport.render(spark, width: 2, height: 1) == ["▄█"])
    }

    @Test func tallerAreaStacksBars() {
        let spark = Sparkline(values: [2, 8, 16])
        #expect(WidgetTestSupport.render(spark, width: 3, height: 2) == ["  █", "▂██"])
    }

    @Test func tinyPositiveValueStillShows() {
        let spark = Sparkline(values: [0.001, 1000])
        #expect(WidgetTestSupport.render(spark, width: 2, height: 1) == ["▁█"])
    }

    @Test func allZeroOrNaNIsBlank() {
        #expect(WidgetTestSupport.render(Sparkline(values: [0, 0, 0]), width: 3, height: 1) == ["   "])
        #expect(WidgetTestSupport.render(Sparkline(values: [.nan, .infinity]), width: 2, height: 1) == ["  "])
        #expect(WidgetTestSupport.render(Sparkline(values: []), width: 2, height: 1) == ["  "])
    }

    @Test func asciiLevels() {
        let spark = Sparkline(values: [2, 4, 6, 8], glyphs: .ascii)
        #expect(WidgetTestSupport.render(spark, width: 4, height: 1) == [".-+#"])
    }

    @Test func edgeCases() {
        WidgetTestSupport.checkEdgeCases(Sparkline(values: Array(stride(from: 0.0, to: 40, by: 1))))
        WidgetTestSupport.checkEdgeCases(Sparkline(values: [1], glyphs: .ascii))
    }
}
