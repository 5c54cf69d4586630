import Channels
import ChanscopeEngine
import Testing

@testable import ChanscopeTUI

/// The `mailboxes` lesson through the screen's loop: the compact mailbox row and `g` then `+`.
extension LessonKeyClaims {
    @Test("mailboxes: the clients mailboxes row shows 3 of 3 live; + (clients selected) shows 4 of 4 live")
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

/// The `sentinel-shutdown` and `thread-pool` lessons through the screen's loop.
extension LessonKeyClaims {
    @Test("sentinel-shutdown: 3 finished (3 by sentinel); Sentinels to 2 and R: 1 recv-blocked, 2 finished (2 by sentinel)")
    func sentinelShutdownKeys() throws {
        let run = LoopHarness(preset: try Self.preset("sentinel-shutdown", ["consume_ms=10"]))
        run.waitForScreen("three stopped") { $0.contains("3 finished (3 by sentinel)") }
        #expect(run.line(containing: "▸ Sentinels") != nil, "Sentinels is the first slider:\n\(run.screen)")
        run.press(.left)
        #expect(run.engine.knobValue(.preset("sentinels")) == 2)
        run.press(.character("R"))
        run.waitForScreen("the third left waiting") { $0.contains("1 recv-blocked") && $0.contains("2 finished (2 by sentinel)") }
        #expect(run.line(containing: "consumers")?.contains("◀") == true)
    }

    @Test("thread-pool: the pool row says busy and idle, tasks shows unfinished, the submitter's last join")
    func threadPoolScreen() throws {
        let run = LoopHarness(preset: try Self.preset("thread-pool", ["task_ms=50"]))
        run.waitForScreen("a join done") { $0.contains("last join ") && $0.contains("unfinished ") }
        func poolRow() -> String? { run.line(containing: "  pool      ") }
        run.waitForScreen("busy and idle on the pool row") { _ in poolRow()?.contains("busy ") == true }
        #expect(poolRow()?.contains(" idle ") == true, "\(run.screen)")
        run.press(.character("g"), .character("+"))
        #expect(Self.workers(run, "pool") == 3)
    }
}
