import ChanscopeEngine

/// One group's mailboxes as one compact row under the channels: how many (live of all), the
/// total and the largest depth, and who is blocked on them.
///
/// One row whatever the count, so eight clients' mailboxes cost one line, not eight panels; the
/// exact counters are in the CSV as the `G.mailbox.*` channel.
struct MailboxRowView {
    var mailbox: MailboxSnapshot
    var theme: Theme

    /// The row's parts in order of importance, with their styles: the later ones go first when
    /// the width is short.
    var parts: [(String, Style)] {
        let m = mailbox
        let capacity = m.kind.capacity.map { "/\($0)" } ?? ""
        var parts: [(String, Style)] = [
            ("  \(m.group) mailboxes", theme.label),
            ("  \(m.live) of \(m.total) live", theme.plain),
            ("  depth \(m.counters.depth) total, fullest \(m.largestDepth)\(capacity)", theme.plain),
        ]
        // At this instant, and said so: the group's row below counts each worker as it spent the
        // last 2 s, and the two must not read as the same figure disagreeing.
        parts.append(("  now \(m.blockedReceivers) recv-blocked, \(m.blockedSenders) send-blocked", m.blockedSenders > 0 ? theme.warning : theme.dim))
        parts.append(("  " + m.kind.description, theme.info))
        if m.counters.failed > 0 { parts.append(("  failed \(m.counters.failed)", theme.alarm)) }
        if m.counters.dropped > 0 { parts.append(("  dropped \(m.counters.dropped)", theme.alarm)) }
        return parts
    }

    func draw(in rect: Rect, on grid: inout Grid) {
        guard rect.height > 0 else { return }
        var x = rect.x
        for (text, style) in parts {
            // A part is shown whole or not at all: half a number would be a wrong number.
            guard text.displayWidth <= rect.maxX - x else { break }
            x += grid.put(text, x: x, y: rect.y, style: style, maxWidth: rect.maxX - x)
        }
    }
}
