import Foundation
import Testing
@testable import ChanscopeEngine

/// Where a name is looked up, with presets built into the program last: a path, then
/// `WD/presets`, `--presets-dir`, `$CHANSCOPE_PRESETS`, then the built-in ones.
@Suite("Built-in presets in the lookup order")
struct PresetLookupOrderTests {
    typealias Folders = PresetLibraryTests.Folders

    /// Two made-up built-in presets, so these tests do not depend on the lessons' texts.
    static let builtIns = ["p", "q", "r", "s", "t"].map { BuiltInPreset(name: $0, yaml: Folders.yaml(summary: "\($0) built in")) }

    @Test("A path wins, then WD/presets, --presets-dir, $CHANSCOPE_PRESETS, and the built-in preset last")
    func order() throws {
        let folders = try Folders()
        defer { folders.remove() }
        for name in ["p", "t"] { try folders.write(folders.wd + "/presets", "\(name).yaml", summary: "\(name) in wd") }
        for name in ["p", "q"] { try folders.write(folders.dir, "\(name).yaml", summary: "\(name) in dir") }
        for name in ["p", "q", "r"] { try folders.write(folders.env, "\(name).yaml", summary: "\(name) in env") }
        try folders.write(folders.wd, "t", summary: "t as a path")

        let summaries = try ["p", "q", "r", "s", "t"].map { name in
            try PresetLibrary.load(path: folders.resolve(name, builtIns: Self.builtIns), builtIns: Self.builtIns).summary
        }
        #expect(summaries == ["p in wd", "q in dir", "r in env", "s built in", "t as a path"])
        #expect(try folders.resolve("s", builtIns: Self.builtIns) == "builtin:s")
    }

    @Test("builtin:NAME means the built-in preset even when a file shadows it")
    func explicitBuiltIn() throws {
        let folders = try Folders()
        defer { folders.remove() }
        try folders.write(folders.wd + "/presets", "p.yaml", summary: "p in wd")
        #expect(try folders.resolve("builtin:p", builtIns: Self.builtIns) == "builtin:p")
        #expect(try PresetLibrary.load(path: "builtin:p", builtIns: Self.builtIns).summary == "p built in")
    }

    @Test("A built-in preset is read by the file loader, and its messages name <built-in>/NAME.yaml")
    func builtInSource() throws {
        let broken = [BuiltInPreset(name: "bad", yaml: "name: Broken\n")]
        do {
            _ = try PresetLibrary.load(path: "builtin:bad", builtIns: broken)
            Issue.record("expected an error")
        } catch {
            #expect(error.lines.first == "<built-in>/bad.yaml:1: summary: required key is missing")
        }
        #expect(try PresetLibrary.load(path: "builtin:p", builtIns: Self.builtIns).source == "<built-in>/p.yaml")
        #expect(throws: PresetError.self) { try PresetLibrary.load(path: "builtin:nope", builtIns: Self.builtIns) }
    }

    @Test("The listing shows each name once: a file shadows the built-in preset of its name")
    func listingShadows() throws {
        let folders = try Folders()
        defer { folders.remove() }
        try folders.write(folders.wd + "/presets", "p.yaml", summary: "p in wd")
        try folders.write(folders.env, "a.yaml", summary: "a in env")
        let list = folders.listAll(builtIns: Self.builtIns)
        #expect(list.map(\.name) == ["a", "p", "q", "r", "s", "t"])
        #expect(list.map(\.summary) == ["a in env", "p in wd", "q built in", "r built in", "s built in", "t built in"])
        #expect(list.map(\.isBuiltIn) == [false, false, true, true, true, true])
        #expect(list[1].folder?.hasSuffix("/wd/presets") == true)
        #expect(list[2].folder == nil && list[2].path == "builtin:q")
        #expect(try PresetLibrary.load(path: list[2].path, builtIns: Self.builtIns).summary == "q built in")
    }

    @Test("An unknown name lists the built-in names too")
    func unknownName() throws {
        let folders = try Folders()
        defer { folders.remove() }
        try folders.write(folders.env, "a.yaml", summary: "a in env")
        do {
            _ = try folders.resolve("x", builtIns: Self.builtIns)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("unknown preset \"x\" (presets: a, p, q, r, s, t; looked in "))
            #expect(error.description.hasSuffix(", the built-in presets)"))
        }
    }

    @Test("By default the lessons are built in: realtime resolves and loads from an empty folder")
    func lessonsByDefault() throws {
        let folders = try Folders()
        defer { folders.remove() }
        let path = try PresetLibrary.resolve("realtime", presetsDir: nil, environment: [:], workingDirectory: folders.wd)
        #expect(path == "builtin:realtime")
        #expect(try PresetLibrary.load(path: path).source == "<built-in>/realtime.yaml")
        let names = PresetLibrary.listAll(presetsDir: nil, environment: [:], workingDirectory: folders.wd).map(\.name)
        #expect(names == LessonPresets.required.sorted())
    }
}
