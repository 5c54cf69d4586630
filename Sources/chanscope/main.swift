/// Placeholder entry point so the `screen` branch builds on its own; dropped at merge.
///
/// It doubles as a smoke test of the ncurses backend: `chanscope` shows a few widgets and the
/// last input event until `q`, Ctrl-C, SIGTERM or SIGHUP. `--ascii` forces ASCII glyphs.
import ChanscopeTUI
import Glibc

let glyphs = GlyphSet.detect(forceASCII: CommandLine.arguments.contains("--ascii"))
TerminalSignals.installQuitHandlers()
TerminalSignals.installCrashGuard()
let backend: NcursesBackend
do {
    backend = try NcursesBackend(options: .init(asciiOnly: glyphs.isASCII))
} catch {
    let message = "\(error)\n"
    _ = message.withCString { write(STDERR_FILENO, $0, strlen($0)) }
    exit(1)
}
TerminalSignals.setTerminalActive(true)
let terminal = Terminal(backend: backend)
var last = "none"
var value = 50.0
var history: [Double] = []
var tick = 0
var quitSignal: Int32?
loop: while true {
    if let signal = TerminalSignals.takeQuitSignal() { quitSignal = signal; break }
    tick += 1
    if tick == 5, getenv("CHANSCOPE_DEMO_CRASH") != nil { fatalError("demo crash") }
    history.append(Double((tick * 7) % 13))
    var sliderRect = Rect.zero
    let slider = Slider(label: "Wait", value: value, minimum: 0, maximum: 100, step: 5, unit: "ms",
                        isSelected: true, style: Style.plain.fg(.cyan), glyphs: glyphs)
    try terminal.draw { grid in
        let rows = grid.area.split(rows: [.fixed(1), .fill, .fixed(1)])
        TextLine(left: "chanscope screen demo", right: "tick \(tick)", style: Style.plain.bolded(),
                 ellipsis: glyphs.ellipsis).draw(in: rows[0], on: &grid)
        let panel = Panel(title: "work  bounded(8)", style: Style.plain.fg(.blue), glyphs: glyphs)
        panel.draw(in: rows[1], on: &grid)
        let inner = panel.inner(of: rows[1]).split(rows: [.fixed(1), .fixed(1), .fixed(1), .fixed(1), .fill])
        SlotRow(capacity: 8, filled: tick % 9, filledStyle: Style.plain.fg(.green), glyphs: glyphs)
            .draw(in: inner[0], on: &grid)
        Gauge(ratio: Double(tick % 101) / 100, label: "\(tick % 101)%", style: Style.plain.fg(.yellow),
              glyphs: glyphs).draw(in: inner[1], on: &grid)
        sliderRect = inner[2]
        slider.draw(in: inner[2], on: &grid)
        TextLine(left: "last event: \(last)", ellipsis: glyphs.ellipsis).draw(in: inner[3], on: &grid)
        Sparkline(values: history, style: Style.plain.fg(.magenta), glyphs: glyphs).draw(in: inner[4], on: &grid)
        KeyHints([(key: "q", text: "quit"), (key: "←/→", text: "adjust"), (key: "click", text: "set")],
                 ellipsis: glyphs.ellipsis).draw(in: rows[2], on: &grid)
    }
    guard let event = backend.readInput(timeoutMilliseconds: 100) else { continue }
    last = "\(event)"
    switch event {
    case .key(.character("q")), .key(.ctrlC): break loop
    case .key(.left): value = slider.snapped(value - 5)
    case .key(.right): value = slider.snapped(value + 5)
    case .mousePress(let x, let y) where y == sliderRect.y:
        if let v = slider.value(atColumn: x, in: sliderRect) { value = v }
    case .resize: terminal.invalidate()
    default: break
    }
}
backend.close()
TerminalSignals.setTerminalActive(false)
if let quitSignal {
    print("chanscope: stopped by signal \(quitSignal)")
    exit(128 + quitSignal)
}
print("chanscope: bye")
