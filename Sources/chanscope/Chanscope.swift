import ArgumentParser
import ChanscopeEngine
import ChanscopeTUI

/// The `chanscope` command: the TUI by default, plus `run`, `presets` and `bench`.
@main
struct Chanscope: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chanscope",
        abstract: "A terminal visualiser for concurrency experiments over real channels.",
        discussion: """
            With no subcommand, opens the screen on the built-in experiment (one producer, one \
            consumer, a bounded channel). Keys: ? help, q quit.
            """,
        subcommands: [RunCommand.self, PresetsCommand.self, BenchCommand.self],
        defaultSubcommand: RunCommand.self)

    /// Sets up where a crash's backtrace goes before anything else runs (this may execute the
    /// program again, see `CrashLog`), then parses the command line and runs the command.
    /// A worker process (a group on the far side of a kernel transport) is this program started
    /// again by the parent: it runs before anything touches the terminal or re-executes.
    static func main() {
        if WorkerProcess.isRequested { WorkerProcess.run() }
        CrashLog.prepareProcess()
        main(nil)
    }
}
