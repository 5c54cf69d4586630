import ChanscopeEngine
import Foundation
import Glibc
import Testing

@testable import ChanscopeTUI

/// The program worker processes run: the built `chanscope` in the test bundle's folder.
enum WorkerProgram {
    static let path: String? = {
        let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let program = bundle.appendingPathComponent("chanscope").path
        guard access(program, X_OK) == 0 else { return nil }
        setenv("CHANSCOPE_WORKER_EXECUTABLE", program, 1)
        return program
    }()
}

/// The key claims of `threads-vs-pipe` through the screen's own loop, with its two worker
/// processes.
@Suite("Lesson key claims: threads vs pipe", .serialized, .enabled(if: WorkerProgram.path != nil, "the chanscope executable is not built next to the tests"))
struct LessonKeyClaimsThreadsVsPipe {
    @Test("threads-vs-pipe: ↓ selects Consumer wait, → sets 10 ms; both read BACKPRESSURE, the writer blocked in pipe_write")
    func consumerWaitKeys() throws {
        let run = LoopHarness(preset: try LessonKeyClaims.preset("threads-vs-pipe"))
        run.waitForScreen("both panels and the kernel line", seconds: 30) { screen in
            screen.contains("threads  bounded(4096)") && screen.contains("pipe  bounded(4096) over a pipe")
                && screen.contains("msgs of 16 B")
        }
        run.press(.down)
        #expect(run.line(containing: "▸ Consumer wait") != nil, "\(run.screen)")
        run.press(.right)
        #expect(run.engine.knobValue(.preset("consume_ms")) == 10)
        run.waitForScreen("both BACKPRESSURE, the writer in pipe_write", seconds: 30) { screen in
            screen.contains("threads  bounded(4096)  BACKPRESSURE") && screen.contains("pipe  bounded(4096) over a pipe  BACKPRESSURE")
                && screen.contains("blocked in ") && screen.contains("pipe_write")
        }
        #expect(run.line(containing: "producer ▶")?.contains("send-blocked") == true, "\(run.screen)")
    }
}
