import Channels
import Testing
@testable import ChanscopeEngine

/// The problem lines `body` throws, or `[]` when it does not throw.
func problemLines(_ body: () throws(PresetError) -> Void) -> [String] {
    do {
        try body()
        return []
    } catch {
        return error.lines
    }
}

/// The problem lines a YAML text produces, or `[]` when it loads.
func presetProblems(_ yaml: String, file: String = "x.yaml") -> [String] {
    problemLines { () throws(PresetError) in _ = try PresetLoader.parse(yaml: yaml, source: file) }
}

@Suite("Loading presets")
struct PresetLoaderTests {
    @Test("A full preset reads into the model in file order, with defaults applied")
    func fullPreset() throws {
        let yaml = """
            # Tanenbaum with a twist
            name: Full
            summary: Everything at once.
            lesson: |
              Line one.
              Line two.
            channels:
              zeta: { kind: unbounded }
              alpha: { kind: dropping, capacity: 4 }
              mid: { kind: rendezvous }
            knobs:
              wait_ms: { value: 50, min: 0, max: 2000, step: 10, label: Producer wait, unit: ms }
              max_work: { value: 0, min: 0, max: 100 }
            workers:
              producer:
                count: 3
                limit: max_work
                prefill: { alpha: 5, zeta: 0 }
                loop:
                  - make
                  - { sleep: wait_ms, jitter: 0.3 }
                  - send: zeta
                  - { send: mid }
              consumer:
                limit: 100
                loop: [ { recv: zeta }, { poll: alpha }, { recv: mid }, { sleep: wait_ms } ]
            """
        let preset = try PresetLoader.parse(yaml: yaml, source: "presets/full.yaml")
        #expect(preset.name == "Full")
        #expect(preset.summary == "Everything at once.")
        #expect(preset.lesson == "Line one.\nLine two.\n")
        #expect(preset.source == "presets/full.yaml")
        #expect(preset.channels == [
            ChannelSpec(name: "zeta", kind: .unbounded),
            ChannelSpec(name: "alpha", kind: .dropping(4)),
            ChannelSpec(name: "mid", kind: .rendezvous),
        ])
        #expect(preset.knobs == [
            KnobSpec(name: "wait_ms", value: 50, min: 0, max: 2000, step: 10, label: "Producer wait", unit: "ms"),
            KnobSpec(name: "max_work", value: 0, min: 0, max: 100, step: 1, label: "max_work", unit: ""),
        ])
        #expect(preset.workers == [
            WorkerGroupSpec(
                name: "producer", count: 3, limit: .knob("max_work"),
                prefill: [Prefill(channel: "alpha", count: 5), Prefill(channel: "zeta", count: 0)],
                steps: [.make, .sleep(knob: "wait_ms", jitter: 0.3), .send(channel: "zeta"), .send(channel: "mid")]
            ),
            WorkerGroupSpec(
                name: "consumer", count: 1, limit: .fixed(100), prefill: [],
                steps: [.recv(channel: "zeta"), .poll(channel: "alpha"), .recv(channel: "mid"),
                        .sleep(knob: "wait_ms", jitter: 0)]
            ),
        ])
        #expect(preset.knob(named: "max_work")?.label == "max_work")
        #expect(preset.knob(named: "nope") == nil)
        #expect(preset.channel(named: "alpha")?.kind == .dropping(4))
        #expect(preset.channel(named: "nope") == nil)
    }

    @Test("Knobs may be left out and the lesson defaults to empty")
    func minimalPreset() throws {
        let preset = try PresetLoader.parse(yaml: """
            name: Minimal
            summary: The least a preset can say.
            channels: { c: { kind: unbounded } }
            workers: { w: { loop: [ make, { send: c } ] } }
            """, source: "m.yaml")
        #expect(preset.lesson == "")
        #expect(preset.knobs.isEmpty)
        #expect(preset.workers.first?.count == 1)
        #expect(preset.workers.first?.limit == nil)
        #expect(preset.workers.first?.prefill == [])
    }

    @Test("The built-in default loads and says what the design asks for")
    func builtInDefault() throws {
        let preset = try PresetLoader.parse(yaml: Preset.builtInDefaultYAML, source: "<built-in>")
        #expect(preset == Preset.builtInDefault)
        #expect(preset.name == "Producer and consumer")
        #expect(preset.source == "<built-in>")
        #expect(preset.channels == [ChannelSpec(name: "work", kind: .bounded(8))])
        #expect(preset.knobs == [
            KnobSpec(name: "produce_ms", value: 100, min: 0, max: 2000, step: 10, label: "Producer wait", unit: "ms"),
            KnobSpec(name: "consume_ms", value: 150, min: 0, max: 2000, step: 10, label: "Consumer wait", unit: "ms"),
            KnobSpec(name: "max_work", value: 0, min: 0, max: 10000, step: 10, label: "Max work (0 = endless)", unit: ""),
        ])
        #expect(preset.workers == [
            WorkerGroupSpec(name: "producer", count: 1, limit: .knob("max_work"), prefill: [],
                            steps: [.make, .sleep(knob: "produce_ms", jitter: 0), .send(channel: "work")]),
            WorkerGroupSpec(name: "consumer", count: 1, limit: nil, prefill: [],
                            steps: [.recv(channel: "work"), .sleep(knob: "consume_ms", jitter: 0)]),
        ])
        let lessonLines = preset.lesson.split(separator: "\n")
        #expect((3...6).contains(lessonLines.count))
        #expect(!preset.summary.contains("\n"))
    }

    @Test("The design's sketches load: backpressure, Tanenbaum and the real-time example")
    func designSketches() throws {
        _ = try PresetLoader.parse(yaml: """
            name: Backpressure
            summary: A fast producer fills a bounded channel; then send blocks.
            channels:
              work: { kind: bounded, capacity: 8 }
            knobs:
              produce_ms: { value: 50,  min: 0, max: 2000, label: Producer wait, unit: ms }
              consume_ms: { value: 200, min: 0, max: 2000, label: Consumer wait, unit: ms }
              max_work:   { value: 0,   min: 0, max: 10000, label: Max work (0 = endless) }
            workers:
              producer: { count: 1, limit: max_work, loop: [ make, { sleep: produce_ms }, { send: work } ] }
              consumer: { count: 1, loop: [ { recv: work }, { sleep: consume_ms } ] }
            """, source: "b.yaml")
        let tanenbaum = try PresetLoader.parse(yaml: """
            name: Tanenbaum
            summary: N empty messages circle between producer and consumer.
            channels: { full: { kind: unbounded }, empties: { kind: unbounded } }
            knobs:
              produce_ms: { value: 10, min: 0, max: 100 }
              consume_ms: { value: 10, min: 0, max: 100 }
            workers:
              producer: { loop: [ { sleep: produce_ms }, { recv: empties }, { send: full } ] }
              consumer: { prefill: { empties: 100 }, loop: [ { recv: full }, { send: empties }, { sleep: consume_ms } ] }
            """, source: "t.yaml")
        #expect(tanenbaum.workers[1].prefill == [Prefill(channel: "empties", count: 100)])
        _ = try PresetLoader.parse(yaml: """
            name: Real time
            summary: Master and worker both poll.
            channels: { jobs: { kind: unbounded }, results: { kind: unbounded } }
            knobs:
              max_work: { value: 100, min: 0, max: 1000 }
              master_wait_ms: { value: 200, min: 0, max: 2000 }
              worker_wait_ms: { value: 200, min: 0, max: 2000 }
            workers:
              master: { limit: max_work, loop: [ make, { send: jobs }, { poll: results }, { sleep: master_wait_ms } ] }
              worker: { loop: [ { poll: jobs }, { send: results }, { sleep: worker_wait_ms } ] }
            """, source: "r.yaml")
    }

    @Test("A file that cannot be read is one line")
    func missingFile() {
        #expect(throws: PresetError(file: "presets/nope.yaml", line: nil, path: "",
                                    message: "cannot read file: No such file or directory")) {
            try PresetLoader.load(path: "presets/nope.yaml")
        }
        do {
            _ = try PresetLoader.load(path: "presets/nope.yaml")
        } catch {
            #expect(error.description == "presets/nope.yaml: cannot read file: No such file or directory")
        }
    }

    @Test("One file with several problems yields one line for each, ordered by line")
    func severalProblems() {
        let lines = presetProblems("""
            name: Many
            colour: red
            channels:
              work: { kind: bounded, capacity: 0 }
            knobs:
              wait_ms: { value: 500, min: 0, max: 100 }
            workers:
              producer: { count: 65, loop: [ make, { send: wrok } ] }
              consumer: { loop: [] }
            """)
        #expect(lines == [
            "x.yaml:1: summary: required key is missing",
            "x.yaml:2: colour: unknown key \"colour\" (keys: name, summary, lesson, paused, channels, knobs, workers)",
            "x.yaml:4: channels.work.capacity: kind bounded needs a capacity of at least 1, not 0 (capacity 0 is kind rendezvous)",
            "x.yaml:6: knobs.wait_ms.value: 500 is outside min...max (0...100)",
            "x.yaml:8: workers.producer.count: count must be 0...64, found 65",
            "x.yaml:8: workers.producer.loop[1]: unknown channel \"wrok\" (channels: work)",
            "x.yaml:9: workers.consumer.loop: the loop is empty; it needs at least one step (make, send, recv, poll, sleep, work, compute, tag, reply, join, task_done)",
        ])
    }
}
