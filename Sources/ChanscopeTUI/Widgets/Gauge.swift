/// A bar filled in proportion to a ratio, with a label in its middle or after it.
///
/// WHY two placements: centred saves room in narrow panels; after the bar keeps the text off
/// the bar's glyphs. A label over the filled part is drawn reversed so it stays readable.
public struct Gauge: Widget {
    public enum LabelPlacement: Hashable, Sendable { case centered, after }

    /// Fill from 0 to 1; values outside are clamped, NaN counts as 0.
    public var ratio: Double
    public var label: String
    public var placement: LabelPlacement
    public var style: Style
    public var glyphs: GlyphSet

    public init(
        ratio: Double, label: String = "", placement: LabelPlacement = .after, style: Style = .plain,
        glyphs: GlyphSet = .unicode
    ) {
        self.ratio = ratio
        self.label = label
        self.placement = placement
        self.style = style
        self.glyphs = glyphs
    }

    /// The ratio clamped to 0...1.
    public var clampedRatio: Double { ratio.isNaN ? 0 : min(1, max(0, ratio)) }

    public func draw(in rect: Rect, on grid: inout Grid) {
        guard !rect.isEmpty else { return }
        let row = rect.y
        let area = rect.intersection(grid.area)
        guard !area.isEmpty else { return }
        let labelWidth = placement == .after && !label.isEmpty ? label.count + 1 : 0
        let barWidth = labelWidth > 0 && rect.width - labelWidth >= 1 ? rect.width - labelWidth : rect.width
        let filled = Int(saturating: (clampedRatio * Double(barWidth)).rounded())
        var bar = String(repeating: glyphs.gaugeFull, count: filled)
        bar += String(repeating: glyphs.gaugeEmpty, count: barWidth - filled)
        grid.put(bar, x: rect.x, y: row, style: style, maxWidth: barWidth)
        guard !label.isEmpty else { return }
        if placement == .after, barWidth < rect.width {
            grid.put(" " + label, x: rect.x + barWidth, y: row, style: style, maxWidth: rect.width - barWidth)
            return
        }
        let text = label.clipped(toWidth: barWidth, ellipsis: glyphs.ellipsis)
        let start = rect.x + (barWidth - text.count) / 2
        for (offset, character) in text.enumerated() {
            let x = start + offset
            let onFill = x - rect.x < filled
            grid.set(x: x, y: row, Cell(character, style: onFill ? style.reversed(!style.reverse) : style))
        }
    }
}
