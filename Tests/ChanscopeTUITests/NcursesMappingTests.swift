import CNcursesw
import Testing

@testable import ChanscopeTUI

/// The parts of the ncurses backend that need no terminal: key decoding and error messages.
/// (Opening a real terminal is covered by the tmux end-to-end tests.)
@Suite struct NcursesMappingTests {
    @Test func functionKeys() {
        #expect(NcursesBackend.key(forKeyCode: KEY_UP) == .up)
        #expect(NcursesBackend.key(forKeyCode: KEY_SLEFT) == .shiftLeft)
        #expect(NcursesBackend.key(forKeyCode: KEY_SRIGHT) == .shiftRight)
        #expect(NcursesBackend.key(forKeyCode: KEY_PPAGE) == .pageUp)
        #expect(NcursesBackend.key(forKeyCode: KEY_NPAGE) == .pageDown)
        #expect(NcursesBackend.key(forKeyCode: KEY_BTAB) == .shiftTab)
        #expect(NcursesBackend.key(forKeyCode: KEY_HOME) == .home)
        #expect(NcursesBackend.key(forKeyCode: KEY_END) == .end)
        #expect(NcursesBackend.key(forKeyCode: KEY_F0 + 1) == nil)
    }

    @Test func characters() {
        #expect(NcursesBackend.key(forCharacter: 9) == .tab)
        #expect(NcursesBackend.key(forCharacter: 13) == .enter)
        #expect(NcursesBackend.key(forCharacter: 10) == .enter)
        #expect(NcursesBackend.key(forCharacter: 27) == .escape)
        #expect(NcursesBackend.key(forCharacter: 127) == .backspace)
        #expect(NcursesBackend.key(forCharacter: 3) == .ctrlC)
        #expect(NcursesBackend.key(forCharacter: 1) == nil)
        #expect(NcursesBackend.key(forCharacter: 0x71) == .character("q"))
        #expect(NcursesBackend.key(forCharacter: 0x20) == .character(" "))
        #expect(NcursesBackend.key(forCharacter: 0xE9) == .character("é"))
        #expect(NcursesBackend.key(forCharacter: 0xD800) == nil)
    }

    @Test func shimExposesMacros() {
        #expect(chanscope_A_BOLD != 0)
        #expect(chanscope_A_REVERSE != chanscope_A_BOLD)
        #expect(chanscope_BUTTON1_PRESSED != 0)
        #expect(chanscope_ALL_MOUSE_EVENTS & chanscope_BUTTON1_PRESSED != 0)
    }

    @Test func errorMessagesAreOneLine() {
        let unknown = TerminalError.cannotOpenTerminal(term: "foo").description
        #expect(unknown == "chanscope: cannot open terminal \"foo\" (unknown TERM?); use --headless or set TERM")
        #expect(!TerminalError.cannotOpenTerminal(term: nil).description.contains("\n"))
        #expect(TerminalError.notATerminal.description.contains("--headless"))
    }
}
