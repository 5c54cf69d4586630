/// The `p` overlay: the presets found, one per line, the selected one highlighted.
struct PresetListView {
    var entries: [AppState.PresetEntry]
    var selection: Int
    var theme: Theme

    func draw(on grid: inout Grid) {
        let width = min(grid.width - 2, 100)
        let height = min(grid.height - 2, max(5, entries.count + 4))
        guard width > 10, height > 3 else { return }
        let box = Rect(x: (grid.width - width) / 2, y: max(1, (grid.height - height) / 2), width: width, height: height)
        grid.fill(box, with: .blank)
        Panel(title: " Presets  (enter opens, esc closes) ", style: theme.heading, titleStyle: theme.heading, glyphs: theme.glyphs)
            .draw(in: box, on: &grid)
        let inner = box.inset(by: 1).inset(left: 1, right: 1)
        guard !entries.isEmpty else {
            grid.put("no presets found in ./presets, --presets-dir or $CHANSCOPE_PRESETS", x: inner.x, y: inner.y, style: theme.dim, maxWidth: inner.width)
            return
        }
        let visible = max(1, inner.height)
        let first = min(max(0, selection - visible / 2), max(0, entries.count - visible))
        let nameWidth = min(24, entries.map(\.name.displayWidth).max() ?? 0)
        for (row, index) in (first..<min(entries.count, first + visible)).enumerated() {
            let entry = entries[index]
            let y = inner.y + row
            let style: Style = index == selection ? theme.selected : entry.isValid ? .plain : theme.alarm
            grid.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), with: Cell(" ", style: style))
            grid.put(entry.name, x: inner.x, y: y, style: style.bolded(), maxWidth: nameWidth)
            grid.put(entry.line, x: inner.x + nameWidth + 2, y: y, style: style, maxWidth: inner.width - nameWidth - 2)
        }
    }
}
