import Foundation
import Testing

/// The `readers-writers` lesson in a real terminal: writers STARVING under readers-first, the
/// Policy selector moved with the arrow keys, and the mark gone once writers get in.
@Suite(
    .enabled(if: TmuxHarness.isAvailable, "tmux is not on PATH"),
    .enabled(if: ChanscopeBinary.path != nil, "the chanscope executable is not built next to the tests (run swift build)"),
    .serialized, .timeLimit(.minutes(1)))
struct ReadersWritersEndToEndTests {
    @Test func starvingWritersThenWritersFirst() throws {
        let run = try AppEndToEndTests.Run(["run", "readers-writers", "--set", "starving_ms=1000"], width: 100, height: 30)
        let starving = try run.tmux.waitFor(allOf: ["writers waited", "STARVING", "[readers-first]"], timeout: .seconds(15))
        #expect(starving.contains("violations 0"))
        try run.tmux.sendKeys("Right")
        _ = try run.tmux.waitFor(text: "[writers-first]")
        let relieved = try run.tmux.waitUntil(timeout: .seconds(15), "STARVING to go") { !$0.contains("STARVING") && $0.contains("[writers-first]") }
        #expect(relieved.contains("violations 0"))
        try run.tmux.sendKeys("Left")
        _ = try run.tmux.waitFor(text: "[readers-first]")
        _ = try run.tmux.waitFor(text: "STARVING", timeout: .seconds(15))
        try run.tmux.sendKeys("q")
        try run.expectCleanExit(status: 0)
    }
}
