import CNcursesw

/// Decoding what `wget_wch` returns into `InputEvent`s.
///
/// WHY separate: the mapping is a table; keeping it apart from the drawing code makes it easy
/// to check which keys exist (the Keymap lists them).
extension NcursesBackend {
    /// A function key, resize or mouse report (`wget_wch` returned `KEY_CODE_YES`).
    func event(forKeyCode code: Int32) -> InputEvent? {
        switch code {
        case KEY_RESIZE: return .resize(size)
        case KEY_MOUSE: return mouseEvent()
        default: return NcursesBackend.key(forKeyCode: code).map(InputEvent.key)
        }
    }

    /// A character (already decoded from UTF-8 by ncurses under a UTF-8 locale).
    func event(forCharacter value: UInt32) -> InputEvent? {
        NcursesBackend.key(forCharacter: value).map(InputEvent.key)
    }

    /// The key for an ncurses key code (`KEY_UP`, `KEY_SLEFT`, ...), or nil if unmapped.
    static func key(forKeyCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_SLEFT: return .shiftLeft
        case KEY_SRIGHT: return .shiftRight
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_BTAB: return .shiftTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        default: return nil
        }
    }

    /// The key for a character code; other control characters are ignored (nil).
    static func key(forCharacter value: UInt32) -> Key? {
        switch value {
        case 3: return .ctrlC
        case 8, 127: return .backspace
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// The pending mouse report, as a press of the left button or nothing.
    private func mouseEvent() -> InputEvent? {
        var report = MEVENT()
        guard getmouse(&report) == OK else { return nil }
        let pressed = chanscope_BUTTON1_PRESSED | chanscope_BUTTON1_CLICKED
        guard report.bstate & pressed != 0 else { return nil }
        return .mousePress(x: Int(report.x), y: Int(report.y))
    }
}
