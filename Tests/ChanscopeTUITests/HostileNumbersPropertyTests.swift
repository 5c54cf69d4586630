import ChanscopeEngine
import PropertyBased
import Testing

@testable import ChanscopeTUI

/// Random finite and non-finite numbers into every knob (live and by `--set`), the duration and
/// the formatter: nothing traps, and what is stored is within the knob's range.
@Suite(.serialized) struct HostileNumbersPropertyTests {
    /// Mostly the awkward values: NaN, infinities, extremes, tiny ones, negatives, whole numbers.
    static let hostile = zip(Gen.int(in: 0...9), Gen.double(in: -1e15...1e15)).map { code, double -> Double in
        switch code {
        case 0: .nan
        case 1: .infinity
        case 2: -.infinity
        case 3: double < 0 ? -.greatestFiniteMagnitude : .greatestFiniteMagnitude
        case 4: double * 1e290
        case 5: double / 1e300
        case 6: (double / 1e9).rounded()
        case 7: 9.3e18
        case 8: -double
        default: double
        }
    }

    @Test("every knob, set live to any number, stays in range and draws")
    func liveKnobs() async throws {
        let preset = try PresetLoader.parse(yaml: Preset.builtInDefaultYAML, source: "<test>")
        let experiment = Experiment(preset: preset)
        experiment.start()
        defer { experiment.shutdown() }
        let ids = experiment.takeSnapshot().knobs.map(\.id)
        await propertyCheck(count: 25, input: Self.hostile) { value in
            for id in ids {
                let stored = experiment.setKnob(id, to: value)?.knobValue
                let spec = try #require(experiment.takeSnapshot().knobs.first { $0.id == id }?.spec)
                if let stored {
                    #expect(stored.isFinite && spec.range.contains(stored), "\(id) = \(value) stored \(stored)")
                }
            }
            var state = AppState(presetName: preset.name, lesson: preset.lesson)
            _ = state.update(.snapshot(experiment.takeSnapshot()))
            for size in [TerminalSize(width: 80, height: 24), TerminalSize(width: 120, height: 35)] {
                var grid = Grid(width: size.width, height: size.height)
                ScreenView.render(state, theme: Theme(), on: &grid)
            }
            _ = state.update(.key(.pageUp))
            _ = state.update(.key(.right))
        }
    }

    @Test("--set with any number is refused or lands in range")
    func overrides() async {
        await propertyCheck(count: 60, input: Self.hostile) { value in
            for name in ["produce_ms", "consume_ms", "max_work", "work.capacity", "consumer.workers"] {
                do {
                    let preset = try Preset.builtInDefault.applying(overrides: ["\(name)=\(value)"])
                    let experiment = Experiment(preset: preset)
                    for knob in experiment.layout().knobs {
                        #expect(knob.value.isFinite && knob.spec.range.contains(knob.value), "\(name)=\(value): \(knob.name) \(knob.value)")
                    }
                } catch {
                    #expect(!"\(error)".isEmpty)
                }
            }
        }
    }

    @Test("any duration is refused or runs to a deadline the clock can hold; any number formats")
    func durationsAndFormatting() async {
        await propertyCheck(count: 1000, input: Self.hostile) { value in
            if HeadlessOptions.durationProblem(value) == nil {
                #expect(value > 0 && value <= HeadlessOptions.longestDuration)
                #expect(UInt64.nanoseconds(fromSeconds: value) < UInt64.max / 2)
            }
            _ = UInt64.nanoseconds(fromMilliseconds: value)
            _ = Int(saturating: value)
            for text in [NumberText.plain(value), NumberText.fixed(value, decimals: 3), NumberText.rate(value), NumberText.elapsed(value),
                NumberText.percent(value), NumberText.scaled(value)]
            {
                #expect(!text.isEmpty && text.count < 40, "\(value) -> \(text)")
            }
            let spec = KnobSpec(name: "k", value: 0, min: -1e12, max: 1e12, step: 1)
            #expect(spec.range.contains(spec.clampedAndSnapped(value)))
            _ = spec.formatted(value)
        }
    }
}
