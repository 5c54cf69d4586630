import ArgumentParser

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
}
