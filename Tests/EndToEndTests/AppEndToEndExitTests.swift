import Foundation
import Testing

/// Recording, the ways out and the errors, end to end in tmux.
extension AppEndToEndTests {
    // MARK: Recording

    @Test func sStartsAndStopsARecording() throws {
        let run = try Run()
        try run.waitUntilRunning()
        #expect(run.recordings().isEmpty)
        try run.tmux.sendKeys("s")
        try run.tmux.waitUntil(timeout: .seconds(10), "REC in the title") { $0.split(separator: "\n").first?.contains("REC") == true }
        try run.poll("a recording with rows") {
            guard let file = run.recordings().first else { return false }
            let text = (try? String(contentsOfFile: run.directory + "/" + file, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").count >= 3
        }
        #expect(run.recordings().count == 1)
        let path = run.directory + "/" + run.recordings()[0]
        let header = try #require(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").first)
        #expect(header.hasPrefix("time_s,"))
        #expect(header.contains("work.depth"))
        try run.tmux.sendKeys("s")
        try run.tmux.waitFor(text: "recording stopped", timeout: .seconds(10))
        try run.tmux.waitUntil(timeout: .seconds(10), "REC gone") { $0.split(separator: "\n").first?.contains("REC") == false }
        // Stopped means stopped: the file no longer grows.
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
        usleep(400_000)  // four sample periods: enough for a running recorder to add rows
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == size)
        let recording = try Self.readRecording(path)
        #expect(recording.rows.count >= 2)
        #expect(recording.rows.allSatisfy { $0.count == recording.header.count })
        try run.tmux.sendKeys("q")
        try run.expectCleanExit(status: 0)
        #expect(run.recordings().count == 1)
    }

    // MARK: Ways out

    @Test func qQuitsAndRestoresTheTerminal() throws {
        let run = try Run()
        try run.waitUntilRunning()
        try run.tmux.sendKeys("q")
        try run.expectCleanExit(status: 0)
    }

    @Test func ctrlCQuitsAndRestoresTheTerminal() throws {
        let run = try Run()
        try run.waitUntilRunning()
        try run.tmux.sendKeys("C-c")
        try run.expectCleanExit(status: 130)  // 128 + SIGINT, as a shell expects
    }

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func aQuitSignalRestoresTheTerminalAndClosesTheRecording(signal: Int32) throws {
        let run = try Run()
        try run.waitUntilRunning()
        try run.tmux.sendKeys("s")
        try run.poll("a recording with rows") {
            guard let file = run.recordings().first else { return false }
            return ((try? String(contentsOfFile: run.directory + "/" + file, encoding: .utf8)) ?? "").split(separator: "\n").count >= 3
        }
        let pid = try run.chanscopePID()
        #expect(kill(pid, signal) == 0)
        let screen = try run.expectCleanExit(status: 128 + signal)  // 130, 143, 129
        #expect(!screen.contains("Fatal error"))
        let recording = try Self.readRecording(run.directory + "/" + run.recordings()[0])
        #expect(recording.rows.count >= 2)
        #expect(recording.rows.allSatisfy { $0.count == recording.header.count }, "every row complete")
    }

    // MARK: Errors

    @Test func anUnknownPresetListsTheKnownOnesOnOneLine() throws {
        let run = try Run(["run", "no-such-preset"], prefix: ["env", "CHANSCOPE_PRESETS=\(Self.presetsFolder)"], stderrFile: true)
        let screen = try run.tmux.waitFor(text: "EXIT-MARKER", timeout: .seconds(10))
        let status = try run.tmux.waitForExit(timeout: .seconds(10))
        #expect(status != 0)
        let error = try String(contentsOfFile: run.directory + "/stderr.txt", encoding: .utf8)
        let lines = error.split(separator: "\n")
        #expect(lines.count == 1, "\(error)")
        #expect(error.contains("no-such-preset"))
        #expect(error.contains("backpressure"), "lists the known presets: \(error)")
        #expect(!screen.contains("Fatal error"))
        #expect(try run.tmux.display("#{alternate_on}") == "0")
    }

    @Test func anUnknownTerminalIsAOneLineError() throws {
        let run = try Run([], prefix: ["env", "TERM=nonexistent-term"], stderrFile: true)
        let screen = try run.tmux.waitFor(text: "EXIT-MARKER", timeout: .seconds(10))
        let status = try run.tmux.waitForExit(timeout: .seconds(10))
        #expect(status != 0)
        #expect(status < 128, "exited, not killed by a signal (\(status))")
        let error = try String(contentsOfFile: run.directory + "/stderr.txt", encoding: .utf8)
        #expect(error.split(separator: "\n").count == 1, "\(error)")
        #expect(error.contains("nonexistent-term"), "\(error)")
        #expect(error.hasPrefix("chanscope: cannot open terminal"), "one prefix only: \(error)")
        #expect(!error.contains("Fatal error") && !error.contains("Backtrace"))
        #expect(screen.contains("EXIT-MARKER status=\(status) tty: icanon echo"), "\(screen)")
    }
}
