import CNcursesw

/// Turning grid cells into the wide-character cells ncurses writes (`cchar_t`).
///
/// WHY `setcchar` + `wadd_wch`: they take a whole character (up to `CCHARW_MAX` scalars, so an
/// accent or an emoji's variation selector stays with its base) and know that a CJK character or
/// an emoji takes two columns. In ASCII mode (no UTF-8 locale) only ASCII reaches ncurses.
extension NcursesBackend {
    /// Most scalars one ncurses cell holds (`CCHARW_MAX` in ncurses 6).
    static let scalarsPerCell = 5

    /// The zero-terminated wide characters for `cell`: its scalars, or `?` for a character
    /// outside ASCII in ASCII mode, and for any control that could still be in it (never
    /// obeyed by the terminal); a space for a continuation cell.
    static func wideCharacters(for cell: Cell, asciiOnly: Bool) -> [wchar_t] {
        if cell.isContinuation { return [wchar_t(0x20), 0] }
        let scalars = Array(cell.character.unicodeScalars.prefix(scalarsPerCell))
        let safe = scalars.allSatisfy { !isControl($0) && (!asciiOnly || $0.isASCII) }
        guard safe else { return [wchar_t(0x3F), 0] }
        return scalars.map { wchar_t(bitPattern: $0.value) } + [0]
    }

    /// The ncurses cell for `cell` with the given attributes and colour pair.
    static func cchar(for cell: Cell, asciiOnly: Bool, attributes: attr_t, pair: Int16) -> cchar_t {
        var result = cchar_t()
        let characters = wideCharacters(for: cell, asciiOnly: asciiOnly)
        _ = setcchar(&result, characters, attributes, pair, nil)
        return result
    }

    /// Whether the C library thinks a wide cell's character takes one column only, so the
    /// continuation column must be blanked by hand (its tables and ours differ at the edges).
    static func drawsNarrow(_ cell: Cell) -> Bool {
        guard let first = cell.character.unicodeScalars.first else { return false }
        return chanscope_wcwidth(wchar_t(bitPattern: first.value)) == 1
    }

    /// C0, DEL and C1: what a terminal may obey instead of show.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
