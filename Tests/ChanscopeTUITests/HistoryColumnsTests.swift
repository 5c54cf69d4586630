import Testing

@testable import ChanscopeTUI

/// Charts cover the history's whole span whatever their width, and say it.
@Suite struct HistoryColumnsTests {
    @Test func aNarrowChartStillCoversTheMinute() {
        let samples = (0..<600).map { $0 % 100 == 99 ? 50 : 1 }  // a spike every 10 s
        let columns = HistoryColumns(samples, width: 60, capacity: 600, period: 0.1)
        #expect(columns.values.count == 60)
        #expect(columns.values.filter { $0 == 50 }.count == 6, "every spike survives: a column is the largest of its share")
        #expect(columns.label == "last 60s")
    }

    @Test func aShortHistoryIsRightAlignedOnTheSameScale() {
        let columns = HistoryColumns(Array(1...25), width: 60, capacity: 600, period: 0.1)
        #expect(columns.values == [5, 15, 25], "ten samples per column, newest at the right")
        #expect(columns.label == "last 60s")
        #expect(HistoryColumns([], width: 10, capacity: 600, period: 0.1).values.isEmpty)
        #expect(HistoryColumns([1, 2], width: 600, capacity: 600, period: 0.01).label == "last 6.0s")
    }
}
