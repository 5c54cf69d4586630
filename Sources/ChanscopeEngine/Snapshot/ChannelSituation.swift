import Channels

/// What is happening on a channel, in one word and a short detail: the headline of its panel,
/// the `CH.situation` column of the CSV and the summary's `situation` column.
///
/// WHY in the engine: the screen, the headless summary, the CSV and the lesson texts must say
/// the same thing in the same words; the vocabulary is this one table (`Word`), decided once per
/// snapshot from the snapshot's own figures.
public struct ChannelSituation: Sendable, Hashable, CustomStringConvertible {
    /// The vocabulary, most urgent first: when several hold, the first one is shown.
    public enum Word: String, Sendable, Hashable, CaseIterable {
        case disconnected = "DISCONNECTED"
        case memoryLimit = "MEMORY LIMIT"
        case noSenders = "NO SENDERS"
        /// A linked channel's consumer got copies of messages it had already had.
        case duplicates = "DUPLICATES"
        /// A linked channel without the protocol lost messages over the window.
        case losing = "LOSING"
        /// The protocol sent copies again after their timeout over the window.
        case retransmitting = "RETRANSMITTING"
        /// Arrivals overtook messages sent before them over the window.
        case reordering = "REORDERING"
        case dropping = "DROPPING"
        case overwriting = "OVERWRITING"
        case overCapacity = "OVER CAPACITY"
        case backpressure = "BACKPRESSURE"
        case handOffWait = "HAND-OFF WAIT"
        case starving = "STARVING"
        case growing = "GROWING"
        case receiversWaiting = "empty"
        case full = "FULL"
        case flowing = "flowing"
        case idle = "idle"

        /// How the word is coloured: bad news, a warning, neutral information, healthy, quiet.
        public var severity: Severity {
            switch self {
            case .disconnected, .noSenders, .dropping, .overwriting, .duplicates, .losing: .alarm
            case .retransmitting, .reordering: .warning
            case .overCapacity, .backpressure, .handOffWait, .starving, .growing, .full, .memoryLimit: .warning
            case .receiversWaiting: .info
            case .flowing: .good
            case .idle: .quiet
            }
        }
    }

    /// How a situation is shown.
    public enum Severity: Sendable, Hashable { case alarm, warning, info, good, quiet }

    public var word: Word
    /// What follows the word, e.g. `+15/s` after `GROWING`; may be empty.
    public var detail: String

    public init(_ word: Word, _ detail: String = "") {
        self.word = word
        self.detail = detail
    }

    public var severity: Severity { word.severity }

    /// The headline as shown: `GROWING +15/s`, `BACKPRESSURE: 1 sender blocked`, `flowing`.
    public var description: String {
        guard !detail.isEmpty else { return word.rawValue }
        return word == .growing || word == .losing ? "\(word.rawValue) \(detail)" : "\(word.rawValue): \(detail)"
    }

    /// A count in a word's detail is over the sampling window, not since the start, and says so
    /// (`DROPPING: 32 new messages dropped in 2 s` above `dropped 153`).
    public static let inTheWindow = "in \(SamplingState.window / 1_000_000_000) s"

    /// Depth must rise by at least this many messages per second over the window to be growth:
    /// one message more than a second ago is noise at lecture rates.
    public static let growthThreshold = 1.0

    /// At flat-out rates a queue's depth swings by far more than one message a second: growth
    /// must also be this share of the in-rate, so 200,000/s each way is not `GROWING`.
    public static let growthShareOfInRate = 0.01

    /// A share of the window spent blocked on send, at or above which the senders are held up
    /// even when no sender happens to be blocked at the sample instant.
    public static let backpressureShare = 50.0

    /// A share of the window the receivers spent waiting, at or above which the channel reads
    /// `empty`: the receivers are ahead, whether or not one is waiting at the sample instant.
    public static let receiversWaitingShare = 50.0

    /// A word already shown stays while its figure is above this part of the figure that brought
    /// it in (hysteresis): a share hovering at 50% must not flip the headline every sample.
    public static let holdFraction = 0.8

