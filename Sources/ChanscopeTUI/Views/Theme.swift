import ChanscopeEngine

/// Styles by meaning, so every view colours the same thing the same way.
///
/// Colour is never the only signal: every coloured state also has a word or a glyph of its own,
/// and the monochrome theme keeps bold and reverse so a `NO_COLOR` screen still reads.
public struct Theme: Sendable, Equatable {
    public var glyphs: GlyphSet
    public var monochrome: Bool

    public init(glyphs: GlyphSet = .unicode, monochrome: Bool = false) {
        self.glyphs = glyphs
        self.monochrome = monochrome
    }

    private func colored(_ color: Color, bold: Bool = false) -> Style {
        monochrome ? Style(bold: bold) : Style(foreground: color, bold: bold)
    }

    public var plain: Style { .plain }
    public var title: Style { Style(bold: true, reverse: true) }
    public var heading: Style { monochrome ? Style(bold: true) : Style(foreground: .cyan, bold: true) }
    public var dim: Style { monochrome ? .plain : Style(foreground: .gray) }
    public var label: Style { Style(bold: true) }
    public var selected: Style { Style(reverse: true) }
    public var good: Style { colored(.green) }
    public var warning: Style { colored(.yellow, bold: true) }
    public var alarm: Style { colored(.red, bold: true) }
    public var info: Style { colored(.cyan) }
    public var key: Style { Style(bold: true) }

    /// Fill colour by how full a channel is: green, then yellow, red at capacity.
    public func fill(_ ratio: Double) -> Style {
        ratio >= 1 ? colored(.red, bold: true) : ratio >= 0.75 ? colored(.yellow) : colored(.green)
    }

    /// The glyph and style of one worker, distinct per state even without colour.
    public func worker(_ state: WorkerState) -> (Character, Style) {
        let unicode = !glyphs.isASCII
        switch state {
        case .starting: return (unicode ? "·" : ".", dim)
        case .working: return (unicode ? "●" : "*", colored(.green, bold: true))
        case .sleeping: return (unicode ? "○" : "o", colored(.blue))
        case .blockedOnSend: return (unicode ? "▶" : ">", colored(.yellow, bold: true))
        case .blockedOnReceive: return (unicode ? "◀" : "<", colored(.magenta, bold: true))
        case .pollingEmpty: return (unicode ? "◌" : "?", colored(.cyan))
        case .paused: return (unicode ? "‖" : "=", dim)
        case .finished: return (unicode ? "✓" : "v", dim)
        case .disconnected: return (unicode ? "✗" : "x", colored(.red, bold: true))
        // Letters, so the two read apart from working and from each other without colour.
        case .reading: return ("R", colored(.green, bold: true))
        case .writing: return ("W", colored(.yellow, bold: true))
        case .joining: return (unicode ? "◇" : "j", colored(.cyan, bold: true))
        case .killed: return (unicode ? "†" : "K", colored(.red, bold: true))
        }
    }

    /// The legend order.
    public static let legendStates: [WorkerState] = [
        .working, .sleeping, .blockedOnSend, .blockedOnReceive, .pollingEmpty, .paused, .finished, .disconnected,
    ]

    /// The legend for a screen: `reading`, `writing` and `joining` join it, after `working`, and `killed` at
    /// the end, only while a worker shows them (a glyph on screen that the legend leaves out
    /// explains nothing).
    public static func legendStates(showing states: Set<WorkerState>) -> [WorkerState] {
        let inside = [WorkerState.reading, .writing, .joining].filter(states.contains)
        let shown = inside.isEmpty ? legendStates : [.working] + inside + legendStates.dropFirst()
        return shown + (states.contains(.killed) ? [.killed] : [])
    }

    /// Short legend words.
    public static func legendWord(_ state: WorkerState) -> String {
        switch state {
        case .blockedOnSend: "send-blocked"
        case .blockedOnReceive: "recv-blocked"
        case .pollingEmpty: "polling"
        case .disconnected: "disconnected"
        default: state.description
        }
    }
}
