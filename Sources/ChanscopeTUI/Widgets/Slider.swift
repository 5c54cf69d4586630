import ChanscopeEngine

/// A knob on a track: `label ───●──── 200 ms`, plus the mapping from a click to a value.
///
/// WHY the mapping lives here: only the widget knows where its track is drawn, so the same code
/// lays the track out and turns a mouse click on it into a value. The value rules (range, step,
/// snapping, format) are the knob's own (`KnobSpec+Rules`); the slider only draws them.
public struct Slider: Widget {
    /// The knob's range, step, label and unit.
    public var spec: KnobSpec
    public var value: Double
    /// Columns reserved for the label, so several sliders line up; nil = the label's length.
    public var labelWidth: Int?
    /// Columns reserved for value and unit; nil = as wide as the widest value in range.
    public var valueWidth: Int?
    public var isSelected: Bool
    public var style: Style
    public var glyphs: GlyphSet

    public init(
        spec: KnobSpec, value: Double, labelWidth: Int? = nil, valueWidth: Int? = nil, isSelected: Bool = false,
        style: Style = .plain, glyphs: GlyphSet = .unicode
    ) {
        self.spec = spec
        self.value = value
        self.labelWidth = labelWidth
        self.valueWidth = valueWidth
        self.isSelected = isSelected
        self.style = style
        self.glyphs = glyphs
    }

    /// A slider for a knob made on the spot (tests, benchmarks).
    public init(
        label: String, value: Double, minimum: Double, maximum: Double, step: Double = 1, unit: String = "",
        labelWidth: Int? = nil, valueWidth: Int? = nil, isSelected: Bool = false, style: Style = .plain,
        glyphs: GlyphSet = .unicode
    ) {
        self.init(
            spec: KnobSpec(name: label, value: value, min: minimum, max: maximum, step: step, label: label, unit: unit),
            value: value, labelWidth: labelWidth, valueWidth: valueWidth, isSelected: isSelected, style: style, glyphs: glyphs)
    }

    public var label: String { spec.label }

    /// Columns the value and unit of `spec` need at the widest (none for a choice knob: its
    /// selector shows the value in the track, see `Slider+Choices.swift`).
    public static func valueWidth(of spec: KnobSpec) -> Int {
        guard !spec.isChoice else { return 0 }
        return max(spec.formatted(spec.min).count, spec.formatted(spec.max).count)
    }

    /// Where the parts of a slider go within a row.
    public struct Layout: Hashable, Sendable {
        public var label: Rect
        public var track: Rect
        public var value: Rect
    }

    /// The slider's parts in `rect`: `label` + space + track + space + value.
    ///
    /// The track takes what label and value leave; under 2 columns it is empty.
    public func layout(in rect: Rect) -> Layout {
        let row = Rect(x: rect.x, y: rect.y, width: rect.width, height: min(1, rect.height))
        let labelColumns = min(labelWidth ?? label.displayWidth, row.width)
        // A selector has no value column: the names on its track are the value.
        let valueColumns = spec.isChoice ? -1 : valueWidth ?? Slider.valueWidth(of: spec)
        var trackColumns = row.width - labelColumns - 1 - 1 - valueColumns
        if trackColumns < 2 { trackColumns = 0 }
        let labelRect = Rect(x: row.x, y: row.y, width: labelColumns, height: row.height)
        let trackRect = Rect(
            x: trackColumns > 0 ? labelRect.maxX + 1 : labelRect.maxX, y: row.y, width: trackColumns,
            height: row.height)
        let valueX = trackColumns > 0 ? trackRect.maxX + 1 : Swift.min(labelRect.maxX + 1, row.maxX)
        let valueRect = Rect(x: valueX, y: row.y, width: Swift.max(0, row.maxX - valueX), height: row.height)
        return Layout(label: labelRect, track: trackRect, value: valueRect)
    }

    /// The value at column `x` of the track drawn in `rect`, snapped to the step and clamped;
    /// nil when `x` is not on the track.
    public func value(atColumn x: Int, in rect: Rect) -> Double? {
        let track = layout(in: rect).track
        guard !track.isEmpty, x >= track.x, x < track.maxX else { return nil }
        if spec.isChoice { return choice(atColumn: x, inTrack: track).map(Double.init) }
        return spec.value(atFraction: track.width > 1 ? Double(x - track.x) / Double(track.width - 1) : 0)
    }

    /// Column of the knob within a track `width` columns wide.
    public func knobOffset(trackWidth width: Int) -> Int {
        guard width > 1 else { return 0 }
        return Int(saturating: (spec.fraction(of: value) * Double(width - 1)).rounded())
    }

    /// The value and unit as shown, with as many decimals as the step needs (at most 3).
    public func formatted(_ number: Double) -> String { spec.formatted(number) }

    public func draw(in rect: Rect, on grid: inout Grid) {
        guard !rect.isEmpty, !rect.intersection(grid.area).isEmpty else { return }
        let parts = layout(in: rect)
        let labelStyle = isSelected ? style.bolded().reversed() : style
        let labelText = label.clipped(toWidth: parts.label.width, ellipsis: glyphs.ellipsis)
        let padded = labelText + String(repeating: " ", count: Swift.max(0, parts.label.width - labelText.displayWidth))
        grid.put(padded, x: parts.label.x, y: parts.label.y, style: labelStyle, maxWidth: parts.label.width)
        if spec.isChoice {
            drawChoices(in: parts.track, on: &grid)
            return
        }
        if !parts.track.isEmpty {
            let knob = knobOffset(trackWidth: parts.track.width)
            var track = Array(repeating: glyphs.sliderTrack, count: parts.track.width)
            track[knob] = glyphs.sliderKnob
            grid.put(String(track), x: parts.track.x, y: parts.track.y, style: style, maxWidth: parts.track.width)
            grid.set(
                x: parts.track.x + knob, y: parts.track.y,
                Cell(glyphs.sliderKnob, style: isSelected ? style.bolded() : style))
        }
        let valueText = formatted(value)
        let shown = valueText.count <= parts.value.width
            ? String(repeating: " ", count: parts.value.width - valueText.count) + valueText
            : valueText.clipped(toWidth: parts.value.width, ellipsis: glyphs.ellipsis)
        grid.put(shown, x: parts.value.x, y: parts.value.y, style: style, maxWidth: parts.value.width)
    }
}
