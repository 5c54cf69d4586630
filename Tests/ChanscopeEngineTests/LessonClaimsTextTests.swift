import ChanscopeEngine
import Foundation
import Testing

/// The lesson texts themselves: short lines for the lesson strip, in the screen's words.
extension LessonClaims {
    /// The lesson's lines, blank ones left out.
    static func lines(_ name: String) throws -> [String] {
        try LessonPresets.load(name).lesson.split(separator: "\n").map(String.init)
            .filter { !$0.allSatisfy(\.isWhitespace) }
    }

    @Test("Every lesson is 3-6 short lines (under 90 characters), one observation or action each")
    func lessonStripLines() throws {
        for name in LessonPresets.required {
            let lines = try Self.lines(name)
            #expect((3...6).contains(lines.count), "\(name): \(lines.count) lines")
            for line in lines {
                #expect(line.count <= 90, "\(name): \(line.count) characters: \(line)")
            }
        }
    }

    @Test("Lessons use the screen's words, not paraphrases of them")
    func screenWords() throws {
        // Worker states on screen are send-blocked, recv-blocked, polling; the counters are
        // attempted, received, dropped, overwritten, failed, discarded.
        let paraphrases = ["blocked on send", "blocked on receive", "waits on receive", "blocks on send", "polling (empty)"]
        for name in LessonPresets.required {
            let lesson = try LessonPresets.load(name).lesson
            for phrase in paraphrases {
                #expect(!lesson.lowercased().contains(phrase), "\(name) says \"\(phrase)\"")
            }
        }
    }
}
