/// The outcome of one benchmark run, with the check the peer contract asks for.
public struct BenchResult: Sendable, Equatable {
    public var scenario: String
    public var messages: Int
    /// Wall time from before the channel is created to after every thread is joined.
    public var seconds: Double
    /// Messages the consumers received.
    public var delivered: UInt64
    /// Messages the producers saw dropped or evicted (lossy scenarios).
    public var dropped: UInt64
    /// Whether the count and sum check passed.
    public var ok: Bool
    /// Why the check failed, if it did.
    public var failure: String?
    /// Whether the channel stamped messages and recorded latency (the engine's configuration).
    public var instrumented: Bool

    /// Messages offered per second.
    public var throughput: Double { seconds > 0 ? Double(messages) / seconds : 0 }

    /// The one JSON line of the peer plug-in contract.
    public var jsonLine: String {
        var fields = [
            "\"scenario\":\"\(scenario)\"", "\"messages\":\(messages)",
            "\"seconds\":\(String(format6(seconds)))", "\"delivered\":\(delivered)",
            "\"ok\":\(ok)", "\"peer\":\"chanscope\"",
        ]
        if let failure { fields.append("\"error\":\"\(failure)\"") }
        return "{" + fields.joined(separator: ",") + "}"
    }
}

/// Six decimals without Foundation's formatter.
func format6(_ value: Double) -> String {
    let micros = Int64(exactly: (value * 1_000_000).rounded()) ?? 0
    let whole = micros / 1_000_000
    let fraction = String(micros % 1_000_000)
    return "\(whole)." + String(repeating: "0", count: 6 - fraction.count) + fraction
}
