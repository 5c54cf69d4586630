// Generated from presets/*.yaml by `CHANSCOPE_REGENERATE_PRESETS=1 swift test --filter BuiltInPresetSourceTests`.
// Do not edit: change the file in presets/ and regenerate; a test fails while the two differ.

extension BuiltInPreset {
    /// The lesson presets of `presets/`, by name, compiled in so they work from any directory.
    public static let lessons: [BuiltInPreset] = [
        BuiltInPreset(name: "backpressure", yaml: """
# Rust's sync_channel(8) / Go's make(chan T, 8): a bounded queue. Once it is full, send
# blocks until the consumer takes a message: the slow side sets the pace for both.
name: Backpressure
summary: A fast producer fills a bounded channel; then send blocks.
lesson: |
  The queue "work" fills to its capacity of 8, then the producer shows "blocked on send":
  that is backpressure, and the producer now runs at the consumer's pace.
  Drag "Consumer wait" below "Producer wait": the queue drains and the consumer waits instead.
  Move the "work capacity" slider: a bigger buffer only delays the moment the producer blocks.
  Press 1 (unbounded) to remove the limit and watch the queue grow without bound.
channels:
  work: { kind: bounded, capacity: 8 }
knobs:
  produce_ms: { value: 50,  min: 0, max: 2000, step: 10, label: Producer wait, unit: ms }
  consume_ms: { value: 200, min: 0, max: 2000, step: 10, label: Consumer wait, unit: ms }
  max_work:   { value: 0,   min: 0, max: 10000, step: 10, label: Max work (0 = endless) }
workers:
  producer: { count: 1, limit: max_work, loop: [ make, { sleep: produce_ms }, { send: work } ] }
  consumer: { count: 1, loop: [ { recv: work }, { sleep: consume_ms } ] }

"""),
        BuiltInPreset(name: "deadlock", yaml: """
# Two threads that both send first on rendezvous channels (sync_channel(0)): A waits for B
# to receive on "ab", B waits for A to receive on "ba". Neither ever gets to its receive.
name: Deadlock
summary: "A and B both send first on rendezvous channels: deadlock."
lesson: |
  A and B both show "blocked on send" at once, each waiting for the other to receive.
  After a moment the detector names the cycle: A -> ab -> B -> ba -> A.
  Break it: select "ab" (tab) and press 2 (bounded): A's send completes, A reaches its
  receive, and the cycle clears (see the event log). Press r to deadlock again.
channels:
  ab: { kind: rendezvous }   # A sends, B receives
  ba: { kind: rendezvous }   # B sends, A receives
knobs:
  think_ms: { value: 300, min: 0, max: 2000, step: 10, label: Think time, unit: ms }
workers:
  A: { count: 1, loop: [ make, { send: ab }, { recv: ba }, { sleep: think_ms } ] }
  B: { count: 1, loop: [ make, { send: ba }, { recv: ab }, { sleep: think_ms } ] }

"""),
        BuiltInPreset(name: "disconnect-consumer", yaml: """
# In Rust, once the Receiver is dropped, send() returns Err(SendError(msg)): the message is
# handed back to the sender. Here it is counted as "failed", and whatever was still queued
# when the consumer left is counted as "discarded".
name: Consumer disconnects
summary: The consumer stops; the producer's next send fails.
lesson: |
  The consumer takes "Consumer max" messages, then finishes and drops its end of "work".
  The producer's next send fails: the message is handed back, counted as "failed", and the
  producer shows "disconnected". Messages still queued are counted as "discarded".
  Press r to restart, then close "consumer" yourself with c at any moment.
channels:
  work: { kind: bounded, capacity: 5 }
knobs:
  consumer_max: { value: 50,  min: 0, max: 1000, step: 10, label: Consumer max (0 = endless) }
  produce_ms:   { value: 100, min: 0, max: 2000, step: 10, label: Producer wait, unit: ms }
  consume_ms:   { value: 200, min: 0, max: 2000, step: 10, label: Consumer wait, unit: ms }
workers:
  producer: { count: 1, loop: [ make, { sleep: produce_ms }, { send: work } ] }
  consumer: { count: 1, limit: consumer_max, loop: [ { recv: work }, { sleep: consume_ms } ] }

"""),
        BuiltInPreset(name: "disconnect-producer", yaml: """
# In Rust, when the last Sender is dropped the Receiver still gets everything queued, and
# only then does recv() return Err(RecvError): "disconnected".
name: Producer disconnects
summary: The producer stops; the consumer drains, then disconnects.
lesson: |
  The producer makes "Max work" messages, then finishes and drops its end of "work".
  The consumer is slower, so messages are still queued: it keeps receiving until the
  queue is empty, and only then shows "disconnected". Nothing is lost.
  Raise "Max work" before it runs out (or press r to restart) to watch it again.
channels:
  work: { kind: unbounded }
knobs:
  max_work:   { value: 40,  min: 0, max: 1000, step: 10, label: Max work (0 = endless) }
  produce_ms: { value: 100, min: 0, max: 2000, step: 10, label: Producer wait, unit: ms }
  consume_ms: { value: 300, min: 0, max: 2000, step: 10, label: Consumer wait, unit: ms }
workers:
  producer: { count: 1, limit: max_work, loop: [ make, { sleep: produce_ms }, { send: work } ] }
  consumer: { count: 1, loop: [ { recv: work }, { sleep: consume_ms } ] }

"""),
        BuiltInPreset(name: "dropping", yaml: """
# Kotlin's DROP_LATEST / Swift AsyncStream .bufferingOldest(n): when the buffer is full, the
# NEW message is thrown away. The producer never blocks; the channel counts what it dropped.
name: Dropping
summary: A full channel drops new messages instead of blocking.
lesson: |
  The producer never blocks: once "events" holds 4 messages, every new one is dropped.
  Watch the "dropped" counter climb while the depth stays at the capacity.
  What gets through is old: the queue keeps the oldest messages, so latency stays high.
  Raise the "events capacity" slider or lower "Consumer wait" until nothing is dropped.
  Press 5 (overwriting) to keep the newest messages instead.
channels:
  events: { kind: dropping, capacity: 4 }
knobs:
  produce_ms: { value: 50,  min: 0, max: 2000, step: 10, label: Producer wait, unit: ms }
  consume_ms: { value: 250, min: 0, max: 2000, step: 10, label: Consumer wait, unit: ms }
workers:
  producer: { count: 1, loop: [ make, { sleep: produce_ms }, { send: events } ] }
  consumer: { count: 1, loop: [ { recv: events }, { sleep: consume_ms } ] }

"""),
        BuiltInPreset(name: "fan-in", yaml: """
# Several producers share one channel's sending side (cloned Senders in Rust); one consumer
# takes everything. The consumer's pace is shared out among the producers.
name: Fan-in
summary: Four producers, one consumer, one shared channel.
lesson: |
  Four producers send every 200 ms each: 20 messages/s into "work", but the consumer takes 10.
  The queue fills; the producers take turns "blocked on send", each at a quarter of the pace.
  Move the "producers workers" slider down (or press -) until the queue drains.
  Add a fifth producer (+): the in-rate rises, the out-rate does not.
channels:
  work: { kind: bounded, capacity: 8 }
knobs:
  produce_ms: { value: 200, min: 0, max: 2000, step: 10, label: Producer wait, unit: ms }
  consume_ms: { value: 100, min: 0, max: 2000, step: 10, label: Consumer wait, unit: ms }
workers:
  producers: { count: 4, loop: [ make, { sleep: produce_ms, jitter: 0.2 }, { send: work } ] }
  consumer:  { count: 1, loop: [ { recv: work }, { sleep: consume_ms } ] }

"""),
        BuiltInPreset(name: "fan-out", yaml: """
# One producer, several consumers sharing one receiving side (a work queue, as with
# crossbeam's cloned Receivers): each message goes to exactly one consumer.
name: Fan-out
summary: One producer, three consumers sharing the work.
lesson: |
  Each message goes to exactly one consumer: together they take 3 x what one could.
  The producer makes 10/s; each consumer needs 350 ms a message, so three take about 8.6/s:
  just too few, and "work" slowly fills. Move "consumers workers" up to 4 (+): it drains.
  Down to 1 (-): one consumer alone, and the producer soon shows "blocked on send".
channels:
  work: { kind: bounded, capacity: 10 }
knobs:
  produce_ms: { value: 100, min: 0, max: 2000, step: 10, label: Producer wait, unit: ms }
  consume_ms: { value: 350, min: 0, max: 2000, step: 10, label: Consumer wait, unit: ms }
workers:
  producer:  { count: 1, loop: [ make, { sleep: produce_ms }, { send: work } ] }
  consumers: { count: 3, loop: [ { recv: work }, { sleep: consume_ms, jitter: 0.2 } ] }

"""),
        BuiltInPreset(name: "overwriting", yaml: """
# Kotlin's DROP_OLDEST / Swift AsyncStream .bufferingNewest(n): a ring buffer. When it is
# full the OLDEST reading is overwritten, so the reader always sees recent data.
name: Overwriting sensor feed
summary: A sensor overwrites old readings in a small ring buffer.
lesson: |
  The sensor never blocks: when "readings" is full, the oldest reading is overwritten.
  Watch the "overwritten" counter climb while latency stays low: the display only ever
  sees the last few readings, never a stale backlog.
  Press 4 (dropping) on "readings" and compare: now the oldest are kept and latency rises.
  Lower "Display wait" until the display keeps up and nothing is overwritten.
channels:
  readings: { kind: overwriting, capacity: 3 }
knobs:
  sample_ms:  { value: 50,  min: 0, max: 2000, step: 10, label: Sensor period, unit: ms }
  display_ms: { value: 300, min: 0, max: 2000, step: 10, label: Display wait, unit: ms }
workers:
  sensor:  { count: 1, loop: [ make, { sleep: sample_ms }, { send: readings } ] }
  display: { count: 1, loop: [ { recv: readings }, { sleep: display_ms } ] }

"""),
        BuiltInPreset(name: "pipeline", yaml: """
# Three stages joined by bounded channels, like a Unix pipe: fetch | parse | store.
# The slowest stage sets the pace of the whole line; the queue in front of it fills up,
# the stages upstream block on send, and the stages downstream wait on receive.
name: Pipeline
summary: Three stages; the slowest sets the pace, its queue fills.
lesson: |
  "parse" is the slowest stage (250 ms), so "fetched" fills and "fetch" blocks on send,
  while "parsed" stays nearly empty and "store" waits on receive: parse sets the pace.
  Drag "Parse time" below "Store time": now "parsed" fills instead. The bottleneck moved.
  Or move "parse workers" up to 2 (+): two slow workers beat one.
channels:
  fetched: { kind: bounded, capacity: 10 }
  parsed:  { kind: bounded, capacity: 10 }
knobs:
  fetch_ms: { value: 100, min: 0, max: 2000, step: 10, label: Fetch time, unit: ms }
  parse_ms: { value: 250, min: 0, max: 2000, step: 10, label: Parse time, unit: ms }
  store_ms: { value: 150, min: 0, max: 2000, step: 10, label: Store time, unit: ms }
workers:
  fetch: { count: 1, loop: [ make, { sleep: fetch_ms }, { send: fetched } ] }
  parse: { count: 1, loop: [ { recv: fetched }, { sleep: parse_ms }, { send: parsed } ] }
  store: { count: 1, loop: [ { recv: parsed }, { sleep: store_ms } ] }

"""),
        BuiltInPreset(name: "realtime", yaml: """
# The course's real-time example: a master hands out jobs and polls for results with
# try_recv, so neither side ever blocks. Both channels are Rust mpsc::channel (unbounded).
#
# The master sleeps before it polls (rather than after), so with a quick worker every job's
# result is back in time and the run ends with max_work full round trips.
name: Real-time master and worker
summary: Master and worker poll with try_recv; nobody ever blocks.
lesson: |
  Nobody ever blocks here: both sides use poll (try_recv) and count the empty polls instead.
  With equal waits almost every poll finds something. Move "Worker wait" down (left arrow):
  the worker now polls more often than jobs arrive, and its empty polls climb.
  Move it above "Master wait": jobs queue up in "jobs" and the master's polls come back empty.
  The master stops after "Max work" jobs; the worker then sees "jobs" disconnect and finishes.
channels:
  jobs:    { kind: unbounded }
  results: { kind: unbounded }
knobs:
  max_work:       { value: 100, min: 0, max: 1000, step: 10, label: Max work (0 = endless) }
  master_wait_ms: { value: 200, min: 0, max: 2000, step: 10, label: Master wait, unit: ms }
  worker_wait_ms: { value: 200, min: 0, max: 2000, step: 10, label: Worker wait, unit: ms }
workers:
  master:
    count: 1
    limit: max_work
    loop: [ make, { send: jobs }, { sleep: master_wait_ms }, { poll: results } ]
  worker:
    count: 1
    # An empty poll leaves the hand empty, so the send is skipped.
    loop: [ { poll: jobs }, { send: results }, { sleep: worker_wait_ms } ]

"""),
        BuiltInPreset(name: "rendezvous", yaml: """
# Rust's sync_channel(0) / Go's make(chan T): no buffer at all. A send completes only when a
# receiver takes the message at that moment, so the two threads meet at every message.
name: Rendezvous
summary: A channel with no buffer; every send waits for a receive.
lesson: |
  The depth of "handoff" is always 0: there is no buffer, each message passes hand to hand.
  The producer is faster, so it is mostly "blocked on send", waiting for the consumer.
  Drag "Producer wait" above "Consumer wait": now the consumer is "blocked on receive".
  Select "handoff" (tab) and press 2 (bounded): the meeting is over and a queue appears.
channels:
  handoff: { kind: rendezvous }
knobs:
  produce_ms: { value: 100, min: 0, max: 2000, step: 10, label: Producer wait, unit: ms }
  consume_ms: { value: 300, min: 0, max: 2000, step: 10, label: Consumer wait, unit: ms }
workers:
  producer: { count: 1, loop: [ make, { sleep: produce_ms }, { send: handoff } ] }
  consumer: { count: 1, loop: [ { recv: handoff }, { sleep: consume_ms } ] }

"""),
        BuiltInPreset(name: "tanenbaum", yaml: """
# Tanenbaum's producer/consumer with message passing (Modern Operating Systems, 2.3.8):
# the consumer starts by sending N = 100 empty messages; the producer takes an empty,
# fills it and sends it back as full; the consumer empties it and returns it. The same
# 100 messages circle for ever, so at most 100 are ever in flight: a bound with no
# bounded channel at all.
name: Tanenbaum's producer/consumer
summary: 100 messages circle; never more than N = 100 in flight.
lesson: |
  Count the messages: "full" + "empties" (+ one in each hand) always adds up to 100.
  The producer is faster, so the 100 pile up in "full", "empties" runs dry and the
  producer shows "blocked on receive": it waits for an empty, not for buffer space.
  Drag "Consume time" below "Produce time": the messages move to "empties" and the
  consumer waits instead. Channels are unbounded, yet nothing grows past 100.
channels:
  full:    { kind: unbounded }
  empties: { kind: unbounded }
knobs:
  produce_ms: { value: 50,  min: 0, max: 2000, step: 10, label: Produce time, unit: ms }
  consume_ms: { value: 150, min: 0, max: 2000, step: 10, label: Consume time, unit: ms }
workers:
  producer:
    count: 1
    loop: [ { sleep: produce_ms }, { recv: empties }, { send: full } ]
  consumer:
    count: 1
    prefill: { empties: 100 }   # the N empty messages, sent before the loop starts
    loop: [ { recv: full }, { send: empties }, { sleep: consume_ms } ]

"""),
        BuiltInPreset(name: "unbounded-growth", yaml: """
# Rust's mpsc::channel(): an unbounded queue. The producer never blocks, so nothing ever
# tells it to slow down; the queue (and every message's wait in it) just keeps growing.
name: Unbounded growth
summary: "Fast producer, unbounded queue: depth grows without limit."
lesson: |
  The producer never blocks, so the depth of "work" climbs for ever, and so does latency:
  each new message waits behind everything already queued (watch p50 rise).
  Drag "Consumer wait" below "Producer wait" and the queue drains again.
  Or select "work" (tab) and press 2 to make it bounded: now the producer blocks instead.
channels:
  work: { kind: unbounded }
knobs:
  produce_ms: { value: 50,  min: 0, max: 2000, step: 10, label: Producer wait, unit: ms }
  consume_ms: { value: 200, min: 0, max: 2000, step: 10, label: Consumer wait, unit: ms }
workers:
  producer: { count: 1, loop: [ make, { sleep: produce_ms }, { send: work } ] }
  consumer: { count: 1, loop: [ { recv: work }, { sleep: consume_ms } ] }

"""),
    ]
}
