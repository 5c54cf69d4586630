import CNcursesw

/// Decoding what `wget_wch` returns into `InputEvent`s.
///
/// WHY separate: the mapping is a table; keeping it apart from the drawing code makes it easy
/// to check which keys exist (DESIGN.md section 4 lists them).
extension NcursesBackend {
    /// A function key, resize or mouse report (`wget_wch` returned `KEY_CODE_YES`).
    func event(forKeyCode code: Int32) -> InputEvent? {
        switch code {
        case KEY_RESIZE: return .resize(size)
        case KEY_MOUSE: return mouseEvent()
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_SLEFT: return .key(.shiftLeft)
        case KEY_SRIGHT: return .key(.shiftRight)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_BTAB: return .key(.shiftTab)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        default: return nil
        }
    }

    /// A character (already decoded from UTF-8 by ncurses under a UTF-8 locale).
    func event(forCharacter value: UInt32) -> InputEvent? {
        switch value {
        case 3: return .key(.ctrlC)
        case 8, 127: return .key(.backspace)
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .key(.character(Character(scalar)))
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
