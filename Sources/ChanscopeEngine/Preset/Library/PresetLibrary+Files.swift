import Foundation

/// The file-system side of `PresetLibrary`: finding preset files in folders and showing paths.
extension PresetLibrary {
    /// The `.yaml`/`.yml` entries in the folders, one per name (first folder wins), by name.
    ///
    /// Entries of any kind are kept (a FIFO, a directory, a broken link), so that the listing
    /// names them with the reason they are skipped instead of leaving the user guessing.
    static func presetFiles(in folders: [String]) -> [(name: String, path: String, folder: String)] {
        var found: [String: (path: String, folder: String)] = [:]
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
                if !name.isEmpty, found[name] == nil { found[name] = ("\(folder)/\(entry)", folder) }
            }
        }
        return found.sorted { $0.key < $1.key }.map { (name: $0.key, path: $0.value.path, folder: $0.value.folder) }
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

    /// A file's path as messages should show it: as the user typed it, or relative to the
    /// working directory when that is the process's own, since short paths read better in
    /// errors. A relative path that would read as a built-in's pseudo-path gets a `./`.
    static func display(_ path: String, original: String?, workingDirectory: String) -> String {
        let cwd = standardized(FileManager.default.currentDirectoryPath)
        let shown: String
        if let original, !original.hasPrefix("/"), standardized(workingDirectory) == cwd {
            shown = original
        } else {
            let full = standardized(path)
            shown = full.hasPrefix(cwd + "/") ? String(full.dropFirst(cwd.count + 1)) : full
        }
        return BuiltInPreset.name(inPath: shown) == nil ? shown : "./" + shown
    }
}
