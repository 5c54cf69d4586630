import Channels

/// The one table of key bindings (the README's Keys section lists them).
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
            KeyBinding(
                keys: [.up, .character("k"), .down, .character("j")], label: ascii ? "up/dn k j" : "↑↓ k j",
                help: "select the previous / next slider",
                action: { key in key == .up || key == .character("k") ? .selectPreviousKnob : .selectNextKnob }),
            KeyBinding(
                keys: [.left, .character("h"), .right, .character("l")], label: ascii ? "<> h l" : "←→ h l",
                help: "move the selected slider one step down / up",
                action: { key in .adjust(steps: key == .left || key == .character("h") ? -1 : 1) }),
            KeyBinding(
                keys: [.shiftLeft, .pageDown, .shiftRight, .pageUp], label: ascii ? "S-<> PgDn PgUp" : "⇧←→ PgDn PgUp",
                help: "move it by a tenth of its range",
                action: { key in .adjustCoarse(direction: key == .shiftLeft || key == .pageDown ? -1 : 1) }),
            KeyBinding(
                keys: [.home, .end], label: "Home End",
                help: "move it to its least / greatest value (a wait to 0)",
                action: { key in .adjustToLimit(direction: key == .home ? -1 : 1) }),
            KeyBinding(
                keys: (1...6).map { .character(Character(String($0))) }, label: "1-6",
                help: "selected channel's kind: 1 unbounded 2 bounded 3 rendezvous 4 dropping 5 overwriting 6 priority",
                footer: "kind",
                action: { key in
                    guard case .character(let c) = key, let n = c.wholeNumberValue, (1...6).contains(n) else { return nil }
                    return .switchKind(ChannelKind.Family.allCases[n - 1])
                }),
            KeyBinding([.tab], "tab", "select the next channel", footer: "channel", does: .selectNextChannel),
            KeyBinding([.character("g"), .shiftTab], "g", "select the next worker group", footer: "group", does: .selectNextGroup),
            KeyBinding([.character("+"), .character("=")], "+", "add a worker to the selected group", footer: "worker", does: .addWorker),
            KeyBinding([.character("-"), .character("_")], "-", "remove a worker from the selected group", does: .removeWorker),
            KeyBinding(
                keys: [.character("c"), .character("K")], label: "c/K",
                help: "close the selected group (disconnect); K: SIGKILL its worker process", footer: "close",
                action: { key in key == .character("K") ? .killProcess : .closeGroup }),
            KeyBinding([.character("s")], "s", "start / stop recording to a CSV file in this folder", footer: "record", does: .toggleRecording),
            KeyBinding([.character("p")], "p", "open the preset list to switch scenario", footer: "presets", does: .openPresets),
            KeyBinding([.character("?")], "?", "show / hide this help", footer: "help", does: .toggleHelp),
            KeyBinding(
                keys: [.character("L"), .character("]"), .character("[")], label: "L ] [",
                help: "the lesson strip: L shows / hides it, ] next line, [ previous", footer: "lesson",
                action: { key in
                    switch key {
                    case .character("]"): .nextLessonLine
                    case .character("["): .previousLessonLine
                    default: .toggleLessonStrip
                    }
                }),
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
                hints.append((binding.label == "r/R" ? "r" : binding.label == "+" ? "+/-" : binding.label == "L ] [" ? "L" : binding.label, footer))
            }
        }
        hints.append((ascii ? "up/dn" : "↑↓", "select"))
        hints.append((ascii ? "<>" : "←→", "adjust"))
        let priority = ["q", "?", "space", "s", "p", "r", "L", ascii ? "up/dn" : "↑↓", ascii ? "<>" : "←→", "1-6", "tab", "g", "+/-", "c"]
        return hints.sorted { (priority.firstIndex(of: $0.key) ?? priority.count) < (priority.firstIndex(of: $1.key) ?? priority.count) }
    }
}
