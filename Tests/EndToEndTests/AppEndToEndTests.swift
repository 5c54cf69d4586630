import Foundation
import Testing

/// Where the built program is (outside the suite: its trait cannot refer to the suite itself).
enum ChanscopeBinary {
    static var path: String? { TmuxHarness.builtExecutable(named: "chanscope") }
}

/// The real `chanscope` binary in a real terminal (tmux at 100x30): keys reach the engine,
/// the screen follows, and every way out restores the terminal.
///
/// Each test has its own tmux server and its own temporary working directory (recordings land
/// there). The program runs under a small shell that, once it exits, prints a marker line with
/// the exit status and the tty's `icanon`/`echo` flags: seeing that line on the normal screen
/// (tmux `alternate_on` 0) proves the terminal was given back. Every wait is bounded.
@Suite(
    .enabled(if: TmuxHarness.isAvailable, "tmux is not on PATH"),
    .enabled(if: ChanscopeBinary.path != nil, "the chanscope executable is not built next to the tests (run swift build)"),
    .serialized, .timeLimit(.minutes(1)))
struct AppEndToEndTests {
    static var executable: String? { ChanscopeBinary.path }

    /// The repository's `presets` folder (for the preset-name test).
    static var presetsFolder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("presets").path
    }

    /// One running program: its harness and working directory.
    final class Run {
        let tmux: TmuxHarness
        let directory: String

        /// Starts `chanscope ARGUMENTS` in a fresh temporary directory.
        /// - Parameter stderrFile: send the program's stderr to `stderr.txt` in the directory
        ///   (for one-line error checks; the pane would wrap long lines).
        init(_ arguments: [String] = [], prefix: [String] = [], stderrFile: Bool = false, width: Int = 100, height: Int = 30) throws {
            var template = Array("\(NSTemporaryDirectory())/chanscope-e2e-XXXXXX".utf8CString)
            guard mkdtemp(&template) != nil else { throw TmuxHarness.Failure(description: "mkdtemp failed") }
            directory = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let executable = try #require(AppEndToEndTests.executable)
            let redirect = stderrFile ? " 2>stderr.txt" : ""
            let script = """
                cd "$1" || exit 99; shift; trap : INT TERM HUP; "$@"\(redirect); s=$?; \
                flags=$(stty -a | tr ' ;' '\\n\\n' | grep -x -e '-\\{0,1\\}icanon' -e '-\\{0,1\\}echo' | tr '\\n' ' '); \
                printf '\\nEXIT-MARKER status=%s tty: %s\\n' "$s" "$flags"; exit $s
                """
            tmux = try TmuxHarness(
                command: ["sh", "-c", script, "e2e", directory] + prefix + [executable] + arguments, width: width, height: height)
        }

        deinit {
            tmux.stop()
            try? FileManager.default.removeItem(atPath: directory)
        }

        /// The screen once the exit marker is there; checks the status and that the terminal
        /// is back to normal (no alternate screen, visible cursor, cooked mode with echo).
        @discardableResult
        func expectCleanExit(status expected: Int32, timeout: Duration = .seconds(10), sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            let screen = try tmux.waitFor(text: "EXIT-MARKER", timeout: timeout)
            #expect(try tmux.waitForExit(timeout: .seconds(10)) == expected, sourceLocation: sourceLocation)
            #expect(screen.contains("EXIT-MARKER status=\(expected) "), "\(screen)", sourceLocation: sourceLocation)
            let flags = screen.split(separator: "\n").first { $0.contains("EXIT-MARKER") }?.split(separator: ":").last?
                .split(separator: " ").map(String.init) ?? []
            #expect(flags.contains("icanon") && flags.contains("echo"), "tty flags after exit: \(flags)", sourceLocation: sourceLocation)
            #expect(try tmux.display("#{alternate_on}") == "0", "still on the alternate screen", sourceLocation: sourceLocation)
            #expect(try tmux.display("#{cursor_flag}") == "1", "cursor left hidden", sourceLocation: sourceLocation)
            #expect(!screen.contains("Producer wait"), "the TUI is still on screen:\n\(screen)", sourceLocation: sourceLocation)
            return screen
        }

        /// The line of the screen containing `text`, if any.
        func line(containing text: String) throws -> String? {
            try tmux.lines().first { $0.contains(text) }
        }

        /// The CSV files in the working directory.
        func recordings() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".csv") }.sorted()
        }

        /// Waits until the screen shows the running app.
        func waitUntilRunning() throws {
            try tmux.waitUntil(timeout: .seconds(10), "the running screen") { $0.contains("running") && $0.contains("Producer wait") }
        }

        /// Polls `condition` every 50 ms until `timeout`.
        func poll(_ what: String, timeout: Duration = .seconds(10), _ condition: () throws -> Bool) throws {
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline {
                if try condition() { return }
                usleep(50_000)
            }
            throw TmuxHarness.Failure(description: "timed out waiting for \(what); screen:\n\((try? tmux.capture()) ?? "")")
        }

        /// The process id of chanscope itself (the child of the marker shell).
        func chanscopePID() throws -> pid_t {
            let shell = try #require(try tmux.programPID())
            let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
            return try #require(children.split(separator: " ").first.flatMap { pid_t($0) })
        }
    }

    /// Splits a CSV row into fields, honouring double quotes.
    static func fields(_ row: Substring) -> [String] {
        var result: [String] = []
        var field = ""
        var quoted = false
        var iterator = row.makeIterator()
        while let character = iterator.next() {
            if quoted {
                if character == "\"" { quoted = false } else { field.append(character) }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                result.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        result.append(field)
        return result
    }

    /// Reads a recording: header fields and data rows; checks it ends on a whole row.
    static func readRecording(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> (header: [String], rows: [[String]]) {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix("\n"), "the last row is cut: \(text.suffix(80))", sourceLocation: sourceLocation)
        let lines = text.split(separator: "\n")
        let header = try #require(lines.first.map(fields), sourceLocation: sourceLocation)
        return (header, lines.dropFirst().map(fields))
    }

    // MARK: The screen

    @Test func showsChannelWorkersAndSliders() throws {
        let run = try Run()
        try run.tmux.waitFor(allOf: ["work  bounded(8)", "chanscope  Producer and consumer"])
        try run.waitUntilRunning()
        try run.tmux.waitFor(allOf: [
            "consumer workers", "Producer wait", "Consumer wait", "producer", "consumer", "Events",
            "started Producer and consumer", "q quit", "? help",
        ])
        #expect(try run.line(containing: "Producer wait")?.contains("100 ms") == true)
        // It is alive: the counters move.
        let attempted = try #require(try run.line(containing: "attempted"))
        try run.poll("the counters to move") { try run.line(containing: "attempted") != attempted }
        try run.tmux.sendKeys("q")
        try run.expectCleanExit(status: 0)
    }

    @Test func spacePausesAndResumes() throws {
        let run = try Run()
        try run.waitUntilRunning()
        try run.tmux.sendKeys("Space")
        let screen = try run.tmux.waitFor(text: "PAUSED", timeout: .seconds(10))
        #expect(screen.split(separator: "\n").first?.contains("PAUSED") == true, "title shows PAUSED")
        // The engine confirms: a "paused" event in the log.
        try run.tmux.waitUntil(timeout: .seconds(10), "the paused event") { screen in
            screen.split(separator: "\n").contains { $0.hasSuffix("  paused") }
        }
        try run.tmux.sendKeys("Space")
        try run.tmux.waitUntil(timeout: .seconds(10), "running again with a resumed event") { screen in
            screen.split(separator: "\n").first?.contains("running") == true && screen.split(separator: "\n").contains { $0.hasSuffix("  resumed") }
        }
        try run.tmux.sendKeys("q")
        try run.expectCleanExit(status: 0)
    }

    @Test func rightArrowMovesTheSelectedSliderAndTheEngineFollows() throws {
        let run = try Run()
        try run.waitUntilRunning()
        let before = try #require(try run.line(containing: "Producer wait"))
        #expect(before.hasPrefix("▸ Producer wait"), "the first slider is selected: \(before)")
        #expect(before.hasSuffix("100 ms"))
        try run.tmux.sendKeys("Right")
        try run.tmux.waitUntil(timeout: .seconds(10), "Producer wait at 110 ms") { screen in
            screen.split(separator: "\n").contains { $0.contains("Producer wait") && $0.hasSuffix("110 ms") }
        }
        // The event comes from the engine, so the knob really changed there.
        try run.tmux.waitFor(text: "Producer wait 100 -> 110 ms", timeout: .seconds(10))
        try run.tmux.sendKeys("Right")
        // A burst of moves of one slider is one line in the log.
        try run.tmux.waitFor(text: "Producer wait 100 -> 120 ms", timeout: .seconds(10))
        #expect(try !run.tmux.capture().contains("Producer wait 100 -> 110 ms"))
        try run.tmux.sendKeys("q")
        try run.expectCleanExit(status: 0)
    }

    @Test func aClickOnASliderTrackSetsItsValue() throws {
        let run = try Run()
        try run.waitUntilRunning()
        // The track is read from the screen as drawn; under a sanitizer a click may land while the
        // program is still busy, so it is read and clicked again (at most three times).
        var attempts = 0
        while true {
            attempts += 1
            let lines = try run.tmux.lines()
            let row = try #require(lines.firstIndex { $0.contains("Consumer wait") })
            let characters = Array(lines[row])
            let end = try #require(characters.lastIndex(of: "─"), "the track: \(lines[row])")
            try run.tmux.click(x: end, y: row)
            do {
                try run.tmux.waitUntil(timeout: .seconds(10), "Consumer wait at 2000 ms") { screen in
                    screen.split(separator: "\n").contains { $0.contains("Consumer wait") && $0.hasSuffix("2000 ms") }
                }
                break
            } catch where attempts < 3 {
                continue
            }
        }
        // The click selected that slider.
        #expect(try run.line(containing: "Consumer wait")?.hasPrefix("▸") == true)
        // The screen must keep going after a click: a release report must not hold the loop in
        // getch until the next key (the mouse mask includes releases for that reason).
        let title = try #require(try run.tmux.lines().first)
        try run.tmux.waitUntil(timeout: .seconds(10), "the clock to move after the click") { $0.split(separator: "\n").first.map(String.init) != title }
        try run.tmux.waitFor(text: "Consumer wait 150 -> 2000 ms", timeout: .seconds(10))
        try run.tmux.sendKeys("q")
        try run.expectCleanExit(status: 0)
    }

    @Test func tabThenFourSwitchesTheKindToDropping() throws {
        let run = try Run()
        try run.waitUntilRunning()
        try run.tmux.sendKeys("Tab")
        try run.tmux.sendKeys("4")
        try run.tmux.waitFor(text: "work  dropping(8)", timeout: .seconds(10))
        try run.tmux.waitFor(text: "work: bounded(8) -> dropping(8)", timeout: .seconds(10))
        try run.tmux.sendKeys("q")
        try run.expectCleanExit(status: 0)
    }

    @Test func closingTheProducersShowsTheDisconnect() throws {
        let run = try Run()
        try run.waitUntilRunning()
        // `g` cycles the groups: producer (selected at start) -> consumer -> producer.
        #expect(try run.line(containing: "producer ")?.hasPrefix("▸ producer") == true)
        try run.tmux.sendKeys("g")
        try run.tmux.waitUntil(timeout: .seconds(10), "consumer selected") { $0.contains("▸ consumer") }
        try run.tmux.sendKeys("g")
        try run.tmux.waitUntil(timeout: .seconds(10), "producer selected") { $0.contains("▸ producer") }
        try run.tmux.sendKeys("c")
        try run.tmux.waitFor(text: "every sender is gone", timeout: .seconds(10))
        try run.tmux.waitUntil(timeout: .seconds(10), "the channel headline") { $0.contains("DISCONNECTED") || $0.contains("NO SENDERS") }
        try run.tmux.waitUntil(timeout: .seconds(10), "the closed group") { $0.contains("producer closed") || $0.contains("CLOSED") }
        try run.tmux.sendKeys("q")
        try run.expectCleanExit(status: 0)
    }

    @Test func helpOverlayShowsKeysAndTheLesson() throws {
        let run = try Run()
        try run.waitUntilRunning()
        try run.tmux.sendKeys("?")
        // Each of these is on the overlay; waiting for all of them is the check.
        try run.tmux.waitFor(
            allOf: ["esc closes)", "Lesson: Producer and consumer", "fills to 8/8 and reads FULL", "start / stop recording"],
            timeout: .seconds(10))
        try run.tmux.sendKeys("Escape")
        try run.tmux.waitUntil(timeout: .seconds(10), "the overlay to close") { !$0.contains("esc closes)") && $0.contains("Producer wait") }
        try run.tmux.sendKeys("q")
        try run.expectCleanExit(status: 0)
    }

    @Test func resizingToCompactAndBackKeepsWorking() throws {
        let run = try Run()
        try run.waitUntilRunning()
        try run.tmux.waitFor(text: "consumer workers")
        try run.tmux.resize(width: 60, height: 15)
        try run.tmux.waitUntil(timeout: .seconds(10), "the compact screen") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.first?.contains("chanscope") == true && screen.contains("work  bounded(8)")
                && lines.contains { $0.hasPrefix(" q quit") } && !screen.contains("─ Events") && lines.allSatisfy { $0.count <= 60 }
        }
        try run.tmux.resize(width: 30, height: 8)
        try run.tmux.waitFor(text: "enlarge", timeout: .seconds(10))
        try run.tmux.resize(width: 100, height: 30)
        try run.tmux.waitUntil(timeout: .seconds(10), "the full screen again") { screen in
            screen.contains("─ Events") && screen.contains("consumer workers") && !screen.contains("enlarge")
        }
        // Still responsive after the resizes.
        try run.tmux.sendKeys("Right")
        try run.tmux.waitFor(text: "Producer wait 100 -> 110 ms", timeout: .seconds(10))
        #expect(try run.tmux.exitStatus() == nil)
        try run.tmux.sendKeys("q")
        try run.expectCleanExit(status: 0)
    }

}
