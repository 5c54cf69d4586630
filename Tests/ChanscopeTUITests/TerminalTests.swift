import Testing

@testable import ChanscopeTUI

@Suite struct TerminalTests {
    @Test func onlyChangedCellsAreWritten() throws {
        let backend = TestBackend(width: 10, height: 3)
        let terminal = Terminal(backend: backend)
        try terminal.draw { grid in grid.put("tick 1", x: 0, y: 0) }
        #expect(backend.lastFlushWrites == 30)  // first frame: everything
        try terminal.draw { grid in grid.put("tick 2", x: 0, y: 0) }
        #expect(backend.lastFlushWrites == 1)
        try terminal.draw { grid in grid.put("tick 2", x: 0, y: 0) }
        #expect(backend.lastFlushWrites == 0)
        #expect(backend.lines() == ["tick 2    ", "          ", "          "])
        #expect(backend.writesPerFlush == [30, 1, 0])
    }

    @Test func resizeForcesFullRedraw() throws {
        let backend = TestBackend(width: 4, height: 2)
        let terminal = Terminal(backend: backend)
        try terminal.draw { $0.put("ab", x: 0, y: 0) }
        backend.resize(width: 6, height: 1)
        #expect(backend.readInput(timeoutMilliseconds: 100) == .resize(TerminalSize(width: 6, height: 1)))
        try terminal.draw { $0.put("ab", x: 0, y: 0) }
        #expect(backend.lastFlushWrites == 6)
        #expect(backend.lines() == ["ab    "])
    }

    @Test func clearForcesFullRedraw() throws {
        let backend = TestBackend(width: 3, height: 1)
        let terminal = Terminal(backend: backend)
        try terminal.draw { $0.put("abc", x: 0, y: 0) }
        try terminal.clear()
        #expect(backend.lines() == ["   "])
        try terminal.draw { $0.put("abc", x: 0, y: 0) }
        #expect(backend.lastFlushWrites == 3)
        #expect(backend.lines() == ["abc"])
        #expect(backend.clearCount == 1)
    }

    @Test func scriptedInputComesBackInOrderThenNil() {
        let backend = TestBackend(
            width: 1, height: 1, input: [.key(.character("q")), .mousePress(x: 3, y: 4), .key(.shiftTab)])
        #expect(backend.readInput(timeoutMilliseconds: 50) == .key(.character("q")))
        #expect(backend.readInput(timeoutMilliseconds: 50) == .mousePress(x: 3, y: 4))
        #expect(backend.readInput(timeoutMilliseconds: 50) == .key(.shiftTab))
        #expect(backend.readInput(timeoutMilliseconds: 50) == nil)
        #expect(backend.readTimeouts == [50, 50, 50, 50])
    }

    @Test func cursorVisibility() throws {
        let backend = TestBackend(width: 1, height: 1)
        try backend.hideCursor()
        #expect(!backend.isCursorVisible)
        try backend.showCursor()
        #expect(backend.isCursorVisible)
    }
}
