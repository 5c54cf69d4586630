import Foundation
import Testing

/// Proves the harness itself on a shell one-liner, before the app exists.
@Suite(.enabled(if: TmuxHarness.isAvailable, "tmux is not on PATH"), .timeLimit(.minutes(1)))
struct TmuxHarnessTests {
    @Test func shellPromptRoundTrip() throws {
        let tmux = try TmuxHarness(
            command: ["sh", "-c", "printf 'hello harness\\n'; read x; printf 'got [%s]\\n' \"$x\"; read y"],
            width: 40, height: 10)
        defer { tmux.stop() }
        try tmux.waitFor(text: "hello harness")
        try tmux.type("abc")
        try tmux.sendKeys("Enter")
        let screen = try tmux.waitFor(text: "got [abc]")
        let lines = screen.split(separator: "\n").map(String.init)
        #expect(lines.first == "hello harness")
        #expect(lines.contains("got [abc]"))
        #expect(try tmux.exitStatus() == nil)

        // Raw bytes arrive as typed: "hi" then Enter, so the shell finishes with status 0.
        try tmux.sendBytes([0x68, 0x69, 0x0D])
        #expect(try tmux.waitForExit() == 0)
        // The pane stays readable after the program is gone.
        #expect(try tmux.capture().contains("got [abc]"))
        #expect(try tmux.programPID() == nil)
    }

    @Test func resizeAndEnvironment() throws {
        let tmux = try TmuxHarness(
            command: ["sh", "-c", "printf '%s %s %s\\n' \"$LANG\" \"$SWIFT_BACKTRACE\" \"$TERM\"; read x"],
            width: 50, height: 12)
        defer { tmux.stop() }
        let screen = try tmux.waitFor(text: "C.UTF-8 interactive=no")
        #expect(screen.contains("tmux-256color") || screen.contains("screen"))
        #expect(try tmux.display("#{window_width}x#{window_height}") == "50x12")
        try tmux.resize(width: 30, height: 8)
        #expect(try tmux.display("#{window_width}x#{window_height}") == "30x8")
        #expect(try tmux.lines().count >= 8)
    }

    @Test func waitForTimesOutWithTheScreen() throws {
        let tmux = try TmuxHarness(command: ["sh", "-c", "printf 'only this\\n'; read x"], width: 30, height: 5)
        defer { tmux.stop() }
        try tmux.waitFor(text: "only this")
        do {
            try tmux.waitFor(text: "never shown", timeout: .milliseconds(200))
            Issue.record("waitFor should have timed out")
        } catch let failure as TmuxHarness.Failure {
            #expect(failure.description.contains("only this"))
        }
    }

    @Test func exitStatusOfASignalledProgram() throws {
        let tmux = try TmuxHarness(command: ["sh", "-c", "echo ready; exec sleep 30"], width: 30, height: 5)
        defer { tmux.stop() }
        try tmux.waitFor(text: "ready")
        try tmux.waitUntil(timeout: .seconds(5), "the program's pid") { _ in (try? tmux.programPID()) != nil }
        try tmux.signalProgram(SIGTERM)
        #expect(try tmux.waitForExit() == 128 + SIGTERM)
    }

    @Test func ctrlCReachesTheProgramNotTheWrapper() throws {
        let tmux = try TmuxHarness(command: ["sh", "-c", "echo ready; exec sleep 30"], width: 30, height: 5)
        defer { tmux.stop() }
        try tmux.waitFor(text: "ready")
        try tmux.sendKeys("C-c")
        #expect(try tmux.waitForExit() == 128 + SIGINT)
    }

    @Test func findsTheBuildProductsFolder() throws {
        let products = try #require(TmuxHarness.buildProductsDirectory())
        #expect(products.hasSuffix("/debug") || products.hasSuffix("/release"))
        if let executable = TmuxHarness.builtExecutable() {
            #expect(executable == products + "/chanscope")
        }
    }
}
