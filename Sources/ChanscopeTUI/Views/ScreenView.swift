import ChanscopeEngine

/// The whole screen as a pure function of the app state (and its latest snapshot).
///
/// Renders into an in-memory grid; the terminal then writes only the cells that changed. No
/// view reads the engine, the clock or the terminal.
public enum ScreenView {
    /// The layout for this state at this size (shared with mouse hit-testing).
    public static func layout(_ state: AppState, size: TerminalSize) -> ScreenLayout {
        let snapshot = state.snapshot
        let channels = snapshot?.channels ?? []
        let chartless = Set(channels.indices.filter { index in
            !ChannelPanelView.drawsDepthChart(
                capacity: channels[index].stats.kind.capacity, depthHistory: state.history.depths(of: channels[index].name))
        })
        return ScreenLayout(
            size: size, channelCount: channels.count, groupCount: snapshot?.groups.count ?? 0,
            knobCount: snapshot?.knobs.count ?? 0, selectedKnob: state.selectedKnob,
            showBanner: snapshot?.deadlock != nil || snapshot?.accountingViolation != nil || snapshot?.memoryHold != nil,
            chartlessChannels: chartless,
            lessonLines: state.showsLessonStrip(at: size)
                ? LessonStripView.rows(
                    for: state.lessonLines[min(state.lessonLine, state.lessonLines.count - 1)], count: state.lessonLines.count,
                    width: size.width) : 0,
            mailboxCount: snapshot?.mailboxes.count ?? 0, managerCount: snapshot?.managers.count ?? 0,
            linkedChannels: Set(channels.indices.filter { channels[$0].link != nil }))
    }

    /// Draws everything for `state` on `grid`.
    public static func render(_ state: AppState, theme: Theme, on grid: inout Grid) {
        let size = TerminalSize(width: grid.width, height: grid.height)
        let layout = layout(state, size: size)
        if layout.tooSmall {
            drawTooSmall(size: size, theme: theme, on: &grid)
            return
        }
        drawTitle(state, theme: theme, in: layout.title, on: &grid)
        KeyHints(Keymap.footerHints(ascii: theme.glyphs.isASCII), keyStyle: theme.key, textStyle: theme.dim, ellipsis: theme.glyphs.ellipsis)
            .draw(in: layout.footer.inset(left: 1), on: &grid)
        guard let snapshot = state.snapshot else {
            grid.put("starting" + theme.glyphs.ellipsis, x: 2, y: 2, style: theme.dim)
            return
        }
        if !layout.banner.isEmpty {
            let text = snapshot.deadlock.map { " DEADLOCK  \($0)   every worker in the cycle waits on the next; r restarts " }
                ?? snapshot.accountingViolation.map { " ACCOUNTING BROKEN  \($0) " }
                ?? " \(snapshot.memoryHold ?? "")   lower its rate, switch the kind or let it drain "
            let style = snapshot.deadlock == nil && snapshot.accountingViolation == nil ? theme.warning.reversed() : theme.alarm.reversed()
            grid.fill(layout.banner, with: Cell(" ", style: style))
            grid.put(text, x: 0, y: layout.banner.y, style: style, maxWidth: layout.banner.width)
        }
        LessonStripView(lines: state.lessonLines, current: state.lessonLine, theme: theme).draw(in: layout.lesson, on: &grid)
        heading("Channels", hint: "tab select · 1-6 kind", theme: theme, in: layout.channelsHeading, on: &grid)
        let unboundedPeak = snapshot.channels.filter { $0.kind.capacity == nil }
            .map { max($0.depth, state.history.depths(of: $0.name).max() ?? 0) }.max() ?? 0
        for (index, rect) in layout.channels.enumerated() {
            guard let channel = snapshot.channels[safe: index] else { continue }
            ChannelPanelView(
                channel: channel,
                depthHistory: state.history.depths(of: channel.name), historyCapacity: state.history.capacity,
                samplePeriod: state.history.samplePeriod, isSelected: index == state.selectedChannel,
                recentLatency: state.latencyToShow(for: channel.name), recentLatencyIsOld: state.latencyIsOld(for: channel.name),
                theme: theme, unboundedPeak: unboundedPeak
            ).draw(in: rect, on: &grid)
        }
        for (mailbox, rect) in zip(snapshot.mailboxes, layout.mailboxes) {
            MailboxRowView(mailbox: mailbox, theme: theme).draw(in: rect, on: &grid)
        }
        heading("Workers", hint: "g select · +/- worker · c close", theme: theme, in: layout.groupsHeading, on: &grid)
        let nameWidth = min(16, snapshot.groups.map(\.name.displayWidth).max() ?? 0)
        let rows = layout.groups.indices.compactMap { index in
            snapshot.groups[safe: index].map { GroupRowView(group: $0, isSelected: index == state.selectedGroup, nameWidth: nameWidth, theme: theme) }
        }
        let shortening = layout.groups.first.map { GroupRowView.shortening(for: rows, in: $0) } ?? (0, 0)
        for (row, rect) in zip(rows, layout.groups) {
            var row = row
            (row.shortenAtLeast, row.leaveOutAtLeast) = shortening
            row.draw(in: rect, on: &grid)
        }
        for (manager, rect) in zip(snapshot.managers, layout.managers) {
            ManagerRowView(manager: manager, theme: theme).draw(in: rect, on: &grid)
        }
        drawLegend(theme: theme, showing: Set(snapshot.groups.flatMap(\.workerStates)), in: layout.legend, on: &grid)
        heading("Knobs", hint: "↑↓ select · ←→ adjust · click to set", theme: theme, in: layout.knobsHeading, on: &grid)
        for (index, rect) in layout.knobs.map({ ($0.index, $0.rect) }) {
            guard let knob = snapshot.knobs[safe: index] else { continue }
            let view = slider(for: knob, knobs: snapshot.knobs, selected: index == state.selectedKnob, theme: theme)
            view.draw(in: rect.inset(left: 2), on: &grid)
            if index == state.selectedKnob {
                grid.put(theme.glyphs.isASCII ? ">" : "▸", x: rect.x, y: rect.y, style: theme.label)
            }
        }
        heading("Events", hint: nil, theme: theme, in: layout.eventsHeading, on: &grid)
        drawEvents(state.events, theme: theme, in: layout.events, on: &grid)

        switch state.overlay {
        case .none: break
        case .help: HelpOverlayView(state: state, theme: theme).draw(on: &grid)
        case .presets(let entries): PresetListView(entries: entries, selection: state.listSelection, theme: theme).draw(on: &grid)
        }
    }

