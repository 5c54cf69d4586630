import ChanscopeEngine
import Foundation
import Testing

@testable import ChanscopeTUI

/// The whole screen for hand-built snapshots, compared with reviewed text files.
///
/// Goldens live in `Golden/NAME-WxH.txt` next to this file (found through `#filePath`, so
/// `CHANSCOPE_UPDATE_GOLDEN=1 swift test --filter ScreenGoldenTests` rewrites the reviewed
/// copies in the source tree, not a build-folder copy). Trailing blanks are trimmed on both
/// sides so an editor cannot break a golden.
@Suite struct ScreenGoldenTests {
    static let sizes: [TerminalSize] = [TerminalSize(width: 80, height: 24), TerminalSize(width: 120, height: 40)]

    static func render(_ state: AppState, _ size: TerminalSize, theme: Theme = Theme()) -> Grid {
        var grid = Grid(width: size.width, height: size.height)
        ScreenView.render(state, theme: theme, on: &grid)
        return grid
    }

    static func text(_ grid: Grid) -> String {
        grid.lines().map { line in String(line.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n") + "\n"
    }

    static func goldenURL(_ name: String, _ size: TerminalSize, file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Golden")
            .appendingPathComponent("\(name)-\(size.width)x\(size.height).txt")
    }

    static var updating: Bool { ProcessInfo.processInfo.environment["CHANSCOPE_UPDATE_GOLDEN"] == "1" }

    /// Compares `grid` with the golden `name`, or rewrites it when updating.
    static func checkGolden(_ grid: Grid, name: String, size: TerminalSize, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = goldenURL(name, size)
        let actual = text(grid)
        if updating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden \(url.path); run with CHANSCOPE_UPDATE_GOLDEN=1 and review it", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            var diff: [String] = []
            for row in 0..<max(expectedLines.count, actualLines.count) {
                let e = row < expectedLines.count ? String(expectedLines[row]) : "<none>"
                let a = row < actualLines.count ? String(actualLines[row]) : "<none>"
                if e != a { diff.append("row \(row):\n  golden: \(e)\n  actual: \(a)") }
            }
            Issue.record("screen differs from \(url.lastPathComponent):\n\(diff.joined(separator: "\n"))\n\nactual screen:\n\(actual)", sourceLocation: sourceLocation)
        }
    }

    static func scenario(_ name: String) -> Fixtures.Scenario { Fixtures.all.first { $0.name == name }! }

    @Test(arguments: Fixtures.all.map(\.name), ScreenGoldenTests.sizes)
    func goldenScreen(name: String, size: TerminalSize) throws {
        let state = Fixtures.state(Self.scenario(name))
        #expect(state.previous != nil, "two snapshots received, so the last interval can be compared")
        try Self.checkGolden(Self.render(state, size), name: name, size: size)
    }

    /// The word each situation must show, whatever the golden says.
    @Test(arguments: [
        ("idle", "idle"), ("backpressure", "BACKPRESSURE: senders blocked 64% of the time"), ("drops", "DROPPING: 4 new messages dropped in 2 s"),
        ("deadlock", "DEADLOCK  A -> ab -> B -> ba -> A"), ("deadlock", "HAND-OFF WAIT"),
        ("disconnect", "DISCONNECTED: no senders"), ("disconnect", "CLOSED"), ("disconnect", "every sender is gone"),
        ("growing", "work  unbounded  GROWING +15/s"), ("growing", "producer ▶"), ("growing", "1 send-blocked"),
    ], ScreenGoldenTests.sizes)
    func situationIsNamedOnScreen(_ pair: (String, String), size: TerminalSize) {
        let screen = Self.render(Fixtures.state(Self.scenario(pair.0)), size).lines().joined(separator: "\n")
        #expect(screen.contains(pair.1), "\(pair.0) at \(size) should show \"\(pair.1)\":\n\(screen)")
    }

    @Test("a rendezvous and an unbounded channel have no capacity slider", arguments: ScreenGoldenTests.sizes)
    func noCapacitySliderWithoutCapacity(size: TerminalSize) {
        for name in ["deadlock", "growing"] {
            let screen = Self.render(Fixtures.state(Self.scenario(name)), size).lines().joined(separator: "\n")
            #expect(!screen.contains("capacity"), "\(name) at \(size):\n\(screen)")
        }
    }

    @Test(arguments: ScreenGoldenTests.sizes)
    func essentialsAreOnScreen(size: TerminalSize) {
        let lines = Self.render(Fixtures.state(Fixtures.backpressure), size).lines()
        #expect(lines[0].contains("chanscope  Producer and consumer"))
        #expect(lines[0].contains("running"))
        #expect(lines.contains { $0.contains("work  bounded(8)") })
        #expect(lines.contains { $0.contains("producer") && $0.contains("64%") })
        #expect(lines.contains { $0.contains("Producer wait") && $0.contains("100 ms") })
        #expect(lines.last!.contains("q quit"))
        #expect(lines.contains { $0.contains("started Producer and consumer") })
    }

    @Test("the worker legend names every glyph from 97 columns up, closing up its spacing to fit",
          arguments: [97, 100, 106, 120])
    func legendNamesEveryState(width: Int) {
        let lines = Self.render(Fixtures.state(Fixtures.backpressure), TerminalSize(width: width, height: 30)).lines()
        let legend = lines.first { $0.contains("working") && $0.contains("sleeping") }
        #expect(legend?.contains("✓ finished") == true && legend?.contains("✗ disconnected") == true,
                "at \(width) columns: \(legend ?? "no legend")")
    }

