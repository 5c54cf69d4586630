import Foundation

/// Drives a real program inside a private tmux server, for end-to-end tests of the TUI.
///
/// WHY tmux: it is a real terminal (terminfo `tmux-256color`, resize, mouse) whose screen can be
/// read back as text with `capture-pane`. WHY `posix_spawnp`: starting tmux through
/// `Foundation.Process` hangs in `waitUntilExit` because the tmux server inherits a descriptor;
/// spawning with output redirected to a temporary file and reaping with `waitpid` does not.
/// Every wait is bounded, so a hung program fails a test instead of hanging the run.
final class TmuxHarness {
    /// Why a tmux command or a wait failed, with what the pane showed last.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// What a finished tmux client printed and returned.
    struct CommandResult {
        let status: Int32
        let output: String
    }

    /// The `-L` socket name: unique per harness, so tests never touch a user's tmux.
    let socketName: String
    private(set) var width: Int
    private(set) var height: Int
    private var stopped = false

    /// True when a `tmux` executable is on `PATH`; tests use it in `.enabled(if:)`.
    static var isAvailable: Bool { findOnPath("tmux") != nil }

    /// Where the wrapper shell writes the program's exit status.
    let statusFile: String

    /// Starts `command` (argv, no shell) in a detached session of a new private server.
    ///
    /// The pane gets `LANG=C.UTF-8` and `SWIFT_BACKTRACE=interactive=no` (a crashing Swift
    /// program would otherwise wait 30 s for a key) plus `environment`. The program runs under
    /// a small `sh` wrapper that records its exit status in `statusFile` and then keeps the
    /// pane open, so tests can read what the program left on the screen. WHY not tmux's
    /// `remain-on-exit` + `#{pane_dead_status}`: tmux 3.3a sometimes marks the pane dead but
    /// never records the status (about 1 run in 20 here), which made tests flaky.
    init(command: [String], width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
        precondition(!command.isEmpty, "TmuxHarness needs a command")
        socketName = "chanscope-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        statusFile = "\(NSTemporaryDirectory())/\(socketName).status"
        unlink(statusFile)
        self.width = width
        self.height = height
        var arguments = ["-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", String(width), "-y", String(height)]
        let variables = ["LANG": "C.UTF-8", "SWIFT_BACKTRACE": "interactive=no"].merging(environment) { $1 }
        for (key, value) in variables.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        // `trap :` (not `trap ''`) keeps the wrapper alive on Ctrl-C/SIGTERM while the program
        // gets the default dispositions back at exec.
        let wrapper = "trap : INT TERM HUP; f=$1; shift; \"$@\"; echo $? > \"$f.tmp\"; mv \"$f.tmp\" \"$f\"; "
            + "exec sleep 100000"
        arguments += ["--", "sh", "-c", wrapper, "tmux-harness", statusFile] + command
        let result = try tmux(arguments)
        guard result.status == 0 else {
            stop()
            throw Failure(description: "tmux new-session failed (\(result.status)): \(result.output)")
        }
    }

    deinit {
        stop()
    }

    // MARK: Reading the screen

    /// The visible pane as text, one line per row (trailing blanks trimmed by tmux).
    func capture() throws -> String {
        let result = try tmux(["capture-pane", "-p", "-t", "main"])
        guard result.status == 0 else { throw Failure(description: "capture-pane failed: \(result.output)") }
        return result.output
    }

