import ChanscopeEngine
import Foundation
import Testing

/// The presets built into the binary are the files in `presets/`, and each loads as a file would.
@Suite("Built-in presets")
struct BuiltInPresetSourceTests {
    @Test("The generated BuiltInPreset+Lessons.swift matches presets/*.yaml (else regenerate it)")
    func generatedFileIsCurrent() throws {
        let path = BuiltInPresetSource.packageRoot + "/" + BuiltInPresetSource.relativePath
        let expected = BuiltInPresetSource.render(try BuiltInPresetSource.presetsOnDisk())
        let current = try String(contentsOfFile: path, encoding: .utf8)
        guard current != expected else { return }
        if ProcessInfo.processInfo.environment[BuiltInPresetSource.regenerateKey] == "1" {
            try expected.write(toFile: path, atomically: true, encoding: .utf8)
            print("rewrote \(path); build again to compile it in")
        } else {
            Issue.record("\(BuiltInPresetSource.relativePath) differs from presets/*.yaml; run: \(BuiltInPresetSource.command)")
        }
    }

    @Test("The compiled-in texts are the files, byte for byte")
    func textsMatchTheFiles() throws {
        #expect(BuiltInPreset.lessons == (try BuiltInPresetSource.presetsOnDisk()))
    }

    @Test("Every course preset is built in and loads with a <built-in> source equal to its file")
    func everyLessonLoads() throws {
        #expect(BuiltInPreset.lessons.map(\.name).sorted() == LessonPresets.required.sorted())
        for builtIn in BuiltInPreset.lessons {
            let preset = try builtIn.load()
            #expect(preset.source == "<built-in>/\(builtIn.name).yaml")
            #expect(preset == (try LessonPresets.load(builtIn.name)).with(source: preset.source))
        }
    }

    @Test("Escaping keeps backslashes, triple quotes and control characters intact")
    func escaping() {
        let text = "a\\b \"\"\"\" c\r\n\u{1B}[0m\t\"\"\n"
        #expect(BuiltInPresetSource.literalBody(text) == "a\\\\b \"\"\\\"\" c\\r\n\\u{1b}[0m\t\"\"\n")
    }
}
