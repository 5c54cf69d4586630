/// A knob on a track: `label ───●──── 200 ms`, plus the mapping from a click to a value.
///
/// WHY the mapping lives here: only the widget knows where its track is drawn, so the same code
/// lays the track out and turns a mouse click on it into a value snapped to the step.
public struct Slider: Widget {
    public var label: String
    public var value: Double
    public var minimum: Double
    public var maximum: Double
    public var step: Double
    public var unit: String
    /// Columns reserved for the label, so several sliders line up; nil = the label's length.
    public var labelWidth: Int?
    /// Columns reserved for value and unit; nil = as wide as the widest value in range.
    public var valueWidth: Int?
    public var isSelected: Bool
    public var style: Style
    public var glyphs: GlyphSet

    public init(
        label: String, value: Double, minimum: Double, maximum: Double, step: Double = 1,
        unit: String = "", labelWidth: Int? = nil, valueWidth: Int? = nil, isSelected: Bool = false,
        style: Style = .plain, glyphs: GlyphSet = .unicode
    ) {
        self.label = label
        self.value = value
        self.minimum = minimum
        self.maximum = maximum
        self.step = step
        self.unit = unit
        self.labelWidth = labelWidth
        self.valueWidth = valueWidth
        self.isSelected = isSelected
        self.style = style
        self.glyphs = glyphs
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
        let labelColumns = min(labelWidth ?? label.count, row.width)
        let valueColumns = valueWidth ?? Swift.max(formatted(minimum).count, formatted(maximum).count)
        var trackColumns = row.width - labelColumns - 1 - 1 - valueColumns
        if trackColumns < 2 { trackColumns = 0 }
        let labelRect = Rect(x: row.x, y: row.y, width: labelColumns, height: row.height)
        let trackRect = Rect(
            x: trackColumns > 0 ? labelRect.maxX + 1 : labelRect.maxX, y: row.y, width: trackColumns,
            height: row.height)
        let valueX = trackColumns > 0 ? trackRect.maxX + 1 : Swift.min(labelRect.maxX + 1, row.maxX)
        let valueRect = Rect(x: valueX, y: row.y, width: row.maxX - valueX, height: row.height)
        return Layout(label: labelRect, track: trackRect, value: valueRect)
    }

    /// The value at column `x` of the track drawn in `rect`, snapped to the step and clamped;
    /// nil when `x` is not on the track.
    public func value(atColumn x: Int, in rect: Rect) -> Double? {
        let track = layout(in: rect).track
        guard !track.isEmpty, x >= track.x, x < track.maxX else { return nil }
        let fraction = track.width > 1 ? Double(x - track.x) / Double(track.width - 1) : 0
        return snapped(minimum + fraction * (maximum - minimum))
    }

    /// `value` rounded to the nearest step from the minimum, kept within range.
    public func snapped(_ raw: Double) -> Double {
        let low = Swift.min(minimum, maximum)
        let high = Swift.max(minimum, maximum)
        var result = raw
        if step > 0 { result = minimum + ((raw - minimum) / step).rounded() * step }
        return Swift.min(high, Swift.max(low, result))
    }

    /// Column of the knob within a track `width` columns wide.
    public func knobOffset(trackWidth width: Int) -> Int {
        guard width > 1, maximum != minimum else { return 0 }
        let fraction = Swift.min(1, Swift.max(0, (value - minimum) / (maximum - minimum)))
        return Int((fraction * Double(width - 1)).rounded())
    }

    /// The value and unit as shown, with as many decimals as the step needs (at most 3).
    public func formatted(_ number: Double) -> String {
        let text = Slider.format(number, decimals: Slider.decimals(for: step))
        return unit.isEmpty ? text : text + " " + unit
    }

    public func draw(in rect: Rect, on grid: inout Grid) {
        guard !rect.isEmpty, !rect.intersection(grid.area).isEmpty else { return }
        let parts = layout(in: rect)
        let labelStyle = isSelected ? style.bolded().reversed() : style
        let labelText = label.clipped(toWidth: parts.label.width, ellipsis: glyphs.ellipsis)
        let padded = labelText + String(repeating: " ", count: Swift.max(0, parts.label.width - labelText.count))
        grid.put(padded, x: parts.label.x, y: parts.label.y, style: labelStyle, maxWidth: parts.label.width)
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

    /// Decimal places that show every multiple of `step` exactly (0...3).
    static func decimals(for step: Double) -> Int {
        var places = 0
        var scaled = step
        while places < 3, scaled > 0, (scaled - scaled.rounded()).magnitude > 1e-9 {
            scaled *= 10
            places += 1
        }
        return places
    }

    /// `number` with `decimals` places, without Foundation's formatter.
    static func format(_ number: Double, decimals: Int) -> String {
        guard number.isFinite else { return String(number) }
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        let scaled = Int((number.magnitude * factor).rounded())
        let sign = number < 0 && scaled != 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(scaled) }
        let whole = scaled / Int(factor)
        let fraction = String(scaled % Int(factor))
        return sign + String(whole) + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}
