/// Padding for the fixed-width text tables of headless runs and the screen's labels.
extension String {
    /// The string with spaces before it, to `width` characters (unchanged if already wider).
    public func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
    /// The string with spaces after it, to `width` characters (unchanged if already wider).
    public func rightPadded(to width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
    /// The string without trailing spaces.
    public func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
