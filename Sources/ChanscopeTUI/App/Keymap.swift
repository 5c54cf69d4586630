import Channels

/// The one table of key bindings (DESIGN.md section 4).
public enum Keymap {
    /// Every binding, in the order the help lists them.
    public static func bindings(ascii: Bool = false) -> [KeyBinding] {
        [
            KeyBinding([.character("q")], "q", "quit (restores the terminal, closes the recording)", footer: "quit", does: .quit),
            KeyBinding([.character(" ")], "space", "pause / resume the workers", footer: "pause", does: .togglePause),
            KeyBinding(
                keys: [.character("r"), .character("R")], label: "r/R",
                help: "restart: r as loaded, R keeping sliders, kinds and workers", footer: "restart",
                action: { key in key == .character("R") ? .restartKeepingSettings : .restart }),
            KeyBinding([.up, .character("k")], ascii ? "up/k" : "↑/k", "select the previous slider", does: .selectPreviousKnob),
            KeyBinding([.down, .character("j")], ascii ? "down/j" : "↓/j", "select the next slider", footer: nil, does: .selectNextKnob),
            KeyBinding([.left, .character("h")], ascii ? "left/h" : "←/h", "decrease the selected slider by one step", does: .adjust(steps: -1)),
            KeyBinding([.right, .character("l")], ascii ? "right/l" : "→/l", "increase the selected slider by one step", does: .adjust(steps: 1)),
            KeyBinding([.shiftLeft, .pageDown], ascii ? "S-left/PgDn" : "⇧←/PgDn", "decrease by a tenth of the range", does: .adjustCoarse(direction: -1)),
            KeyBinding([.shiftRight, .pageUp], ascii ? "S-right/PgUp" : "⇧→/PgUp", "increase by a tenth of the range", does: .adjustCoarse(direction: 1)),
            KeyBinding(
                keys: (1...5).map { .character(Character(String($0))) }, label: "1-5",
                help: "selected channel's kind: 1 unbounded 2 bounded 3 rendezvous 4 dropping 5 overwriting",
                footer: "kind",
                action: { key in
                    guard case .character(let c) = key, let n = c.wholeNumberValue, (1...5).contains(n) else { return nil }
                    return .switchKind(ChannelKind.Family.allCases[n - 1])
                }),
            KeyBinding([.tab], "tab", "select the next channel", footer: "channel", does: .selectNextChannel),
            KeyBinding([.character("g"), .shiftTab], "g", "select the next worker group", footer: "group", does: .selectNextGroup),
            KeyBinding([.character("+"), .character("=")], "+", "add a worker to the selected group", footer: "worker", does: .addWorker),
            KeyBinding([.character("-"), .character("_")], "-", "remove a worker from the selected group", does: .removeWorker),
            KeyBinding([.character("c")], "c", "close the selected group: its channel ends go (disconnect)", footer: "close", does: .closeGroup),
            KeyBinding([.character("s")], "s", "start / stop recording to a CSV file in this folder", footer: "record", does: .toggleRecording),
            KeyBinding([.character("p")], "p", "open the preset list to switch scenario", footer: "presets", does: .openPresets),
            KeyBinding([.character("?")], "?", "show / hide this help", footer: "help", does: .toggleHelp),
        ]
    }

    /// The action for a key in the main screen, if any.
    public static func action(for key: Key, ascii: Bool = false) -> Action? {
        for binding in bindings(ascii: ascii) where binding.keys.contains(key) {
            return binding.action(key)
        }
        return nil
    }

    /// The footer's hints, generated from the table, most needed first: the footer is cut at
    /// the right on narrow screens, so quit, help, pause, record and presets come before the
    /// keys the `?` help explains anyway. Arrows and `+`/`-` read best as one hint each.
    public static func footerHints(ascii: Bool = false) -> [(key: String, text: String)] {
        var hints: [(key: String, text: String)] = []
        for binding in bindings(ascii: ascii) {
            if let footer = binding.footer {
                hints.append((binding.label == "r/R" ? "r" : binding.label == "+" ? "+/-" : binding.label, footer))
            }
        }
        hints.append((ascii ? "up/dn" : "↑↓", "select"))
        hints.append((ascii ? "<>" : "←→", "adjust"))
        let priority = ["q", "?", "space", "s", "p", "r", ascii ? "up/dn" : "↑↓", ascii ? "<>" : "←→", "1-5", "tab", "g", "+/-", "c"]
        return hints.sorted { (priority.firstIndex(of: $0.key) ?? priority.count) < (priority.firstIndex(of: $1.key) ?? priority.count) }
    }
}
