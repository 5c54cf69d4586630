import ArgumentParser
import ChanscopeEngine
import Foundation

/// `chanscope presets`: every preset `run` can find by name, with its summary, under where it
/// comes from.
///
/// A file of the same name as a built-in preset replaces it, so each name appears once, under
/// the folder it is read from: a lecturer sees at a glance which lessons their files override.
/// Names, summaries and folder paths come from files and the environment, so each is printed
/// through `terminalSafe`: a control character in a summary is shown, never obeyed.
struct PresetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presets",
        abstract: "List the presets in ./presets, --presets-dir and $CHANSCOPE_PRESETS, and the built-in ones.")

    @Option(help: ArgumentHelp("Another folder to look for presets in.", valueName: "DIR"))
    var presetsDir: String?

    func run() throws {
        let listings = PresetLibrary.listAll(
            presetsDir: presetsDir, environment: ProcessInfo.processInfo.environment,
            workingDirectory: FileManager.default.currentDirectoryPath)
        let width = listings.map(\.name.terminalSafe.count).max() ?? 0
        for group in Self.groups(listings) {
            print(group.heading)
            for listing in group.listings {
                let name = listing.name.terminalSafe
                print("  " + name + String(repeating: " ", count: width - name.count) + "  " + listing.line.terminalSafe)
            }
        }
    }

    /// The listings by where they come from, in name order within each: every folder in the
    /// order it first appears, then the built-in presets.
    static func groups(_ listings: [PresetListing]) -> [(heading: String, listings: [PresetListing])] {
        var folders: [String] = []
        for folder in listings.compactMap(\.folder) where !folders.contains(folder) { folders.append(folder) }
        let files = folders.map { folder in
            (heading: "From \(folder.terminalSafe)/:", listings: listings.filter { $0.folder == folder })
        }
        let builtIn = listings.filter { $0.folder == nil }
        return files + (builtIn.isEmpty ? [] : [(heading: "Built in:", listings: builtIn)])
    }
}
