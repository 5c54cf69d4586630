import Foundation

/// Finds presets by name where a user would expect them, lists them, and loads either kind.
///
/// `chanscope run backpressure` should work from the repository, from an installed copy
/// pointed at a folder with `--presets-dir`, from anywhere with `$CHANSCOPE_PRESETS`, and from
/// anywhere at all for the lessons built into the binary. Folders are searched first and the
/// built-in presets last, so a lecturer's `./presets/realtime.yaml` overrides the lesson.
public enum PresetLibrary {
    /// The environment variable naming a folder of presets.
    public static let environmentKey = "CHANSCOPE_PRESETS"

    /// The path of the preset `nameOrPath` means: a file path or a built-in's pseudo-path
    /// (`builtin:realtime`), for `load(path:)`.
    ///
    /// A built-in's pseudo-path means that built-in, even when a file shadows it. An existing
    /// file, or anything ending in `.yaml`/`.yml`, is a path (relative to `workingDirectory`);
    /// a missing one is left for the loader to report. Otherwise it is a name, looked up as
    /// `NAME.yaml` (then `NAME.yml`) in `searchFolders`, then among `builtIns`; an unknown name
    /// throws one line listing the names that do exist.
    public static func resolve(
        _ nameOrPath: String, presetsDir: String?, environment: [String: String], workingDirectory: String,
        builtIns: [BuiltInPreset] = BuiltInPreset.lessons
    ) throws(PresetError) -> String {
        if let name = BuiltInPreset.name(inPath: nameOrPath), let builtIn = builtIns.first(where: { $0.name == name }) {
            return builtIn.path
        }
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
        if let builtIn = builtIns.first(where: { $0.name == nameOrPath }) { return builtIn.path }
        let known = Set(presetFiles(in: folders).map(\.name)).union(builtIns.map(\.name)).sorted()
        throw PresetError(file: "", line: nil, path: "", message: PresetWording.unknownPreset(
            nameOrPath, known: known, folders: folders + (builtIns.isEmpty ? [] : ["the built-in presets"])))
    }

    /// The preset at `path`, as `resolve` and `listAll` give paths: a built-in's pseudo-path
    /// (`builtin:realtime`) reads the compiled-in text, anything else is a file.
    public static func load(path: String, builtIns: [BuiltInPreset] = BuiltInPreset.lessons) throws(PresetError) -> Preset {
        guard let name = BuiltInPreset.name(inPath: path) else { return try PresetLoader.load(path: path) }
        guard let builtIn = builtIns.first(where: { $0.name == name }) else {
            throw PresetError(file: "", line: nil, path: "", message: PresetWording.unknownPreset(
                path, known: builtIns.map(\.name), folders: []))
        }
        return try builtIn.load()
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

    /// Every preset `resolve` can find by name, one per name, sorted by name: the files in the
    /// search folders (the first folder wins), then the built-in presets no file shadows.
    ///
    /// Files that do not load are listed with their error. An entry that is not a regular file
    /// (a FIFO, a device, a directory) is listed with the reason and never read.
    public static func listAll(
        presetsDir: String?, environment: [String: String], workingDirectory: String,
        builtIns: [BuiltInPreset] = BuiltInPreset.lessons
    ) -> [PresetListing] {
        let folders = searchFolders(presetsDir: presetsDir, environment: environment, workingDirectory: workingDirectory)
        let files = presetFiles(in: folders).map { file in
            listing(
                file.name, path: display(file.path, original: nil, workingDirectory: workingDirectory),
                folder: display(file.folder, original: nil, workingDirectory: workingDirectory), builtIns: builtIns)
        }
        let shadowed = Set(files.map(\.name))
        let unshadowed = builtIns.filter { !shadowed.contains($0.name) }.map { builtIn in
            listing(builtIn.name, path: builtIn.path, folder: nil, builtIns: builtIns)
        }
        return (files + unshadowed).sorted { $0.name < $1.name }
    }

    /// One entry of `listAll`, loaded the way `load(path:)` will load it when chosen.
    private static func listing(_ name: String, path: String, folder: String?, builtIns: [BuiltInPreset]) -> PresetListing {
        do throws(PresetError) {
            let preset = try load(path: path, builtIns: builtIns)
            return PresetListing(name: name, title: preset.name, summary: preset.summary, path: path, error: nil, folder: folder)
        } catch {
            return PresetListing(name: name, title: nil, summary: nil, path: path, error: error, folder: folder)
        }
    }
}
