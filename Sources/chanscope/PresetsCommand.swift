import ArgumentParser
import ChanscopeEngine
import Foundation

/// `chanscope presets`: every preset found, with its summary.
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
            print("no presets found (looked in: \(folders.joined(separator: ", ")))")
            print("`chanscope` alone runs the built-in experiment.")
            return
        }
        let width = listings.map(\.name.count).max() ?? 0
        for listing in listings {
            print(listing.name + String(repeating: " ", count: width - listing.name.count) + "  " + listing.line)
        }
    }
}
