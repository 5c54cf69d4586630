import ChanscopeEngine
import Foundation
import Testing

@testable import ChanscopeTUI

/// A choice knob on screen: a selector whose chosen name is in brackets, moved by the same
/// steps as a slider and set by a click on a name.
@Suite struct ChoiceSelectorTests {
    static let spec = KnobSpec.choice(name: "policy", choices: ["readers-first", "fair", "as-written"], value: "fair", label: "Policy")

    static func selector(_ value: Double) -> Slider { Slider(spec: spec, value: value, labelWidth: 6, valueWidth: 0) }

    @Test func drawsEveryChoiceWithTheChosenOneBracketed() {
        #expect(WidgetTestSupport.render(Self.selector(1), width: 50, height: 1)
            == ["Policy  readers-first  [fair]  as-written".padding(toLength: 50, withPad: " ", startingAt: 0)])
        #expect(WidgetTestSupport.render(Self.selector(0), width: 50, height: 1)
            == ["Policy [readers-first]  fair   as-written".padding(toLength: 50, withPad: " ", startingAt: 0)])
    }

    @Test func narrowTrackShowsTheNamesAroundTheChosenOne() {
        #expect(WidgetTestSupport.render(Self.selector(2), width: 24, height: 1) == ["Policy … [as-written]   "])
        #expect(WidgetTestSupport.render(Self.selector(1), width: 27, height: 1) == ["Policy … [fair] …".padding(toLength: 27, withPad: " ", startingAt: 0)])
        #expect(WidgetTestSupport.render(Self.selector(1), width: 16, height: 1) == ["Policy fair     "], "the chosen name alone, reversed")
        let rect = Rect(x: 0, y: 0, width: 24, height: 1)
        #expect(Self.selector(2).value(atColumn: 12, in: rect) == 2, "a click on the name shown")
        #expect(Self.selector(2).value(atColumn: 7, in: rect) == nil, "a click on the ellipsis chooses nothing")
    }

    @Test func clickOnANameChoosesIt() {
        let rect = Rect(x: 0, y: 0, width: 50, height: 1)
        let selector = Self.selector(1)
        #expect(selector.value(atColumn: 8, in: rect) == 0)  // "readers-first"
        #expect(selector.value(atColumn: 23, in: rect) == 1)  // "fair"
        #expect(selector.value(atColumn: 31, in: rect) == 2)  // "as-written"
        #expect(selector.value(atColumn: 22, in: rect) == nil, "between two names")
        #expect(selector.value(atColumn: 45, in: rect) == nil, "past the last name")
    }

    @Test func valueColumnIsNotWidenedByAChoiceKnob() {
        #expect(Slider.valueWidth(of: Self.spec) == 0)
    }
}
