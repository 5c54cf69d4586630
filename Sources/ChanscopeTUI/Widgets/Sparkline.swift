/// A bar per value, newest at the right, scaled so the largest value fills the height.
///
/// WHY right-aligned: the newest sample sits at a fixed place the eye returns to; older ones
/// scroll left and fall off. With fewer values than columns the left stays blank.
public struct Sparkline: Widget {
    public var values: [Double]
    /// The value drawn as a full bar; nil means the largest visible value.
    public var maximum: Double?
    public var style: Style
    public var glyphs: GlyphSet

    public init(values: [Double], maximum: Double? = nil, style: Style = .plain, glyphs: GlyphSet = .unicode) {
        self.values = values
        self.maximum = maximum
        self.style = style
        self.glyphs = glyphs
    }

    public func draw(in rect: Rect, on grid: inout Grid) {
        let area = rect.intersection(grid.area)
        guard !rect.isEmpty, !area.isEmpty, glyphs.sparkline.count == 8 else { return }
        let visible = Array(values.suffix(rect.width))
        let top = maximum ?? visible.max() ?? 0
        let firstColumn = rect.maxX - visible.count
        for (offset, value) in visible.enumerated() {
            // Eighths of a cell for the whole bar; any positive value shows at least one.
            var eighths = 0
            if top > 0, value.isFinite, value > 0 {
                let scaled = min(value, top) / top * Double(rect.height * 8)
                eighths = max(1, Int(saturating: scaled.rounded()))
            }
            for level in 0..<rect.height {
                let row = rect.maxY - 1 - level
                let part = min(8, max(0, eighths - level * 8))
                let character: Character = part == 0 ? " " : glyphs.sparkline[part - 1]
                if area.contains(x: firstColumn + offset, y: row) {
                    grid.set(x: firstColumn + offset, y: row, Cell(character, style: style))
                }
            }
        }
    }
}
