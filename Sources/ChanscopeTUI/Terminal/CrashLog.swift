import ChanscopeEngine
import Glibc

/// Where a crash's backtrace goes, decided before the Swift runtime reads its settings.
///
/// WHY a re-exec: the runtime reads `SWIFT_BACKTRACE` once, before `main` runs (a `setenv` in
/// `main` was tried and changes nothing). Its default on a terminal is the interactive
/// backtracer, which draws over the screen and waits 30 s for a key, in front of a class. So
/// when the user has not set `SWIFT_BACKTRACE`, the program sets it (no interaction, no colour,
/// the backtrace into `chanscope-crash-PID.txt` in the temporary folder) and executes itself
/// again: same process id, same arguments. A crash then prints one line naming that file
/// (`TerminalSignals.prepareCrashNotice`). A user's own setting is left alone.
public enum CrashLog {
    /// The variable the Swift runtime reads.
    static let variable = "SWIFT_BACKTRACE"

    /// Call first thing in `main`: re-executes with crash-log settings when the user gave none
    /// (and does not return then); otherwise prepares the crash notice and installs the crash
    /// guard, for every command.
    public static func prepareProcess() {
        if getenv(variable) == nil { reexecuteWithSettings() }
        if let value = getenv(variable).map({ String(cString: $0) }), let file = outputFile(inSettings: value) {
            TerminalSignals.prepareCrashNotice(notice(logPath: file), silenceBacktracer: true)
        }
        TerminalSignals.installCrashGuard()
    }

    /// The settings used when the user gave none: no interaction, no colour, into `logPath`.
    static func settings(logPath: String) -> String {
        "interactive=no,color=no,output-to=\(logPath)"
    }

    /// The crash log of process `pid` in `directory` (`TMPDIR`, else /tmp); a folder name the
    /// settings could not hold (a comma or `=`) is replaced by /tmp.
    static func logPath(directory: String?, pid: Int32) -> String {
        var folder = directory ?? "/tmp"
        if folder.isEmpty || folder.contains(",") || folder.contains("=") { folder = "/tmp" }
        while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
        return (folder == "/" ? "" : folder) + "/chanscope-crash-\(pid).txt"
    }

    /// The file named by `output-to=` in a `SWIFT_BACKTRACE` value, or nil when the backtrace
    /// goes to a stream (`stdout`, `stderr`) or the value does not say.
    static func outputFile(inSettings value: String) -> String? {
        for pair in value.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingSpaces == "output-to" else { continue }
            let target = String(parts[1].trimmingSpaces)
            return ["", "stdout", "stderr"].contains(target) ? nil : target
        }
        return nil
    }

    /// The line printed after a crash whose backtrace went to `logPath`.
    static func notice(logPath: String) -> String {
        "chanscope crashed; the backtrace is in \(logPath)".terminalSafe
    }

    /// Sets the variable and executes this program again; returns only if that failed (the
    /// variable is then removed again, so no notice names a file that will not be written).
    private static func reexecuteWithSettings() {
        guard let executable = currentExecutable() else { return }
        let directory = getenv("TMPDIR").map { String(cString: $0) }
        setenv(variable, settings(logPath: logPath(directory: directory, pid: getpid())), 1)
        execv(executable, CommandLine.unsafeArgv)
        unsetenv(variable)
    }

    /// The path of the running executable (Linux: `/proc/self/exe`), or nil.
    private static func currentExecutable() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        let path = String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return access(path, X_OK) == 0 ? path : nil
    }
}

extension Substring {
    /// The text without spaces at either end.
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return text
    }
}