    /// The slider for a knob, lined up with the others.
    static func slider(for knob: KnobSnapshot, knobs: [KnobSnapshot], selected: Bool, theme: Theme) -> Slider {
        let labelWidth = min(22, knobs.map(\.spec.label.displayWidth).max() ?? 0)
        let valueWidth = knobs.map { Slider.valueWidth(of: $0.spec) }.max()
        return Slider(
            spec: knob.spec, value: knob.value, labelWidth: labelWidth, valueWidth: valueWidth, isSelected: selected,
            style: selected ? theme.warning : .plain, glyphs: theme.glyphs)
    }

    /// The action for a mouse press at a cell: a click on a slider's track sets that knob.
    public static func action(forClickAt x: Int, _ y: Int, state: AppState, size: TerminalSize) -> Action? {
        guard state.overlay == .none, let snapshot = state.snapshot else { return nil }
        let layout = layout(state, size: size)
        for (index, rect) in layout.knobs.map({ ($0.index, $0.rect) }) where rect.contains(x: x, y: y) {
            guard let knob = snapshot.knobs[safe: index] else { return nil }
            let area = rect.inset(left: 2)
            let slider = slider(for: knob, knobs: snapshot.knobs, selected: false, theme: Theme())
            if let value = slider.value(atColumn: x, in: area) { return .setKnob(index: index, value: value) }
            return nil
        }
        return nil
    }

    private static func drawTitle(_ state: AppState, theme: Theme, in rect: Rect, on grid: inout Grid) {
        grid.fill(rect, with: Cell(" ", style: theme.title))
        let snapshot = state.snapshot
        var left = " chanscope  \(state.presetName)"
        let running = snapshot.map { $0.isPaused ? "PAUSED" : $0.isFinished ? "finished" : "running" } ?? "starting"
        left += "  " + (theme.glyphs.isASCII ? "" : running == "running" ? "▶ " : running == "PAUSED" ? "‖ " : "■ ") + running
        left += "  " + NumberText.elapsed(snapshot?.clockTime ?? 0)
        var right = ""
        if let path = state.recordingPath {
            // The file name only when it fits beside the state and clock, which matter more.
            let mark = theme.glyphs.isASCII ? "* REC " : "● REC "
            let flashWidth = state.flash.map { $0.count + 2 } ?? 0
            let full = mark + "\(path) (\(state.recordedRows) rows) "
            right = left.count + 1 + flashWidth + full.count <= rect.width ? full : mark + "(\(state.recordedRows) rows) "
        }
        if let flash = state.flash { right = flash + "  " + right }
        TextLine(left: left, right: right, style: theme.title, rightStyle: state.flash != nil ? theme.alarm.reversed() : theme.title.fg(.red), ellipsis: theme.glyphs.ellipsis)
            .draw(in: rect, on: &grid)
    }

