import Testing
@testable import ChanscopeEngine

/// Text quoted from a preset never reaches the terminal as control characters.
@Suite("Terminal-safe preset text")
struct PresetTerminalSafeTests {
    @Test("C0, DEL and C1 controls are escaped; other text, non-ASCII included, is kept")
    func escapes() {
        #expect("plain café ✓".terminalSafe == "plain café ✓")
        #expect("a\u{1B}[31mb".terminalSafe == "a\\u{1B}[31mb")
        #expect("tab\there\nnew".terminalSafe == "tab\\u{9}here\\u{A}new")
        #expect("\u{7F}\u{9B}\u{85}\u{A0}".terminalSafe == "\\u{7F}\\u{9B}\\u{85}\u{A0}")
        #expect("\u{0}".terminalSafe == "\\u{0}")
    }

    @Test("A problem line escapes names and keys quoted from the file")
    func problemLines() {
        let lines = presetProblems(PresetProblemTests.preset(replacing: 2, with: "\"sum\\e]0;owned\\aary\": S"))
        #expect(lines.count == 2)
        #expect(lines[1].hasPrefix("x.yaml:2: sum\\u{1B}]0;owned\\u{7}ary: unknown key \"sum\\u{1B}]0;owned\\u{7}ary\""))
        #expect(!lines.joined().unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }
}
