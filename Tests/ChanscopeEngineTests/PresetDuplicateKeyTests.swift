import Foundation
import Testing
@testable import ChanscopeEngine

/// Duplicate keys are all found in one pass, however many there are.
@Suite("Duplicate keys")
struct PresetDuplicateKeyTests {
    /// A preset of about 1 MB whose `count` knobs each repeat `max`, with a long lesson.
    static func largePreset(duplicates: Int) -> String {
        var lines = ["name: Large", "summary: Many duplicates.", "lesson: |"]
        let lessonLine = "  " + String(repeating: "watch: this line is long and says nothing. ", count: 20)
        lines += Array(repeating: lessonLine, count: 1000)
        lines += ["channels:", "  work: { kind: bounded, capacity: 8 }", "knobs:"]
        for index in 0..<duplicates {
            lines.append("  k\(index): { value: 1, min: 0, max: 10, max: 20 }")
        }
        lines += ["workers:", "  producer:", "    loop: [ make, { send: work } ]", "    loop: [ make ]",
                  "  consumer: { loop: [ { recv: work } ] }"]
        return lines.joined(separator: "\n")
    }

    @Test("A 1 MB file with 101 duplicates lists them all after composing once")
    func manyDuplicatesOnePass() {
        let yaml = Self.largePreset(duplicates: 101)
        #expect(yaml.utf8.count > 800_000 && yaml.utf8.count < PresetLimits.fileBytes)
        var passes = 0
        var lines: [String] = []
        do {
            _ = try PresetLoader.parse(yaml: yaml, source: "big.yaml") { text in
                passes += 1
                return try PresetLoader.composeWithYams(text)
            }
        } catch {
            lines = error.lines
        }
        #expect(passes == 1)
        #expect(lines.count == 102)
        let firstKnobLine = 3 + 1000 + 3 + 1
        #expect(lines.first == "big.yaml:\(firstKnobLine): knobs.k0.max: duplicate key \"max\" (first on line \(firstKnobLine))")
        #expect(lines[100] == "big.yaml:\(firstKnobLine + 100): knobs.k100.max: duplicate key \"max\" (first on line \(firstKnobLine + 100))")
        let loopLine = firstKnobLine + 101 + 2
        #expect(lines.last == "big.yaml:\(loopLine + 1): workers.producer.loop: duplicate key \"loop\" (first on line \(loopLine))")
    }

    @Test("Lines that look like keys inside a block scalar or quotes are text, not keys")
    func blockScalarsAreText() throws {
        let yaml = Preset.builtInDefaultYAML.replacingOccurrences(
            of: "lesson: |\n", with: "lesson: |\n  x: 1\n  x: 2\n") + "\n# x: 3"
        let preset = try PresetLoader.parse(yaml: yaml, source: "t.yaml")
        #expect(preset.lesson.hasPrefix("x: 1\nx: 2\n"))
        let quoted = Preset.builtInDefaultYAML.replacingOccurrences(
            of: "label: Producer wait", with: "label: \"a: b, label: c\"")
        #expect(try PresetLoader.parse(yaml: quoted, source: "q.yaml").knobs[0].label == "a: b, label: c")
    }

    @Test("Repeats are found in block sequences, in flow mappings across lines, in quotes and with CRLF")
    func scanShapes() {
        #expect(DuplicateKeyScan.marking("loop:\n  - send: a\n    send: b\n  - send: c\n").renamed == 1)
        #expect(DuplicateKeyScan.marking("a: {\n  x: 1,\n  x: 2 }\nb: { x: 3 }\n").renamed == 1)
        #expect(DuplicateKeyScan.marking("\"k\": 1\r\nk: 2\r\n").renamed == 1)
        #expect(DuplicateKeyScan.marking("a:\n  x: 1\nb:\n  x: 2\n").renamed == 0)
        #expect(DuplicateKeyScan.marking("s: 'x: 1, x: 2'\nt: \"y: 1 # y: 2\"\n").renamed == 0)
        #expect(presetProblems("name: A\r\nname: B\r\nsummary: S\r\nchannels:\r\nworkers:\r\n").first
            == "x.yaml:2: name: duplicate key \"name\" (first on line 1)")
        let marked = DuplicateKeyScan.marking("a: 1\na: 2\na: 3\n")
        #expect(marked.renamed == 2)
        #expect(marked.text == "a: 1\na\(DuplicateKeyScan.marker)0: 2\na\(DuplicateKeyScan.marker)1: 3\n")
    }

    @Test("The scan renames nothing in the course presets and the built-in default")
    func noFalseDuplicates() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("presets")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(!files.isEmpty)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(DuplicateKeyScan.marking(text).renamed == 0, "\(file)")
        }
        #expect(DuplicateKeyScan.marking(Preset.builtInDefaultYAML).renamed == 0)
    }

    @Test("A syntax error after a repeated key is reported as the syntax error it is")
    func syntaxErrorWithDuplicates() {
        #expect(presetProblems("name: A\nname: B\n- x\n") == [
            "x.yaml:3: invalid YAML: did not find expected key (while parsing a block mapping on line 1)",
        ])
    }

    @Test("A misread scan falls back to composing the unmarked text")
    func fallback() {
        let yaml = "name: T\nsummary: S\nchannels: { c: { kind: unbounded } }\n"
            + "workers: { w: { loop: [ make, { send: c } ] } }\nname: U\n"
        #expect(DuplicateKeyScan.matches(try? PresetLoader.composeWithYams("a: 1"), renamed: 1) == false)
        #expect(presetProblems(yaml) == ["x.yaml:5: name: duplicate key \"name\" (first on line 1)"])
    }
}
