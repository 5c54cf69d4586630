/// The footer line of key hints, e.g. `q quit  space pause  ? help`.
///
/// WHY whole hints only: a hint cut in half reads as a different key; hints that do not fit
/// are dropped from the end and an ellipsis shows that there are more (`?` lists them all).
public struct KeyHints: Widget {
    public var hints: [(key: String, text: String)]
    public var keyStyle: Style
    public var textStyle: Style
    public var ellipsis: String

    public init(
        _ hints: [(key: String, text: String)], keyStyle: Style = Style.plain.bolded(),
        textStyle: Style = .plain, ellipsis: String = "…"
    ) {
        self.hints = hints
        self.keyStyle = keyStyle
        self.textStyle = textStyle
        self.ellipsis = ellipsis
    }

    public func draw(in rect: Rect, on grid: inout Grid) {
        guard !rect.isEmpty, !rect.intersection(grid.area).isEmpty else { return }
        var x = rect.x
        for (index, hint) in hints.enumerated() {
            let separator = index == 0 ? 0 : 2
            let width = separator + hint.key.count + 1 + hint.text.count
            let isLast = index == hints.count - 1
            let reserve = isLast ? 0 : 2 + ellipsis.count
            guard x + width + reserve <= rect.maxX || (isLast && x + width <= rect.maxX) else {
                if index > 0, x + 2 + ellipsis.count <= rect.maxX {
                    grid.put("  " + ellipsis, x: x, y: rect.y, style: textStyle, maxWidth: rect.maxX - x)
                } else if index == 0 {
                    grid.put(ellipsis, x: x, y: rect.y, style: textStyle, maxWidth: rect.maxX - x)
                }
                return
            }
            x += grid.put(String(repeating: " ", count: separator), x: x, y: rect.y, style: textStyle)
            x += grid.put(hint.key, x: x, y: rect.y, style: keyStyle)
            x += grid.put(" " + hint.text, x: x, y: rect.y, style: textStyle)
        }
    }
}
