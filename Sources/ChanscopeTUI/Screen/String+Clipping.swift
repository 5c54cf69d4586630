/// Fitting text into a number of columns.
///
/// WHY here: every widget clips the same way, and clipping with a marker tells the reader that
/// text was cut rather than silently losing its end.
extension String {
    /// This text cut to at most `width` columns, ending in `ellipsis` when something was cut.
    ///
    /// If even the ellipsis does not fit, the text is cut hard with no marker.
    public func clipped(toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        guard count > width else { return self }
        let marker = ellipsis.count < width ? ellipsis : ""
        return String(prefix(width - marker.count)) + marker
    }
}
