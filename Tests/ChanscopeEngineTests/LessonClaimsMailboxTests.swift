import ChanscopeEngine
import Foundation
import Testing
@testable import ChanscopeEngine

/// The `mailboxes` lesson: a server replying to each client's own mailbox.
extension LessonClaims {
    /// Each client's requests sent and replies received, read from its counters.
    static func clientBalances(_ run: LiveLesson) -> [(sent: UInt64, received: UInt64)] {
        run.experiment.lock.withLock {
            run.experiment.group(GroupID("clients"))!.workers.map {
                ($0.counters.sent.load(ordering: .relaxed), $0.counters.received.load(ordering: .relaxed))
            }
        }
    }

    @Test("mailboxes: 3 of 3 live, one mailbox per client; each client gets only its own replies")
    func mailboxesOwnReplies() throws {
        let run = try LiveLesson("mailboxes", ["think_ms=20", "serve_ms=5"])
        let busy = try #require(run.waitFor("60 replies") { ($0.mailbox(ofGroup: "clients")?.counters.received ?? 0) >= 60 })
        let mailbox = try #require(busy.mailbox(ofGroup: "clients"))
        #expect(mailbox.live == 3 && mailbox.total == 3)
        #expect(mailbox.counters.identitiesHold)
        // A client waits for its reply before its next request: one request out at most, and
        // never a reply it did not ask for (another client's would put received above sent).
        for _ in 0..<20 {
            for (sent, received) in Self.clientBalances(run) {
                #expect(received <= sent && sent <= received + 1, "sent \(sent) received \(received)")
            }
            usleep(10_000)
        }
        let total = Self.clientBalances(run).map(\.received).reduce(0, +)
        #expect(total >= 60)
    }

    @Test("mailboxes: Server wait 500 ms: requests holds up to 3, one per client awaiting a reply")
    func mailboxesRequestsQueue() throws {
        let run = try LiveLesson("mailboxes", ["think_ms=0", "serve_ms=500"])
        #expect(run.waitFor("requests holds 2 or more") { $0.depth("requests") >= 2 } != nil)
        let seen = run.watch(seconds: 1.2)
        #expect(seen.map { $0.depth("requests") }.max()! <= 3)
        #expect(seen.allSatisfy { ($0.mailbox(ofGroup: "clients")?.counters.depth ?? 0) <= 1 })
    }

    @Test("mailboxes: g then +: a fourth client gets a mailbox of its own, 4 of 4 live")
    func mailboxesFourthClient() throws {
        let run = try LiveLesson("mailboxes", ["think_ms=20", "serve_ms=5"])
        #expect(run.experiment.addWorker(to: "clients") != nil)
        let four = run.waitFor("4 of 4 live and the new one answered") { snapshot in
            guard let m = snapshot.mailbox(ofGroup: "clients"), m.live == 4, m.total == 4 else { return false }
            return Self.clientBalances(run).allSatisfy { $0.received > 0 }
        }
        #expect(four != nil)
    }
}
