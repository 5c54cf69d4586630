import ArgumentParser
import ChanscopeEngine
import ChanscopeTUI
import Foundation

/// `chanscope run [PRESET]`: the experiment on screen, or headless with a summary.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run an experiment on screen, or headless with a summary table.",
        discussion: """
            PRESET is a path to a YAML file or a name, looked up as NAME.yaml in ./presets, then \
            --presets-dir, then $CHANSCOPE_PRESETS, then among the built-in lessons (builtin:NAME for \
            the built-in one). Without PRESET the built-in default experiment runs.
            """)

    @Argument(help: "A preset name or a path to a preset file; default: the built-in experiment.")
    var preset: String?

    @OptionGroup var experiment: ExperimentOptions

    @Flag(help: "Run without a screen and print a summary at the end.")
    var headless = false

    @Option(help: ArgumentHelp("Seconds to run headless (ends early once every group has finished).", valueName: "S"))
    var duration: Double = 10

    @Option(help: ArgumentHelp("Record every sample to this CSV file (never overwritten).", valueName: "FILE"))
    var record: String?

    @Flag(help: "Draw with ASCII only (automatic when the locale is not UTF-8).")
    var ascii = false

    @Flag(help: "Start paused: the first frame shows the set-up, space starts the workers.")
    var paused = false

    func validate() throws {
        if paused && headless { throw ValidationError("--paused needs the screen; a headless run starts at once") }
        if let problem = HeadlessOptions.durationProblem(duration) { throw ValidationError(problem) }
    }

    func run() throws {
        let loaded = try experiment.loadPreset(preset)
        if headless {
            try runHeadless(loaded)
        } else {
            let options = AppOptions(
                sampleHz: experiment.sampleHz, seed: experiment.seed, forceASCII: ascii, recordPath: record,
                presetsDir: experiment.presetsDir, startPaused: paused, memoryLimit: experiment.memoryLimit)
            do {
                try App.run(preset: loaded, options: options)
            } catch let error as TerminalError {
                FileHandle.standardError.write(Data("\(error)\n".utf8))  // already says "chanscope:"
                throw ExitCode(1)
            } catch {
                FileHandle.standardError.write(Data("chanscope: \("\(error)".terminalSafe)\n".utf8))
                throw ExitCode(1)
            }
            // Ended by SIGINT, SIGTERM or SIGHUP: cleaned up, and the status says so (130, 143, 129).
            if let signal = TerminalSignals.receivedQuitSignal {
                throw ExitCode(TerminalSignals.exitStatus(forQuitSignal: signal))
            }
        }
    }

    private func runHeadless(_ preset: Preset) throws {
        let showProgress = isatty(STDERR_FILENO) == 1
        let options = HeadlessOptions(
            duration: duration, sampleHz: experiment.sampleHz, recordPath: record, seed: experiment.seed,
            memoryLimit: experiment.memoryLimit)
        let stop = HeadlessStop()
        let signals = HeadlessSignals(stopping: stop)
        let result: HeadlessResult
        do {
            result = try HeadlessRunner.run(preset, options: options, stop: stop) { snapshot in
                guard showProgress else { return }
                FileHandle.standardError.write(Data(("\r\u{1B}[K" + ProgressLine.render(snapshot, duration: options.duration)).utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("chanscope: \("\(error)".terminalSafe)\n".utf8))
            throw ExitCode(1)
        }
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        print(SummaryTable.render(result), terminator: "")
        if let record {
            print("recorded \(result.rowsRecorded) rows to \(record)")
        }
        if let failure = result.recordingFailure {
            FileHandle.standardError.write(Data("chanscope: \(failure.terminalSafe)\n".utf8))
            throw ExitCode(1)
        }
        if !result.violations.isEmpty {
            throw ExitCode(3)
        }
        if let signal = signals.receivedSignal {
            throw ExitCode(TerminalSignals.exitStatus(forQuitSignal: signal))
        }
    }
}
