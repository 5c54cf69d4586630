#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import ChanscopeEngine

/// Hostile files: only regular UTF-8 files within the size limit are read, and nothing hangs.
@Suite("Reading preset files", .timeLimit(.minutes(1)))
struct PresetFileTests {
    /// A fresh temporary folder, removed by `remove()`.
    struct Folder {
        let path = NSTemporaryDirectory() + "chanscope-files-\(UUID().uuidString)"

        init() throws {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }

        func write(_ name: String, _ bytes: [UInt8]) throws -> String {
            let file = "\(path)/\(name)"
            try Data(bytes).write(to: URL(fileURLWithPath: file))
            return file
        }

        func remove() {
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// The problem lines loading `path` gives, or `[]` when it loads.
    static func loadProblems(_ path: String) -> [String] {
        problemLines { () throws(PresetError) in _ = try PresetLoader.load(path: path) }
    }

    static let yaml = Array(Preset.builtInDefaultYAML.utf8)

    @Test("A FIFO is refused without waiting for a writer, and listed with the reason")
    func fifo() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let pipe = folder.path + "/pipe.yaml"
        #expect(mkfifo(pipe, 0o600) == 0)
        _ = try folder.write("good.yaml", Self.yaml)
        #expect(Self.loadProblems(pipe) == ["\(pipe): cannot read file: it is a FIFO (named pipe), not a regular file"])
        let list = PresetLibrary.listAll(presetsDir: folder.path, environment: [:], workingDirectory: "/", builtIns: [])
        #expect(list.map(\.name) == ["good", "pipe"])
        #expect(list[0].error == nil)
        #expect(list[1].line.hasSuffix("pipe.yaml: cannot read file: it is a FIFO (named pipe), not a regular file"))
    }

    @Test("A device, a link to one, and a directory are refused by name")
    func devicesAndDirectories() throws {
        let folder = try Folder()
        defer { folder.remove() }
        #expect(Self.loadProblems("/dev/zero") == ["/dev/zero: cannot read file: it is a character device, not a regular file"])
        let link = folder.path + "/zero.yaml"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/zero")
        #expect(Self.loadProblems(link) == ["\(link): cannot read file: it is a character device, not a regular file"])
        try FileManager.default.createDirectory(atPath: folder.path + "/dir.yaml", withIntermediateDirectories: false)
        let list = PresetLibrary.listAll(presetsDir: folder.path, environment: [:], workingDirectory: "/", builtIns: [])
        #expect(list.map(\.name) == ["dir", "zero"])
        #expect(list[0].line.hasSuffix("dir.yaml: cannot read file: it is a directory, not a regular file"))
        #expect(list[1].line.hasSuffix("zero.yaml: cannot read file: it is a character device, not a regular file"))
        let resolved = try PresetLibrary.resolve("dir", presetsDir: folder.path, environment: [:], workingDirectory: "/")
        #expect(Self.loadProblems(resolved).first?.hasSuffix("it is a directory, not a regular file") == true)
    }

    @Test("A file over the size limit is refused with the limit")
    func tooLarge() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let comment = Array("#\n".utf8)
        let padding = [UInt8](repeating: UInt8(ascii: " "), count: PresetLimits.fileBytes - Self.yaml.count - comment.count)
        let atLimit = try folder.write("at.yaml", Self.yaml + comment + padding)
        #expect(Self.loadProblems(atLimit) == [])
        let over = try folder.write("over.yaml", Self.yaml + comment + padding + [UInt8(ascii: " ")])
        #expect(Self.loadProblems(over) == ["\(over): cannot read file: it is larger than 1 MiB, the most a preset may be"])
        #expect(PresetFile.contents(of: atLimit, limit: 100) == .failure(.tooLarge(limit: 100)))
    }

    @Test("A UTF-8 byte-order mark is accepted")
    func utf8BOM() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let file = try folder.write("bom.yaml", PresetText.utf8BOM + Self.yaml)
        #expect(try PresetLoader.load(path: file) == Preset.builtInDefault.with(source: file))
        #expect(try PresetLoader.parse(yaml: "\u{FEFF}" + Preset.builtInDefaultYAML, source: "<built-in>") == Preset.builtInDefault)
    }

    @Test("UTF-16 text is named as such, with or without a byte-order mark")
    func utf16() throws {
        let folder = try Folder()
        defer { folder.remove() }
        for encoding in [String.Encoding.utf16, .utf16BigEndian, .utf16LittleEndian] {
            let data = try #require(Preset.builtInDefaultYAML.data(using: encoding))
            let file = try folder.write("wide.yaml", Array(data))
            #expect(Self.loadProblems(file) == ["\(file): cannot read file: UTF-16 text; save the preset as UTF-8"])
        }
        let latin1 = try folder.write("latin1.yaml", Array("name: caf".utf8) + [0xE9])
        #expect(Self.loadProblems(latin1) == ["\(latin1): cannot read file: not UTF-8 text"])
    }
}

extension Preset {
    /// The preset as if read from `source`.
    func with(source: String) -> Preset {
        var copy = self
        copy.source = source
        return copy
    }
}
