import Foundation
import Testing

/// No conversion from a floating-point value to an integer can trap: every one goes through the
/// checked helpers (`Int(saturating:)`, `UInt64(saturating:)`), whose file is the only place
/// that converts directly (and `Channels/Timeout.swift`, which checks the range on the line
/// before, since the channel library does not depend on the engine).
@Suite struct CheckedConversionsTests {
    static let allowed: Set<String> = ["ChanscopeEngine/Text/Double+Saturating.swift", "Channels/Timeout.swift"]

    /// The package's `Sources` folder, found from this file.
    static var sources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
    }

    /// An integer initialiser called on an expression that is floating point by its looks: it
    /// rounds, scales by a float literal, or converts from `Double`/`Float`.
    static let suspicious = try! NSRegularExpression(
        pattern: #"\b(U?Int(8|16|32|64)?)\((?!saturating:|clamping:|exactly:|bitPattern:|truncatingIfNeeded:)[^()\n]*(\([^()\n]*\)[^()\n]*)*(\.rounded\(|Double\(|Float\(|\d\.\d|\de\d)"#)

    @Test func everyFloatToIntegerConversionIsChecked() throws {
        let enumerator = try #require(FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil))
        var offending: [String] = []
        var files = 0
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            files += 1
            let relative = url.path.replacingOccurrences(of: Self.sources.path + "/", with: "")
            guard !Self.allowed.contains(relative) else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = String(line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                let range = NSRange(code.startIndex..., in: code)
                if Self.suspicious.firstMatch(in: code, range: range) != nil {
                    offending.append("\(relative):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(files > 100, "the sources were found (\(files) files)")
        #expect(offending.isEmpty, "unchecked conversions:\n\(offending.joined(separator: "\n"))")
    }

    @Test func theScanFindsWhatItLooksFor() {
        func flagged(_ line: String) -> Bool {
            Self.suspicious.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
        }
        #expect(flagged("let n = Int(value.rounded())"))
        #expect(flagged("UInt64(milliseconds * 1e6)"))
        #expect(flagged("Int(Double(count) * 0.99)"))
        #expect(!flagged("Int(saturating: value.rounded())"))
        #expect(!flagged("Int(text)"))
        #expect(!flagged("UInt64(put + 1)"))
    }
}
