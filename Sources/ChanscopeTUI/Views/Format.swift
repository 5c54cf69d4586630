/// Number formatting for the screen: exact counts, short rates, readable durations.
enum Format {
    /// `9.8/s`, `120/s`, `12.3k/s`, `4.56M/s`.
    static func rate(_ perSecond: Double) -> String {
        guard perSecond.isFinite, perSecond > 0 else { return "0/s" }
        if perSecond < 10 { return one(perSecond) + "/s" }
        if perSecond < 1000 { return String(Int(perSecond.rounded())) + "/s" }
        if perSecond < 1_000_000 { return one(perSecond / 1000) + "k/s" }
        return one(perSecond / 1_000_000) + "M/s"
    }

    /// Milliseconds from microseconds: `0.08ms`, `12ms`, `1.2s`.
    static func latency(microseconds: UInt64) -> String {
        let ms = Double(microseconds) / 1000
        if ms < 1 { return String(format2(ms)) + "ms" }
        if ms < 1000 { return String(Int(ms.rounded())) + "ms" }
        return one(ms / 1000) + "s"
    }

    /// Elapsed time `mm:ss.t`.
    static func elapsed(_ seconds: Double) -> String {
        let tenths = Int((max(0, seconds) * 10).rounded(.down))
        let minutes = tenths / 600
        let secs = (tenths / 10) % 60
        return (minutes < 10 ? "0" : "") + "\(minutes):" + (secs < 10 ? "0" : "") + "\(secs).\(tenths % 10)"
    }

    /// A knob value without a needless `.0`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : one(value)
    }

    static func percent(_ value: Double) -> String { String(Int(value.rounded())) + "%" }

    private static func one(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }

    private static func format2(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}