    private static func heading(_ title: String, hint: String?, theme: Theme, in rect: Rect, on grid: inout Grid) {
        guard !rect.isEmpty else { return }
        let line = String(repeating: String(theme.glyphs.horizontal), count: rect.width)
        grid.put(line, x: rect.x, y: rect.y, style: theme.dim, maxWidth: rect.width)
        grid.put(" \(title) ", x: rect.x + 1, y: rect.y, style: theme.heading, maxWidth: rect.width - 1)
        if let hint {
            let shown = theme.glyphs.isASCII ? hint.replacingOccurrences(of: "↑↓", with: "up/dn").replacingOccurrences(of: "←→", with: "<>").replacingOccurrences(of: "·", with: "|") : hint
            if rect.width > title.count + shown.count + 8 {
                grid.put(" \(shown) ", x: rect.maxX - shown.count - 3, y: rect.y, style: theme.dim)
            }
        }
    }

    /// One line of glyphs and their words, two spaces apart, or one where that makes every state
    /// fit (at 100 columns): a glyph on screen that the legend leaves out explains nothing.
    private static func drawLegend(theme: Theme, showing shown: Set<WorkerState> = [], in rect: Rect, on grid: inout Grid) {
        guard !rect.isEmpty else { return }
        var states = Theme.legendStates(showing: shown)
        func width(_ states: [WorkerState], gap: Int) -> Int { 2 + states.map(Theme.legendWord).reduce(0) { $0 + $1.count + 2 + gap } - gap }
        // Too narrow for every state: leave out, from the end, states no row shows, so what is
        // missing is never a glyph on screen (at 80 columns a `† killed` row lost its entry).
        while width(states, gap: 1) > rect.width, let unused = states.lastIndex(where: { !shown.contains($0) }) {
            states.remove(at: unused)
        }
        let words = states.map(Theme.legendWord)
        let gap = width(states, gap: 2) > rect.width && width(states, gap: 1) <= rect.width ? " " : "  "
        var x = rect.x + 2
        for (state, word) in zip(states, words) {
            let (glyph, style) = theme.worker(state)
            guard x + word.count + 1 + gap.count <= rect.maxX else { break }
            x += grid.put(String(glyph), x: x, y: rect.y, style: style)
            x += grid.put(" \(word)\(gap)", x: x, y: rect.y, style: theme.dim)
        }
    }

    private static func drawEvents(_ events: [ExperimentEvent], theme: Theme, in rect: Rect, on grid: inout Grid) {
        guard !rect.isEmpty else { return }
        for (row, event) in events.suffix(rect.height).enumerated() {
            let y = rect.y + row
            let time = NumberText.elapsed(event.time)
            var x = rect.x + 2
            x += grid.put(time + "  ", x: x, y: y, style: theme.dim, maxWidth: rect.maxX - x)
            let style: Style = event.isAlarm ? theme.alarm : event.kind == .deadlockCleared || event.kind == .resumed ? theme.good : .plain
            grid.put((event.isAlarm ? "! " : "") + event.text, x: x, y: y, style: style, maxWidth: rect.maxX - x)
        }
    }

    private static func drawTooSmall(size: TerminalSize, theme: Theme, on grid: inout Grid) {
        let lines = [
            "chanscope needs at least \(ScreenLayout.minimumWidth)x\(ScreenLayout.minimumHeight)",
            "this terminal is \(size.width)x\(size.height)",
            "enlarge it, or press q to quit",
        ]
        let top = max(0, (size.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let x = max(0, (size.width - line.displayWidth) / 2)
            grid.put(line, x: x, y: top + index, style: index == 0 ? theme.warning : .plain)
        }
    }
}