    /// The situation of a channel from its reading and its figures over the sampling window.
    ///
    /// - Parameters:
    ///   - droppedInWindow, overwrittenInWindow: messages dropped / evicted over the window.
    ///   - growthPerSecond: depth change per second over the window.
    ///   - sendersBlockedPercent: the largest share of the window any sending group spent blocked.
    ///   - receiversWaitingPercent: the largest share of the window any receiving group spent
    ///     blocked on receive.
    ///   - priorityLevels: a priority channel's levels, for `STARVING` (nil for other channels).
    ///   - shown: the word the previous sample showed: a word stays on a little less than what
    ///     brought it in (`holdFraction`), and a full queue stays `FULL` one message below its
    ///     capacity while its senders still meet it full, so a reading at a threshold does not
    ///     flicker.
    public static func judge(
        _ stats: ChannelStats, inPerSecond: Double, outPerSecond: Double, droppedInWindow: UInt64,
        overwrittenInWindow: UInt64, growthPerSecond: Double, sendersBlockedPercent: Double,
        receiversWaitingPercent: Double = 0, priorityLevels: [PriorityLevelSnapshot]? = nil, shown: Word? = nil
    ) -> ChannelSituation {
        let depth = stats.counters.depth
        if stats.receiversGone && stats.sendersGone { return .init(.disconnected, "no senders, no receivers") }
        if stats.receiversGone { return .init(.disconnected, "no receivers, sends fail") }
        if stats.sendersGone { return depth > 0 ? .init(.noSenders, "draining \(depth)") : .init(.disconnected, "no senders") }
        if droppedInWindow > 0 {
            return .init(.dropping, "\(droppedInWindow) new message\(droppedInWindow == 1 ? "" : "s") dropped \(inTheWindow)")
        }
        if overwrittenInWindow > 0 { return .init(.overwriting, "\(overwrittenInWindow) oldest evicted \(inTheWindow)") }
        if let capacity = stats.kind.capacity, depth > capacity {
            return .init(.overCapacity, "draining \(depth)/\(capacity)")
        }
        /// The threshold for `word`, lowered to the hold level while it is the word shown.
        func threshold(_ word: Word, _ enter: Double) -> Double { shown == word ? enter * holdFraction : enter }
        // Judged over the window, not at the sample's instant: a producer that blocks a third of
        // each round is caught blocked at every third sample, and the word must not flicker.
        let blockedWord: Word = stats.kind == .rendezvous ? .handOffWait : .backpressure
        if sendersBlockedPercent >= threshold(blockedWord, backpressureShare) {
            return .init(blockedWord, "senders blocked \(NumberText.percent(sendersBlockedPercent)) of the time")
        }
        if let starved = starving(priorityLevels) { return starved }
        // A queue at its capacity cannot grow, though the window still holds its filling. One
        // message below it stays FULL while a sender still meets it full (blocked some of the
        // window): a consumer has just taken one and the producer is about to put one back.
        let capacity = stats.kind.capacity ?? 0
        let keptFull = shown == .full && capacity >= 4 && depth >= capacity - 1 && sendersBlockedPercent > 0
        let atCapacity = capacity > 0 && (depth >= capacity || keptFull)
        let growthEnter = max(growthThreshold, growthShareOfInRate * inPerSecond)
        if !atCapacity && growthPerSecond >= threshold(.growing, growthEnter) {
            return .init(.growing, "+" + NumberText.rate(growthPerSecond))
        }
        if receiversWaitingPercent >= threshold(.receiversWaiting, receiversWaitingShare) {
            return .init(.receiversWaiting, "receivers waiting \(NumberText.percent(receiversWaitingPercent)) of the time")
        }
        if atCapacity { return .init(.full) }
        if outPerSecond > 0 || inPerSecond > 0 { return .init(.flowing) }
        return .init(.idle)
    }

    /// `STARVING: BULK, NORMAL waited 10.9s` when some levels' oldest messages keep being
    /// overtaken (lowest level first; the age is the longest wait among them), else nil.
    static func starving(_ levels: [PriorityLevelSnapshot]?) -> ChannelSituation? {
        let starved = (levels ?? []).filter(\.isStarving)
        guard !starved.isEmpty else { return nil }
        let longest = starved.compactMap(\.oldestAgeMilliseconds).max() ?? 0
        return .init(.starving, starved.map(\.name).joined(separator: ", ") + " waited " + NumberText.latency(microseconds: UInt64(saturating: longest * 1000)))
    }
}
