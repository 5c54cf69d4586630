/// Turns a preset file's bytes into text, accepting what editors commonly write.
///
/// Editors on Windows save UTF-8 with a byte-order mark, which YAML allows and the loader must
/// not trip over; others save UTF-16, which would otherwise surface as a baffling "invalid
/// UTF-8" or "found a NUL character" message, so it is named as such with the fix.
enum PresetText {
    /// The UTF-8 byte-order mark.
    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The bytes as text without a leading byte-order mark, or why they are not text.
    static func decode(_ bytes: [UInt8]) -> Result<String, PresetFileRefusal> {
        if looksLikeUTF16(bytes) { return .failure(.utf16) }
        let body = bytes.starts(with: utf8BOM) ? bytes[utf8BOM.count...] : bytes[...]
        guard let text = String(validating: body, as: UTF8.self) else { return .failure(.notUTF8) }
        return .success(text)
    }

    /// Text with a leading U+FEFF removed, for YAML handed over as a string.
    static func withoutBOM(_ text: String) -> String {
        guard text.unicodeScalars.first == "\u{FEFF}" else { return text }
        return String(text.unicodeScalars.dropFirst())
    }

    /// Whether the bytes start with a UTF-16 byte-order mark, or look like UTF-16 without one:
    /// NUL bytes in the first 512, all at even or all at odd offsets (ASCII in UTF-16 has a NUL
    /// in every other byte; UTF-8 text has no NUL at all).
    static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 2 else { return false }
        if (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) { return true }
        let head = bytes.prefix(512)
        let nulOffsets = head.indices.filter { head[$0] == 0 }.map { $0 % 2 }
        return !nulOffsets.isEmpty && Set(nulOffsets).count == 1
    }
}
