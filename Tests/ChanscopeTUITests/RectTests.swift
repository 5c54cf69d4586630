import Testing

@testable import ChanscopeTUI

@Suite struct RectTests {
    @Test func negativeSizesClampToEmpty() {
        let r = Rect(x: 1, y: 1, width: -4, height: 2)
        #expect(r.width == 0)
        #expect(r.isEmpty)
    }

    @Test func insetNeverGoesNegative() {
        let r = Rect(x: 2, y: 3, width: 10, height: 4)
        #expect(r.inset(by: 1) == Rect(x: 3, y: 4, width: 8, height: 2))
        #expect(r.inset(by: 3).isEmpty)
        #expect(Rect(x: 0, y: 0, width: 1, height: 1).inset(by: 1).isEmpty)
        #expect(r.inset(top: 1, left: 2) == Rect(x: 4, y: 4, width: 8, height: 3))
    }

    @Test func intersection() {
        let a = Rect(x: 0, y: 0, width: 10, height: 5)
        #expect(a.intersection(Rect(x: 5, y: 2, width: 10, height: 10)) == Rect(x: 5, y: 2, width: 5, height: 3))
        #expect(a.intersection(Rect(x: 20, y: 0, width: 2, height: 2)).isEmpty)
        #expect(a.intersection(Rect(x: -2, y: -2, width: 4, height: 4)) == Rect(x: 0, y: 0, width: 2, height: 2))
    }

    @Test func splitRowsFixedAndFill() {
        let r = Rect(x: 1, y: 2, width: 8, height: 10)
        let parts = r.split(rows: [.fixed(1), .fill, .fixed(2)])
        #expect(parts == [
            Rect(x: 1, y: 2, width: 8, height: 1), Rect(x: 1, y: 3, width: 8, height: 7),
            Rect(x: 1, y: 10, width: 8, height: 2),
        ])
    }

    @Test func splitColumnsSharesByWeightAndGivesRemainderToFirst() {
        let parts = Rect(x: 0, y: 0, width: 10, height: 1).split(columns: [.fill(1), .fill(2)])
        #expect(parts.map(\.width) == [4, 6])
        #expect(parts[1].x == 4)
        let three = Rect(x: 0, y: 0, width: 10, height: 1).split(columns: [.fill, .fill, .fill])
        #expect(three.map(\.width) == [4, 3, 3])
    }

    @Test func splitWithTooLittleRoomGivesEmptyParts() {
        let parts = Rect(x: 0, y: 0, width: 5, height: 3).split(rows: [.fixed(2), .fixed(4), .fill])
        #expect(parts.map(\.height) == [2, 1, 0])
        #expect(Rect.zero.split(columns: [.fill, .fixed(3)]).allSatisfy { $0.isEmpty })
    }

    @Test func rowOutOfRangeIsEmpty() {
        let r = Rect(x: 0, y: 5, width: 3, height: 2)
        #expect(r.row(1) == Rect(x: 0, y: 6, width: 3, height: 1))
        #expect(r.row(2).isEmpty)
        #expect(r.row(-1).isEmpty)
    }
}
