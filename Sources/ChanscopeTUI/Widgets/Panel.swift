/// A box with a title on its top border.
///
/// WHY return the inner rect: the caller lays out content inside the border without repeating
/// the border arithmetic. Smaller than 2x2 there is no room for a box, so nothing is drawn.
public struct Panel: Widget {
    public var title: String
    public var style: Style
    public var titleStyle: Style
    public var glyphs: GlyphSet

    public init(
        title: String = "", style: Style = .plain, titleStyle: Style = Style.plain.bolded(),
        glyphs: GlyphSet = .unicode
    ) {
        self.title = title
        self.style = style
        self.titleStyle = titleStyle
        self.glyphs = glyphs
    }

    /// The area inside the border.
    public func inner(of rect: Rect) -> Rect { rect.inset(by: 1) }

    public func draw(in rect: Rect, on grid: inout Grid) {
        let r = rect.intersection(grid.area)
        guard r == rect, rect.width >= 2, rect.height >= 2 else {
            drawClipped(in: rect, on: &grid)
            return
        }
        let horizontal = String(repeating: glyphs.horizontal, count: rect.width - 2)
        grid.put(String(glyphs.topLeft) + horizontal + String(glyphs.topRight), x: rect.x, y: rect.y, style: style)
        grid.put(
            String(glyphs.bottomLeft) + horizontal + String(glyphs.bottomRight), x: rect.x, y: rect.maxY - 1,
            style: style)
        for row in (rect.y + 1)..<(rect.maxY - 1) {
            grid.set(x: rect.x, y: row, Cell(glyphs.vertical, style: style))
            grid.set(x: rect.maxX - 1, y: row, Cell(glyphs.vertical, style: style))
        }
        // " title " after the corner, leaving the far corner visible.
        let room = rect.width - 4
        guard !title.isEmpty, room > 0 else { return }
        let text = title.clipped(toWidth: room, ellipsis: glyphs.ellipsis)
        grid.put(" " + text + " ", x: rect.x + 1, y: rect.y, style: titleStyle, maxWidth: rect.width - 2)
    }

    /// Draws into a grid that cuts the rect: render on a scratch grid and copy the visible part.
    private func drawClipped(in rect: Rect, on grid: inout Grid) {
        let visible = rect.intersection(grid.area)
        guard !visible.isEmpty, rect.width >= 2, rect.height >= 2 else { return }
        var scratch = Grid(width: rect.width, height: rect.height)
        draw(in: scratch.area, on: &scratch)
        for y in visible.y..<visible.maxY {
            for x in visible.x..<visible.maxX {
                grid.set(x: x, y: y, scratch[x - rect.x, y - rect.y])
            }
        }
    }
}
