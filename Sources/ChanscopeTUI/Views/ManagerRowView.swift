import ChanscopeEngine

/// A readers-writers resource manager, in two rows under the groups: who is inside and who
/// waits, then how long each class's oldest request has waited (`STARVING` past the
/// threshold), the policy, the violations the database counted, and under `as-written` the
/// workers waiting for a reply that never comes.
///
/// `manager: 4 readers inside, no writer · waiting 0 readers, 2 writers`
/// `writers waited 4.2s STARVING · readers-first · violations 0 · no reply ever: writer-7`
struct ManagerRowView {
    static let rows = 2

    var manager: ManagerSnapshot
    var theme: Theme

    /// The first row: inside and waiting, in words that count.
    var insideParts: [(String, Style)] {
        let m = manager
        let readers = "\(m.readersInside) reader\(m.readersInside == 1 ? "" : "s") inside"
        let writer = m.writersInside > 0 ? "a writer inside" : "no writer"
        return [
            ("  \(m.group): ", theme.label),
            ("\(readers), \(writer)", theme.plain),
            ("  waiting \(m.waitingReaders) reader\(m.waitingReaders == 1 ? "" : "s"), "
                + "\(m.waitingWriters) writer\(m.waitingWriters == 1 ? "" : "s")", m.waitingReaders + m.waitingWriters > 0 ? theme.plain : theme.dim),
        ]
    }

    /// The second row, most important first (a part that does not fit is left out whole):
    /// starving classes, the other class's wait, violations, the unanswered, the policy, grants.
    var statusParts: [(String, Style)] {
        let m = manager
        var parts: [(String, Style)] = []
        let classes = RWAccess.allCases.sorted { m.isStarving($0) && !m.isStarving($1) }
        for access in classes {
            guard let wait = m.oldestWait(access) else { continue }
            let text = "\(access.classWord) waited \(NumberText.latency(microseconds: UInt64(saturating: wait * 1000)))"
            parts.append(("  " + text, m.isStarving(access) ? theme.warning : theme.plain))
            if m.isStarving(access) { parts.append((" STARVING", theme.alarm)) }
        }
        if parts.isEmpty { parts.append(("  nobody waits", theme.dim)) }
        parts.append(("  violations \(m.violations)", m.violations > 0 ? theme.alarm : theme.good))
        if !m.unanswered.isEmpty {
            parts.append((Self.unansweredPrefix + m.unanswered.joined(separator: ", "), theme.alarm))
        }
        parts.append(("  " + m.policy, theme.info))
        parts.append(("  granted \(m.readGrants) reads, \(m.writeGrants) writes", theme.dim))
        return parts
    }

    /// What the list of workers `as-written` never answers starts with.
    static let unansweredPrefix = "  no reply ever: "

    func draw(in rect: Rect, on grid: inout Grid) {
        for (row, parts) in [insideParts, statusParts].enumerated() where row < rect.height {
            var x = rect.x
            for (text, style) in parts {
                var text = text
                // A part is shown whole or not at all (half a number would be a wrong number),
                // but for the list of names, which is cut after a whole name.
                if text.displayWidth > rect.maxX - x, text.hasPrefix(Self.unansweredPrefix) {
                    text = Self.cut(text, toWidth: rect.maxX - x, ellipsis: theme.glyphs.ellipsis)
                }
                guard text.displayWidth <= rect.maxX - x, !text.isEmpty else { continue }
                x += grid.put(text, x: x, y: rect.y + row, style: style, maxWidth: rect.maxX - x)
            }
        }
    }

    /// `text` (a comma-separated list after its prefix) cut after the last whole name that fits
    /// with `, …`, or empty when not even one does.
    static func cut(_ text: String, toWidth width: Int, ellipsis: String) -> String {
        var names = text.dropFirst(unansweredPrefix.count).components(separatedBy: ", ")
        while !names.isEmpty {
            names.removeLast()
            let shown = unansweredPrefix + (names + [ellipsis]).joined(separator: ", ")
            if !names.isEmpty, shown.displayWidth <= width { return shown }
        }
        return ""
    }
}
