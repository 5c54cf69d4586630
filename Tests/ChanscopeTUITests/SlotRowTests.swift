import Testing

@testable import ChanscopeTUI

@Suite struct SlotRowTests {
    @Test func slotsWithSpacing() {
        let row = SlotRow(capacity: 4, filled: 2)
        #expect(WidgetTestSupport.render(row, width: 10, height: 1) == ["■ ■ □ □   "])
        #expect(row.requiredWidth == 7)
    }

    @Test func compactAndASCII() {
        let row = SlotRow(capacity: 4, filled: 3, spacing: 0, glyphs: .ascii)
        #expect(WidgetTestSupport.render(row, width: 4, height: 1) == ["###."])
    }

    @Test func reportsWhenItDoesNotFitAndDrawsNothing() {
        let row = SlotRow(capacity: 4, filled: 1)
        #expect(row.fits(width: 7))
        #expect(!row.fits(width: 6))
        #expect(WidgetTestSupport.render(row, width: 6, height: 1) == ["      "])
        #expect(!SlotRow(capacity: 0, filled: 0).fits(width: 10))
    }

    @Test func overfullIsClamped() {
        let row = SlotRow(capacity: 2, filled: 9, spacing: 0, glyphs: .ascii)
        #expect(WidgetTestSupport.render(row, width: 3, height: 1) == ["## "])
    }

    @Test func edgeCases() {
        WidgetTestSupport.checkEdgeCases(SlotRow(capacity: 3, filled: 1))
        WidgetTestSupport.checkEdgeCases(SlotRow(capacity: 1, filled: 1, spacing: 0))
    }
}
