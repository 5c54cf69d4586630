import Channels
import ChanscopeEngine
import Testing

@testable import ChanscopeTUI

/// The `readers-writers` and `priority-starvation` lessons through the screen's loop: the
/// Policy selector is selected first and → moves it; ⇧→ sets the aging; a click chooses.
extension LessonKeyClaims {
    @Test("readers-writers: STARVING for writers; → moves Policy to writers-first and the mark goes away")
    func readersWritersArrow() throws {
        let run = LoopHarness(preset: try Self.preset("readers-writers", ["starving_ms=1000"]))
        #expect(run.line(containing: "▸ Policy") != nil, "Policy is the first slider:\n\(run.screen)")
        run.waitForScreen("writers STARVING") { $0.contains("writers waited") && $0.contains("STARVING")
            && run.state.snapshot?.manager(ofGroup: "manager")?.isStarving(.write) == true }
        #expect(run.line(containing: "[readers-first]") != nil)
        run.press(.right)
        #expect(run.line(containing: "[writers-first]") != nil, "\(run.screen)")
        #expect(run.engine.knobValue(.preset("policy")) == 1)
        run.waitForScreen("STARVING gone") { !$0.contains("STARVING") && $0.contains("writers-first") }
        run.waitForScreen("the policy event") { $0.contains("Policy readers-first -> writers-first") }
        run.press(.right, .right)
        run.waitForScreen("no reply ever") { $0.contains("[as-written]") && $0.contains("no reply ever: ") }
    }

    @Test("readers-writers: a click on fair chooses it")
    func readersWritersClick() throws {
        let run = LoopHarness(preset: try Self.preset("readers-writers"))
        run.waitForScreen("the selector") { $0.contains("[readers-first]") }
        let lines = run.screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let row = try #require(lines.firstIndex { $0.contains("[readers-first]") })
        let column = try #require(lines[row].range(of: " fair ")).lowerBound
        run.click(x: lines[row].distance(from: lines[row].startIndex, to: column) + 2, y: row)
        #expect(run.engine.knobValue(.preset("policy")) == 2, "\(lines[row])")
        run.waitForScreen("fair chosen") { $0.contains("[fair]") }
    }

    @Test("priority-starvation: ⇧→ sets Aging to 200 ms; the BULK wait falls under a second")
    func priorityAgingKey() throws {
        let run = LoopHarness(preset: try Self.preset("priority-starvation", ["serve_ms=25", "urgent_ms=0"]))
        run.waitForScreen("BULK waiting over a second") { screen in
            (run.state.snapshot?.channel(named: "jobs")?.priorityLevels?.first?.oldestAgeMilliseconds ?? 0) > 1000
                && screen.contains("BULK 1 oldest")
        }
        run.press(.shiftRight)
        #expect(run.engine.knobValue(.preset("aging_ms")) == 200)
        run.waitForScreen("bulk served") { _ in (run.state.snapshot?.group(named: "bulk")?.done ?? 0) >= 2 }
    }

    @Test("The manager's rows keep whole parts at 80 columns, STARVING and the unanswered first")
    func managerRowsNarrow() {
        var manager = ManagerSnapshot(group: "manager", policy: "as-written", starvingAfterMilliseconds: 3000)
        manager.readersInside = 4
        manager.waitingWriters = 2
        manager.oldestWaitWriterMilliseconds = 4200
        manager.unanswered = ["writer-7", "writer-8"]
        var crowded = manager
        crowded.unanswered = (2...7).map { "reader-\($0)" } + ["writer-8", "writer-9"]
        manager.readGrants = 120
        var grid = Grid(width: 80, height: 2)
        ManagerRowView(manager: manager, theme: Theme()).draw(in: grid.area, on: &grid)
        let lines = grid.lines()
        #expect(lines[0].hasPrefix("  manager: 4 readers inside, no writer  waiting 0 readers, 2 writers"), "\(lines[0])")
        #expect(lines[1].hasPrefix("  writers waited 4.2s STARVING  violations 0  no reply ever: writer-7, writer-8"), "\(lines[1])")
        #expect(!lines[1].contains("granted"), "the least important part goes when it does not fit whole")
        var narrow = Grid(width: 80, height: 2)
        ManagerRowView(manager: crowded, theme: Theme()).draw(in: narrow.area, on: &narrow)
        #expect(narrow.lines()[1].contains("no reply ever: reader-2, …"), "\(narrow.lines()[1])")
        #expect(narrow.lines()[1].contains(", …"), "a long list is cut after a whole name")
    }
}
