/// Fitting text into a number of columns.
///
/// WHY here: every widget clips the same way, and clipping with a marker tells the reader that
/// text was cut rather than silently losing its end. Widths are display columns, so a wide
/// character is never cut in half.
extension String {
    /// This text cut to at most `width` columns, ending in `ellipsis` when something was cut.
    ///
    /// If even the ellipsis does not fit, the text is cut hard with no marker.
    public func clipped(toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        guard displayWidth > width else { return self }
        let markerWidth = ellipsis.displayWidth
        let marker = markerWidth < width ? ellipsis : ""
        let room = width - (marker.isEmpty ? 0 : markerWidth)
        var kept = ""
        var used = 0
        for character in self {
            let columns = String(character).displayWidth
            guard used + columns <= room else { break }
            kept.append(character)
            used += columns
        }
        return kept + marker
    }
}
