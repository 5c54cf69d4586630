/// One row of text: a left part and a right-aligned part, clipped with an ellipsis.
///
/// WHY both parts in one widget: title and status lines put a name on the left and a clock on
/// the right; when the row is short the left text gives way first, marked by the ellipsis.
public struct TextLine: Widget {
    public var left: String
    public var right: String
    public var leftStyle: Style
    public var rightStyle: Style
    public var ellipsis: String

    public init(
        left: String = "", right: String = "", style: Style = .plain, rightStyle: Style? = nil,
        ellipsis: String = "…"
    ) {
        self.left = left
        self.right = right
        self.leftStyle = style
        self.rightStyle = rightStyle ?? style
        self.ellipsis = ellipsis
    }

    public func draw(in rect: Rect, on grid: inout Grid) {
        guard !rect.isEmpty else { return }
        let area = rect.intersection(grid.area)
        guard !area.isEmpty else { return }
        let rightText = right.clipped(toWidth: rect.width, ellipsis: ellipsis)
        let gap = rightText.isEmpty || left.isEmpty ? 0 : 1
        let leftRoom = rect.width - rightText.count - gap
        let leftText = left.clipped(toWidth: leftRoom, ellipsis: ellipsis)
        put(leftText, x: rect.x, in: rect, style: leftStyle, on: &grid)
        put(rightText, x: rect.maxX - rightText.count, in: rect, style: rightStyle, on: &grid)
    }

    private func put(_ text: String, x: Int, in rect: Rect, style: Style, on grid: inout Grid) {
        let start = max(x, rect.x)
        let skip = start - x
        grid.put(String(text.dropFirst(skip)), x: start, y: rect.y, style: style, maxWidth: rect.maxX - start)
    }
}
