import Testing

@testable import ChanscopeTUI

/// Shared checks every widget must pass: zero areas, 1x1, and staying inside its rect.
enum WidgetTestSupport {
    static let sentinel: Character = "X"

    /// Draws `widget` in `rect` on a `width`x`height` grid and returns its lines.
    static func render(_ widget: some Widget, width: Int, height: Int, rect: Rect? = nil) -> [String] {
        var grid = Grid(width: width, height: height)
        widget.draw(in: rect ?? grid.area, on: &grid)
        return grid.lines()
    }

    /// Draws into a sentinel-filled grid and returns the cells outside `rect` that changed.
    static func cellsTouchedOutside(_ widget: some Widget, rect: Rect, gridWidth: Int = 14, gridHeight: Int = 6)
        -> [String]
    {
        var grid = Grid(width: gridWidth, height: gridHeight, filledWith: Cell(sentinel))
        widget.draw(in: rect, on: &grid)
        var touched: [String] = []
        for y in 0..<grid.height {
            for x in 0..<grid.width where !rect.contains(x: x, y: y) && grid[x, y] != Cell(sentinel) {
                touched.append("(\(x),\(y))")
            }
        }
        return touched
    }

    /// Runs the edge cases: zero width, zero height, 1x1, rects partly or wholly off the grid,
    /// and the sentinel check for an inner rect.
    static func checkEdgeCases(_ widget: some Widget, sourceLocation: SourceLocation = #_sourceLocation) {
        for rect in [
            Rect(x: 2, y: 1, width: 0, height: 3), Rect(x: 2, y: 1, width: 5, height: 0),
            Rect(x: 2, y: 1, width: 1, height: 1), Rect(x: 2, y: 1, width: 2, height: 1),
            Rect(x: 3, y: 2, width: 7, height: 2), Rect(x: 1, y: 1, width: 12, height: 4),
        ] {
            #expect(cellsTouchedOutside(widget, rect: rect) == [], "rect \(rect)", sourceLocation: sourceLocation)
        }
        // Off the grid entirely, or hanging over its edges: must not trap or write elsewhere.
        for rect in [
            Rect(x: 20, y: 20, width: 5, height: 2), Rect(x: -3, y: -1, width: 6, height: 3),
            Rect(x: 10, y: 4, width: 10, height: 5),
        ] {
            #expect(cellsTouchedOutside(widget, rect: rect) == [], "rect \(rect)", sourceLocation: sourceLocation)
        }
        var empty = Grid(width: 0, height: 0)
        widget.draw(in: Rect(x: 0, y: 0, width: 3, height: 3), on: &empty)
        var one = Grid(width: 1, height: 1)
        widget.draw(in: one.area, on: &one)
        #expect(one.lines().count == 1, sourceLocation: sourceLocation)
    }
}
