import CSV
import ChanscopeEngine
import Foundation
import Testing

/// A linked channel's CSV columns: named as documented, and the link's identities on every row.
@Suite("Linked channels in the CSV")
struct LinkRecordingTests {
    @Test("The link columns follow the channel's, and every row keeps the link's identities", arguments: [
        ("lossy-link", ["produce_ms=10", "dup_pct=20", "jitter_ms=60"]),
        ("stop-and-wait", ["produce_ms=0", "delay_ms=5", "timeout_ms=20", "window=4"]),
    ])
    func identitiesOnEveryRow(name: String, overrides: [String]) throws {
        let path = NSTemporaryDirectory() + "chanscope-link-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let preset = try LessonPresets.load(name).applying(overrides: overrides)
        let result = try HeadlessRunner.run(preset, options: HeadlessOptions(duration: 1.5, sampleHz: 20, recordPath: path))
        #expect(result.violations.isEmpty)
        let reader = try CSVReader(string: try String(contentsOfFile: path, encoding: .utf8), hasHeaderRow: true)
        let header = try #require(reader.headerRow)
        let documented = [
            "on_wire", "lost", "duplicated", "reordered", "retransmitted", "acks_lost", "dup_discarded", "dup_delivered",
            "goodput_per_s", "rtt_p50_ms", "rtt_p99_ms", "link_sent", "arrived", "handed_over", "held",
        ].map { "wire.\($0)" }
        let situation = try #require(header.firstIndex(of: "wire.situation"))
        #expect(Array(header[(situation + 1)...].prefix(documented.count)) == documented)
        for knob in preset.knobs { #expect(header.contains(knob.name), "knob column \(knob.name)") }
        let column = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
        var rows = 0
        var lastLost: UInt64 = 0
        while let row = reader.next() {
            rows += 1
            func n(_ key: String) -> UInt64 { UInt64(row[column["wire.\(key)"]!]) ?? .max }
            #expect(n("link_sent") + n("retransmitted") + n("duplicated") == n("lost") + n("on_wire") + n("arrived"))
            #expect(n("arrived") == n("handed_over") + n("dup_discarded") + n("held"))
            #expect(n("attempted") == n("accepted") + n("dropped") + n("failed"))
            lastLost = n("lost")
        }
        #expect(rows == result.snapshots.count)
        #expect(lastLost > 0)
        let summary = SummaryTable.render(result)
        #expect(summary.contains("link accounting held in every sample"))
        #expect(summary.contains("wire (simulated link): sent "))
        let final = try #require(result.final?.channel(named: "wire"))
        let link = try #require(final.link)
        // Read a moment after the channel: what was being handed over then is counted by now.
        #expect(final.counters.attempted <= link.counters.handedOver + link.counters.waitingForQueue)
    }

    @Test("Once stopped, the channel took exactly what the link handed over (straight sends included)", arguments: [0.0, 20.0])
    func handedOverIsAttempted(loss: Double) throws {
        let preset = try LessonPresets.load("lossy-link").applying(overrides: ["produce_ms=0", "loss_pct=\(NumberText.plain(loss))", "delay_ms=0"])
        let experiment = Experiment(preset: preset)
        experiment.start()
        #expect(waitUntil("messages flow") { (experiment.takeSnapshot().channel(named: "wire")?.counters.received ?? 0) > 500 })
        experiment.shutdown()
        let after = experiment.takeSnapshot()
        let wire = try #require(after.channel(named: "wire"))
        let link = try #require(wire.link)
        #expect(link.counters.handedOver == wire.counters.attempted)
        #expect(link.counters.identityViolation == nil)
        #expect(loss == 0 ? link.counters.lost == 0 : link.counters.lost > 0)
        let producer = try #require(after.group(named: "producer"))
        #expect(producer.made == link.counters.sent + producer.abandoned)
    }
}