    /// The visible pane as lines.
    func lines() throws -> [String] {
        try capture().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Polls the pane every 50 ms until it contains `text`; throws with the last screen after
    /// `timeout`.
    @discardableResult
    func waitFor(text: String, timeout: Duration = .seconds(10)) throws -> String {
        try waitUntil(timeout: timeout, "text \"\(text)\"") { $0.contains(text) }
    }

    /// Waits until every one of `texts` is on screen at once. A frame reaches the pane in
    /// several writes, so one string being visible does not mean the rest of its frame is.
    @discardableResult
    func waitFor(allOf texts: [String], timeout: Duration = .seconds(10)) throws -> String {
        try waitUntil(timeout: timeout, "all of \(texts)") { screen in texts.allSatisfy { screen.contains($0) } }
    }

    /// Polls the pane every 50 ms until `condition` holds; throws with the last screen after
    /// `timeout`.
    @discardableResult
    func waitUntil(timeout: Duration = .seconds(10), _ what: String = "condition", _ condition: (String) -> Bool)
        throws -> String
    {
        let deadline = ContinuousClock.now + timeout
        var screen = ""
        while true {
            screen = (try? capture()) ?? screen
            if condition(screen) { return screen }
            if ContinuousClock.now >= deadline { break }
            usleep(50_000)
        }
        throw Failure(description: "timed out after \(timeout) waiting for \(what); screen was:\n\(screen)")
    }

    // MARK: Input

    /// Sends tmux key names (`q`, `Enter`, `C-c`, `Left`, `S-Left`, `BTab`, `PPage`, ...).
    func sendKeys(_ keys: String...) throws {
        try check(tmux(["send-keys", "-t", "main"] + keys), "send-keys")
    }

    /// Types `text` literally, with no key-name lookup.
    func type(_ text: String) throws {
        try check(tmux(["send-keys", "-t", "main", "-l", text]), "send-keys -l")
    }

    /// Sends raw bytes (`send-keys -H`), e.g. a mouse report.
    func sendBytes(_ bytes: [UInt8]) throws {
        // Two digits each: tmux 3.3a ignores a single-digit byte such as "d".
        let hex = bytes.map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
        try check(tmux(["send-keys", "-t", "main", "-H"] + hex), "send-keys -H")
    }

    /// Clicks the left button at 0-based column `x`, row `y` with X10 mouse reports (press,
    /// then release), which is what ncurses reads under `TERM=tmux-256color`.
    func click(x: Int, y: Int) throws {
        precondition(x >= 0 && x < 223 && y >= 0 && y < 223, "X10 mouse reports cover 223 cells")
        let column = UInt8(x + 33)
        let row = UInt8(y + 33)
        try sendBytes([0x1B, 0x5B, 0x4D, 0x20, column, row])
        try sendBytes([0x1B, 0x5B, 0x4D, 0x23, column, row])
    }

    /// Resizes the window; the program sees SIGWINCH (ncurses: `KEY_RESIZE`).
    func resize(width: Int, height: Int) throws {
        try check(tmux(["resize-window", "-t", "main", "-x", String(width), "-y", String(height)]), "resize-window")
        self.width = width
        self.height = height
    }

    // MARK: The program's life

    /// A tmux format for the pane, e.g. `#{pane_dead}` or `#{window_width}`.
    func display(_ format: String) throws -> String {
        let result = try tmux(["display-message", "-p", "-t", "main", format])
        guard result.status == 0 else { throw Failure(description: "display-message failed: \(result.output)") }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The program's exit status once it has exited (128 + signal when killed), else nil.
    func exitStatus() throws -> Int32? {
        guard let text = try? String(contentsOfFile: statusFile, encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Waits for the program to exit and returns its status (128 + signal when killed).
    func waitForExit(timeout: Duration = .seconds(10)) throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let status = try exitStatus() { return status }
            usleep(50_000)
        }
        throw Failure(description: "timed out after \(timeout) waiting for exit; screen was:\n\((try? capture()) ?? "")")
    }

    /// The program's process id (the wrapper shell's child), or nil once it has exited.
    func programPID() throws -> pid_t? {
        guard let wrapper = pid_t(try display("#{pane_pid}")) else { return nil }
        let children = (try? String(contentsOfFile: "/proc/\(wrapper)/task/\(wrapper)/children", encoding: .utf8)) ?? ""
        guard let first = children.split(separator: " ").first, let pid = pid_t(first) else { return nil }
        // After the program exits the wrapper execs `sleep`, which has no children.
        return try exitStatus() == nil ? pid : nil
    }

    /// Sends `signal` to the program (not to tmux or the wrapper).
    func signalProgram(_ signal: Int32) throws {
        guard let pid = try programPID() else { throw Failure(description: "the program is not running") }
        guard kill(pid, signal) == 0 else { throw Failure(description: "kill \(pid) failed: errno \(errno)") }
    }

    /// Kills the private server and everything in it; safe to call more than once.
    func stop() {
        guard !stopped else { return }
        stopped = true
        _ = try? tmux(["kill-server"])
        unlink(statusFile)
    }

    // MARK: Running tmux

    private func tmux(_ arguments: [String]) throws -> CommandResult {
        try TmuxHarness.run(["tmux", "-L", socketName] + arguments)
    }

    private func check(_ result: CommandResult, _ what: String) throws {
        guard result.status == 0 else { throw Failure(description: "tmux \(what) failed: \(result.output)") }
    }

    /// Runs a program found on `PATH` with stdin from /dev/null and stdout+stderr into a
    /// temporary file; kills it if it outlives `timeout`.
    static func run(_ arguments: [String], timeout: Duration = .seconds(10)) throws -> CommandResult {
        var template = Array("\(NSTemporaryDirectory())/chanscope-tmux-XXXXXX".utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw Failure(description: "mkstemp failed: errno \(errno)") }
        close(descriptor)
        let outputPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(outputPath) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil  // a test run inside tmux must not talk to the user's server
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }

        // The test runner's threads block signals and that mask is inherited; a tmux server
        // with SIGCHLD blocked never learns its pane's exit status. Start with a clean slate.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw Failure(description: "cannot start \(arguments[0]): error \(spawned)") }

        let deadline = ContinuousClock.now + timeout
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { throw Failure(description: "waitpid failed: errno \(errno)") }
            if ContinuousClock.now >= deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw Failure(description: "\(arguments.joined(separator: " ")) timed out after \(timeout)")
            }
            usleep(5_000)
        }
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exitCode: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return CommandResult(status: exitCode, output: output)
    }

    /// The full path of an executable named `name` on `PATH`, or nil.
    static func findOnPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    // MARK: Finding the program under test

    /// The build products folder holding this test binary (e.g. `.build/debug`), found from
    /// `/proc/self/exe` or `CommandLine.arguments[0]`.
    static func buildProductsDirectory() -> String? {
        var starts: [String] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            starts.append(exe)
        }
        if let first = CommandLine.arguments.first {
            starts.append(URL(fileURLWithPath: first).standardizedFileURL.path)
        }
        for start in starts {
            var url = URL(fileURLWithPath: start)
            // Walk up out of a bundle (`*.xctest/Contents/MacOS/...`) to the products folder.
            for _ in 0..<6 {
                url.deleteLastPathComponent()
                if url.path == "/" { break }
                let name = url.lastPathComponent
                if name == "debug" || name == "release" { return url.path }
            }
        }
        return nil
    }

    /// The built executable `name` (default `chanscope`) next to the test binary, or nil if
    /// it has not been built.
    static func builtExecutable(named name: String = "chanscope") -> String? {
        guard let products = buildProductsDirectory() else { return nil }
        let candidate = "\(products)/\(name)"
        return access(candidate, X_OK) == 0 ? candidate : nil
    }
}
