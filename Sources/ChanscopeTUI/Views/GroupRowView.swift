import ChanscopeEngine

/// One worker group on one line: a glyph per worker, counts, time blocked, CPU, polls, and the
/// states in words.
///
/// The parts come in order of importance, each with a full and a short form; the row takes full
/// forms while they fit, then short ones, then leaves out the least important, so nothing is cut
/// in the middle of a word and the state words always stand beside the glyphs that they explain.
struct GroupRowView {
    var group: GroupSnapshot
    var isSelected: Bool
    var nameWidth: Int
    var theme: Theme
    /// Parts (from the least important up) to show in their short form at least, so that every
    /// row of the screen reads alike (see `shortening(for:in:)`).
    var shortenAtLeast = 0
    /// Parts to leave out at least (the least important go first), for the same reason: a
    /// number left out, not a number kept, so a row with a part the others lack (`waits on`)
    /// does not lose its CPU to a row that has fewer parts and had to leave out nothing.
    var leaveOutAtLeast = 0

    /// One piece of the row after the glyphs.
    struct Part {
        var full: String
        var short: String
        var style: Style
        /// Which parts go first when even the short forms do not fit: the lowest. A part that
        /// says nothing now (blocked 0%/0%, CPU 0%) ranks below one that does.
        var rank = 5
    }

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
        x = partsStart(in: rect)
        let fitted = Self.fit(parts(), states: stateWords(), width: rect.maxX - x, shortenAtLeast: shortenAtLeast, leaveOutAtLeast: leaveOutAtLeast)
        for (text, style) in fitted.texts {
            x += grid.put(text, x: x, y: y, style: style, maxWidth: rect.maxX - x)
        }
    }

    /// The texts to draw within `width` columns: the parts (full, then short forms from the
    /// least important up, then without the least important) and the state words last, whole.
    static func fit(
        _ parts: [Part], states: Part, width: Int, shortenAtLeast: Int = 0, leaveOutAtLeast: Int = 0
    ) -> (texts: [(String, Style)], shortened: Int, leftOut: Int) {
        var forms = parts.map { (text: $0.full, style: $0.style) }
        let room = width - (states.full.count + 2)
        func total() -> Int { forms.reduce(0) { $0 + $1.text.count + 2 } }
        // Short forms first for what says least (lowest rank), the later part among equals.
        let order = parts.indices.sorted { (parts[$0].rank, -$0) < (parts[$1].rank, -$1) }
        var shortened = 0
        while total() > room || shortened < shortenAtLeast, shortened < order.count {
            forms[order[shortened]].text = parts[order[shortened]].short
            shortened += 1
        }
        var ranks = parts.map(\.rank)
        while total() > room || parts.count - forms.count < leaveOutAtLeast, !forms.isEmpty {
            // The lowest rank goes first; among equals, the last.
            let lowest = ranks.min() ?? 0
            let index = ranks.lastIndex(of: lowest) ?? forms.count - 1
            forms.remove(at: index)
            ranks.remove(at: index)
        }
        let leftOut = parts.count - forms.count
        var result = forms.map { ("  " + $0.text, $0.style) }
        if width - total() >= states.full.count + 2 { result.append(("  " + states.full, states.style)) }
        if let first = result.first { result[0].0 = String(first.0.dropFirst()) }
        return (result, shortened, leftOut)
    }

    /// Where the parts begin: after the name and a column of glyphs.
    private func partsStart(in rect: Rect) -> Int {
        let glyphRoom = max(4, min(group.workerStates.count, rect.width / 4))
        let glyphs = min(group.workerStates.count, glyphRoom) + (group.workerStates.isEmpty ? 6 : 0)
        return max(rect.x + 2 + min(nameWidth, rect.width) + 1 + glyphs, rect.x + nameWidth + 3 + min(glyphRoom, 8))
    }

    /// How many parts every row must shorten so that the longest row fits: rows of one screen
    /// use the same forms, so their figures line up.
    static func shortening(for rows: [GroupRowView], in rect: Rect) -> (shorten: Int, leaveOut: Int) {
        let fits = rows.map { row in fit(row.parts(), states: row.stateWords(), width: rect.maxX - row.partsStart(in: rect)) }
        return (fits.map(\.shortened).max() ?? 0, fits.map(\.leftOut).max() ?? 0)
    }

    /// Counts, blocked shares, CPU, polls and abandoned messages, most important first.
    private func parts() -> [Part] {
        var parts: [Part] = []
        // Only the counts that mean something for this group: a producer makes and sends, a
        // consumer gets and finishes; the limit goes with what it limits.
        let limit = group.limit > 0 ? "/\(group.limit)" : ""
        var counts: [String] = []
        if group.made > 0 { counts.append("made \(group.made)\(limit)") }
        if group.sent > 0 || group.made > 0 { counts.append("sent \(group.sent)") }
        if group.received > 0 || group.made == 0 { counts.append("got \(group.received)") }
        if group.done > 0 || (group.made == 0 && group.sent == 0) { counts.append("done \(group.done)\(group.made > 0 ? "" : limit)") }
        let joined = counts.joined(separator: " ")
        parts.append(Part(full: joined, short: counts.prefix(2).joined(separator: " "), style: .plain))
        let send = NumberText.percent(group.blockedSendPercent)
        let receive = NumberText.percent(group.blockedReceivePercent)
        let blockedStyle = group.blockedSendPercent >= 50 ? theme.warning : group.blockedReceivePercent >= 50 ? theme.info : theme.dim
        let (sendGlyph, _) = theme.worker(.blockedOnSend)
        let (receiveGlyph, _) = theme.worker(.blockedOnReceive)
        let blocked = group.blockedSendPercent.rounded() > 0 || group.blockedReceivePercent.rounded() > 0
        parts.append(Part(
            full: "blocked send \(send) recv \(receive)", short: "blocked \(sendGlyph)\(send) \(receiveGlyph)\(receive)",
            style: blockedStyle, rank: blocked ? 4 : 1))
        let cpu = "CPU " + NumberText.fixed(group.cpuPercent, decimals: 0) + "%"
        // How much of it the kernel took (system calls, copies, wake-ups): what sets a pipe's
        // writer apart from a thread handing messages over in memory.
        let kernel = NumberText.fixed(group.kernelCPUPercent, decimals: 0)
        let cpuFull = kernel == "0" ? cpu : cpu + " (\(kernel)% kernel)"
        parts.append(Part(full: cpuFull, short: cpu, style: group.cpuPercent >= 50 ? theme.warning : theme.dim, rank: group.cpuPercent >= 1 ? 4 : 2))
        if group.pollsPerSecond > 0 || group.emptyPolls > 0 {
            // The cost of busy waiting: how often it looks, and how often for nothing.
            let rate = NumberText.rate(group.pollsPerSecond)
            let share = group.emptyPollShare
            // 99.998% empty reads 99.99%, never 100.00%: one poll in a thousand did find work.
            let empty = share > 99 && share < 100 ? NumberText.fixed((share * 100).rounded(.down) / 100, decimals: 2) : NumberText.fixed(share, decimals: 0)
            parts.append(Part(
                full: "polls \(rate), \(empty)% empty (\(group.emptyPolls))", short: "empty polls \(group.emptyPolls)", style: theme.info, rank: 4))
        }
        parts += protocolParts()
        if group.abandoned > 0 {
            parts.append(Part(full: "abandoned \(group.abandoned)", short: "abandoned \(group.abandoned)", style: theme.alarm, rank: 3))
        }
        return parts
    }

    /// The states in words, e.g. `2 sleeping, 1 send-blocked`, styled by the most serious.
    private func stateWords() -> Part {
        if group.isClosed && group.liveCount == 0 { return Part(full: "CLOSED", short: "CLOSED", style: theme.alarm) }
        var counts: [(WorkerState, Int)] = []
        for state in group.workerStates {
            if let index = counts.firstIndex(where: { $0.0 == state }) { counts[index].1 += 1 } else { counts.append((state, 1)) }
        }
        let text = counts.map { "\($0.1) \(Theme.legendWord($0.0))" + sentinelNote(for: $0.0) }.joined(separator: ", ")
        let style: Style =
            group.workerStates.contains(.disconnected) || group.workerStates.contains(.killed) ? theme.alarm
            : group.workerStates.contains(.blockedOnSend) ? theme.warning : theme.dim
        return Part(full: text, short: text, style: style)
    }
}
