import Foundation

/// Finds preset files by name in the folders a user would expect, and lists them.
///
/// `chanscope run backpressure` should work from the repository, from an installed copy
/// pointed at a folder with `--presets`, and from anywhere with `$CHANSCOPE_PRESETS`; the
/// folders are searched in that order, so a local file always wins over an installed one.
public enum PresetLibrary {
    /// The environment variable naming a folder of presets.
    public static let environmentKey = "CHANSCOPE_PRESETS"

    /// The path of the preset file `nameOrPath` means.
    ///
    /// An existing file, or anything ending in `.yaml`/`.yml`, is a path (relative to
    /// `workingDirectory`); a missing one is left for the loader to report. Otherwise it is a
    /// name, looked up as `NAME.yaml` (then `NAME.yml`) in `searchFolders`; an unknown name
    /// throws one line listing the names that do exist.
    public static func resolve(
        _ nameOrPath: String, presetsDir: String?, environment: [String: String], workingDirectory: String
    ) throws(PresetError) -> String {
        let asPath = absolute(nameOrPath, in: workingDirectory)
        if isFile(asPath) || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") {
            return display(asPath, original: nameOrPath, workingDirectory: workingDirectory)
        }
        let folders = searchFolders(presetsDir: presetsDir, environment: environment, workingDirectory: workingDirectory)
        for folder in folders {
            for ext in ["yaml", "yml"] {
                let candidate = "\(folder)/\(nameOrPath).\(ext)"
                if exists(candidate) {
                    return display(candidate, original: nil, workingDirectory: workingDirectory)
                }
            }
        }
        throw PresetError(file: "", line: nil, path: "", message: PresetWording.unknownPreset(
            nameOrPath, known: presetFiles(in: folders).map(\.name), folders: folders))
    }

    /// The folders searched for preset names, in order: `WD/presets`, `presetsDir`,
    /// `$CHANSCOPE_PRESETS`, each once.
    public static func searchFolders(presetsDir: String?, environment: [String: String], workingDirectory: String) -> [String] {
        var folders = [absolute("presets", in: workingDirectory)]
        if let presetsDir, !presetsDir.isEmpty { folders.append(absolute(presetsDir, in: workingDirectory)) }
        if let folder = environment[environmentKey], !folder.isEmpty { folders.append(absolute(folder, in: workingDirectory)) }
        var seen: Set<String> = []
        return folders.map { standardized($0) }.filter { seen.insert($0).inserted }
    }

    /// Every preset in the search folders, one per name (the first folder wins), sorted by
    /// file name; files that do not load are listed with their error. An entry that is not a
    /// regular file (a FIFO, a device, a directory) is listed with the reason and never read.
    public static func listAll(presetsDir: String?, environment: [String: String], workingDirectory: String) -> [PresetListing] {
        let folders = searchFolders(presetsDir: presetsDir, environment: environment, workingDirectory: workingDirectory)
        return presetFiles(in: folders).map { file in
            let path = display(file.path, original: nil, workingDirectory: workingDirectory)
            do throws(PresetError) {
                let preset = try PresetLoader.load(path: path)
                return PresetListing(name: file.name, title: preset.name, summary: preset.summary, path: path, error: nil)
            } catch {
                return PresetListing(name: file.name, title: nil, summary: nil, path: path, error: error)
            }
        }
    }

    // MARK: - Files

    /// The `.yaml`/`.yml` entries in the folders, one per name (first folder wins), by name.
    ///
    /// Entries of any kind are kept (a FIFO, a directory, a broken link), so that the listing
    /// names them with the reason they are skipped instead of leaving the user guessing.
    static func presetFiles(in folders: [String]) -> [(name: String, path: String)] {
        var found: [String: String] = [:]
        for folder in folders {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for entry in entries.sorted() {
                let name: String
                if entry.hasSuffix(".yaml") {
                    name = String(entry.dropLast(5))
                } else if entry.hasSuffix(".yml") {
                    name = String(entry.dropLast(4))
                } else {
                    continue
                }
                let path = "\(folder)/\(entry)"
                if !name.isEmpty, found[name] == nil { found[name] = path }
            }
        }
        return found.sorted { $0.key < $1.key }.map { (name: $0.key, path: $0.value) }
    }

    /// Whether something is at `path` (after following links); what it is, the loader checks.
    static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    /// Whether `path` names something other than a directory: what a path given on the command
    /// line must be to be taken as a path rather than a preset name.
    static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    static func absolute(_ path: String, in workingDirectory: String) -> String {
        path.hasPrefix("/") ? path : "\(workingDirectory)/\(path)"
    }

    static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// A path as messages should show it: as the user typed it, or relative to the working
    /// directory when that is the process's own, since short paths read better in errors.
    static func display(_ path: String, original: String?, workingDirectory: String) -> String {
        let cwd = standardized(FileManager.default.currentDirectoryPath)
        if let original, !original.hasPrefix("/"), standardized(workingDirectory) == cwd { return original }
        let full = standardized(path)
        if full.hasPrefix(cwd + "/") { return String(full.dropFirst(cwd.count + 1)) }
        return full
    }
}
