import ChanscopeEngine
import Testing

@testable import ChanscopeTUI

/// The lesson strip: the preset's lesson, a line at a time, on the main screen.
@Suite struct LessonStripTests {
    static func render(_ state: AppState) -> [String] {
        var grid = Grid(width: state.size.width, height: state.size.height)
        ScreenView.render(state, theme: Theme(), on: &grid)
        return grid.lines()
    }

    static func state(width: Int, height: Int) -> AppState {
        var state = Fixtures.state(Fixtures.backpressure)
        _ = state.update(.resized(TerminalSize(width: width, height: height)))
        return state
    }

    @Test("on by default on a projector (120x35), off at 80x24 until L")
    func onWhereThereIsRoom() {
        var big = Self.state(width: 120, height: 35)
        let lines = Self.render(big)
        #expect(lines[1].contains("Lesson 1/2") && lines[1].contains("Watch the depth of \"work\""), "\(lines[1])")
        #expect(lines[1].contains("] next"))
        _ = big.update(.key(.character("L")))
        #expect(!Self.render(big).joined().contains("Lesson 1/2"))

        var small = Self.state(width: 80, height: 24)
        #expect(!Self.render(small).joined().contains("Lesson 1/"))
        _ = small.update(.key(.character("L")))
        let shown = Self.render(small)
        #expect(shown[1].contains("Lesson 1/2"), "\(shown[1])")
        #expect(shown.contains { $0.contains("work  bounded(8)") }, "the panels stay on screen")
        #expect(shown.last?.contains("q quit") == true)
    }

    @Test("] and [ step through the lines and stop at the ends; a restart keeps the choice")
    func stepsThroughTheLines() {
        var state = Self.state(width: 120, height: 35)
        _ = state.update(.key(.character("]")))
        #expect(Self.render(state)[1].contains("Lesson 2/2"))
        #expect(Self.render(state)[1].contains("the producer shows"))
        _ = state.update(.key(.character("]")))
        #expect(state.lessonLine == 1)
        _ = state.update(.key(.character("[")))
        _ = state.update(.key(.character("[")))
        #expect(state.lessonLine == 0)
        _ = state.update(.key(.character("L")))
        _ = state.update(.sessionStarted(presetName: "Producer and consumer", lesson: Fixtures.lesson, keepSelections: true))
        #expect(!state.showsLessonStrip, "hidden stays hidden after r")
    }

    @Test("r keeps the lesson's line (the lessons say \"press r, then ...\"); another preset starts at line 1")
    func restartKeepsTheLine() {
        var state = Self.state(width: 120, height: 35)
        _ = state.update(.key(.character("]")))
        #expect(state.lessonLine == 1)
        _ = state.update(.sessionStarted(presetName: "Producer and consumer", lesson: Fixtures.lesson, keepSelections: true))
        #expect(state.lessonLine == 1)
        _ = state.update(.sessionStarted(presetName: "Other", lesson: Fixtures.lesson, keepSelections: false))
        #expect(state.lessonLine == 0)
    }

    @Test("a preset without a lesson has no strip and L does nothing harmful")
    func noLessonNoStrip() {
        var state = AppState(presetName: "x", lesson: "", size: TerminalSize(width: 120, height: 35))
        #expect(!state.showsLessonStrip)
        _ = state.update(.key(.character("]")))
        #expect(state.lessonLine == 0)
    }
}
