import ChanscopeEngine

/// One worker group on one line: a glyph per worker, counts, and time blocked.
struct GroupRowView {
    var group: GroupSnapshot
    var isSelected: Bool
    var nameWidth: Int
    var theme: Theme

    func draw(in rect: Rect, on grid: inout Grid) {
        guard rect.height > 0 else { return }
        var x = rect.x
        let y = rect.y
        let marker = isSelected ? (theme.glyphs.isASCII ? ">" : "▸") : " "
        x += grid.put(marker + " ", x: x, y: y, style: theme.label, maxWidth: rect.maxX - x)
        grid.put(group.name, x: x, y: y, style: isSelected ? theme.selected.bolded() : theme.label, maxWidth: min(nameWidth, rect.maxX - x))
        x += min(nameWidth, rect.maxX - x) + 1
        // One glyph per worker, up to what fits in a quarter of the line.
        let glyphRoom = max(4, min(group.workerStates.count, rect.width / 4))
        for (index, state) in group.workerStates.enumerated() {
            guard x < rect.maxX else { break }
            if index == glyphRoom - 1 && group.workerStates.count > glyphRoom {
                x += grid.put("+\(group.workerStates.count - index)", x: x, y: y, style: theme.dim, maxWidth: rect.maxX - x)
                break
            }
            let (glyph, style) = theme.worker(state)
            x += grid.put(String(glyph), x: x, y: y, style: style, maxWidth: rect.maxX - x)
        }
        if group.workerStates.isEmpty { x += grid.put("(none)", x: x, y: y, style: theme.dim, maxWidth: rect.maxX - x) }
        x = max(x, rect.x + nameWidth + 3 + min(glyphRoom, 8))
        // Only the counts that mean something for this group: a producer makes and sends, a
        // consumer gets and finishes; the limit goes with what it limits.
        let limit = group.limit > 0 ? "/\(group.limit)" : ""
        var parts: [String] = []
        if group.made > 0 { parts.append("made \(group.made)\(limit)") }
        if group.sent > 0 || group.made > 0 { parts.append("sent \(group.sent)") }
        if group.received > 0 || group.made == 0 { parts.append("got \(group.received)") }
        if group.done > 0 || (group.made == 0 && group.sent == 0) { parts.append("done \(group.done)\(group.made > 0 ? "" : limit)") }
        let text = " " + parts.joined(separator: " ")
        x += grid.put(text, x: x, y: y, style: .plain, maxWidth: rect.maxX - x)
        let send = group.blockedSendPercent
        let receive = group.blockedReceivePercent
        x += grid.put("  blocked send \(NumberText.percent(send))", x: x, y: y, style: send >= 50 ? theme.warning : theme.dim, maxWidth: rect.maxX - x)
        x += grid.put(" recv \(NumberText.percent(receive))", x: x, y: y, style: receive >= 50 ? theme.info : theme.dim, maxWidth: rect.maxX - x)
        if group.abandoned > 0 {
            x += grid.put("  abandoned \(group.abandoned)", x: x, y: y, style: theme.alarm, maxWidth: rect.maxX - x)
        }
        if group.emptyPolls > 0 {
            x += grid.put("  empty polls \(group.emptyPolls)", x: x, y: y, style: theme.info, maxWidth: rect.maxX - x)
        }
        let word = stateWords()
        // Whole words or none: a cut "1 s" reads as nonsense.
        if rect.maxX - x >= word.0.count + 2 {
            grid.put("  " + word.0, x: x, y: y, style: word.1, maxWidth: rect.maxX - x)
        }
    }

    /// The states in words, e.g. `2 sleeping, 1 send-blocked`, styled by the most serious.
    private func stateWords() -> (String, Style) {
        if group.isClosed && group.liveCount == 0 { return ("CLOSED", theme.alarm) }
        var counts: [(WorkerState, Int)] = []
        for state in group.workerStates {
            if let index = counts.firstIndex(where: { $0.0 == state }) { counts[index].1 += 1 } else { counts.append((state, 1)) }
        }
        let text = counts.map { "\($0.1) \(Theme.legendWord($0.0))" }.joined(separator: ", ")
        let style: Style =
            group.workerStates.contains(.disconnected) ? theme.alarm
            : group.workerStates.contains(.blockedOnSend) ? theme.warning : theme.dim
        return (text, style)
    }
}
