import CSV
import Channels
import Foundation
import Testing
@testable import ChanscopeEngine

@Suite("Headless runs, CSV recording and the summary table")
struct EngineRecordingTests {
    /// A preset whose name has a comma and quotes, so the `started` event needs quoting.
    static let yaml = """
        name: 'Say "hi", world'
        summary: s
        channels:
          work: { kind: bounded, capacity: 4 }
          spill: { kind: dropping, capacity: 1 }
        knobs:
          produce_ms: { value: 5, min: 0, max: 100 }
          consume_ms: { value: 12.5, min: 0, max: 100, step: 0.5 }
        workers:
          producer: { loop: [ make, { sleep: produce_ms }, { send: work } ] }
          relay: { loop: [ { recv: work }, { send: spill } ] }
          consumer: { loop: [ { recv: spill }, { sleep: consume_ms } ] }
        """

    static func temporaryPath() -> String {
        NSTemporaryDirectory() + "chanscope-test-\(UUID().uuidString).csv"
    }

    static func expectedHeader() -> [String] {
        var header = ["time_s"]
        for channel in ["work", "spill"] {
            header += ["kind", "capacity", "depth", "attempted", "accepted", "received", "dropped", "overwritten",
                "failed", "discarded", "in_per_s", "out_per_s", "latency_p50_ms", "latency_p99_ms", "situation"].map { "\(channel).\($0)" }
        }
        for group in ["producer", "relay", "consumer"] {
            header += ["count", "done", "blocked_send_pct", "blocked_recv_pct", "empty_polls", "polls_per_s", "cpu_pct", "kernel_cpu_pct", "stopped_by_sentinel"].map { "\(group).\($0)" }
        }
        return header + ["produce_ms", "consume_ms", "event"]
    }

    @Test("a recorded run: documented header, one row per snapshot, identities on every row, quoting")
    func recordedRun() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let preset = try enginePreset(Self.yaml)
        let result = try HeadlessRunner.run(preset, options: HeadlessOptions(duration: 2, sampleHz: 20, recordPath: path))
        #expect(result.violations.isEmpty)
        #expect(result.snapshots.count >= 10)
        #expect(result.rowsRecorded == result.snapshots.count)

        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        #expect(text.contains(#""started Say ""hi"", world""#))
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        let header = try #require(reader.headerRow)
        #expect(header == Self.expectedHeader())
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        #expect(rows.count == result.snapshots.count)
        let column = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
        func number(_ row: [String], _ name: String) -> UInt64 { UInt64(row[column[name]!]) ?? .max }
        var previousTime = -1.0
        for (row, snapshot) in zip(rows, result.snapshots) {
            #expect(row.count == header.count)
            let time = try #require(Double(row[0]))
            #expect(time > previousTime)
            previousTime = time
            for channel in ["work", "spill"] {
                let attempted = number(row, "\(channel).attempted"), accepted = number(row, "\(channel).accepted")
                #expect(attempted == accepted + number(row, "\(channel).dropped") + number(row, "\(channel).failed"))
                #expect(accepted == number(row, "\(channel).received") + number(row, "\(channel).overwritten")
                    + number(row, "\(channel).depth") + number(row, "\(channel).discarded"))
            }
            #expect(row[column["work.kind"]!] == "bounded")
            #expect(row[column["work.capacity"]!] == "4")
            #expect(row[column["spill.kind"]!] == "dropping")
            #expect(row[column["produce_ms"]!] == "5")
            #expect(row[column["consume_ms"]!] == "12.5")
            #expect(row[column["producer.count"]!] == "1")
            #expect(number(row, "consumer.done") == snapshot.g("consumer").done)
            #expect(row.last == snapshot.events.map(\.text).joined(separator: "; "))
        }
        #expect(rows.first?.last?.contains(#"started Say "hi", world"#) == true)
        #expect(rows.first?.first == "0.000", "the first row is the first sample, at time 0")
        #expect(rows.dropFirst().allSatisfy { !$0.last!.contains("started") })
        // Work flowed, and the dropping channel dropped some of it.
        let final = try #require(result.final)
        #expect(final.g("consumer").done > 0)
        #expect(final.ch("spill").counters.dropped > 0)
    }

    @Test("an existing file is never overwritten")
    func neverOverwrites() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "precious\n".write(toFile: path, atomically: false, encoding: .utf8)
        let preset = try enginePreset(Self.yaml)
        #expect {
            _ = try HeadlessRunner.run(preset, options: HeadlessOptions(duration: 0.2, recordPath: path))
        } throws: { error in
            (error as? CSVRecorder.RecorderError)?.description.contains("file exists") == true
                && (error as? CSVRecorder.RecorderError)?.description.contains(path) == true
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "precious\n")
    }

    @Test("rows quote commas, quotes and newlines")
    func rowQuoting() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let experiment = Experiment(preset: try enginePreset(Self.yaml))
        defer { experiment.shutdown() }
        let layout = experiment.layout()
        let recorder = try CSVRecorder(path: path, layout: layout)
        var snapshot = layout
        snapshot.events = [
            ExperimentEvent(time: 0, kind: .knob, text: #"a "quoted", text"#),
            ExperimentEvent(time: 0, kind: .knob, text: "line\nbreak"),
        ]
        try recorder.record(snapshot)
        #expect(recorder.rowsWritten == 1)
        recorder.close()
        #expect(throws: CSVRecorder.RecorderError.self) { try recorder.record(snapshot) }
        let reader = try CSVReader(string: try String(contentsOfFile: path, encoding: .utf8), hasHeaderRow: true)
        let row = try #require(reader.next())
        #expect(row.last == "a \"quoted\", text; line\nbreak")
        #expect(reader.next() == nil)
    }

    @Test("the summary table shows every channel and group")
    func summaryTable() throws {
        let preset = try enginePreset("""
            name: Summary
            summary: s
            channels: { work: { kind: bounded, capacity: 3 } }
            workers:
              producer: { limit: 30, loop: [ make, { send: work } ] }
              consumer: { loop: [ { recv: work } ] }
            """)
        let result = try HeadlessRunner.run(preset, options: HeadlessOptions(duration: 10, sampleHz: 50))
        #expect(result.final?.isFinished == true)
        let table = SummaryTable.render(result)
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Summary: ") == true)
        #expect(lines.contains { $0.hasPrefix("channel") && $0.contains("identities") })
        let work = try #require(lines.first { $0.hasPrefix("work ") })
        var cells = work.split(separator: " ").map(String.init)
        #expect(cells.count >= 12)
        if cells.count >= 12 { cells.remove(at: 3) }  // the max depth varies from run to run
        let expected: [String] = ["work", "bounded(3)", "0", "30", "30", "30", "0", "0", "0", "0", "ok"]
        #expect(Array(cells.prefix(11)) == expected, "\(cells)")
        #expect(work.hasSuffix("DISCONNECTED: no senders") || work.hasSuffix("DISCONNECTED: no senders, no receivers"))
        let producer = try #require(lines.first { $0.hasPrefix("producer ") })
        #expect(producer.split(separator: " ").prefix(4).map(String.init) == ["producer", "1", "30", "0"])
        let consumer = try #require(lines.first { $0.hasPrefix("consumer ") })
        #expect(consumer.split(separator: " ").prefix(4).map(String.init) == ["consumer", "1", "0", "30"])
        #expect(consumer.hasSuffix("1 disconnected"))
        #expect(table.contains("accounting: attempted = accepted + dropped + failed"))
        #expect(SummaryTable.render(HeadlessResult(historyLimit: 10)) == "no samples were taken\n")
    }
}