    @Test("at 80 columns the legend keeps every glyph a row shows: a killed worker's † is not the one cut off")
    func narrowLegendKeepsWhatRowsShow() {
        var scenario = Fixtures.backpressure
        for index in scenario.snapshots.indices { scenario.snapshots[index].groups[1].workerStates = [.killed] }
        let lines = Self.render(Fixtures.state(scenario), TerminalSize(width: 80, height: 24)).lines()
        let legend = lines.first { $0.contains("● working") }
        #expect(legend?.contains("† killed") == true, "\(legend ?? "no legend")")
        #expect(legend?.contains("▶ send-blocked") == true, "the producer's state too: \(legend ?? "no legend")")
    }

    @Test func theHeadlineIsTheEnginesSituation() {
        // The engine decides the word (SnapshotBuilderTests cover when); the panel shows it.
        var scenario = Fixtures.drops
        scenario.snapshots[1].channels[0].situation = ChannelSituation(.full)
        let screen = Self.render(Fixtures.state(scenario), Self.sizes[0]).lines().joined(separator: "\n")
        #expect(!screen.contains("DROPPING"))
        #expect(screen.contains("dropping(8)  FULL"))
        #expect(screen.contains("dropped 14"))
    }

    // MARK: Small and odd sizes

    @Test(arguments: [(0, 0), (1, 1), (2, 1), (1, 3), (39, 9), (40, 9), (39, 10), (40, 10), (60, 15), (41, 12), (200, 5), (5, 200), (300, 80)])
    func anySizeRendersWithoutTrapping(width: Int, height: Int) {
        for scenario in Fixtures.all {
            var state = Fixtures.state(scenario)
            for overlay in [AppState.Overlay.none, .help, .presets([AppState.PresetEntry(name: "x", line: "x: a preset", path: "/x.yaml", isValid: true)])] {
                state.overlay = overlay
                let grid = Self.render(state, TerminalSize(width: width, height: height))
                #expect(grid.lines().count == height)
                #expect(grid.lines().allSatisfy { $0.count == width })
            }
        }
        var empty = AppState(presetName: "none")
        let grid = Self.render(empty, TerminalSize(width: width, height: height))
        #expect(grid.lines().count == height)
        empty.overlay = .help
        _ = Self.render(empty, TerminalSize(width: width, height: height))
    }

    @Test func tooSmallAsksToEnlarge() {
        let lines = Self.render(Fixtures.state(Fixtures.backpressure), TerminalSize(width: 39, height: 9)).lines()
        let screen = lines.joined(separator: "\n")
        #expect(screen.contains("enlarge"))
        #expect(screen.contains("39x9"))
        #expect(!screen.contains("work"))
    }

