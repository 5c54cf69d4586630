/// The characters the widgets draw with, in a Unicode and an ASCII flavour.
///
/// WHY a value: widgets stay pure and testable with either set; which one a run uses is decided
/// once at start (`GlyphSet.detect(forceASCII:)`, from `--ascii` or a non-UTF-8 locale).
public struct GlyphSet: Hashable, Sendable {
    /// Eight sparkline levels, lowest first.
    public var sparkline: [Character]
    public var gaugeFull: Character
    public var gaugeEmpty: Character
    public var slotFilled: Character
    public var slotEmpty: Character
    public var sliderTrack: Character
    public var sliderKnob: Character
    public var worker: Character
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    public var arrow: String
    public var ellipsis: String
    /// True for the set that only uses ASCII.
    public var isASCII: Bool

    /// Box drawing, blocks and geometric shapes: needs a UTF-8 locale and terminal.
    public static let unicode = GlyphSet(
        sparkline: Array("▁▂▃▄▅▆▇█"), gaugeFull: "█", gaugeEmpty: "░",
        slotFilled: "■", slotEmpty: "□", sliderTrack: "─", sliderKnob: "●", worker: "●",
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└",
        bottomRight: "┘", arrow: "→", ellipsis: "…", isASCII: false)

    /// Only printable ASCII: works on any terminal and locale.
    public static let ascii = GlyphSet(
        sparkline: Array(" .:-=+*#"), gaugeFull: "#", gaugeEmpty: ".",
        slotFilled: "#", slotEmpty: ".", sliderTrack: "-", sliderKnob: "O", worker: "o",
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+",
        bottomRight: "+", arrow: "->", ellipsis: "...", isASCII: true)
}
