import ChanscopeEngine

/// The `?` overlay: every key from the keymap table, then the preset's lesson.
///
/// On a terminal too short for all of it, ↑/↓ (k/j) scroll it (`AppState.helpScroll`) and the
/// title says so: at 80x24 the lesson sits below the keys.
struct HelpOverlayView {
    var state: AppState
    var theme: Theme

    /// One row of the overlay.
    enum Row: Equatable {
        case binding(key: String, help: String)
        case blank
        case heading(String)
        case text(String)
    }

    /// Every row, in order, with the lesson wrapped at word boundaries to `width` columns and a
    /// key's help wrapped beside its key (continued under it), so no text is cut off.
    static func rows(for state: AppState, width: Int) -> [Row] {
        let keys = Keymap.bindings(ascii: state.ascii).map { ($0.label, $0.help) } + [("click", "on a slider's track sets its value")]
        let keyWidth = keys.map(\.0.count).max() ?? 0
        func bindingRows(_ key: String, _ help: String) -> [Row] {
            wrap(help, width: width == .max ? .max : max(8, width - keyWidth - 2)).enumerated().map { index, piece in
                .binding(key: index == 0 ? key : "", help: piece)
            }
        }
        var rows: [Row] = keys.dropLast().flatMap { bindingRows($0.0, $0.1) }
        rows.append(.blank)
        rows += bindingRows(keys[keys.count - 1].0, keys[keys.count - 1].1)
        let lessonLines = state.lesson.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
        if !lessonLines.isEmpty {
            rows.append(.blank)
            rows.append(.heading("Lesson: \(state.presetName)"))
            rows += lessonLines.flatMap { wrap($0, width: width) }.map(Row.text)
        }
        return rows
    }

    /// `line` cut into pieces of at most `width` characters at spaces (a longer word is cut).
    static func wrap(_ line: String, width: Int) -> [String] {
        guard width > 0, line.count > width else { return [line] }
        var pieces: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if candidate.count <= width {
                current = candidate
                continue
            }
            if !current.isEmpty { pieces.append(current) }
            current = word
            while current.count > width {
                pieces.append(String(current.prefix(width)))
                current = String(current.dropFirst(width))
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// Where the overlay goes at a terminal size, and what it holds: one function for drawing
    /// and for clamping the scroll, so scrolling stops exactly where the last row shows.
    struct Geometry {
        var box: Rect
        var inner: Rect
        var rows: [Row]
        var keyWidth: Int
        /// The largest useful `helpScroll`.
        var maxScroll: Int { max(0, rows.count - inner.height) }
    }

    static func geometry(for state: AppState, size: TerminalSize) -> Geometry? {
        let keyRows = rows(for: state, width: .max)
        let keyWidth = keyRows.map { if case .binding(let key, _) = $0 { key.count } else { 0 } }.max() ?? 0
        let widest = keyRows.map { row -> Int in
            if case .binding(_, let help) = row { return keyWidth + 2 + help.count }
            return 0
        }.max() ?? 0
        let width = min(size.width - 2, max(60, widest + 4))
        // The lesson wraps to the box (the keys set its width; a lesson line never widens it).
        let rows = rows(for: state, width: width - 4)
        let height = min(size.height - 2, rows.count + 2)
        guard width > 10, height > 4 else { return nil }
        let box = Rect(x: (size.width - width) / 2, y: max(1, (size.height - height) / 2), width: width, height: height)
        return Geometry(box: box, inner: box.inset(by: 1).inset(left: 1, right: 1), rows: rows, keyWidth: keyWidth)
    }

    /// The largest scroll that still shows rows, at the state's terminal size.
    static func maxScroll(for state: AppState) -> Int {
        geometry(for: state, size: state.size)?.maxScroll ?? 0
    }

    func draw(on grid: inout Grid) {
        guard let geometry = Self.geometry(for: state, size: TerminalSize(width: grid.width, height: grid.height)) else { return }
        let (box, inner, rows, keyWidth) = (geometry.box, geometry.inner, geometry.rows, geometry.keyWidth)
        grid.fill(box, with: .blank)
        let scrolls = rows.count > inner.height
        let title = scrolls ? " Keys  (\(theme.glyphs.isASCII ? "k/j" : "↑↓") scroll, esc closes) " : " Keys  (esc closes) "
        Panel(title: title, style: theme.heading, titleStyle: theme.heading, glyphs: theme.glyphs).draw(in: box, on: &grid)
        let first = min(max(0, state.helpScroll), max(0, rows.count - inner.height))
        for (offset, row) in rows[first...].prefix(inner.height).enumerated() {
            let y = inner.y + offset
            switch row {
            case .binding(let key, let help):
                grid.put(key, x: inner.x, y: y, style: theme.key, maxWidth: keyWidth)
                grid.put(help, x: inner.x + keyWidth + 2, y: y, style: .plain, maxWidth: inner.width - keyWidth - 2)
            case .heading(let text):
                grid.put(text, x: inner.x, y: y, style: theme.heading, maxWidth: inner.width)
            case .text(let text):
                grid.put(text, x: inner.x, y: y, style: .plain, maxWidth: inner.width)
            case .blank:
                break
            }
        }
    }
}
