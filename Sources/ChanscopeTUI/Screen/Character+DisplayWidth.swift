/// Terminal column width of characters, without asking the C library.
///
/// WHY not `wcwidth`: it depends on the process locale (it returns -1 for every non-ASCII
/// character under `LANG=C`), and views must lay out the same way in tests and in the terminal.
extension Character {
    /// Columns this character takes in a terminal: 0 (control or combining), 1, or 2 (wide).
    public var displayWidth: Int {
        guard let first = unicodeScalars.first else { return 0 }
        let value = first.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x7F { return 1 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control, .lineSeparator,
            .paragraphSeparator, .surrogate:
            return 0
        default:
            break
        }
        if unicodeScalars.count > 1,
            unicodeScalars.contains(where: { $0.value == 0xFE0F || $0.properties.isEmojiModifier })
        {
            return 2
        }
        if first.properties.isEmojiPresentation { return 2 }
        if Character.isWide(value) { return 2 }
        return 1
    }

    /// East Asian Wide and Fullwidth ranges (the common blocks, not the whole table).
    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
            0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
