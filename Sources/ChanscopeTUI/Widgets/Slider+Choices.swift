import ChanscopeEngine

/// A choice knob drawn as a selector: its names in a row on the track, the chosen one in
/// brackets and reversed (`[readers-first]  writers-first   fair`); the arrow keys move it like
/// any slider (one step is one choice) and a click on a name chooses it. When not every name
/// fits, the names around the chosen one are shown, with `…` where others are left out.
extension Slider {
    /// The index of the chosen name.
    var chosenIndex: Int {
        Swift.min(Swift.max(Int(saturating: spec.clampedAndSnapped(value)), 0), Swift.max(0, spec.choices.count - 1))
    }

    /// The choices shown in `track` and where each is drawn (with a column either side for the
    /// brackets), a window around the chosen one when they do not all fit, with whether names
    /// are left out before and after it.
    func choiceSegments(inTrack track: Rect) -> (segments: [(index: Int, rect: Rect)], before: Bool, after: Bool)? {
        guard spec.isChoice, !track.isEmpty else { return nil }
        let widths = spec.choices.map { $0.displayWidth + 2 }
        let marker = glyphs.ellipsis.displayWidth + 1
        func width(_ range: ClosedRange<Int>) -> Int {
            widths[range].reduce(0, +) + range.count - 1 + (range.lowerBound > 0 ? marker : 0)
                + (range.upperBound < widths.count - 1 ? marker : 0)
        }
        var range = chosenIndex...chosenIndex
        guard width(range) <= track.width else { return nil }
        while true {
            if range.upperBound + 1 < widths.count, width(range.lowerBound...range.upperBound + 1) <= track.width {
                range = range.lowerBound...range.upperBound + 1
            } else if range.lowerBound > 0, width(range.lowerBound - 1...range.upperBound) <= track.width {
                range = range.lowerBound - 1...range.upperBound
            } else {
                break
            }
        }
        var x = track.x + (range.lowerBound > 0 ? marker : 0)
        let segments = range.map { index -> (index: Int, rect: Rect) in
            defer { x += widths[index] + 1 }
            return (index, Rect(x: x, y: track.y, width: widths[index], height: track.height))
        }
        return (segments, range.lowerBound > 0, range.upperBound < widths.count - 1)
    }

    /// The choice under column `x` of `track`, if any.
    func choice(atColumn x: Int, inTrack track: Rect) -> Int? {
        choiceSegments(inTrack: track)?.segments.first { x >= $0.rect.x && x < $0.rect.maxX }?.index
    }

    /// Draws the selector on the track: the names that fit, else the chosen one clipped.
    func drawChoices(in track: Rect, on grid: inout Grid) {
        guard !track.isEmpty else { return }
        let chosenStyle = isSelected ? style.bolded().reversed() : style.reversed()
        guard let shown = choiceSegments(inTrack: track) else {
            let text = spec.choices[chosenIndex].clipped(toWidth: track.width, ellipsis: glyphs.ellipsis)
            grid.put(text, x: track.x, y: track.y, style: chosenStyle, maxWidth: track.width)
            return
        }
        if shown.before { grid.put(glyphs.ellipsis, x: track.x, y: track.y, style: style) }
        for (index, rect) in shown.segments {
            let name = spec.choices[index]
            let chosen = index == chosenIndex
            grid.put(chosen ? "[\(name)]" : " \(name) ", x: rect.x, y: track.y, style: chosen ? chosenStyle : style, maxWidth: rect.width)
        }
        if shown.after, let last = shown.segments.last {
            grid.put(glyphs.ellipsis, x: last.rect.maxX + 1, y: track.y, style: style)
        }
    }
}
