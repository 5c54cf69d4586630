import ArgumentParser
import ChanscopeEngine
import Foundation

/// `chanscope presets`: every preset found, with its summary.
///
/// Names, summaries and folder paths come from files and the environment, so each is printed
/// through `terminalSafe`: a control character in a summary is shown, never obeyed.
struct PresetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presets",
        abstract: "List the presets found in ./presets, --presets-dir and $CHANSCOPE_PRESETS.")

    @Option(help: ArgumentHelp("Another folder to look for presets in.", valueName: "DIR"))
    var presetsDir: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let listings = PresetLibrary.listAll(
            presetsDir: presetsDir, environment: environment, workingDirectory: FileManager.default.currentDirectoryPath)
        if listings.isEmpty {
            let folders = PresetLibrary.searchFolders(
                presetsDir: presetsDir, environment: environment, workingDirectory: FileManager.default.currentDirectoryPath)
            print("no presets found (looked in: \(folders.joined(separator: ", ").terminalSafe))")
            print("`chanscope` alone runs the built-in experiment.")
            return
        }
        let names = listings.map(\.name.terminalSafe)
        let width = names.map(\.count).max() ?? 0
        for (name, listing) in zip(names, listings) {
            print(name + String(repeating: " ", count: width - name.count) + "  " + listing.line.terminalSafe)
        }
    }
}
