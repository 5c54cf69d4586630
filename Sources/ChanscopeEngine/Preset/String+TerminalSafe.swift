extension String {
    /// The text with every control character shown as a Swift escape, e.g. ESC as `\u{1B}`.
    ///
    /// Preset files, their names and their keys are written by someone else; printed raw, an ESC
    /// in a summary could move the cursor, recolour the terminal or retitle the window, and a
    /// newline would break the one-line form of a problem. So every C0 control (tab and newline
    /// included), DEL and every C1 control (U+0080...U+009F, which some terminals obey like ESC
    /// sequences) is replaced by `\u{XX}` in upper-case hex: unambiguous, easy to search for, and
    /// the form a Swift string literal would use. So are the bidirectional embeddings, overrides
    /// and isolates (U+202A...U+202E, U+2066...U+2069), which would reorder the rest of the line
    /// on screen (a name could seem to read backwards). Everything else, including non-ASCII
    /// text, is kept as it is.
    public var terminalSafe: String {
        guard unicodeScalars.contains(where: Self.isTerminalControl) else { return self }
        var result = ""
        result.reserveCapacity(utf8.count + 8)
        for scalar in unicodeScalars {
            if Self.isTerminalControl(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether a terminal may act on the scalar instead of showing it: C0, DEL or C1, or a
    /// bidirectional embedding, override or isolate.
    static func isTerminalControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
    }
}
