import ChanscopeEngine

/// An in-memory screen: width x height cells that views draw into.
///
/// WHY: views render into a grid instead of the terminal (ratatui's buffer), so every screen
/// can be tested as plain lines and the backend only writes the cells that changed.
/// Every drawing call clips: nothing is ever written outside the grid, and nothing wraps.
/// The grid is also the one gate between text and the terminal: control characters are shown
/// escaped, and a wide character always owns the continuation cell on its right (writing over
/// either half blanks the other), so no view can send ESC or split a character.
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
            store(newValue, x: x, y: y)
        }
    }

    /// The cell at (`x`, `y`), or nil outside the grid.
    public func cell(x: Int, y: Int) -> Cell? {
        area.contains(x: x, y: y) ? cells[y * width + x] : nil
    }

    /// Sets one cell if it lies inside the grid; outside, does nothing.
    public mutating func set(x: Int, y: Int, _ cell: Cell) {
        guard area.contains(x: x, y: y) else { return }
        store(cell, x: x, y: y)
    }

    /// Writes `text` on row `y` from column `x`, by display width, and never wraps.
    ///
    /// Stops at the right edge of the grid or after `maxWidth` columns, whichever comes first;
    /// a wide character that would not fit whole is not written. Columns left of the grid are
    /// skipped (they still count against `maxWidth`). Control characters are written escaped
    /// (`terminalSafe`), a character with no width of its own as `Cell.replacement`.
    /// - Returns: the number of columns consumed from `x` (written or skipped at the left).
    @discardableResult
    public mutating func put(
        _ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int = .max
    ) -> Int {
        guard y >= 0, y < height, maxWidth > 0 else { return 0 }
        let limit = x > Int.max - maxWidth ? Int.max : x + maxWidth
        let end = min(width, limit)
        var column = x
        for character in text.terminalSafe {
            guard column < end else { break }
            let cell = Cell(character, style: style)
            guard column + cell.width <= end else { break }
            if column >= 0 {
                store(cell, x: column, y: y)
            } else if column + cell.width > 0 {
                store(Cell(" ", style: style), x: 0, y: y)  // the visible half of a cut wide character
            }
            column += cell.width
        }
        return max(0, column - x)
    }

    /// Fills every cell of `rect` that lies inside the grid with `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        let cell = cell.isContinuation ? Cell(" ", style: cell.style) : cell
        for row in r.y..<r.maxY {
            if cell.width == 2 {
                var column = r.x
                while column + 1 < r.maxX {
                    store(cell, x: column, y: row)
                    column += 2
                }
                if column < r.maxX { store(Cell(" ", style: cell.style), x: column, y: row) }
                continue
            }
            detach(x: r.x, y: row)
            detach(x: r.maxX - 1, y: row)
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

    /// The characters of each row, styles dropped: what a test compares against (and what a
    /// terminal shows: a wide character once, its continuation not at all).
    public func lines() -> [String] {
        (0..<height).map { row in
            String(cells[(row * width)..<(row * width + width)].filter { !$0.isContinuation }.map(\.character))
        }
    }

    // MARK: Keeping wide characters whole

    /// Writes one cell at (`x`, `y`), inside the grid: a wide character also takes the cell on
    /// its right (or becomes a space in the last column), and whatever it overwrites half of is
    /// blanked. A continuation cell is only ever made here, so one written directly is ignored.
    private mutating func store(_ cell: Cell, x: Int, y: Int) {
        guard !cell.isContinuation else { return }
        let index = y * width + x
        detach(x: x, y: y)
        guard cell.width == 2 else {
            cells[index] = cell
            return
        }
        guard x + 1 < width else {
            cells[index] = Cell(" ", style: cell.style)
            return
        }
        detach(x: x + 1, y: y)
        cells[index] = cell
        cells[index + 1] = .continuation(style: cell.style)
    }

    /// Makes the cell at (`x`, `y`) stand alone before it is overwritten: if it is half of a
    /// wide character, the other half becomes a space in its own style.
    private mutating func detach(x: Int, y: Int) {
        let index = y * width + x
        if cells[index].isContinuation, x > 0 {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
            cells[index] = Cell(" ", style: cells[index].style)
        } else if cells[index].width == 2, x + 1 < width {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
    }
}
