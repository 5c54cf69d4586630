/// How a cell is drawn: colours plus the attributes every terminal has.
///
/// WHY attributes next to colours: in monochrome the backend keeps only bold, dim, reverse and
/// underline, so views that mark state with an attribute as well stay readable without colour.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(
        foreground: Color = .default, background: Color = .default,
        bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    /// The terminal's default look.
    public static let plain = Style()

    /// A copy with the given foreground colour.
    public func fg(_ color: Color) -> Style { var s = self; s.foreground = color; return s }
    /// A copy with the given background colour.
    public func bg(_ color: Color) -> Style { var s = self; s.background = color; return s }
    /// A copy in bold.
    public func bolded(_ on: Bool = true) -> Style { var s = self; s.bold = on; return s }
    /// A copy dimmed.
    public func dimmed(_ on: Bool = true) -> Style { var s = self; s.dim = on; return s }
    /// A copy with foreground and background swapped by the terminal.
    public func reversed(_ on: Bool = true) -> Style { var s = self; s.reverse = on; return s }
    /// A copy underlined.
    public func underlined(_ on: Bool = true) -> Style { var s = self; s.underline = on; return s }
}
