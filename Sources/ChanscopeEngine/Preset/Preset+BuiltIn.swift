extension Preset {
    /// The experiment `chanscope` runs with no preset named: one producer, one consumer, one
    /// bounded channel.
    ///
    /// It is YAML text compiled into the binary and read by the same loader as any file, so
    /// the program runs anywhere without files and the default can never drift from what a
    /// preset file could say.
    public static let builtInDefault: Preset = {
        do {
            return try PresetLoader.parse(yaml: builtInDefaultYAML, source: "<built-in>")
        } catch {
            // Not user input: a test loads this text, so reaching here is a programming error.
            fatalError("the built-in preset does not load:\n\(error)")
        }
    }()

    /// The source text of `builtInDefault`, also a model for writing new presets.
    public static let builtInDefaultYAML = """
        # The built-in default experiment: one producer, one consumer, one bounded channel.
        name: Producer and consumer
        summary: One producer and one consumer share a bounded channel of 8 messages.
        lesson: |
          "work" fills to 8/8 and reads FULL: the consumer (150 ms) is slower than the producer.
          The producer now waits in send a third of each round: "blocked send 33%".
          ↓ selects "Consumer wait"; ⇧→ takes it to 350 ms: BACKPRESSURE, the producer send-blocked.
          ⇧← twice takes it below "Producer wait": "work" drains, the consumer waits on receive.
          ↑ selects "Max work"; → stops the producer there: NO SENDERS: draining, then DISCONNECTED.
        channels:
          work: { kind: bounded, capacity: 8 }
        knobs:
          produce_ms: { value: 100, min: 0, max: 2000, step: 10, label: Producer wait, unit: ms }
          consume_ms: { value: 150, min: 0, max: 2000, step: 10, label: Consumer wait, unit: ms }
          max_work:   { value: 0, min: 0, max: 10000, step: 10, label: Max work (0 = endless) }
        workers:
          producer: { count: 1, limit: max_work, loop: [ make, { sleep: produce_ms }, { send: work } ] }
          consumer: { count: 1, loop: [ { recv: work }, { sleep: consume_ms } ] }
        """
}
