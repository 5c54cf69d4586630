import ChanscopeEngine
import Foundation

/// Writes `BuiltInPreset+Lessons.swift` from `presets/*.yaml`, so the lessons compiled into the
/// binary are the files, byte for byte, and a test can tell when someone forgot to regenerate.
///
/// The text goes into multi-line string literals so that a change to a preset reads as the
/// same change in the generated file's diff; only `\`, a third `"` in a row and control
/// characters other than newline and tab are escaped.
enum BuiltInPresetSource {
    /// Set to 1, the generation test rewrites the file instead of failing.
    static let regenerateKey = "CHANSCOPE_REGENERATE_PRESETS"

    /// The command that regenerates the file, for the failure message and the file's header.
    static let command = "\(regenerateKey)=1 swift test --filter BuiltInPresetSourceTests"

    /// The generated file, inside the package.
    static let relativePath = "Sources/ChanscopeEngine/Preset/Library/BuiltInPreset+Lessons.swift"

    /// The package root: the folder holding `presets/`.
    static var packageRoot: String { URL(fileURLWithPath: LessonPresets.folder).deletingLastPathComponent().path }

    /// The presets in `presets/`, one per name (`.yaml` before `.yml`), by name.
    static func presetsOnDisk() throws -> [BuiltInPreset] {
        var seen: Set<String> = []
        return try LessonPresets.files().compactMap { file in
            let name = String(file[..<file.lastIndex(of: ".")!])
            guard seen.insert(name).inserted else { return nil }
            return BuiltInPreset(name: name, yaml: try String(contentsOfFile: "\(LessonPresets.folder)/\(file)", encoding: .utf8))
        }
    }

    /// The Swift source declaring `BuiltInPreset.lessons` as `presets`.
    static func render(_ presets: [BuiltInPreset]) -> String {
        var source = """
            // Generated from presets/*.yaml by `\(command)`.
            // Do not edit: change the file in presets/ and regenerate; a test fails while the two differ.

            extension BuiltInPreset {
                /// The lesson presets of `presets/`, by name, compiled in so they work from any directory.
                public static let lessons: [BuiltInPreset] = [

            """
        for preset in presets {
            source += "        BuiltInPreset(name: \(String(reflecting: preset.name)), yaml: \"\"\"\n"
            source += literalBody(preset.yaml) + "\n\"\"\"),\n"
        }
        return source + "    ]\n}\n"
    }

    /// `text` as the body of a multi-line string literal whose closing `"""` is at column 0.
    static func literalBody(_ text: String) -> String {
        var body = ""
        var quotesInARow = 0
        for scalar in text.unicodeScalars {
            quotesInARow = scalar == "\"" ? quotesInARow + 1 : 0
            switch scalar {
            case "\\": body += "\\\\"
            case "\r": body += "\\r"
            case "\"" where quotesInARow == 3:
                body += "\\\""
                quotesInARow = 0
            case "\n", "\t": body.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: body += "\\u{\(String(scalar.value, radix: 16))}"
            default: body.unicodeScalars.append(scalar)
            }
        }
        return body
    }
}
