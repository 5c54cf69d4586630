import Foundation
import Testing

/// No `Synchronization.Mutex` in the sources: the thread sanitizer cannot see its futex-based
/// locking and reports races in correct code (it did, on the readers-writers database), and a
/// sanitizer run must stay free of reports to mean anything. `Locked` (a pthread mutex) is the
/// lock to use.
@Suite struct NoMutexTests {
    @Test func theSourcesUseLockedNotMutex() throws {
        let enumerator = try #require(FileManager.default.enumerator(at: CheckedConversionsTests.sources, includingPropertiesForKeys: nil))
        var offending: [String] = []
        var files = 0
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            files += 1
            let text = try String(contentsOf: url, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                if code.range(of: #"\bMutex\s*[<(]"#, options: .regularExpression) != nil {
                    offending.append("\(url.lastPathComponent):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(files > 100, "the sources were found (\(files) files)")
        #expect(offending.isEmpty, "Mutex in:\n\(offending.joined(separator: "\n"))")
    }
}