    @Test func compactLayoutKeepsTitleChannelsAndFooter() throws {
        let size = TerminalSize(width: 60, height: 15)
        for scenario in Fixtures.all {
            let lines = Self.render(Fixtures.state(scenario), size).lines()
            #expect(lines[0].contains("chanscope"), "\(scenario)")
            #expect(lines.last!.contains("q quit"), "\(scenario)")
            for channel in scenario.snapshots[1].channels {
                #expect(lines.contains { $0.contains("\(channel.name)  \(channel.kind.description)") }, "\(scenario): \(channel.name)")
            }
            #expect(!lines.joined().contains("enlarge"))
        }
        try Self.checkGolden(Self.render(Fixtures.state(Fixtures.backpressure), size), name: "backpressure", size: size)
    }

    @Test func helpOverlayGolden() throws {
        var state = Fixtures.state(Fixtures.backpressure)
        state.overlay = .help
        try Self.checkGolden(Self.render(state, Self.sizes[0]), name: "help", size: Self.sizes[0])
    }

    @Test("on a short terminal the help scrolls down to the end of the lesson, and ? opens it at the top")
    func helpScrollsToTheLesson() throws {
        var state = Fixtures.state(Fixtures.backpressure)
        let lessonLast = try #require(state.lesson.split(separator: "\n").last.map(String.init))
        _ = state.update(.key(.character("?")))
        let size = Self.sizes[0]
        let top = Self.render(state, size).lines().joined(separator: "\n")
        #expect(!top.contains(lessonLast.prefix(40)), "the 80x24 help starts with the keys")
        for _ in 0..<40 { _ = state.update(.key(.down)) }
        #expect(state.overlay == .help, "down scrolls the help instead of closing it")
        let bottom = Self.render(state, size).lines().joined(separator: "\n")
        #expect(bottom.contains(lessonLast.prefix(40)), "scrolled to the end:\n\(bottom)")
        #expect(bottom.contains("Lesson: "))
        // At the bottom, the first up-arrow scrolls back at once (the scroll stops where the
        // last row shows at this size, not at a guessed one).
        _ = state.update(.key(.up))
        let oneUp = Self.render(state, size).lines().joined(separator: "\n")
        #expect(oneUp != bottom, "one up-arrow at the bottom of the help moves it")
        _ = state.update(.key(.character("?")))
        _ = state.update(.key(.character("?")))
        #expect(state.helpScroll == 0)
    }

    @Test("lesson lines wrap at spaces to the help box; a word longer than the box is cut")
    func lessonLinesWrap() {
        #expect(HelpOverlayView.wrap("the queue fills to its capacity", width: 12) == ["the queue", "fills to its", "capacity"])
        #expect(HelpOverlayView.wrap("short", width: 12) == ["short"])
        #expect(HelpOverlayView.wrap("abcdefghijklmnop xy", width: 6) == ["abcdef", "ghijkl", "mnop", "xy"])
    }

    // MARK: Themes

    @Test(arguments: Fixtures.all.map(\.name), [TerminalSize(width: 80, height: 24), TerminalSize(width: 120, height: 40), TerminalSize(width: 60, height: 15)])
    func asciiThemeDrawsOnlyASCII(name: String, size: TerminalSize) throws {
        var state = Fixtures.state(Self.scenario(name), ascii: true)
        for overlay in [AppState.Overlay.none, .help] {
            state.overlay = overlay
            let grid = Self.render(state, size, theme: Theme(glyphs: .ascii))
            let offending = grid.cells.filter { !$0.character.isASCII }.map(\.character)
            #expect(offending.isEmpty, "non-ASCII \(Set(offending)) in \(name) \(overlay) at \(size):\n\(grid.lines().joined(separator: "\n"))")
        }
    }

