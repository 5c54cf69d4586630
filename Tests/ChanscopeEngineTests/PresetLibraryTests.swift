import Foundation
import Testing
@testable import ChanscopeEngine

@Suite("Finding and listing presets")
struct PresetLibraryTests {
    /// A fresh folder tree: `wd/presets`, `dir` (for --presets) and `env` (for $CHANSCOPE_PRESETS).
    struct Folders {
        let root: String
        var wd: String { root + "/wd" }
        var dir: String { root + "/dir" }
        var env: String { root + "/env" }

        init() throws {
            root = NSTemporaryDirectory() + "chanscope-presets-\(UUID().uuidString)"
            for folder in [root + "/wd/presets", root + "/dir", root + "/env"] {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
        }

        /// The built-in default preset's text with another summary, to tell copies apart.
        static func yaml(summary: String) -> String {
            Preset.builtInDefaultYAML.replacingOccurrences(
                of: "summary: One producer and one consumer share a bounded channel of 8 messages.",
                with: "summary: \(summary)")
        }

        func write(_ folder: String, _ file: String, summary: String) throws {
            try Self.yaml(summary: summary).write(toFile: folder + "/" + file, atomically: true, encoding: .utf8)
        }

        func resolve(_ name: String, builtIns: [BuiltInPreset] = []) throws(PresetError) -> String {
            try PresetLibrary.resolve(
                name, presetsDir: dir, environment: ["CHANSCOPE_PRESETS": env], workingDirectory: wd, builtIns: builtIns)
        }

        func listAll(builtIns: [BuiltInPreset] = []) -> [PresetListing] {
            PresetLibrary.listAll(presetsDir: dir, environment: ["CHANSCOPE_PRESETS": env], workingDirectory: wd, builtIns: builtIns)
        }

        func remove() {
            try? FileManager.default.removeItem(atPath: root)
        }
    }

    @Test("Names are looked up in WD/presets, then --presets, then $CHANSCOPE_PRESETS")
    func resolutionOrder() throws {
        let folders = try Folders()
        defer { folders.remove() }
        try folders.write(folders.wd + "/presets", "a.yaml", summary: "a in wd")
        try folders.write(folders.dir, "a.yaml", summary: "a in dir")
        try folders.write(folders.dir, "b.yaml", summary: "b in dir")
        try folders.write(folders.env, "b.yaml", summary: "b in env")
        try folders.write(folders.env, "c.yml", summary: "c in env")

        #expect(try folders.resolve("a").hasSuffix("/wd/presets/a.yaml"))
        #expect(try folders.resolve("b").hasSuffix("/dir/b.yaml"))
        #expect(try folders.resolve("c").hasSuffix("/env/c.yml"))
        #expect(try PresetLoader.load(path: folders.resolve("b")).summary == "b in dir")
    }

    @Test("Paths are used as paths, even when the file is missing")
    func paths() throws {
        let folders = try Folders()
        defer { folders.remove() }
        try folders.write(folders.dir, "x.yaml", summary: "x")
        #expect(try folders.resolve(folders.dir + "/x.yaml") == folders.dir + "/x.yaml")
        let missing = try folders.resolve("gone.yaml")
        #expect(missing.hasSuffix("/wd/gone.yaml"))
        #expect(throws: PresetError.self) { try PresetLoader.load(path: missing) }
    }

    @Test("An unknown name lists the known ones")
    func unknownName() throws {
        let folders = try Folders()
        defer { folders.remove() }
        try folders.write(folders.wd + "/presets", "backpressure.yaml", summary: "x")
        try folders.write(folders.env, "rendezvous.yaml", summary: "y")
        do {
            _ = try folders.resolve("backpresure")
            Issue.record("expected an error")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.description.hasPrefix(
                "unknown preset \"backpresure\" (presets: backpressure, rendezvous; looked in "))
            #expect(error.description.contains(folders.dir))
        }
    }

    @Test("Listing keeps the first of each name, sorts by file name and shows broken files")
    func listing() throws {
        let folders = try Folders()
        defer { folders.remove() }
        try folders.write(folders.wd + "/presets", "b.yaml", summary: "b in wd")
        try folders.write(folders.dir, "b.yaml", summary: "b in dir")
        try folders.write(folders.dir, "a.yaml", summary: "a in dir")
        try "name: Broken\n".write(toFile: folders.env + "/c.yaml", atomically: true, encoding: .utf8)
        try "not a preset".write(toFile: folders.env + "/notes.txt", atomically: true, encoding: .utf8)

        let list = folders.listAll()
        #expect(list.map(\.name) == ["a", "b", "c"])
        #expect(list.map(\.summary) == ["a in dir", "b in wd", nil])
        #expect(list[0].title == "Producer and consumer")
        #expect(list[2].error?.problems.count == 3)
        #expect(list[2].line.hasSuffix("/env/c.yaml:1: summary: required key is missing"))
    }

    @Test("Search folders skip repeats and empty settings")
    func searchFolders() {
        let folders = PresetLibrary.searchFolders(presetsDir: "/tmp/wd/presets", environment: ["CHANSCOPE_PRESETS": ""],
                                                  workingDirectory: "/tmp/wd")
        #expect(folders == ["/tmp/wd/presets"])
    }
}
