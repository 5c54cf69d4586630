import ChanscopeEngine

/// The `?` overlay: every key from the keymap table, then the preset's lesson.
struct HelpOverlayView {
    var state: AppState
    var theme: Theme

    func draw(on grid: inout Grid) {
        let bindings = Keymap.bindings(ascii: theme.glyphs.isASCII)
        var lines: [(String, String)] = bindings.map { ($0.label, $0.help) }
        lines.append(("", ""))
        lines.append(("click", "on a slider's track sets its value"))
        let keyWidth = lines.map(\.0.count).max() ?? 0
        let lessonLines = state.lesson.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
        let width = min(grid.width - 2, max(60, (lines.map { keyWidth + 2 + $0.1.count }.max() ?? 0) + 4))
        let height = min(grid.height - 2, lines.count + (lessonLines.isEmpty ? 0 : lessonLines.count + 2) + 3)
        guard width > 10, height > 4 else { return }
        let box = Rect(x: (grid.width - width) / 2, y: max(1, (grid.height - height) / 2), width: width, height: height)
        grid.fill(box, with: .blank)
        Panel(title: " Keys  (esc closes) ", style: theme.heading, titleStyle: theme.heading, glyphs: theme.glyphs).draw(in: box, on: &grid)
        let inner = box.inset(by: 1).inset(left: 1, right: 1)
        var y = inner.y
        for (key, help) in lines where y < inner.maxY {
            grid.put(key, x: inner.x, y: y, style: theme.key, maxWidth: keyWidth)
            grid.put(help, x: inner.x + keyWidth + 2, y: y, style: .plain, maxWidth: inner.width - keyWidth - 2)
            y += 1
        }
        if !lessonLines.isEmpty, y + 1 < inner.maxY {
            y += 1
            grid.put("Lesson: \(state.presetName)", x: inner.x, y: y, style: theme.heading, maxWidth: inner.width)
            y += 1
            for line in lessonLines where y < inner.maxY {
                grid.put(line, x: inner.x, y: y, style: .plain, maxWidth: inner.width)
                y += 1
            }
        }
    }
}
