import ArgumentParser
import ChanscopeEngine
import Foundation

/// Options shared by everything that loads and runs an experiment.
struct ExperimentOptions: ParsableArguments {
    @Option(name: .customLong("set"), help: ArgumentHelp("Set a knob before starting (repeatable), e.g. --set consume_ms=50. Also CH.capacity and GROUP.workers.", valueName: "KNOB=VALUE"))
    var overrides: [String] = []

    @Option(help: ArgumentHelp("Samples per second for the screen, the recording and the summary.", valueName: "N"))
    var sampleHz: Double = 10

    @Option(help: ArgumentHelp("Seed for the sleep jitter, to repeat a run exactly.", valueName: "N"))
    var seed: UInt64 = 0x5EED

    @Option(help: ArgumentHelp(
        "Memory at which the producers of a growing channel are held (default: a quarter of this machine's), e.g. 256MB.",
        valueName: "SIZE"))
    var maxMemory: String?

    /// The memory limit asked for, or the machine's default.
    var memoryLimit: MemoryLimit { maxMemory.flatMap(MemoryLimit.parse) ?? .machineDefault }

    @Option(help: ArgumentHelp("Another folder to look for presets in (after ./presets, before $CHANSCOPE_PRESETS and the built-in ones).", valueName: "DIR"))
    var presetsDir: String?

    func validate() throws {
        guard sampleHz >= 0.1 && sampleHz <= 100 else {
            throw ValidationError("--sample-hz must be between 0.1 and 100")
        }
        if let maxMemory, MemoryLimit.parse(maxMemory) == nil {
            throw ValidationError(
                "--max-memory: \"\(maxMemory.terminalSafe)\" is not a size from \(MemoryLimit(bytes: MemoryLimit.smallest)) to this machine's memory (e.g. 256MB, 2GB)")
        }
    }

    /// Loads the named preset (or the built-in one) with the overrides applied, or prints the
    /// problems and exits non-zero.
    func loadPreset(_ nameOrPath: String?) throws -> Preset {
        do {
            var preset = Preset.builtInDefault
            if let nameOrPath {
                let path = try PresetLibrary.resolve(
                    nameOrPath, presetsDir: presetsDir, environment: ProcessInfo.processInfo.environment,
                    workingDirectory: FileManager.default.currentDirectoryPath)
                preset = try PresetLibrary.load(path: path)
            }
            return try preset.applying(overrides: overrides)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
