import DequeModule

/// What earlier samples saw: the marks of the sampling window, and what transitions were seen.
///
/// A value: `SnapshotBuilder` takes the previous state and returns the next, so sampling is
/// testable without threads.
struct SamplingState {
    /// Totals at one past sample, for figures over the window.
    struct Mark {
        var time: UInt64
        var channels: [ChannelMark]
        var groups: [GroupMark]
    }

    struct ChannelMark {
        static let zero = ChannelMark(accepted: 0, received: 0, dropped: 0, overwritten: 0, depth: 0)

        var accepted: UInt64
        var received: UInt64
        var dropped: UInt64
        var overwritten: UInt64
        var depth: Int
        /// A linked channel's link counters.
        var link: LinkCounters?
    }

    struct GroupMark {
        static let zero = GroupMark(blockedSendNanos: 0, blockedReceiveNanos: 0, emptyPolls: 0, liveNanos: 0, workers: [:])

        var blockedSendNanos: UInt64
        var blockedReceiveNanos: UInt64
        var emptyPolls: UInt64
        var polls: UInt64 = 0
        /// CPU nanoseconds used by the group's threads in all.
        var cpuNanos: UInt64 = 0
        /// The part of it spent in the kernel.
        var kernelCPUNanos: UInt64 = 0
        /// Live-worker nanoseconds since the start: what the blocked shares are a share of.
        var liveNanos: Double
        /// Each shown worker's time inside sends and receives, by worker.
        var workers: [Int32: ExperimentReading.WorkerTime] = [:]
    }

    /// The experiment's start: every counter at zero.
    /// Derived figures (rates, blocked shares, poll rates, the drops and growth behind the
    /// situation word) are taken over this many nanoseconds, 2 s: one 100 ms interval holds 0 or
    /// 1 message at lecture speeds, which would make a rate flicker between 0/s and 10/s, and a
    /// longer window would be slow to show a slider's effect.
    static let window: UInt64 = 2_000_000_000

    var marks = Deque<Mark>()
    /// Whether the window has moved past the experiment's start (marks were dropped).
    var droppedMarks = false
    var tick = 0
    var previousTime: UInt64 = 0
    var sendersGone: [Bool] = []
    var receiversGone: [Bool] = []
    /// Each channel's word at the previous sample, for the judge's hold (hysteresis).
    var shownWords: [ChannelSituation.Word?] = []
    var groupFinished: [Bool] = []
    var detector: DeadlockDetector

    init(deadlockGrace: Double = 1.0) {
        detector = DeadlockDetector(grace: deadlockGrace)
    }

    /// Whether the first mark was taken at the experiment's start: it then holds what the start
    /// really held (a prefilled channel's messages), and no zero stands in before it.
    var firstMarkIsStart = false

    /// A value at every mark of the window where `value` has one, led by `atStart` (the
    /// experiment's start with every counter at zero, standing in until the window has moved
    /// past it, unless a mark was taken at the start) and ended by `now`: the series
    /// `WindowRate` and `WindowShare` read.
    func series<Point>(atStart: Point?, now: Point, _ value: (Mark) -> Point?) -> [Point] {
        var points = droppedMarks || firstMarkIsStart ? [] : atStart.map { [$0] } ?? []
        points += marks.compactMap(value)
        points.append(now)
        return points
    }

    /// One counter over the window, for `WindowRate`.
    func points(now: UInt64, start: UInt64, current: UInt64, _ counter: (Mark) -> UInt64?) -> [WindowRate.Point] {
        series(atStart: WindowRate.Point(time: start, count: 0), now: WindowRate.Point(time: now, count: current)) { mark in
            counter(mark).map { WindowRate.Point(time: mark.time, count: $0) }
        }
    }

    /// A group's blocked nanoseconds (part) of its live-worker nanoseconds (whole) over the window.
    func sharePoints(
        start: UInt64, current: (time: UInt64, mark: GroupMark), group: Int, _ part: (GroupMark) -> UInt64
    ) -> [WindowShare.Point] {
        series(
            atStart: WindowShare.Point(time: start, part: 0, whole: 0),
            now: WindowShare.Point(time: current.time, part: part(current.mark), whole: current.mark.liveNanos)
        ) { mark in mark.groups[safe: group].map { WindowShare.Point(time: mark.time, part: part($0), whole: $0.liveNanos) } }
    }

    /// A group's CPU nanoseconds (all of them, or those in the kernel) over the window; the whole
    /// is the clock, so the share is of one core's time.
    func cpuPoints(
        start: UInt64, current: (time: UInt64, cpu: UInt64), group: Int, _ part: (GroupMark) -> UInt64 = \.cpuNanos
    ) -> [WindowShare.Point] {
        series(
            atStart: WindowShare.Point(time: start, part: 0, whole: Double(start)),
            now: WindowShare.Point(time: current.time, part: current.cpu, whole: Double(current.time))
        ) { mark in mark.groups[safe: group].map { WindowShare.Point(time: mark.time, part: part($0), whole: Double(mark.time)) } }
    }

    /// One worker's time inside sends (or receives) at the marks where it was shown, of wall time.
    func workerPoints(group: Int, current: ExperimentReading.WorkerTime, now: UInt64, _ part: (ExperimentReading.WorkerTime) -> UInt64)
        -> [WindowShare.Point]
    {
        series(atStart: nil, now: WindowShare.Point(time: now, part: part(current), whole: Double(now))) { mark in
            mark.groups[safe: group]?.workers[current.id].map { WindowShare.Point(time: mark.time, part: part($0), whole: Double(mark.time)) }
        }
    }

    /// The oldest mark still inside the window ending at `now`, if any (older ones are dropped).
    mutating func windowStart(now: UInt64) -> Mark? {
        while marks.count > 1, let first = marks.first, now &- first.time > SamplingState.window {
            marks.removeFirst()
            droppedMarks = true
        }
        return marks.first
    }
}

extension SamplingState.Mark {
    /// The mark of the experiment's start: every counter at zero, for a window that reaches back
    /// before the first sample.
    static func start(at time: UInt64, reading: ExperimentReading) -> Self {
        Self(
            time: time, channels: Array(repeating: .zero, count: reading.channels.count),
            groups: Array(repeating: .zero, count: reading.groups.count))
    }
}
