import Glibc

/// Choosing the glyph set for this run from `--ascii` and the locale.
///
/// WHY the locale: under a non-UTF-8 locale ncurses cannot draw box or block characters (they
/// come out as `lqqk` or blanks), so the screen falls back to ASCII by itself.
extension GlyphSet {
    /// ASCII when forced or when the locale is not UTF-8; Unicode otherwise.
    ///
    /// Calls `setlocale(LC_ALL, "")` so the answer reflects the environment.
    public static func detect(forceASCII: Bool) -> GlyphSet {
        if forceASCII { return .ascii }
        return localeIsUTF8() ? .unicode : .ascii
    }

    /// True when the environment's locale uses UTF-8 (after `setlocale(LC_ALL, "")`).
    public static func localeIsUTF8() -> Bool {
        setlocale(LC_ALL, "")
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
