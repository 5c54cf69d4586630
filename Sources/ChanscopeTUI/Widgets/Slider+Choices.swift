import ChanscopeEngine

/// A choice knob drawn as a selector: its names in a row on the track, the chosen one in
/// brackets and reversed (`[readers-first]  writers-first   fair`); the arrow keys move it like
/// any slider (one step is one choice) and a click on a name chooses it.
extension Slider {
    /// The index of the chosen name.
    var chosenIndex: Int {
        Swift.min(Swift.max(Int(saturating: spec.clampedAndSnapped(value)), 0), Swift.max(0, spec.choices.count - 1))
    }

    /// Where each choice's name is drawn within `track` (with a column either side for the
    /// brackets), or nil when they do not all fit: then only the chosen one is drawn.
    func choiceSegments(inTrack track: Rect) -> [Rect]? {
        guard spec.isChoice, !track.isEmpty else { return nil }
        var segments: [Rect] = []
        var x = track.x
        for name in spec.choices {
            let width = name.displayWidth + 2
            segments.append(Rect(x: x, y: track.y, width: width, height: track.height))
            x += width + 1
        }
        guard let last = segments.last, last.maxX <= track.maxX else { return nil }
        return segments
    }

    /// Draws the selector on the track: every name when they fit, else the chosen one between
    /// arrows (`< fair >`).
    func drawChoices(in track: Rect, on grid: inout Grid) {
        guard !track.isEmpty else { return }
        let chosenStyle = isSelected ? style.bolded().reversed() : style.reversed()
        guard let segments = choiceSegments(inTrack: track) else {
            let text = "< \(spec.choices[chosenIndex]) >".clipped(toWidth: track.width, ellipsis: glyphs.ellipsis)
            grid.put(text, x: track.x, y: track.y, style: chosenStyle, maxWidth: track.width)
            return
        }
        for (index, name) in spec.choices.enumerated() {
            let chosen = index == chosenIndex
            grid.put(chosen ? "[\(name)]" : " \(name) ", x: segments[index].x, y: track.y,
                     style: chosen ? chosenStyle : style, maxWidth: segments[index].width)
        }
    }
}
