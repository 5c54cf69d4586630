import Foundation
import Testing

/// Job control and crashes, end to end in tmux: Ctrl-Z or SIGSTOP and `fg` under an
/// interactive shell, and a crash that must give the terminal back at once.
extension AppEndToEndTests {
    /// How the program is stopped before `fg`.
    enum Stop: String, CaseIterable, Sendable {
        case ctrlZ, sigstop
    }

    @Test(arguments: Stop.allCases)
    func keysWorkAtOnceAfterAStopAndFg(stop: Stop) throws {
        let executable = try #require(Self.executable)
        let directory = try Self.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let tmux = try TmuxHarness(
            command: ["bash", "--norc", "--noprofile", "-i"], width: 100, height: 30, environment: ["PS1": "$ "])
        defer { tmux.stop() }
        try tmux.waitFor(text: "$", timeout: .seconds(10))
        try tmux.type("cd '\(directory)' && '\(executable)'")
        try tmux.sendKeys("Enter")
        try tmux.waitUntil(timeout: .seconds(10), "the running screen") { $0.contains("running") && $0.contains("Producer wait") }
        switch stop {
        case .ctrlZ:
            try tmux.sendKeys("C-z")
        case .sigstop:
            let bash = try #require(try tmux.programPID())
            let children = (try? String(contentsOfFile: "/proc/\(bash)/task/\(bash)/children", encoding: .utf8)) ?? ""
            let pid = try #require(children.split(separator: " ").first.flatMap { pid_t($0) })
            #expect(kill(pid, SIGSTOP) == 0)
        }
        try tmux.waitFor(text: "Stopped", timeout: .seconds(10))
        // The rest of a stopped command line is dropped by bash, so the marker goes after `fg`
        // (split in two, so the typed line itself never reads as the marker).
        try tmux.type("fg; echo \"EXIT-\"\"MARKER status=$? $(stty -a | grep -o -e '-\\{0,1\\}icanon' | head -1)\"")
        try tmux.sendKeys("Enter")
        // A full redraw: the shell's lines are gone and the screen is whole again.
        try tmux.waitUntil(timeout: .seconds(10), "the screen redrawn after fg") { screen in
            !screen.contains("Stopped") && screen.contains("Producer wait") && screen.contains("q quit")
        }
        // Keys arrive at once, with no Enter: the terminal is back in the screen's mode.
        try tmux.sendKeys("Right")
        try tmux.waitFor(text: "Producer wait 100 -> 110 ms", timeout: .seconds(10))
        try tmux.sendKeys("q")
        let screen = try tmux.waitFor(text: "EXIT-MARKER", timeout: .seconds(10))
        #expect(screen.contains("EXIT-MARKER status=0 icanon"), "\(screen)")
        #expect(try tmux.display("#{alternate_on}") == "0")
    }

    /// Whether these tests run under the thread sanitizer (as the program under test then does):
    /// its runtime takes over crash signals itself, so the crash path is checked in the plain run.
    static var underThreadSanitizer: Bool {
        dlsym(nil, "__tsan_init") != nil || (ChanscopeBinary.path ?? "").contains("-tsan/")
    }

    @Test(.disabled(if: AppEndToEndTests.underThreadSanitizer, "the thread sanitizer handles crash signals itself"))
    func aCrashRestoresTheTerminalAndNamesTheBacktraceFile() throws {
        let logs = try Self.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: logs) }
        // As a user starts it: no SWIFT_BACKTRACE, so the interactive backtracer would hold
        // the terminal for 30 s unless the program set up its own crash log.
        let run = try Run([], prefix: ["env", "-u", "SWIFT_BACKTRACE", "TMPDIR=\(logs)"])
        try run.waitUntilRunning()
        let pid = try run.chanscopePID()
        #expect(kill(pid, SIGILL) == 0)  // what a Swift trap raises on x86-64
        let screen = try run.expectCleanExit(status: 128 + SIGILL, timeout: .seconds(10))
        let log = "chanscope-crash-\(pid).txt"
        let notice = try #require(screen.split(separator: "\n").first { $0.contains("chanscope crashed") }, "\(screen)")
        #expect(notice.hasPrefix("chanscope crashed; the backtrace is in ") && notice.hasSuffix(log), "\(notice)")
        #expect(!screen.contains("Backtracing"), "only the one line: \(screen)")
        let text = try String(contentsOfFile: logs + "/" + log, encoding: .utf8)
        #expect(text.contains("Program crashed"), "\(text.prefix(200))")
    }

    /// A fresh folder under the temporary directory.
    static func makeTemporaryDirectory() throws -> String {
        var template = Array("\(NSTemporaryDirectory())/chanscope-e2e-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else { throw TmuxHarness.Failure(description: "mkdtemp failed") }
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// Names from a preset file on the real terminal: wide characters at their width, control
/// characters shown escaped.
extension AppEndToEndTests {
    @Test func wideAndControlCharactersInNamesReachTheTerminalSafely() throws {
        let folder = try Self.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let preset = """
            name: 宽 🚀
            summary: Wide and hostile names.
            channels:
              队列: { kind: bounded, capacity: 4 }
              "\\e[2J": { kind: bounded, capacity: 2 }
            knobs:
              wait_ms: { value: 50, min: 0, max: 100, step: 10, label: Wait, unit: ms }
            workers:
              producer: { count: 1, loop: [ make, { sleep: wait_ms }, { send: 队列 }, make, { send: "\\e[2J" } ] }
              consumer: { count: 1, loop: [ { recv: 队列 }, { recv: "\\e[2J" }, { sleep: wait_ms } ] }
            """
        try preset.write(toFile: folder + "/wide.yaml", atomically: true, encoding: .utf8)
        let run = try Run(["run", folder + "/wide.yaml"])
        let screen = try run.tmux.waitFor(allOf: ["队列  bounded(4)", "\\u{1B}[2J  bounded(2)", "宽 🚀"], timeout: .seconds(10))
        #expect(screen.split(separator: "\n").first?.hasPrefix(" chanscope  宽 🚀  ") == true, "\(screen)")
        let lines = screen.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("▸ 队列  bounded(4)  ") }, "not drawn as ?: \(lines.prefix(3))")
        try run.tmux.sendKeys("q")
        try run.expectCleanExit(status: 0)
    }
}
