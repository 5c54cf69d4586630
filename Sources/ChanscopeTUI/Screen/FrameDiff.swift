/// The cells that differ between the frame on the terminal and the next one, as runs.
///
/// WHY runs: the backend moves the cursor once per run and writes its cells, so an unchanged
/// screen costs nothing and a ticking counter costs a few cells (ratatui's `Buffer::diff`).
/// A different size means the terminal content is unknown: the diff is then a full redraw.
/// A run holds a wide character whole: its cell and the continuation cell after it.
public struct FrameDiff: Hashable, Sendable {
    /// Consecutive changed cells on one row.
    public struct Run: Hashable, Sendable {
        public var x: Int
        public var y: Int
        public var cells: [Cell]

        public init(x: Int, y: Int, cells: [Cell]) {
            self.x = x
            self.y = y
            self.cells = cells
        }
    }

    public let width: Int
    public let height: Int
    /// True when every cell is included because there was no comparable previous frame.
    public let isFullRedraw: Bool
    public let runs: [Run]

    /// The changes that turn `previous` into `next`; a full redraw if `previous` is nil or
    /// has another size.
    public init(from previous: Grid?, to next: Grid) {
        width = next.width
        height = next.height
        guard let previous, previous.width == next.width, previous.height == next.height else {
            isFullRedraw = true
            runs = (0..<next.height).compactMap { y in
                next.width == 0 ? nil
                    : Run(x: 0, y: y, cells: Array(next.cells[(y * next.width)..<((y + 1) * next.width)]))
            }
            return
        }
        isFullRedraw = false
        var runs: [Run] = []
        let old = previous.cells
        let new = next.cells
        for y in 0..<next.height {
            var x = 0
            let base = y * next.width
            while x < next.width {
                if old[base + x] == new[base + x] {
                    x += 1
                    continue
                }
                var start = x
                while x < next.width, old[base + x] != new[base + x] { x += 1 }
                // Never split a wide character: a run starts at its left half and ends after
                // its continuation, or the terminal would draw half of one.
                if start > 0, new[base + start].isContinuation { start -= 1 }
                if x < next.width, new[base + x - 1].width == 2 { x += 1 }
                runs.append(Run(x: start, y: y, cells: Array(new[(base + start)..<(base + x)])))
            }
        }
        self.runs = runs
    }

    /// Total number of cells the backend will write.
    public var cellCount: Int { runs.reduce(0) { $0 + $1.cells.count } }

    /// True when nothing needs writing.
    public var isEmpty: Bool { runs.isEmpty }
}
