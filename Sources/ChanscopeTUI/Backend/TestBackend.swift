/// A backend in memory: it keeps the screen as a grid and plays back scripted input.
///
/// WHY: it records how many cells each flush wrote, so a test can prove that only changed
/// cells reach the terminal, and it lets UI loop tests run without a tty.
public final class TestBackend: TerminalBackend {
    public private(set) var size: TerminalSize
    /// What the "terminal" shows after the last draw.
    public private(set) var screen: Grid
    /// Cells written by each flush, oldest first.
    public private(set) var writesPerFlush: [Int] = []
    /// Number of `clear` calls.
    public private(set) var clearCount = 0
    public private(set) var isCursorVisible = true
    /// Input still to be returned by `readInput`, first in first out.
    public var scriptedInput: [InputEvent]
    /// Every timeout `readInput` was called with, to check the loop's pacing.
    public private(set) var readTimeouts: [Int] = []
    private var pendingWrites = 0

    public init(width: Int, height: Int, input: [InputEvent] = []) {
        size = TerminalSize(width: width, height: height)
        screen = Grid(width: width, height: height)
        scriptedInput = input
    }

    /// Cells written by the most recent flush, or 0 before any.
    public var lastFlushWrites: Int { writesPerFlush.last ?? 0 }

    /// The screen as plain lines.
    public func lines() -> [String] { screen.lines() }

    /// Changes the size, blanks the screen, and queues the `.resize` event a terminal would send.
    public func resize(width: Int, height: Int) {
        size = TerminalSize(width: width, height: height)
        screen = Grid(width: width, height: height)
        scriptedInput.append(.resize(size))
    }

    public func draw(_ diff: FrameDiff) throws {
        if diff.width != screen.width || diff.height != screen.height {
            screen = Grid(width: diff.width, height: diff.height)
        }
        for run in diff.runs {
            for (offset, cell) in run.cells.enumerated() {
                screen.set(x: run.x + offset, y: run.y, cell)
            }
            pendingWrites += run.cells.count
        }
    }

    public func flush() throws {
        writesPerFlush.append(pendingWrites)
        pendingWrites = 0
    }

    public func clear() throws {
        clearCount += 1
        screen = Grid(width: size.width, height: size.height)
    }

    public func showCursor() throws { isCursorVisible = true }
    public func hideCursor() throws { isCursorVisible = false }

    public func readInput(timeoutMilliseconds: Int) -> InputEvent? {
        readTimeouts.append(timeoutMilliseconds)
        return scriptedInput.isEmpty ? nil : scriptedInput.removeFirst()
    }
}
