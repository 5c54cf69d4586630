/// One glyph per slot of a small buffer, the first `filled` of them marked.
///
/// WHY: for a capacity of a few messages, seeing each slot teaches more than a bar; when the
/// slots do not fit, `fits` says so and the caller draws a `Gauge` instead.
public struct SlotRow: Widget {
    public var capacity: Int
    public var filled: Int
    /// Blank columns between slots.
    public var spacing: Int
    public var filledStyle: Style
    public var emptyStyle: Style
    public var glyphs: GlyphSet

    public init(
        capacity: Int, filled: Int, spacing: Int = 1, filledStyle: Style = .plain,
        emptyStyle: Style = Style.plain.dimmed(), glyphs: GlyphSet = .unicode
    ) {
        self.capacity = capacity
        self.filled = filled
        self.spacing = spacing
        self.filledStyle = filledStyle
        self.emptyStyle = emptyStyle
        self.glyphs = glyphs
    }

    /// Columns needed to show every slot.
    public var requiredWidth: Int {
        capacity <= 0 ? 0 : capacity + (capacity - 1) * max(0, spacing)
    }

    /// True when every slot fits in `width` columns.
    public func fits(width: Int) -> Bool { capacity > 0 && requiredWidth <= width }

    /// Draws the slots on the first row of `rect`; draws nothing if they do not all fit.
    public func draw(in rect: Rect, on grid: inout Grid) {
        guard rect.height > 0, fits(width: rect.width) else { return }
        let area = rect.intersection(grid.area)
        let marked = min(capacity, max(0, filled))
        for slot in 0..<capacity {
            let x = rect.x + slot * (1 + max(0, spacing))
            guard area.contains(x: x, y: rect.y) else { continue }
            let cell = slot < marked
                ? Cell(glyphs.slotFilled, style: filledStyle) : Cell(glyphs.slotEmpty, style: emptyStyle)
            grid.set(x: x, y: rect.y, cell)
        }
    }
}
