import ArgumentParser

/// The `chanscope` command: the TUI by default, plus `run`, `presets` and `bench`.
@main
struct Chanscope: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chanscope",
        abstract: "A terminal visualiser for concurrency experiments over real channels.",
        subcommands: [BenchCommand.self])
}
