import Foundation
import Testing
@testable import ChanscopeEngine

/// The schema is the one source of the preset format: the README shows what it declares.
@Suite("Preset schema")
struct PresetSchemaTests {
    @Test("The README's preset format section holds the reference printed from the schema")
    func readmeMatchesSchema() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let reference = PresetSchema.reference
        #expect(readme.contains(reference), "README.md's Preset format section should contain:\n\(reference)")
    }

    @Test("Every declared key and step keyword is unique where it is declared")
    func uniqueDeclarations() {
        func unique(_ keys: [String]) -> Bool { Set(keys).count == keys.count }
        #expect(unique(PresetSchema.topLevel.map(\.key)))
        #expect(unique(PresetSchema.channelFields.map(\.key)))
        #expect(unique(PresetSchema.knobFields.map(\.key)))
        #expect(unique(PresetSchema.groupFields.map(\.key)))
        #expect(unique(PresetSchema.stepKeywords))
    }
}
