import Channels
import Foundation
import Synchronization
import Testing

@testable import ChanscopeEngine

/// At the memory limit the producers of the growing channel are held, the screen, the log and
/// the CSV say so, and they go on once the lecturer acts or the queue drains.
@Suite(.serialized) struct MemoryGuardTests {
    static let yaml = """
        name: Growth
        summary: s
        channels: { work: { kind: unbounded } }
        knobs:
          produce_ms: { value: 0, min: 0, max: 1000, label: Producer wait, unit: ms }
          consume_ms: { value: 1000, min: 0, max: 1000, label: Consumer wait, unit: ms }
        workers:
          producer: { loop: [ make, { sleep: produce_ms }, { send: work } ] }
          consumer: { loop: [ { recv: work }, { sleep: consume_ms } ] }
        """

    @Test("limits parse from sizes people write, and refuse what no part can use")
    func parsing() {
        #expect(MemoryLimit.parse("256MB")?.bytes == 256_000_000)
        #expect(MemoryLimit.parse("512MiB")?.bytes == 512 << 20)
        #expect(MemoryLimit.parse("1.5 GB")?.bytes == 1_500_000_000)
        #expect(MemoryLimit.parse("100000000")?.bytes == 100_000_000)
        #expect(MemoryLimit.parse("1MB") == nil, "below what chanscope itself takes")
        #expect(MemoryLimit.parse("1e30") == nil)
        #expect(MemoryLimit.parse("nan") == nil)
        #expect(MemoryLimit.parse("lots") == nil)
        #expect(MemoryLimit.machineDefault.bytes >= MemoryLimit.smallest)
        #expect(MemoryLimit(bytes: 256_000_000).description == "256 MB")
    }

    @Test("over the limit the growing channel's producer is held and it says so everywhere; a knob change lets it go")
    func holdsAndReleases() throws {
        let resident = Atomic<UInt64>(10 << 20)
        let experiment = Experiment(
            preset: try enginePreset(Self.yaml), memoryLimit: MemoryLimit(bytes: 64 << 20),
            residentBytes: { resident.load(ordering: .relaxed) })
        experiment.start()
        defer { experiment.shutdown() }
        let watcher = Watcher(experiment)
        watcher.waitFor("a queue") { $0.ch("work").depth > 100 }
        #expect(watcher.snap().memoryHold == nil)
        resident.store(70 << 20, ordering: .relaxed)
        let held = watcher.waitFor("the producer held") { $0.g("producer").instantStates == [.paused] }
        #expect(held.memoryHold?.contains("MEMORY LIMIT 67 MB: producer held") == true, "\(held.memoryHold ?? "none")")
        #expect(held.ch("work").situation.word == .memoryLimit)
        #expect(watcher.events.contains { $0.kind == .memory && $0.text.contains("producer held; lower its rate") })
        let row = CSVRecorder.row(for: held)
        let header = CSVRecorder.header(for: held)
        #expect(row[header.firstIndex(of: "work.situation")!] == "MEMORY LIMIT")
        let depth = watcher.snap().ch("work").depth
        #expect(watcher.snap().ch("work").depth <= depth, "nothing more is sent while held")
        // The lecturer acts: the hold is lifted at the next sample.
        experiment.setKnob(.preset("produce_ms"), to: 100)
        resident.store(10 << 20, ordering: .relaxed)
        watcher.waitFor("the producer released") { $0.g("producer").instantStates != [.paused] && $0.memoryHold == nil }
        #expect(watcher.events.contains { $0.kind == .memory && $0.text.hasPrefix("memory: producer released") })
        #expect(watcher.snap().accountingViolation == nil)
    }

    @Test("an unbounded producer at 0 ms on a small limit: held at the limit, resident memory stays near it")
    func realMemoryStaysNearTheLimit() throws {
        let before = try #require(MemoryLimit.residentBytes())
        let limit = MemoryLimit(bytes: before + (48 << 20))
        let experiment = Experiment(preset: try enginePreset(Self.yaml), memoryLimit: limit)
        experiment.start()
        defer { experiment.shutdown() }
        let watcher = Watcher(experiment)
        let held = watcher.waitFor(timeout: 30, "the producer held at the limit") { $0.memoryHold != nil }
        #expect(held.memoryHold != nil)
        #expect(watcher.events.contains { $0.kind == .memory })
        // Held, the queue stops growing; resident memory stays within the limit plus what one
        // sampling period and one doubling of the queue's ring can add.
        // (The producer stops at its next step boundary, a few messages after the sample.)
        let depth = watcher.waitFor("the producer stopped") { $0.g("producer").instantStates == [.paused] }.ch("work").depth
        for _ in 0..<5 { #expect(watcher.snap().ch("work").depth <= depth) }
        let after = try #require(MemoryLimit.residentBytes())
        #expect(after <= limit.bytes + (160 << 20), "resident \(after >> 20) MB with a limit of \(limit)")
        #expect(watcher.snap().accountingViolation == nil)
    }
}
