import Channels
import Testing

/// The README's Channels example, kept compiling and checked: if an API it shows changes, this
/// fails to build.
@Suite("README example")
struct ReadmeExampleTests {
    @Test("the Channels section's example runs as it says")
    func example() {
        var seen: [Int] = []
        let (tx, rx) = Channel<Int>.make(.bounded(8))
        let producer = JoinableThread {
            for n in 1...100 { _ = tx.send(n) }
            tx.close()
        }
        for n in rx { seen.append(n) }
        producer.join()
        #expect(seen == Array(1...100))

        let (events, inbox) = Channel<String>.make(.dropping(2))
        var outcome = ""
        switch events.send("tick", timeout: .milliseconds(5)) {
        case .sent, .overwrote: outcome = "accepted"
        case .dropped(let lost): outcome = "dropped \(lost)"
        case .full(let back), .timedOut(let back), .disconnected(let back), .cancelled(let back):
            outcome = "not sent \(back)"
        }
        #expect(outcome == "accepted")
        #expect(inbox.receive(timeout: .zero) == .received("tick"))
        #expect(inbox.drain().isEmpty)
    }

    @Test("the priority example drains highest level first and takes an aging time")
    func priorityExample() {
        let levels = PriorityLevels<Int>(count: 3) { $0 / 100 }
        let (jobs, server) = Channel<Int>.make(.priority(nil), levels: levels)
        for job in [1, 201, 101, 202] { _ = jobs.send(job) }
        #expect(server.drain() == [201, 202, 101, 1])
        jobs.channel.setAging(.milliseconds(100))
        #expect(jobs.channel.agingNanoseconds == 100_000_000)
    }
}

extension ReadmeExampleTests {
    @Test("the Select section's example runs as it says")
    func selectExample() {
        let (fastTx, fastRx) = Channel<Int>.make(.unbounded)
        let (slowTx, slowRx) = Channel<Int>.make(.unbounded)
        _ = slowTx.send(1)
        var gone = Set<Int>()
        var said = ""
        if case .received(let value, let index, _) = Select.receive(
            from: [fastRx, slowRx], order: .fair, waits: true, gone: &gone, waiter: SelectWaiter()) {
            said = "\(value) from \(index)"
        }
        #expect(said == "1 from 1")
        _ = fastTx
    }
}
