import Channels
import Testing
@testable import ChanscopeEngine

@Suite("Typed messages: make TAG, tag TAG, sender and sequence")
struct TaggedMessageTests {
    @Test("A tag index fits the message's padding: still 16 bytes, still plain data")
    func layout() {
        #expect(MemoryLayout<Message>.stride == 16)
        #expect(MemoryLayout<Message>.size <= 16)
        #expect(_isPOD(Message.self))
    }

    @Test("The tag table numbers names from 1 in first-seen order; 0 is untagged")
    func table() {
        let table = TagTable(["REQUEST_READ", "GRANT_READ", "REQUEST_READ", "DONE_READ"])
        #expect(table.names == ["REQUEST_READ", "GRANT_READ", "DONE_READ"])
        #expect(table.index(of: "REQUEST_READ") == 1)
        #expect(table.index(of: "DONE_READ") == 3)
        #expect(table.index(of: "NOPE") == nil)
        #expect(table.name(of: 2) == "GRANT_READ")
        #expect(table.name(of: TagTable.untagged) == nil)
        #expect(table.name(of: 9) == nil)
        #expect(TagTable.isName("GRANT_WRITE") && TagTable.isName("job-1"))
        #expect(!TagTable.isName("") && !TagTable.isName("a b") && !TagTable.isName("x.y") && !TagTable.isName("É"))
    }

    @Test("make TAG and tag TAG put tags on the messages a channel carries, with sender and sequence")
    func tagsTravel() throws {
        let preset = try enginePreset("""
            name: Tags
            summary: s
            channels: { out: { kind: unbounded } }
            workers:
              client: { limit: 2, loop: [ { make: PING }, { send: out }, make, { tag: DONE }, { send: out } ] }
            """)
        #expect(preset.tagTable.names == ["PING", "DONE"])
        let experiment = Experiment(preset: preset)
        defer { experiment.shutdown() }
        let receiver = experiment.channels[0].makeReceiver()
        experiment.start()
        let watcher = Watcher(experiment)
        watcher.waitFor("client finished") { $0.isFinished }
        let messages = receiver.drain()
        let ping = preset.tagTable.index(of: "PING"), done = preset.tagTable.index(of: "DONE")
        #expect(messages.map(\.tag) == [ping, done, ping, done])
        #expect(messages.map(\.sequence) == [1, 2, 3, 4])
        #expect(Set(messages.map(\.origin)).count == 1)
        #expect(messages.allSatisfy { $0.origin > 0 })
    }

    @Test("A message carries the worker that sent it last: a relay's send makes it the sender; the tag stays")
    func senderIsTheLastSender() throws {
        let preset = try enginePreset("""
            name: Relay
            summary: s
            channels: { a: { kind: unbounded }, b: { kind: unbounded } }
            workers:
              maker: { limit: 3, loop: [ { make: JOB }, { send: a } ] }
              relay: { loop: [ { recv: a }, { send: b } ] }
            """)
        let experiment = Experiment(preset: preset)
        defer { experiment.shutdown() }
        let receiver = experiment.channels[1].makeReceiver()
        experiment.start()
        let watcher = Watcher(experiment)
        watcher.waitFor("both finished") { $0.isFinished }
        let relayID = experiment.lock.withLock { experiment.groups[1].workers[0].id }
        let makerID = experiment.lock.withLock { experiment.groups[0].workers[0].id }
        let messages = receiver.drain()
        #expect(messages.count == 3)
        #expect(messages.allSatisfy { $0.origin == relayID && $0.origin != makerID })
        #expect(messages.allSatisfy { $0.tag == preset.tagTable.index(of: "JOB") })
    }

    @Test("Untagged presets make untagged messages")
    func untagged() throws {
        let preset = try enginePreset("""
            name: Plain
            summary: s
            channels: { out: { kind: unbounded } }
            workers:
              p: { limit: 3, loop: [ make, { send: out } ] }
            """)
        #expect(preset.tagTable.names.isEmpty)
        let experiment = Experiment(preset: preset)
        defer { experiment.shutdown() }
        let receiver = experiment.channels[0].makeReceiver()
        experiment.start()
        Watcher(experiment).waitFor("finished") { $0.isFinished }
        #expect(receiver.drain().map(\.tag) == [TagTable.untagged, TagTable.untagged, TagTable.untagged])
    }

    @Test("Bad tags get one line naming file, line and key")
    func badTags() {
        let base = """
            name: T
            summary: s
            channels: { out: { kind: unbounded } }
            workers:
            """
        #expect(presetProblems(base + "\n  p: { loop: [ { make: \"a b\" }, { send: out } ] }\n") == [
            "x.yaml:5: workers.p.loop[0]: a tag is a name of letters, digits, _ and -, like REQUEST_READ; found \"a b\"",
        ])
        #expect(presetProblems(base + "\n  p: { loop: [ make, tag, { send: out } ] }\n") == [
            "x.yaml:5: workers.p.loop[1]: step \"tag\" needs a tag: write { tag: TAG }",
        ])
        #expect(presetProblems(base + "\n  p: { loop: [ { make: A }, { tag: B }, { send: out } ] }\n") == [])
    }
}
