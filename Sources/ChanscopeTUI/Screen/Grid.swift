/// An in-memory screen: width x height cells that views draw into.
///
/// WHY: views render into a grid instead of the terminal (ratatui's buffer), so every screen
/// can be tested as plain lines and the backend only writes the cells that changed.
/// Every drawing call clips: nothing is ever written outside the grid, and nothing wraps.
public struct Grid: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// Row-major cells, `width * height` of them.
    public private(set) var cells: [Cell]

    /// Makes a grid filled with `cell`; negative sizes become zero.
    public init(width: Int, height: Int, filledWith cell: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: cell, count: self.width * self.height)
    }

    /// The whole grid as a rect at the origin.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at column `x`, row `y`; both must be inside the grid.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            precondition(area.contains(x: x, y: y), "Grid index (\(x), \(y)) outside \(width)x\(height)")
            return cells[y * width + x]
        }
        set {
            precondition(area.contains(x: x, y: y), "Grid index (\(x), \(y)) outside \(width)x\(height)")
            cells[y * width + x] = newValue
        }
    }

    /// The cell at (`x`, `y`), or nil outside the grid.
    public func cell(x: Int, y: Int) -> Cell? {
        area.contains(x: x, y: y) ? cells[y * width + x] : nil
    }

    /// Sets one cell if it lies inside the grid; outside, does nothing.
    public mutating func set(x: Int, y: Int, _ cell: Cell) {
        guard area.contains(x: x, y: y) else { return }
        cells[y * width + x] = cell
    }

    /// Writes `text` on row `y` from column `x`, one cell per character, and never wraps.
    ///
    /// Stops at the right edge of the grid or after `maxWidth` columns, whichever comes first;
    /// columns left of the grid are skipped (they still count against `maxWidth`). A character
    /// that is not one column wide is written as `Cell.replacement`.
    /// - Returns: the number of columns consumed from `x` (written or skipped at the left).
    @discardableResult
    public mutating func put(
        _ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int = .max
    ) -> Int {
        guard y >= 0, y < height, maxWidth > 0 else { return 0 }
        let limit = x > Int.max - maxWidth ? Int.max : x + maxWidth
        let end = min(width, limit)
        var column = x
        for character in text {
            guard column < end else { break }
            if column >= 0 {
                cells[y * width + column] = Cell(character, style: style)
            }
            column += 1
        }
        return max(0, column - x)
    }

    /// Fills every cell of `rect` that lies inside the grid with `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for row in r.y..<r.maxY {
            let base = row * width
            for column in r.x..<r.maxX { cells[base + column] = cell }
        }
    }

    /// Changes the style of every cell of `rect` inside the grid, keeping the characters.
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for row in r.y..<r.maxY {
            for column in r.x..<r.maxX {
                let i = row * width + column
                cells[i].style = transform(cells[i].style)
            }
        }
    }

    /// The characters of each row, styles dropped: what a test compares against.
    public func lines() -> [String] {
        (0..<height).map { row in
            String(cells[(row * width)..<(row * width + width)].map(\.character))
        }
    }
}