    @Test(arguments: [TerminalSize(width: 80, height: 24), TerminalSize(width: 30, height: 5)])
    func asciiThemeBeforeTheFirstSnapshotAndInThePresetList(size: TerminalSize) {
        var state = AppState(presetName: "Producer and consumer", lesson: Fixtures.lesson, ascii: true)
        var grids = [Self.render(state, size, theme: Theme(glyphs: .ascii))]
        state = Fixtures.state(Fixtures.backpressure, ascii: true)
        state.recordingPath = "chanscope-x.csv"
        state.flash = "a long flash message that does not fit in the title line at all, not at all"
        _ = state.update(.presetListLoaded([AppState.PresetEntry(name: "backpressure", line: "backpressure  A fast producer", path: "/p.yaml", isValid: true)]))
        grids.append(Self.render(state, size, theme: Theme(glyphs: .ascii)))
        _ = state.update(.presetListLoaded([]))
        grids.append(Self.render(state, size, theme: Theme(glyphs: .ascii)))
        for grid in grids {
            let offending = grid.cells.filter { !$0.character.isASCII }.map(\.character)
            #expect(offending.isEmpty, "non-ASCII \(Set(offending)) at \(size):\n\(grid.lines().joined(separator: "\n"))")
        }
    }

    @Test(arguments: Fixtures.all.map(\.name))
    func asciiGolden(name: String) throws {
        let size = Self.sizes[0]
        let grid = Self.render(Fixtures.state(Self.scenario(name), ascii: true), size, theme: Theme(glyphs: .ascii))
        try Self.checkGolden(grid, name: "ascii-" + name, size: size)
    }

    @Test(arguments: Fixtures.all.map(\.name))
    func monochromeThemeUsesNoColour(name: String) {
        var state = Fixtures.state(Self.scenario(name))
        state.recordingPath = "chanscope-x.csv"
        state.flash = "cannot record"
        for overlay in [AppState.Overlay.none, .help, .presets([AppState.PresetEntry(name: "bad", line: "bad: broken", path: "/b", isValid: false)])] {
            state.overlay = overlay
            for size in Self.sizes + [TerminalSize(width: 60, height: 15), TerminalSize(width: 30, height: 5)] {
                let grid = Self.render(state, size, theme: Theme(monochrome: true))
                let coloured = grid.cells.filter { $0.style.foreground != .default || $0.style.background != .default }
                #expect(coloured.isEmpty, "\(name) \(overlay) \(size): \(coloured.prefix(3))")
            }
        }
        // Monochrome still marks alarms: the headline is bold.
        let grid = Self.render(Fixtures.state(Fixtures.backpressure), Self.sizes[0], theme: Theme(monochrome: true))
        let row = grid.lines().firstIndex { $0.contains("BACKPRESSURE") }!
        let column = grid.lines()[row].distance(from: grid.lines()[row].startIndex, to: grid.lines()[row].firstRange(of: "BACKPRESSURE")!.lowerBound)
        #expect(grid[column, row].style.bold)
    }

    @Test func colourThemeColoursTheAlarm() {
        let grid = Self.render(Fixtures.state(Fixtures.backpressure), Self.sizes[0])
        let row = grid.lines().firstIndex { $0.contains("BACKPRESSURE") }!
        let line = grid.lines()[row]
        let column = line.distance(from: line.startIndex, to: line.firstRange(of: "BACKPRESSURE")!.lowerBound)
        #expect(grid[column, row].style.foreground != .default)
    }
}

extension ScreenGoldenTests {
    @Test(arguments: [80, 100, 160])
    func recordingMarkNeverHidesTheStateOrTheClock(width: Int) {
        var state = Fixtures.state(Fixtures.backpressure)
        state.recordingPath = "chanscope-producer-and-consumer-20261123-191616.csv"
        state.recordedRows = 42
        let title = Self.render(state, TerminalSize(width: width, height: 24)).lines()[0]
        #expect(title.contains("chanscope  Producer and consumer  ▶ running  00:12.6"), "\(title)")
        #expect(title.contains("● REC"), "\(title)")
        #expect(title.contains("(42 rows)"), "\(title)")
        #expect(title.contains(state.recordingPath!) == (width >= 160), "\(title)")
    }
}
