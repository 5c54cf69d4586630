import Foundation
import Testing

/// Transport presets end to end: however the screen ends (`q`, Ctrl-C, SIGTERM, SIGHUP), no
/// worker process and no run folder outlive it.
extension AppEndToEndTests {
    enum Ending: String, CaseIterable, Sendable {
        case q, ctrlC, sigterm, sighup
    }

    /// The worker processes among `pid`'s children (of any of its threads: the one that
    /// started them is not the main thread).
    static func workerChildren(of pid: pid_t) -> [pid_t] {
        let threads = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        let children = threads.map { (try? String(contentsOfFile: "/proc/\(pid)/task/\($0)/children", encoding: .utf8)) ?? "" }.joined(separator: " ")
        return children.split(separator: " ").compactMap { pid_t($0) }.filter { child in
            ((try? String(contentsOfFile: "/proc/\(child)/cmdline", encoding: .utf8)) ?? "").contains("worker-process")
        }
    }

    @Test(arguments: Ending.allCases)
    func noWorkerProcessOrFileOutlivesTheScreen(ending: Ending) throws {
        let executable = try #require(Self.executable)
        let directory = try Self.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let tmux = try TmuxHarness(
            command: ["bash", "--norc", "--noprofile", "-i"], width: 120, height: 35, environment: ["PS1": "$ ", "TMPDIR": directory])
        defer { tmux.stop() }
        try tmux.waitFor(text: "$", timeout: .seconds(10))
        try tmux.type("cd '\(directory)' && '\(executable)' run named-pipe; echo \"EXIT-\"\"MARKER $?\"")
        try tmux.sendKeys("Enter")
        try tmux.waitUntil(timeout: .seconds(15), "the FIFO running") { $0.contains("worker processes:") && $0.contains("blocked in") }
        let bash = try #require(try tmux.programPID())
        let children = (try? String(contentsOfFile: "/proc/\(bash)/task/\(bash)/children", encoding: .utf8)) ?? ""
        let program = try #require(children.split(separator: " ").first.flatMap { pid_t($0) })
        let workers = Self.workerChildren(of: program)
        #expect(workers.count == 2)
        let folders = { (try? FileManager.default.contentsOfDirectory(atPath: directory))?.filter { $0.hasPrefix("chanscope-ipc-") } ?? [] }
        #expect(folders().count == 1)
        switch ending {
        case .q: try tmux.sendKeys("q")
        case .ctrlC: try tmux.sendKeys("C-c")
        case .sigterm: kill(program, SIGTERM)
        case .sighup: kill(program, SIGHUP)
        }
        try tmux.waitFor(text: "EXIT-MARKER", timeout: .seconds(10))
        for worker in workers {
            #expect(kill(worker, 0) != 0 && errno == ESRCH, "worker process \(worker) outlived the screen")
        }
        #expect(folders().isEmpty)
    }
}
