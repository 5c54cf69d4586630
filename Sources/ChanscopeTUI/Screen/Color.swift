/// A terminal colour, named rather than numbered so views never depend on a palette.
///
/// WHY named: the ncurses backend maps these to the 8 or 16 colours a terminal has, and drops
/// them entirely in monochrome (`NO_COLOR`), so a view must never rely on colour alone.
public enum Color: Hashable, Sendable, CaseIterable {
    /// The terminal's own foreground or background.
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    /// Bright black; dims text on most palettes.
    case gray
    case brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite
}
