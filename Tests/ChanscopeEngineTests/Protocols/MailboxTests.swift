import Channels
import Testing
@testable import ChanscopeEngine

@Suite("Mailboxes: a mailbox per worker, reply to the sender, recv: mailbox")
struct MailboxTests {
    static let clientServer = """
        name: Mailboxes
        summary: s
        channels: { requests: { kind: unbounded } }
        workers:
          client: { count: 3, limit: 30, mailbox: { kind: bounded, capacity: 2 }, loop: [ { make: REQUEST }, { send: requests }, { recv: mailbox } ] }
          server: { loop: [ { recv: requests }, { reply: REPLY } ] }
        """

    @Test("Every request is answered in its sender's own mailbox; the mailboxes' counters add up")
    func repliesReachTheirSender() throws {
        let preset = try enginePreset(Self.clientServer)
        #expect(preset.workerGroup(named: "client")?.mailbox == .bounded(2))
        let experiment = Experiment(preset: preset)
        defer { experiment.shutdown() }
        experiment.start()
        let watcher = Watcher(experiment)
        // A reply to the wrong mailbox would leave its client waiting forever: the run would not end.
        let end = watcher.waitFor("clients and server finished") { $0.isFinished }
        let client = end.g("client"), server = end.g("server")
        #expect(client.made == 30 && client.sent == 30)
        #expect(client.received == 30)
        #expect(server.received == 30 && server.sent == 30)
        let mailbox = try #require(end.mailbox(ofGroup: "client"))
        #expect(mailbox.name == "client.mailbox")
        #expect(mailbox.total == 3)
        #expect(mailbox.live == 0, "finished owners hold no mailbox")
        #expect(mailbox.counters.attempted == 30 && mailbox.counters.accepted == 30 && mailbox.counters.received == 30)
        #expect(mailbox.counters.depth == 0 && mailbox.counters.failed == 0)
        #expect(mailbox.counters.identitiesHold)
        #expect(end.ch("requests").counters.received == 30)
    }

    @Test("A reply carries the request's sequence, the server as its sender and the reply's tag")
    func replyContents() throws {
        let preset = try enginePreset("""
            name: Echo
            summary: s
            channels: { requests: { kind: unbounded }, seen: { kind: unbounded } }
            workers:
              client: { limit: 4, mailbox: { kind: unbounded }, loop: [ { make: REQUEST }, { send: requests }, { recv: mailbox }, { send: seen } ] }
              server: { loop: [ { recv: requests }, { reply: REPLY } ] }
            """)
        let experiment = Experiment(preset: preset)
        defer { experiment.shutdown() }
        let receiver = experiment.channels[1].makeReceiver()
        experiment.start()
        Watcher(experiment).waitFor("client finished") { $0.g("client").isFinished }
        let serverID = experiment.lock.withLock { experiment.groups[1].workers[0].id }
        let replies = receiver.drain()
        #expect(replies.map(\.sequence) == [1, 2, 3, 4])
        #expect(replies.allSatisfy { $0.tag == preset.tagTable.index(of: "REPLY") })
        // The client forwarded them to `seen`, so the last sender is the client; the tag and the
        // sequence are the server's reply's.
        #expect(replies.allSatisfy { $0.origin != serverID })
    }

    @Test("A reply to a full mailbox blocks the server on send, named as the group's mailbox")
    func fullMailboxBlocksTheReplier() throws {
        let preset = try enginePreset("""
            name: Full
            summary: s
            channels: { requests: { kind: unbounded } }
            knobs: { wait_ms: { value: 100000, min: 0, max: 100000 } }
            workers:
              client: { limit: 3, mailbox: { kind: bounded, capacity: 1 }, loop: [ { make: REQUEST }, { send: requests }, { sleep: wait_ms }, { recv: mailbox } ] }
              server: { loop: [ { recv: requests }, { reply: REPLY } ] }
            """)
        let experiment = Experiment(preset: preset)
        defer { experiment.shutdown() }
        experiment.start()
        let watcher = Watcher(experiment)
        // The client sleeps after its first request, so it sends one; give it a second by waking it.
        let blocked = watcher.waitFor("first reply queued") { $0.mailbox(ofGroup: "client")?.counters.depth == 1 }
        #expect(blocked.mailbox(ofGroup: "client")?.largestDepth == 1)
        #expect(blocked.mailbox(ofGroup: "client")?.live == 1)
        let index = try #require(experiment.lock.withLock { experiment.groups[1].workers.first?.ports.mailboxIndex(ofGroup: 0) })
        #expect(experiment.channelName(at: index) == "client.mailbox")
        #expect(experiment.channelName(at: 0) == "requests")
        #expect(experiment.channelName(at: 7) == nil)
    }

