/// The rules of a knob's values: clamping, snapping, stepping, where a value sits on its track.
///
/// WHY here: the keys, a mouse click, `--set`, the preset reader and the engine all change knob
/// values; each used to clamp and snap in its own way. Now every one of them asks the knob.
extension KnobSpec {
    /// The lower and upper end of the range, whichever way round the file wrote them.
    public var range: ClosedRange<Double> { Swift.min(min, max)...Swift.max(min, max) }

    /// `value` brought into the range and onto the step grid that starts at `min`. A value that
    /// is not a number leaves the knob where it starts (`self.value`).
    public func clampedAndSnapped(_ value: Double) -> Double {
        guard value.isFinite else { return self.value }
        let bounds = range
        var result = Swift.min(Swift.max(value, bounds.lowerBound), bounds.upperBound)
        if step > 0, step.isFinite {
            result = min + ((result - min) / step).rounded() * step
            result = Swift.min(Swift.max(result, bounds.lowerBound), bounds.upperBound)
        }
        return result
    }

    /// A coarse move: a tenth of the range, rounded to whole steps, at least one step.
    public var coarseStep: Double {
        let tenth = ((range.upperBound - range.lowerBound) / 10 / step).rounded() * step
        return tenth.isFinite ? Swift.max(step, tenth) : step
    }

    /// `value` moved by `steps` fine steps, clamped and snapped.
    public func stepped(_ value: Double, by steps: Int) -> Double {
        clampedAndSnapped(value + Double(steps) * step)
    }

    /// `value` moved by `direction` (-1 or 1) coarse steps, clamped and snapped.
    public func steppedCoarsely(_ value: Double, direction: Int) -> Double {
        clampedAndSnapped(value + Double(direction.signum()) * coarseStep)
    }

    /// Where `value` sits between `min` (0) and `max` (1).
    public func fraction(of value: Double) -> Double {
        guard max != min else { return 0 }
        let fraction = (value - min) / (max - min)
        return fraction.isFinite ? Swift.min(1, Swift.max(0, fraction)) : 0
    }

    /// The value at `fraction` (0...1) of the way from `min` to `max`, clamped and snapped.
    public func value(atFraction fraction: Double) -> Double {
        clampedAndSnapped(min + Swift.min(1, Swift.max(0, fraction)) * (max - min))
    }

    /// The value as the screen and events show it, with as many decimals as the step needs and
    /// the unit: `200 ms`, `0.25`; a choice knob's value is its name: `readers-first`.
    public func formatted(_ value: Double) -> String {
        if let name = choice(at: value) { return name }
        let text = NumberText.fixed(value, decimals: NumberText.decimals(forStep: step))
        return unit.isEmpty ? text : text + " " + unit
    }

    // MARK: Choice knobs

    /// The name a choice knob's `value` stands for (clamped and snapped first), or nil for a
    /// number knob.
    public func choice(at value: Double) -> String? {
        guard isChoice else { return nil }
        return choices[Swift.min(Swift.max(Int(saturating: clampedAndSnapped(value)), 0), choices.count - 1)]
    }

    /// The value that stands for the choice `name`, or nil when it is not among the choices.
    /// The one rule for names that enter from a file, `--set` or a test.
    public func value(ofChoice name: String) -> Double? {
        choices.firstIndex(of: name).map(Double.init)
    }

    /// The value as the CSV writes it: a number plainly, a choice by its name.
    public func recorded(_ value: Double) -> String {
        choice(at: value) ?? NumberText.plain(value)
    }
}
