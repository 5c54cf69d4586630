import ChanscopeEngine

/// The lesson on the main screen: one line of the preset's lesson under the title, with where
/// it stands (`Lesson 2/4`) and the keys that step through it.
///
/// WHY on the main screen: the `?` overlay covers the live panels the lesson talks about; the
/// strip keeps both in view, so a class reads "press g, then +" beside the row that changes.
struct LessonStripView {
    var lines: [String]
    var current: Int
    var theme: Theme

    /// Whether a terminal this size has room for the strip without taking it from the panels:
    /// a projector's 120x35 does, 80x24 does not (`L` turns it on anyway).
    static func fitsByDefault(_ size: TerminalSize) -> Bool { size.height >= 30 && size.width >= 80 }

    /// Rows the strip takes at `width`: the line wrapped at spaces, at most two rows.
    static func rows(for line: String, count: Int, width: Int) -> Int {
        min(2, max(1, HelpOverlayView.wrap(line, width: textWidth(count: count, width: width)).count))
    }

    /// `Lesson 2/4` and the keys, around the text.
    static func prefix(index: Int, count: Int) -> String { " Lesson \(index + 1)/\(count)  " }
    static func hint(ascii: Bool) -> String { ascii ? "  ] next  [ back  L hide " : "  ] next · [ back · L hide " }

    /// Columns left for the lesson's text on a strip `width` wide (the keys show from 100 up).
    static func textWidth(count: Int, width: Int) -> Int {
        max(1, width - prefix(index: count - 1, count: count).count - (width >= 100 ? max(hint(ascii: true).count, hint(ascii: false).count) : 0))
    }

    func draw(in rect: Rect, on grid: inout Grid) {
        guard !rect.isEmpty, !lines.isEmpty else { return }
        let index = min(max(0, current), lines.count - 1)
        let style = theme.info.reversed()
        grid.fill(rect, with: Cell(" ", style: style))
        let prefix = Self.prefix(index: index, count: lines.count)
        let hint = Self.hint(ascii: theme.glyphs.isASCII)
        let textWidth = Self.textWidth(count: lines.count, width: rect.width)
        let pieces = HelpOverlayView.wrap(lines[index], width: textWidth)
        grid.put(prefix, x: rect.x, y: rect.y, style: style.bolded(), maxWidth: rect.width)
        for (row, piece) in pieces.prefix(rect.height).enumerated() {
            let last = row == rect.height - 1 && pieces.count > rect.height
            let text = last ? piece.clipped(toWidth: max(1, textWidth - 1), ellipsis: theme.glyphs.ellipsis) + theme.glyphs.ellipsis : piece
            grid.put(text, x: rect.x + Self.prefix(index: lines.count - 1, count: lines.count).count, y: rect.y + row, style: style, maxWidth: textWidth)
        }
        if rect.width >= 100 {
            grid.put(hint, x: rect.maxX - hint.count, y: rect.y, style: style, maxWidth: hint.count)
        }
    }
}