    @Test("A reply to a worker that has ended fails on its mailbox; the server goes on")
    func replyToAnEndedWorker() throws {
        let preset = try enginePreset("""
            name: Gone
            summary: s
            channels: { requests: { kind: unbounded } }
            workers:
              client: { limit: 2, mailbox: { kind: unbounded }, loop: [ { make: REQUEST }, { send: requests } ] }
              server: { loop: [ { recv: requests }, { reply: REPLY } ] }
            """)
        let experiment = Experiment(preset: preset)
        defer { experiment.shutdown() }
        experiment.start()
        let end = Watcher(experiment).waitFor("both finished") { $0.isFinished }
        let mailbox = try #require(end.mailbox(ofGroup: "client"))
        // The client may still be running for the first reply; by the second it may be gone.
        #expect(mailbox.counters.attempted == 2)
        #expect(mailbox.counters.accepted + mailbox.counters.failed == 2)
        #expect(mailbox.counters.identitiesHold)
        #expect(end.g("server").received == 2)
        #expect(end.g("server").instantStates == [.disconnected])
    }

    @Test("The CSV has a group's mailboxes as one channel, G.mailbox.*")
    func csvColumns() throws {
        let experiment = Experiment(preset: try enginePreset(Self.clientServer))
        let header = CSVRecorder.header(for: experiment.layout())
        for column in ["kind", "capacity", "count", "depth", "largest_depth", "attempted", "accepted", "received",
                       "dropped", "overwritten", "failed", "discarded", "blocked_senders"] {
            #expect(header.contains("client.mailbox.\(column)"), "client.mailbox.\(column)")
        }
        #expect(!header.contains { $0.hasPrefix("server.mailbox") })
        let row = CSVRecorder.row(for: experiment.layout())
        #expect(row.count == header.count)
        let kindColumn = try #require(header.firstIndex(of: "client.mailbox.kind"))
        #expect(row[kindColumn] == "bounded" && row[kindColumn + 1] == "2")
    }

    @Test("Bad mailboxes and replies get one line naming file, line and key")
    func badInput() {
        let head = """
            name: T
            summary: s
            channels: { requests: { kind: unbounded } }
            workers:
            """
        #expect(presetProblems(head + """

              client: { loop: [ { make: REQUEST }, { send: requests }, { recv: mailbox } ] }
              server: { loop: [ { recv: requests }, { reply: REPLY } ] }
            """) == [
            "x.yaml:5: workers.client.loop[2]: group \"client\" has no mailbox to receive from: give it one, e.g. mailbox: { kind: unbounded }",
            "x.yaml:6: workers.server.loop[1]: reply answers the sender's mailbox, but its messages come from requests, sent by client, which has no mailbox (give the senders a mailbox: { kind: unbounded })",
        ])
        #expect(presetProblems(head + """

              client: { mailbox: { kind: bounded }, loop: [ { make: REQUEST }, { send: requests } ] }
              server: { loop: [ { recv: requests } ] }
            """) == ["x.yaml:5: workers.client.mailbox.capacity: kind bounded needs a capacity of at least 1"])
        #expect(presetProblems(head + """

              client: { mailbox: { kind: bonded, capacity: 2 }, loop: [ { make: REQUEST }, { send: requests } ] }
              server: { loop: [ { recv: requests } ] }
            """).first?.hasPrefix("x.yaml:5: workers.client.mailbox.kind: unknown kind") == true)
        #expect(presetProblems("""
            name: T
            summary: s
            channels: { mailbox: { kind: unbounded } }
            workers:
              p: { loop: [ make, { send: mailbox } ] }
            """).contains("x.yaml:3: channels.mailbox: a channel may not be called \"mailbox\": { recv: mailbox } means a worker's own mailbox"))
    }
}

extension MailboxTests {
    @Test("The headless summary lists a group's mailboxes as one channel row, and sentinel stops")
    func summary() throws {
        let preset = try enginePreset(Self.clientServer)
        let result = try HeadlessRunner.run(preset, options: HeadlessOptions(duration: 5, sampleHz: 20))
        let text = SummaryTable.render(result)
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("client.mailbox") })
        #expect(row.contains("bounded(2)") && row.contains(" ok ") && row.contains("0 of 3 mailboxes live"), "\(row)")
        let sentinels = try HeadlessRunner.run(try enginePreset("""
            name: S
            summary: s
            channels: { jobs: { kind: unbounded } }
            workers:
              p: { limit: 2, loop: [ { make: STOP }, { send: jobs } ] }
              c: { count: 2, stop_on: STOP, loop: [ { recv: jobs } ] }
            """), options: HeadlessOptions(duration: 5, sampleHz: 20))
        #expect(SummaryTable.render(sentinels).contains("2 finished; 2 stopped by sentinel"))
    }
}
