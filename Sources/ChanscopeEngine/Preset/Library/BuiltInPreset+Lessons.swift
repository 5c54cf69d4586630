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
  "work" fills to 8/8 and reads BACKPRESSURE; the producer shows send-blocked.
  The producer now runs at the consumer's pace: in and out both read 5.0/s.
  ↓ selects "Consumer wait"; Home sets it to 0: "work" drains, the consumer is recv-blocked.
  Press r, ↓ to "work capacity", End sets it to 64: it fills 4 s later, then blocks again.
  Press 1 (unbounded): "work" reads GROWING; nothing holds the producer back any more.
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
        BuiltInPreset(name: "datagram-socket", yaml: """
# A Unix domain datagram socket: the reader's socket is bound to a file, the writer's is
# connected to it. Every send is one whole datagram (no framing needed), but there is no
# connection: the kernel queues only a few datagrams for a reader that is not connected back,
# tells nobody how many it holds, and says nothing to the reader when the writer dies.
name: Datagram socket
summary: Whole datagrams through a Unix socket file; a short kernel queue, and no connection to lose.
lesson: |
  Each message is one datagram, boundaries kept; the kernel does not count them for you.
  SIOCINQ tells only the next one's size: "datagrams" is the processes' own count.
  The queue stops at 11 (limit 11 = max_dgram_qlen + 1): "blocked in unix_wait_for_peer".
  Select the reader (g), press K: the writer's next send gets ECONNREFUSED, "failed 1".
  Press r, then g (the writer) and K: no connection, no EOF; the reader stays recv-blocked.
channels:
  dgram: { kind: bounded, transport: unix-datagram, message_bytes: 16 }
knobs:
  produce_ms: { value: 50,  min: 0, max: 2000, step: 10, label: Writer wait, unit: ms }
  consume_ms: { value: 200, min: 0, max: 2000, step: 10, label: Reader wait, unit: ms }
workers:
  writer: { count: 1, loop: [ make, { sleep: produce_ms }, { send: dgram } ] }
  reader: { count: 1, loop: [ { recv: dgram }, { sleep: consume_ms } ] }

"""),
        BuiltInPreset(name: "deadlock", yaml: """
# Two threads that both send first on rendezvous channels (sync_channel(0)): A waits for B
# to receive on "ab", B waits for A to receive on "ba". Neither ever gets to its receive.
name: Deadlock
summary: "A and B both send first on rendezvous channels: deadlock."
lesson: |
  A and B both send first: both show send-blocked, each waiting for the other to receive.
  After a second the DEADLOCK banner names the cycle: A -> ab -> B -> ba -> A.
  Press 2: "ab" (selected) becomes bounded(8), A's send completes and the banner goes.
  Press r: back to the preset as loaded, rendezvous, and the DEADLOCK comes back.
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
  The producer is faster: "work" fills to 5/5, BACKPRESSURE.
  The consumer takes "Consumer max" (50) messages, then shows finished and drops its end.
  The producer's next send fails: "failed" 1, the producer shows disconnected.
  "work" reads DISCONNECTED; the 5 still queued are counted as "discarded".
  Press r, then g to select consumer and c to close it yourself at any moment.
channels:
  work: { kind: bounded, capacity: 5 }
knobs:
  consumer_max: { value: 50,  min: 0, max: 1000, step: 10, label: "Consumer max (0: none)" }
  produce_ms:   { value: 50,  min: 0, max: 2000, step: 10, label: Producer wait, unit: ms }
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
  The producer makes "Max work" (40) messages, then shows finished.
  "work" reads NO SENDERS: draining N: the slower consumer still receives what is queued.
  When "work" is empty it reads DISCONNECTED and the consumer shows disconnected.
  got 40 of made 40: nothing is lost. Press r to watch it again (about 12 s).
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
  The producer never blocks: "events" stays at 4/4 and reads DROPPING.
  The "dropped" counter climbs: a new message that finds the queue full is thrown away.
  What gets through is old: the queue keeps the oldest, so "wait p50" is about 1 s.
  ↓ selects "Consumer wait"; Home sets it to 0: "dropped" stops, DROPPING goes.
  Press r, then 5 (overwriting): OVERWRITING keeps the newest, and "wait p50" falls.
channels:
  events: { kind: dropping, capacity: 4 }
knobs:
  produce_ms: { value: 50,  min: 0, max: 2000, step: 10, label: Producer wait, unit: ms }
  consume_ms: { value: 250, min: 0, max: 2000, step: 10, label: Consumer wait, unit: ms }
workers:
  producer: { count: 1, loop: [ make, { sleep: produce_ms }, { send: events } ] }
  consumer: { count: 1, loop: [ { recv: events }, { sleep: consume_ms } ] }

"""),
        BuiltInPreset(name: "duplicate-trap", yaml: """
# Lost acknowledgements make duplicates: the sender cannot tell a lost message from a lost ack,
# so it sends again. The course: "This can be avoided by assigning a sequence number to each
# message" — and the receiver discarding one it has seen.
name: Duplicate trap
summary: Lost acks make the sender resend; without dedup the consumer gets duplicates.
lesson: |
  "wire" reads DUPLICATES: acks lost rises, dup delivered counts copies the consumer got.
  ↓ to "Dedup" and → to on: the receiver discards seen sequence numbers.
  DUPLICATES goes; dup discarded rises instead, and dup delivered stops.
channels:
  wire:
    kind: unbounded
    link: { loss: loss_pct, delay: delay_ms }
    protocol: { acks: acks, timeout: timeout_ms, window: window, dedup: dedup }
knobs:
  produce_ms: { value: 50,  min: 0, max: 2000, step: 10, label: Producer wait, unit: ms }
  loss_pct:   { value: 25,  min: 0, max: 100, step: 5, label: Loss, unit: "%" }
  delay_ms:   { value: 30,  min: 0, max: 2000, step: 10, label: Delay, unit: ms }
  acks:       { choices: [off, on], value: on, label: Acks }
  timeout_ms: { value: 150, min: 10, max: 5000, step: 10, label: Timeout, unit: ms }
  window:     { value: 4,   min: 1, max: 64, label: Window }
  dedup:      { choices: [off, on], value: off, label: Dedup }
workers:
  producer: { count: 1, loop: [ make, { send: wire }, { sleep: produce_ms } ] }
  consumer: { count: 1, loop: [ { recv: wire } ] }

"""),
        BuiltInPreset(name: "fan-in", yaml: """
# Several producers share one channel's sending side (cloned Senders in Rust); one consumer
# takes everything. The consumer's pace is shared out among the producers.
name: Fan-in
summary: Four producers, one consumer, one shared channel.
lesson: |
  Four producers offer 27 messages/s into "work"; the consumer takes 10/s.
  "work" fills to 8/8, BACKPRESSURE: each producer is send-blocked about 60% of the time.
  in and out both read 10/s: the consumer sets the pace, however many producers.
  Press + (producers is selected): a fifth producer; still 10/s, just more send-blocked.
  Press - to one producer (7/s): "work" drains; the consumer waits a third of the time.
channels:
  work: { kind: bounded, capacity: 8 }
knobs:
  produce_ms: { value: 150, min: 0, max: 2000, step: 10, label: Producer wait, unit: ms }
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
  One producer makes 20/s; each message goes to exactly one of three consumers.
  Each consumer needs 180 ms, so three take 17/s: too few: "work" is GROWING, then FULL.
  Press g to select consumers, then +: four take 22/s and "work" drains.
  Press - three times: one consumer left; "work" fills, BACKPRESSURE, producer send-blocked.
channels:
  work: { kind: bounded, capacity: 10 }
knobs:
  produce_ms: { value: 50, min: 0, max: 2000, step: 10, label: Producer wait, unit: ms }
  consume_ms: { value: 180, min: 0, max: 2000, step: 10, label: Consumer wait, unit: ms }
workers:
  producer:  { count: 1, loop: [ make, { sleep: produce_ms }, { send: work } ] }
  consumers: { count: 3, loop: [ { recv: work }, { sleep: consume_ms, jitter: 0.2 } ] }

"""),
        BuiltInPreset(name: "lossy-link", yaml: """
# A channel over a simulated link with no protocol: what the network loses is gone. The
# course: "Messages can be lost in transmission"; nothing here notices or sends them again.
name: Lossy link
summary: A simulated link loses 20% of messages and nobody notices; the counts prove it.
lesson: |
  "wire" reads LOSING 20%: the panel's lost count rises with every fifth message.
  Every message made is received, queued, on the wire or lost: the panel's counts add up.
  ↓ to "Loss" and ⇧← to 0%: LOSING goes, and every message made is received.
  ↓ to "Delay" and → to 200 ms: "on wire" shows the messages still in flight.
channels:
  wire: { kind: unbounded, link: { loss: loss_pct, duplicate: dup_pct, delay: delay_ms, jitter: jitter_ms } }
knobs:
  produce_ms: { value: 50,  min: 0, max: 2000, step: 10, label: Producer wait, unit: ms }
  loss_pct:   { value: 20,  min: 0, max: 100, step: 5, label: Loss, unit: "%" }
  dup_pct:    { value: 0,   min: 0, max: 100, step: 5, label: Duplicate, unit: "%" }
  delay_ms:   { value: 20,  min: 0, max: 2000, step: 10, label: Delay, unit: ms }
  jitter_ms:  { value: 0,   min: 0, max: 2000, step: 10, label: Jitter, unit: ms }
workers:
  producer: { count: 1, loop: [ make, { send: wire }, { sleep: produce_ms } ] }
  consumer: { count: 1, loop: [ { recv: wire } ] }

"""),
        BuiltInPreset(name: "mailboxes", yaml: """
# Naming by mailbox: each client has a mailbox of its own, and the server answers a request by
# sending to the mailbox of the worker that sent it (the course's send(m.source, &m)).
name: Mailboxes
summary: Clients send requests to one server; it replies to each client's own mailbox.
lesson: |
  Three clients send REQUEST on "requests"; the server replies to the sender's mailbox.
  The "clients mailboxes" row: 3 of 3 live, one per client; each gets only its own replies.
  Raise Server wait to 500 ms: "requests" holds up to 3, one per client awaiting a reply.
  Press + (clients is selected): a fourth client gets a mailbox of its own, 4 of 4 live.
channels:
  requests: { kind: unbounded }
knobs:
  think_ms: { value: 300, min: 0, max: 2000, step: 10, label: Client wait, unit: ms }
  serve_ms: { value: 50, min: 0, max: 2000, step: 10, label: Server wait, unit: ms }
workers:
  clients:
    count: 3
    mailbox: { kind: bounded, capacity: 1 }
    loop: [ { sleep: think_ms, jitter: 0.3 }, { make: REQUEST }, { send: requests }, { recv: mailbox } ]
  server: { loop: [ { recv: requests }, { sleep: serve_ms }, { reply: REPLY } ] }

"""),
        BuiltInPreset(name: "message-queue", yaml: """
# A POSIX message queue (mq_open) between two processes: the kernel keeps whole messages and
# counts them itself, up to the queue's mq_maxmsg, which is fixed when the queue is made and
# capped by /proc/sys/fs/mqueue/msg_max (10 unless the process has CAP_SYS_RESOURCE). The
# queue is a name, not a connection: it outlives the processes that use it. (The course's
# message_queue.py is Python's queue.Queue between threads: see the thread-pool preset.)
name: Message queue
summary: A POSIX message queue fills to its mq_maxmsg; it outlives its processes, so no end hears of the other's death.
lesson: |
  The kernel counts whole messages: "kernel 10/10 msgs" is mq_curmsgs of mq_maxmsg.
  Full, the writer is "blocked in wq_sleep" until the reader takes one.
  ↓ to "jobs mq_maxmsg", ← to 4: fixed once the queue is made; R restarts with 4.
  Select the reader (g), press K: no EPIPE, the queue outlives it; the writer waits.
channels:
  jobs: { kind: bounded, transport: mqueue, capacity: 10, message_bytes: 64 }
knobs:
  produce_ms: { value: 50,  min: 0, max: 2000, step: 10, label: Writer wait, unit: ms }
  consume_ms: { value: 300, min: 0, max: 2000, step: 10, label: Reader wait, unit: ms }
workers:
  writer: { count: 1, loop: [ make, { sleep: produce_ms }, { send: jobs } ] }
  reader: { count: 1, loop: [ { recv: jobs }, { sleep: consume_ms } ] }

"""),
        BuiltInPreset(name: "named-pipe", yaml: """
# A named pipe (mkfifo): the two worker processes are not handed anything; each opens the path
# by itself, as two unrelated programs would. The open of the writing end waits until a reader
# has opened it. The kernel line shows the path.
name: Named pipe
summary: Two unrelated processes meet at a FIFO's path; the kernel holds what one writes for the other.
lesson: |
  The kernel line names the FIFO's path: both processes opened it by name.
  "kernel" climbs to 65536/65536 B = 32 msgs of 2048 B; the writer: "blocked in pipe_write".
  ↓ to "Reader wait", ⇧← to 0: the FIFO drains; the reader now waits in pipe_read.
  Select the writer (g), press c: its process ends; the reader reads EOF, is disconnected.
channels:
  fifo: { kind: bounded, transport: fifo, buffer_bytes: 65536, message_bytes: 2048 }
knobs:
  produce_ms: { value: 50,  min: 0, max: 2000, step: 10, label: Writer wait, unit: ms }
  consume_ms: { value: 300, min: 0, max: 2000, step: 10, label: Reader wait, unit: ms }
workers:
  writer: { count: 1, loop: [ make, { sleep: produce_ms }, { send: fifo } ] }
  reader: { count: 1, loop: [ { recv: fifo }, { sleep: consume_ms } ] }

"""),
        BuiltInPreset(name: "overwriting", yaml: """
# Kotlin's DROP_OLDEST / Swift AsyncStream .bufferingNewest(n): a ring buffer. When it is
# full the OLDEST reading is overwritten, so the reader always sees recent data.
name: Overwriting sensor feed
summary: A sensor overwrites old readings in a small ring buffer.
lesson: |
  The sensor never blocks: "readings" stays at 3/3 and reads OVERWRITING.
  "overwritten" climbs while "wait p50" stays low: the display sees only recent readings.
  Press 4 (dropping): now DROPPING keeps the oldest, and "wait p50" rises to about 1 s.
  Press r; ↓ selects "Display wait", Home sets it to 0: nothing more is overwritten.
channels:
  readings: { kind: overwriting, capacity: 3 }
knobs:
  sample_ms:  { value: 50,  min: 0, max: 2000, step: 10, label: Sensor period, unit: ms }
  display_ms: { value: 300, min: 0, max: 2000, step: 10, label: Display wait, unit: ms }
workers:
  sensor:  { count: 1, loop: [ make, { sleep: sample_ms }, { send: readings } ] }
  display: { count: 1, loop: [ { recv: readings }, { sleep: display_ms } ] }

"""),
        BuiltInPreset(name: "pipe", yaml: """
# An unnamed pipe between two processes: chanscope starts the writer and the reader as worker
# processes and hands each one end; the kernel holds the queue. The writer writes a 1 KiB
# message every 50 ms, the reader takes one every 500: the pipe's 64 KiB fill in a few seconds,
# then write(2) waits inside the kernel.
name: Pipe
summary: A writer process fills a pipe faster than the reader process drains it; then write blocks.
lesson: |
  "kernel" climbs to 65536/65536 B: 16 pages of 4096 B, room for 64 msgs of 1024 B.
  Then the writer is "blocked in pipe_write" (/proc/PID/wchan) until a whole page is free.
  Press 4 (dropping): writes never wait; each EAGAIN counts as dropped. 2 blocks again.
  ↓ to "pipe kernel buffer", ⇧→: F_SETPIPE_SZ grows the buffer and the writer goes on.
  Select the reader (g), press K: SIGKILL; the writer gets EPIPE, counted as failed.
  "Message size" (↑↓ to it), ⇧→ to 4096, R: the same 64 KiB hold 16 msgs; at 16 B, 4096.
channels:
  pipe: { kind: bounded, transport: pipe, buffer_bytes: 65536, message_bytes: message_bytes }
knobs:
  produce_ms: { value: 50,  min: 0, max: 2000, step: 10, label: Writer wait, unit: ms }
  consume_ms: { value: 500, min: 0, max: 2000, step: 10, label: Reader wait, unit: ms }
  message_bytes: { value: 1024, min: 16, max: 4096, step: 16, label: Message size, unit: B }
workers:
  writer: { count: 1, loop: [ make, { sleep: produce_ms }, { send: pipe } ] }
  reader: { count: 1, loop: [ { recv: pipe }, { sleep: consume_ms } ] }

"""),
        BuiltInPreset(name: "pipeline", yaml: """
# Three stages joined by bounded channels, like a Unix pipe: fetch | parse | store.
# The slowest stage sets the pace of the whole line; the queue in front of it fills up,
# the stages upstream block on send, and the stages downstream wait on receive.
name: Pipeline
summary: Three stages; the slowest sets the pace, its queue fills.
lesson: |
  parse is the slowest stage (250 ms): "fetched" reads BACKPRESSURE, fetch is send-blocked.
  "parsed" stays nearly empty and store waits (recv 40%): parse sets the pace, 4/s.
  Press g to select parse, then +: two parse workers make 8/s, more than store's 6.7/s.
  Now store is the slowest: "parsed" fills to 10/10 too, and store never waits (recv 0%).
  Every queue before the slowest stage fills. (r, then "Parse time" below 150 ms: the same.)
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
        BuiltInPreset(name: "priority-starvation", yaml: """
# Starvation under a priority queue: the server always takes the highest level first, and three
# urgent clients keep URGENT work waiting, so the NORMAL and BULK clients' requests wait for
# ever ("low-priority messages are continually delayed"). Each client sends one request and
# waits in its mailbox for the server's reply, so nothing piles up: only the order is unfair.
# Aging is the fair scheduling fix: a request that has waited long enough rises a level.
name: Priority starvation
summary: Urgent traffic starves bulk messages in a priority queue; aging fixes it.
lesson: |
  "jobs" is a priority queue: URGENT (level 2) first, then NORMAL, then BULK, oldest first.
  Three urgent clients keep URGENT work waiting: the server only ever takes theirs.
  "jobs" reads STARVING: BULK, NORMAL: their oldest waits keep rising, overtaken by URGENT.
  ⇧→ sets "Aging (0 = off)" to 200 ms: a waiting request rises a level every 200 ms.
  Now every request is served: STARVING goes, the BULK and NORMAL waits stay under a second.
  Press 2 (bounded): first in, first out, no levels; 6 makes "jobs" a priority queue again.
channels:
  jobs: { kind: priority, priorities: { URGENT: 2, NORMAL: 1, BULK: 0 }, aging: aging_ms }
knobs:
  aging_ms:  { value: 0, min: 0, max: 2000, step: 10, label: Aging (0 = off), unit: ms }
  serve_ms:  { value: 50, min: 0, max: 2000, step: 10, label: Serve time, unit: ms }
  urgent_ms: { value: 50, min: 0, max: 2000, step: 10, label: Urgent pause, unit: ms }
  other_ms:  { value: 100, min: 0, max: 2000, step: 10, label: Normal/bulk pause, unit: ms }
workers:
  urgent: { count: 3, mailbox: { kind: unbounded }, loop: [ { make: URGENT }, { send: jobs }, { recv: mailbox }, { sleep: urgent_ms } ] }
  normal: { mailbox: { kind: unbounded }, loop: [ { make: NORMAL }, { send: jobs }, { recv: mailbox }, { sleep: other_ms } ] }
  bulk:   { mailbox: { kind: unbounded }, loop: [ { make: BULK }, { send: jobs }, { recv: mailbox }, { sleep: other_ms } ] }
  server: { loop: [ { recv: jobs }, { sleep: serve_ms }, { reply: DONE } ] }

"""),
        BuiltInPreset(name: "process-crash", yaml: """
# Fault isolation between processes: the consumer is a worker process of its own, and a crash
# there (SIGKILL, which it cannot catch) takes nothing else down. The kernel closes the dead
# process's end of the pipe, so the producer's next write gets EPIPE (SIGPIPE is handled, not
# fatal) and the experiment goes on showing it.
name: Process crash
summary: The consumer process is killed with SIGKILL; the producer's next write gets EPIPE.
lesson: |
  After "Crash after" (5 s) the events say "sent SIGKILL to consumer's process".
  The producer's next write gets EPIPE: "EPIPE 1", "failed 1", producer disconnected.
  The consumer reads † killed; what was still in the pipe counts as discarded.
  Press r: both processes start again. Select the consumer (g), press K: killed at once.
  ↓ to "Crash after", ⇧← to 0 and r: it no longer crashes by itself.
channels:
  jobs: { kind: bounded, transport: pipe, buffer_bytes: 4096, message_bytes: 16 }
knobs:
  produce_ms:  { value: 50,  min: 0, max: 2000, step: 10, label: Producer wait, unit: ms }
  consume_ms:  { value: 200, min: 0, max: 2000, step: 10, label: Consumer wait, unit: ms }
  crash_after: { value: 5,   min: 0, max: 60, step: 1, label: Crash after, unit: s }
workers:
  producer: { count: 1, loop: [ make, { sleep: produce_ms }, { send: jobs } ] }
  consumer: { count: 1, crash_after: crash_after, loop: [ { recv: jobs }, { sleep: consume_ms } ] }

"""),
        BuiltInPreset(name: "readers-writers", yaml: """
# The readers-writers problem solved with message passing, as the course writes it: readers and
# writers ask a resource manager for permission (REQUEST_READ, REQUEST_WRITE), wait in their
# mailbox for the grant (GRANT_READ, GRANT_WRITE), use the database, and say DONE_READ or
# DONE_WRITE. Many readers may be inside at once; a writer only alone. Under readers-first,
# readers that keep arriving starve the writers.
name: Readers and writers
summary: Six readers and two writers share a database through a resource manager.
lesson: |
  Readers (R) read together; a writer (W) writes alone: violations stays 0 whatever you do.
  Under readers-first new readers pass the waiting writers: watch writers waiting, STARVING.
  → moves Policy to writers-first: the writers get in, and STARVING goes away.
  → again, to fair: requests are granted in arrival order; readers and writers both get in.
  → to as-written: it drops what it cannot grant; "no reply ever" names who waits for good.
channels:
  requests: { kind: unbounded }
knobs:
  policy:      { choices: [readers-first, writers-first, fair, as-written], value: readers-first, label: Policy }
  read_ms:     { value: 400, min: 0, max: 2000, step: 10, label: Reading time, unit: ms }
  write_ms:    { value: 300, min: 0, max: 2000, step: 10, label: Writing time, unit: ms }
  reader_ms:   { value: 100, min: 0, max: 2000, step: 10, label: Reader pause, unit: ms }
  writer_ms:   { value: 500, min: 0, max: 2000, step: 10, label: Writer pause, unit: ms }
  starving_ms: { value: 3000, min: 500, max: 30000, step: 500, label: Starving after, unit: ms }
workers:
  reader:
    count: 6
    mailbox: { kind: unbounded }
    loop: [ { make: REQUEST_READ }, { send: requests }, { recv: mailbox }, { work: read_ms, jitter: 0.5, as: reading },
            { tag: DONE_READ }, { send: requests }, { sleep: reader_ms, jitter: 0.5 } ]
  writer:
    count: 2
    mailbox: { kind: unbounded }
    loop: [ { make: REQUEST_WRITE }, { send: requests }, { recv: mailbox }, { work: write_ms, jitter: 0.5, as: writing },
            { tag: DONE_WRITE }, { send: requests }, { sleep: writer_ms, jitter: 0.5 } ]
  manager: { role: rw-manager, requests: requests, policy: policy, starving_after: starving_ms }

"""),
        BuiltInPreset(name: "realtime", yaml: """
# The course's real-time example: jobs go out, results come back, and the master polls for
# results with try_recv, so nobody ever blocks. Both channels are Rust mpsc::channel (unbounded).
#
# The course's main thread does two things: it hands out a job every "Master wait" and it polls
# for results. Here they are two threads (the course's code notes "we could also just move this
# to its own thread"): "dispatch" hands out Max work jobs and finishes; "master" polls "results"
# until the worker is gone and "results" is empty. So the run ends by itself, by disconnects
# alone, with every result collected (received = Max work) at any pair of waits: the master
# never stops while a result is still on its way.
name: Real-time master and worker
summary: Master and worker poll with try_recv; nobody ever blocks.
lesson: |
  dispatch sends a job every "Master wait"; worker and master poll (try_recv), never block.
  ↓↓ selects "Worker wait"; ← lowers it: the worker polls faster than jobs come (polling).
  ⇧→ takes it above "Master wait": "jobs" reads GROWING, the master's empty polls climb.
  dispatch: finished after "Max work" jobs; the worker drains "jobs", then is disconnected.
  master's "got" then equals dispatch's "made": every result collected, nothing failed.
channels:
  jobs:    { kind: unbounded }
  results: { kind: unbounded }
knobs:
  max_work:       { value: 100, min: 0, max: 1000, step: 10, label: Max work (0 = endless) }
  master_wait_ms: { value: 200, min: 0, max: 2000, step: 10, label: Master wait, unit: ms }
  worker_wait_ms: { value: 200, min: 0, max: 2000, step: 10, label: Worker wait, unit: ms }
workers:
  dispatch:
    count: 1
    limit: max_work
    loop: [ make, { send: jobs }, { sleep: master_wait_ms } ]
  worker:
    count: 1
    # An empty poll leaves the hand empty, so the send is skipped.
    loop: [ { poll: jobs }, { send: results }, { sleep: worker_wait_ms } ]
  master:
    count: 1
    # No limit: the master stops when "results" disconnects, once the worker is gone and every
    # result has been taken.
    loop: [ { poll: results }, { sleep: master_wait_ms } ]

"""),
        BuiltInPreset(name: "rendezvous", yaml: """
# Rust's sync_channel(0) / Go's make(chan T): no buffer at all. A send completes only when a
# receiver takes the message at that moment, so the two threads meet at every message.
name: Rendezvous
summary: A channel with no buffer; every send waits for a receive.
lesson: |
  "handoff" holds none (0/0): each message passes hand to hand, nothing is queued.
  The producer is faster: it shows send-blocked, and "handoff" reads HAND-OFF WAIT.
  ⇧→ three times sets "Producer wait" to 700 ms: now the consumer shows recv-blocked.
  Press r, then 2 (bounded): a queue holds the messages; it fills to 8/8, BACKPRESSURE.
channels:
  handoff: { kind: rendezvous }
knobs:
  produce_ms: { value: 100, min: 0, max: 2000, step: 10, label: Producer wait, unit: ms }
  consume_ms: { value: 300, min: 0, max: 2000, step: 10, label: Consumer wait, unit: ms }
workers:
  producer: { count: 1, loop: [ make, { sleep: produce_ms }, { send: handoff } ] }
  consumer: { count: 1, loop: [ { recv: handoff }, { sleep: consume_ms } ] }

"""),
        BuiltInPreset(name: "reordering", yaml: """
# Jitter larger than the gap between sends lets a later message overtake an earlier one. The
# course: messages "may arrive out of order due to network delays or retries".
name: Reordering
summary: Jitter above the send interval reorders; in-order delivery holds messages back.
lesson: |
  "wire" reads REORDERING: jitter 150 ms against a 50 ms send gap, so messages overtake.
  ↓ to "Acks", → to on: in-order delivery, and "held" counts early arrivals.
  With acks on, the receiver holds back: "holding N out of order, waiting for #M".
  ↓ to "Jitter" and ⇧← to 0: REORDERING goes; nothing is held back.
channels:
  wire:
    kind: unbounded
    link: { delay: delay_ms, jitter: jitter_ms }
    protocol: { acks: acks, timeout: timeout_ms, window: window }
knobs:
  produce_ms: { value: 50,  min: 0, max: 2000, step: 10, label: Producer wait, unit: ms }
  delay_ms:   { value: 20,  min: 0, max: 2000, step: 10, label: Delay, unit: ms }
  jitter_ms:  { value: 150, min: 0, max: 2000, step: 10, label: Jitter, unit: ms }
  acks:       { choices: [off, on], value: off, label: Acks }
  timeout_ms: { value: 500, min: 10, max: 5000, step: 10, label: Timeout, unit: ms }
  window:     { value: 32,  min: 1, max: 64, label: Window }
workers:
  producer: { count: 1, loop: [ make, { send: wire }, { sleep: produce_ms } ] }
  consumer: { count: 1, loop: [ { recv: wire } ] }

"""),
        BuiltInPreset(name: "select-bias", yaml: """
# Select over two channels. An ordered select (always the first ready one) starves the second
# channel while the first always has a message; a fair one (Go's: at random among the ready)
# serves both.
name: Select bias
summary: An ordered select starves the second channel; a fair one does not.
lesson: |
  Producers keep both pairs of channels full; they drop rather than block.
  ordered does { recv: [o_first, o_second] }: o_second's received stays 0, it only drops.
  fair does the same over f_first, f_second with select: fair: both received about equally.
  Raise Producer wait to 500 ms: o_first is often empty, and ordered takes o_second too.
channels:
  o_first: { kind: dropping, capacity: 4 }
  o_second: { kind: dropping, capacity: 4 }
  f_first: { kind: dropping, capacity: 4 }
  f_second: { kind: dropping, capacity: 4 }
knobs:
  produce_ms: { value: 50, min: 0, max: 2000, step: 10, label: Producer wait, unit: ms }
  consume_ms: { value: 200, min: 0, max: 2000, step: 10, label: Consumer wait, unit: ms }
workers:
  first: { loop: [ { make: FIRST }, { send: o_first }, { make: FIRST }, { send: f_first }, { sleep: produce_ms } ] }
  second: { loop: [ { make: SECOND }, { send: o_second }, { make: SECOND }, { send: f_second }, { sleep: produce_ms } ] }
  ordered: { select: ordered, loop: [ { recv: [o_first, o_second] }, { sleep: consume_ms } ] }
  fair: { select: fair, loop: [ { recv: [f_first, f_second] }, { sleep: consume_ms } ] }

"""),
        BuiltInPreset(name: "sentinel-shutdown", yaml: """
# Stopping consumers with a sentinel (Python's None): one per consumer stops them all; too few
# leaves one blocked in get() forever, because a Python queue never closes.
name: Sentinel shutdown
summary: A sentinel per worker stops the pool; too few leaves one waiting forever.
lesson: |
  main puts 12 jobs on "jobs", joins them, then sends one STOP per sentinel (Sentinels 3).
  Each of the 3 consumers ends on its STOP: "3 finished (3 by sentinel)".
  Set Sentinels to 2 and press R: two stop; the third stays recv-blocked on "jobs".
  keeper holds "jobs" open, as a Python queue is never closed: no disconnect frees it.
channels:
  jobs: { kind: unbounded }
knobs:
  sentinels: { value: 3, min: 0, max: 6, label: Sentinels }
  consume_ms: { value: 100, min: 0, max: 2000, step: 10, label: Consumer wait, unit: ms }
  keeper_ms: { value: 500, min: 0, max: 2000, step: 10, label: Keeper wait, unit: ms }
workers:
  main: { prefill: { jobs: 12 }, limit: sentinels, loop: [ { join: jobs }, { make: STOP }, { send: jobs } ] }
  consumers: { count: 3, stop_on: STOP, loop: [ { recv: jobs }, { sleep: consume_ms } ] }
  keeper: { loop: [ { join: jobs }, { sleep: keeper_ms } ] }

"""),
        BuiltInPreset(name: "sliding-window", yaml: """
# The bandwidth-delay lesson: with a 100 ms one-way delay, a sender that waits for each ack
# sends one message per round trip; a window of 16 keeps 16 in flight and fills the link.
name: Sliding window
summary: With 100 ms delay, window 1 crawls at 5/s; window 16 keeps up with the producer.
lesson: |
  Window 1: goodput reads about 5/s, one message per 200 ms round trip.
  The producer is send-blocked: "waiting for ack #N" most of the time.
  ↓ to "Window" and → to 16: goodput climbs to the producer's pace, 20/s.
  ↑ to "Producer wait", ⇧← to 0: window 16 carries about 80/s.
channels:
  wire:
    kind: unbounded
    link: { loss: loss_pct, delay: delay_ms }
    protocol: { acks: acks, timeout: timeout_ms, window: window }
knobs:
  produce_ms: { value: 50,  min: 0, max: 2000, step: 10, label: Producer wait, unit: ms }
  loss_pct:   { value: 0,   min: 0, max: 100, step: 5, label: Loss, unit: "%" }
  delay_ms:   { value: 100, min: 0, max: 2000, step: 10, label: Delay, unit: ms }
  acks:       { choices: [off, on], value: on, label: Acks }
  timeout_ms: { value: 500, min: 10, max: 5000, step: 10, label: Timeout, unit: ms }
  window:     { value: 1,   min: 1, max: 64, label: Window }
workers:
  producer: { count: 1, loop: [ make, { send: wire }, { sleep: produce_ms } ] }
  consumer: { count: 1, loop: [ { recv: wire } ] }

"""),
        BuiltInPreset(name: "stop-and-wait", yaml: """
# Acknowledgements and timeouts over a lossy link, one message at a time. The course: "If an
# acknowledgment isn't received, the sender can retransmit the message", and sequence numbers
# keep the retransmissions from becoming duplicates.
name: Stop-and-wait
summary: "Acks, timeouts and dedup over a 30% lossy link: nothing lost, nothing twice."
lesson: |
  "wire" reads RETRANSMITTING: lost rises, yet every message made reaches the consumer once.
  The producer waits for each ack: "waiting for ack #N" shows which, and its retry.
  ↓ to "Loss", → to 60%: goodput falls as retransmissions rise; still nothing twice.
  ↓ to "Timeout", ⇧→ twice (1200 ms): each loss now stalls the sender over a second.
  Home sets Timeout to 10 ms (below the round trip): resent copies pile up as dup discarded.
channels:
  wire:
    kind: unbounded
    link: { loss: loss_pct, delay: delay_ms }
    protocol: { acks: acks, timeout: timeout_ms, window: window, dedup: dedup }
knobs:
  produce_ms: { value: 50,  min: 0, max: 2000, step: 10, label: Producer wait, unit: ms }
  loss_pct:   { value: 30,  min: 0, max: 100, step: 5, label: Loss, unit: "%" }
  delay_ms:   { value: 40,  min: 0, max: 2000, step: 10, label: Delay, unit: ms }
  acks:       { choices: [off, on], value: on, label: Acks }
  timeout_ms: { value: 200, min: 10, max: 5000, step: 10, label: Timeout, unit: ms }
  window:     { value: 1,   min: 1, max: 64, label: Window }
  dedup:      { choices: [off, on], value: on, label: Dedup }
  max_work:   { value: 0,   min: 0, max: 10000, step: 10, label: Max work (0 = endless) }
workers:
  producer: { count: 1, limit: max_work, loop: [ make, { send: wire }, { sleep: produce_ms } ] }
  consumer: { count: 1, loop: [ { recv: wire } ] }

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
  The producer is faster: the 100 pile up in "full" and "empties" runs dry.
  Then the producer shows recv-blocked: it waits for an empty, not for buffer space.
  ↓ selects "Consume time"; Home sets it to 0: the 100 move back to "empties".
  Both channels are unbounded, yet neither ever holds more than 100.
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
        BuiltInPreset(name: "thread-pool", yaml: """
# Python's thread pool: workers loop on task_queue.get() forever; the submitter puts a batch and
# calls task_queue.join(), which "blocks until every put() item has a matching task_done()".
name: Thread pool
summary: A task queue, a pool of workers, a submitter that joins each batch.
lesson: |
  The submitter puts 6 tasks on "tasks", then joins: it waits until each one is task_done.
  Two pool workers take them; their row shows busy and idle, "tasks" shows unfinished.
  At Task time 300 ms a batch takes about 0.9 s: "last join" on the submitter's row.
  Press g, then +: three workers, and the last join falls to about 0.6 s.
  Press - twice: one worker does all six, and a batch takes about 1.8 s.
channels:
  tasks: { kind: unbounded }
knobs:
  task_ms: { value: 300, min: 0, max: 2000, step: 10, label: Task time, unit: ms }
workers:
  submitter:
    loop: [ { make: TASK }, { send: tasks }, { make: TASK }, { send: tasks }, { make: TASK }, { send: tasks },
            { make: TASK }, { send: tasks }, { make: TASK }, { send: tasks }, { make: TASK }, { send: tasks },
            { join: tasks } ]
  pool: { count: 2, loop: [ { recv: tasks }, { work: task_ms } ] }

"""),
        BuiltInPreset(name: "threads-vs-pipe", yaml: """
# The same workload twice, side by side: a producer and a consumer thread over an in-process
# bounded channel, and a writer and a reader process over a pipe holding the same 4,096
# messages of 16 B. Every message through the pipe is a write(2) and a read(2), copied into
# the kernel and out again, and the writer wakes the reader through the kernel; the threads
# hand a message over in memory. Both waits start at 0, so throughput is the point.
name: Threads vs pipe
summary: The same messages over a channel between threads and a pipe between processes.
lesson: |
  "threads": two threads, "pipe": two processes; both bounded(4096), msgs of 16 B.
  Waits are 0: each pair goes flat out. Compare "out" and the four workers' CPU.
  A "pipe" message is a write(2) and a read(2) (CPU N% (M% kernel)); "threads" makes none.
  ↓ to "Consumer wait", → to 10 ms: both fill up and read BACKPRESSURE.
  The producer is send-blocked in its process, the writer "blocked in pipe_write".
  Both go at the consumers' pace now: "out" reads alike on both, under 100/s.
channels:
  threads: { kind: bounded, capacity: 4096 }
  pipe:    { kind: bounded, transport: pipe, buffer_bytes: 65536, message_bytes: 16 }
knobs:
  produce_ms: { value: 0, min: 0, max: 2000, step: 10, label: Producer wait, unit: ms }
  consume_ms: { value: 0, min: 0, max: 2000, step: 10, label: Consumer wait, unit: ms }
workers:
  producer: { count: 1, loop: [ make, { sleep: produce_ms }, { send: threads } ] }
  consumer: { count: 1, loop: [ { recv: threads }, { sleep: consume_ms } ] }
  writer:   { count: 1, loop: [ make, { sleep: produce_ms }, { send: pipe } ] }
  reader:   { count: 1, loop: [ { recv: pipe }, { sleep: consume_ms } ] }

"""),
        BuiltInPreset(name: "unbounded-growth", yaml: """
# Rust's mpsc::channel(): an unbounded queue. The producer never blocks, so nothing ever
# tells it to slow down; the queue (and every message's wait in it) just keeps growing.
name: Unbounded growth
summary: "Fast producer, unbounded queue: depth grows without limit."
lesson: |
  The producer never blocks: "work" reads GROWING +15/s and its depth climbs for ever.
  Latency climbs too: each message waits behind the whole queue (watch "wait p50").
  ↓ selects "Consumer wait"; ← below "Producer wait" (Home: 0): the depth falls.
  Press r; once "work" holds more than 8, press 2 (bounded): OVER CAPACITY: draining N/8.
  The producer is send-blocked at once; back down at 8/8, "work" reads BACKPRESSURE.
channels:
  work: { kind: unbounded }
knobs:
  produce_ms: { value: 50,  min: 0, max: 2000, step: 10, label: Producer wait, unit: ms }
  consume_ms: { value: 200, min: 0, max: 2000, step: 10, label: Consumer wait, unit: ms }
workers:
  producer: { count: 1, loop: [ make, { sleep: produce_ms }, { send: work } ] }
  consumer: { count: 1, loop: [ { recv: work }, { sleep: consume_ms } ] }

"""),
        BuiltInPreset(name: "unix-socket", yaml: """
# A Unix domain stream socket between two processes, as in the course's sockets.py: the
# reader's process accepts on a socket file (bound and listening before either process starts),
# the writer's connects to it. A stream is bytes with no message boundaries, so each message goes
# behind a 4-byte length. The writer writes faster than the reader reads: the socket's send
# buffer fills, and it is counted in kernel memory, not in bytes of payload.
name: Unix socket
summary: A writer process streams framed messages through a Unix socket file; the reader reads EOF when it goes.
lesson: |
  A stream keeps no message boundaries: a 4 B length goes before each 16 B message.
  "send buffer" (SIOCOUTQ) counts kernel memory, about 768 B a msg: 32768 B hold 43.
  Full, the writer is "blocked in sock_alloc_send_pskb"; it wakes when 3/4 is free.
  Select the writer (g), press K: the reader drains what is queued, then reads EOF.
channels:
  sock: { kind: bounded, transport: unix-stream, buffer_bytes: 32768, message_bytes: 16 }
knobs:
  produce_ms: { value: 50,  min: 0, max: 2000, step: 10, label: Writer wait, unit: ms }
  consume_ms: { value: 100, min: 0, max: 2000, step: 10, label: Reader wait, unit: ms }
workers:
  writer: { count: 1, loop: [ make, { sleep: produce_ms }, { send: sock } ] }
  reader: { count: 1, loop: [ { recv: sock }, { sleep: consume_ms } ] }

"""),
    ]
}
