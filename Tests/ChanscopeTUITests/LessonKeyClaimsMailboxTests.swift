import Channels
import ChanscopeEngine
import Testing

@testable import ChanscopeTUI

/// The `mailboxes` lesson through the screen's loop: the compact mailbox row and `g` then `+`.
extension LessonKeyClaims {
    @Test("mailboxes: the clients mailboxes row shows 3 of 3 live; g then + shows 4 of 4 live")
    func mailboxesRowAndPlus() throws {
        let run = LoopHarness(preset: try Self.preset("mailboxes", ["think_ms=20", "serve_ms=5"]))
        run.waitForScreen("the mailbox row") { $0.contains("clients mailboxes  3 of 3 live  depth ") }
        let row = try #require(run.line(containing: "clients mailboxes"))
        #expect(row.contains("fullest ") && row.contains("/1") && row.contains("recv-blocked") && row.contains("bounded(1)"), "\(row)")
        #expect(run.line(containing: "▸ clients") != nil, "the clients group is selected first:\n\(run.screen)")
        run.press(.character("+"))
        #expect(Self.workers(run, "clients") == 4)
        run.waitForScreen("4 of 4 live") { $0.contains("clients mailboxes  4 of 4 live") }
    }

    @Test("The mailbox row keeps whole parts at 80 columns and says failed replies in red")
    func mailboxRowNarrow() {
        var counters = ChannelCounters()
        counters.attempted = 5
        counters.accepted = 4
        counters.failed = 1
        counters.received = 4
        let mailbox = MailboxSnapshot(group: "clients", kind: .bounded(1), live: 2, total: 3, counters: counters, largestDepth: 0)
        var grid = Grid(width: 60, height: 1)
        MailboxRowView(mailbox: mailbox, theme: Theme()).draw(in: grid.area, on: &grid)
        let line = grid.lines()[0]
        #expect(line.hasPrefix("  clients mailboxes  2 of 3 live  depth 0 total, fullest 0/1"), "\(line)")
        #expect(!line.contains("recv-bl"), "a part that does not fit whole is left out: \(line)")
        var wide = Grid(width: 140, height: 1)
        MailboxRowView(mailbox: mailbox, theme: Theme()).draw(in: wide.area, on: &wide)
        #expect(wide.lines()[0].contains("failed 1"))
    }
}
