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

    /// The wide characters and attributes stored in `cell`, read back with `getcchar`.
    private func contents(_ cell: cchar_t) -> (scalars: [UInt32], attributes: attr_t, pair: Int16) {
        var copy = cell
        var buffer = [wchar_t](repeating: 0, count: NcursesBackend.scalarsPerCell + 1)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        _ = getcchar(&copy, &buffer, &attributes, &pair, nil)
        return (buffer.prefix { $0 != 0 }.map { UInt32(bitPattern: $0) }, attributes, pair)
    }

    @Test func wideCharactersBecomeOneCCharEach() {
        let bold = chanscope_A_BOLD
        let producer = contents(NcursesBackend.cchar(for: Cell("生"), asciiOnly: false, attributes: bold, pair: 3))
        #expect(producer.scalars == [0x751F])
        #expect(producer.attributes & bold != 0 && producer.pair == 3)
        #expect(contents(NcursesBackend.cchar(for: Cell("🚀"), asciiOnly: false, attributes: 0, pair: 0)).scalars == [0x1F680])
        // A base and its marks stay in one cell.
        #expect(NcursesBackend.wideCharacters(for: Cell("❤️"), asciiOnly: false) == [0x2764, 0xFE0F, 0])
        #expect(NcursesBackend.wideCharacters(for: Cell("é"), asciiOnly: false) == [0xE9, 0])
    }

    @Test func asciiModeAndContinuationsWriteOneColumnEach() {
        #expect(contents(NcursesBackend.cchar(for: Cell("生"), asciiOnly: true, attributes: 0, pair: 0)).scalars == [0x3F])
        #expect(contents(NcursesBackend.cchar(for: .continuation(), asciiOnly: true, attributes: 0, pair: 0)).scalars == [0x20])
        #expect(contents(NcursesBackend.cchar(for: Cell("q"), asciiOnly: true, attributes: 0, pair: 0)).scalars == [0x71])
    }

    @Test func noControlCharacterReachesNcurses() {
        for value: UInt32 in [0x1B, 0x07, 0x7F, 0x9B, 0x0A] {
            let cell = Cell(Character(Unicode.Scalar(value)!))
            #expect(NcursesBackend.wideCharacters(for: cell, asciiOnly: false) == [0x3F, 0], "U+\(String(value, radix: 16))")
        }
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
