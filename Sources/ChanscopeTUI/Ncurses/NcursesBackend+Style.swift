import CNcursesw

/// Turning a `Style` into ncurses attributes and a colour pair.
///
/// WHY lazy pairs: terminals offer a limited number of pairs and the views use a handful, so a
/// pair is made the first time a combination is drawn and reused after.
extension NcursesBackend {
    func attributesAndPair(for style: Style) -> (attr_t, Int16) {
        var attributes = chanscope_A_NORMAL
        if style.bold { attributes |= chanscope_A_BOLD }
        if style.dim { attributes |= chanscope_A_DIM }
        if style.reverse { attributes |= chanscope_A_REVERSE }
        if style.underline { attributes |= chanscope_A_UNDERLINE }
        guard usesColor else { return (attributes, 0) }
        let (foreground, brighten) = colorNumber(style.foreground, isForeground: true)
        let (background, _) = colorNumber(style.background, isForeground: false)
        if brighten { attributes |= chanscope_A_BOLD }
        return (attributes, pair(foreground: foreground, background: background, key: ColorPairKey(
            foreground: style.foreground, background: style.background)))
    }

    /// The ncurses colour number; on 8-colour terminals bright foregrounds become bold.
    private func colorNumber(_ color: Color, isForeground: Bool) -> (Int16, brighten: Bool) {
        let base: Int16
        var bright = false
        switch color {
        case .default:
            if hasDefaultColors { return (-1, false) }
            return (isForeground ? Int16(COLOR_WHITE) : Int16(COLOR_BLACK), false)
        case .black: base = Int16(COLOR_BLACK)
        case .red: base = Int16(COLOR_RED)
        case .green: base = Int16(COLOR_GREEN)
        case .yellow: base = Int16(COLOR_YELLOW)
        case .blue: base = Int16(COLOR_BLUE)
        case .magenta: base = Int16(COLOR_MAGENTA)
        case .cyan: base = Int16(COLOR_CYAN)
        case .white: base = Int16(COLOR_WHITE)
        case .gray: base = Int16(COLOR_BLACK); bright = true
        case .brightRed: base = Int16(COLOR_RED); bright = true
        case .brightGreen: base = Int16(COLOR_GREEN); bright = true
        case .brightYellow: base = Int16(COLOR_YELLOW); bright = true
        case .brightBlue: base = Int16(COLOR_BLUE); bright = true
        case .brightMagenta: base = Int16(COLOR_MAGENTA); bright = true
        case .brightCyan: base = Int16(COLOR_CYAN); bright = true
        case .brightWhite: base = Int16(COLOR_WHITE); bright = true
        }
        guard bright else { return (base, false) }
        if colorCount >= 16 { return (base + 8, false) }
        if color == .gray { return (Int16(COLOR_WHITE), false) }
        return (base, isForeground)
    }

    private func pair(foreground: Int16, background: Int16, key: ColorPairKey) -> Int16 {
        if foreground == -1, background == -1 { return 0 }
        if let existing = pairs[key] { return existing }
        let next = pairs.count + 1
        guard next < pairLimit else { return 0 }  // out of pairs: default colours, still legible
        init_pair(Int16(next), foreground, background)
        pairs[key] = Int16(next)
        return Int16(next)
    }
}
