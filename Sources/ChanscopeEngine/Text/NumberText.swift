/// The one number formatter: every figure chanscope prints (screen, summary, CSV, events,
/// messages) goes through here.
///
/// WHY one place: printing a `Double` by way of `Int(value)` traps at 9.2e18 and for NaN, and a
/// knob's value came from a file. Every function here accepts any `Double` — huge, tiny,
/// negative, infinite or NaN — and never traps; non-finite values print as `inf`, `-inf` or
/// `nan` rather than as a made-up number.
public enum NumberText {
    /// Magnitudes from here up are written with an exponent (`1.5e20`): digits past about 15
    /// are noise in a `Double`, and whole-number printing stops being exact.
    static let exponentThreshold = 1e15

    /// A number as a person writes it: `2000`, `0.25`, `-3`, `1.5e20`; no needless `.0`.
    public static func plain(_ value: Double) -> String {
        guard value.isFinite else { return nonFinite(value) }
        if value.magnitude >= exponentThreshold || (value != 0 && value.magnitude < 1e-4) { return exponent(value) }
        if value == value.rounded() { return String(Int64(value)) }
        return trimmed(fixed(value, decimals: 6))
    }

    /// `value` with exactly `decimals` places (0...9), rounded half away from zero: `12.30`.
    /// Beyond `exponentThreshold` it falls back to `plain`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return nonFinite(value) }
        let places = Swift.min(9, Swift.max(0, decimals))
        var factor = 1.0
        for _ in 0..<places { factor *= 10 }
        let scaledMagnitude = (value.magnitude * factor).rounded()
        guard value.magnitude < exponentThreshold, scaledMagnitude < 9e18 else { return exponent(value) }
        let scaled = UInt64(scaledMagnitude)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard places > 0 else { return sign + String(scaled) }
        let unit = UInt64(factor)
        let fraction = String(scaled % unit)
        return sign + String(scaled / unit) + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    /// Decimal places that show every multiple of `step` exactly (0...3), for a slider's value.
    public static func decimals(forStep step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        var places = 0
        var scaled = step
        while places < 3, (scaled - scaled.rounded()).magnitude > 1e-9 {
            scaled *= 10
            places += 1
        }
        return places
    }

    /// A rate: `9.8/s`, `120/s`, `12.3k/s`, `4.6M/s`, `1.2G/s`.
    public static func rate(_ perSecond: Double) -> String {
        guard perSecond.isFinite, perSecond > 0 else { return perSecond.isNaN || perSecond <= 0 ? "0/s" : "inf/s" }
        return scaled(perSecond) + "/s"
    }

    /// A count in short form: `950`, `12.3k`, `4.6M`, `1.2G`.
    public static func scaled(_ value: Double) -> String {
        guard value.isFinite else { return nonFinite(value) }
        // Each form up to where its rounding would reach the next one: 9.97 is `10`, like
        // 10.02, not `10.0` (a rate at 10/s must not flip between the two each sample).
        let magnitude = value.magnitude
        if magnitude < 9.95 { return fixed(value, decimals: 1) }
        if magnitude < 999.5 { return fixed(value, decimals: 0) }
        if magnitude < 999_950 { return fixed(value / 1e3, decimals: 1) + "k" }
        if magnitude < 999_950_000 { return fixed(value / 1e6, decimals: 1) + "M" }
        if magnitude < 999_950_000_000 { return fixed(value / 1e9, decimals: 1) + "G" }
        return exponent(value)
    }

    /// A latency from microseconds: `0.08ms`, `12ms`, `1.2s`.
    public static func latency(microseconds: UInt64) -> String {
        let ms = Double(microseconds) / 1000
        if ms < 1 { return fixed(ms, decimals: 2) + "ms" }
        if ms < 1000 { return fixed(ms, decimals: 0) + "ms" }
        return fixed(ms / 1000, decimals: 1) + "s"
    }

    /// Elapsed time as `mm:ss.t` (minutes grow past 99 as needed).
    public static func elapsed(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds > 0 else { return "00:00.0" }
        let tenths = UInt64(saturating: Swift.min(seconds * 10, 9e17).rounded(.down))
        let minutes = tenths / 600
        let secs = (tenths / 10) % 60
        return (minutes < 10 ? "0" : "") + "\(minutes):" + (secs < 10 ? "0" : "") + "\(secs).\(tenths % 10)"
    }

    /// A share 0...100 as a whole percent: `95%`.
    public static func percent(_ value: Double) -> String {
        fixed(value.isFinite ? Swift.min(100, Swift.max(0, value)) : 0, decimals: 0) + "%"
    }

    // MARK: Pieces

    private static func nonFinite(_ value: Double) -> String {
        value.isNaN ? "nan" : value < 0 ? "-inf" : "inf"
    }

    /// `1.5e20`: one or two significant decimals and the power of ten.
    private static func exponent(_ value: Double) -> String {
        guard value != 0 else { return "0" }
        var power = 0
        var mantissa = value.magnitude
        while mantissa >= 10 { mantissa /= 10; power += 1 }
        while mantissa < 1 { mantissa *= 10; power -= 1 }
        var digits = trimmed(fixed(mantissa, decimals: 2))
        if digits == "10" { digits = "1"; power += 1 }
        return (value < 0 ? "-" : "") + digits + "e" + String(power)
    }

    /// `2.500` -> `2.5`, `3.000` -> `3`.
    private static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var result = Substring(text)
        while result.last == "0" { result = result.dropLast() }
        if result.last == "." { result = result.dropLast() }
        return String(result)
    }
}
