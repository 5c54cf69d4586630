/// Where each part of the screen goes for a terminal size and what there is to show.
///
/// One pure function decides the layout, and both drawing and mouse hit-testing use it, so a
/// click always lands on what was drawn. Parts are given room in order of importance — title,
/// footer, channels, workers, knobs, events — and shrink (fewer lines per channel, a scrolling
/// knob list, no section headings) before anything is left out.
public struct ScreenLayout: Equatable, Sendable {
    /// The smallest terminal the full screen works in; below it a message asks for more room.
    public static let minimumWidth = 40
    public static let minimumHeight = 10

    public var size: TerminalSize
    public var tooSmall: Bool
    public var title: Rect
    public var banner: Rect
    /// The lesson strip under the title (empty when it is off).
    public var lesson: Rect
    public var footer: Rect
    public var channelsHeading: Rect
    /// One rect per channel, each 1 to 3 lines high, or up to 10 with a depth chart when there is room.
    public var channels: [Rect]
    /// One row per group with mailboxes, under the channels.
    public var mailboxes: [Rect] = []
    public var groupsHeading: Rect
    public var groups: [Rect]
    /// Two rows per readers-writers manager, under the groups.
    public var managers: [Rect] = []
    public var legend: Rect
    public var knobsHeading: Rect
    /// A knob shown: its index into the snapshot's knobs and the row it is drawn in.
    public struct KnobSlot: Equatable, Sendable {
        public var index: Int
        public var rect: Rect
    }

    /// The knobs shown, in drawing order.
    public var knobs: [KnobSlot]
    public var eventsHeading: Rect
    public var events: Rect

    /// Lays out `channelCount` channels, `groupCount` groups and `knobCount` knobs.
    ///
    /// `chartlessChannels`: channels whose panel draws no depth chart (a rendezvous that never
    /// held anything); spare rows go to the other channels and the event log instead.
    public init(
        size: TerminalSize, channelCount: Int, groupCount: Int, knobCount: Int, selectedKnob: Int, showBanner: Bool,
        chartlessChannels: Set<Int> = [], lessonLines: Int = 0, mailboxCount: Int = 0, managerCount: Int = 0,
        linkedChannels: Set<Int> = []
    ) {
        self.size = size
        let zero = Rect.zero
        (title, banner, lesson, footer, channelsHeading, groupsHeading, legend, knobsHeading, eventsHeading, events) =
            (zero, zero, zero, zero, zero, zero, zero, zero, zero, zero)
        channels = []
        groups = []
        knobs = []
        tooSmall = size.width < ScreenLayout.minimumWidth || size.height < ScreenLayout.minimumHeight
        guard !tooSmall else { return }

        let width = size.width
        title = Rect(x: 0, y: 0, width: width, height: 1)
        footer = Rect(x: 0, y: size.height - 1, width: width, height: 1)
        var top = 1
        if showBanner {
            banner = Rect(x: 0, y: 1, width: width, height: 1)
            top = 2
        }
        if lessonLines > 0 {
            let lines = min(lessonLines, max(0, size.height - 1 - top - 6))
            lesson = Rect(x: 0, y: top, width: width, height: lines)
            top += lines
        }
        let available = size.height - 1 - top

        // Choose lines per channel, headings and knob columns so the essentials fit.
        let knobColumns = width >= 120 && knobCount > 3 ? 2 : 1
        let knobRows = (knobCount + knobColumns - 1) / knobColumns
        var linesPerChannel = 3
        var headings = true
        var withLegend = true
        func need(knobRowsShown: Int, events: Int) -> Int {
            let headingCount = headings ? (3 + (events > 0 ? 1 : 0)) : 0
            return headingCount + channelCount * linesPerChannel + mailboxCount + groupCount + managerCount * ManagerRowView.rows + (withLegend ? 1 : 0) + knobRowsShown + events
        }
        var knobRowsShown = knobRows
        if need(knobRowsShown: knobRowsShown, events: 3) > available { withLegend = false }
        if need(knobRowsShown: knobRowsShown, events: 2) > available { linesPerChannel = 2 }
        if need(knobRowsShown: knobRowsShown, events: 0) > available { headings = false }
        if need(knobRowsShown: knobRowsShown, events: 0) > available {
            knobRowsShown = max(1, knobRows - (need(knobRowsShown: knobRowsShown, events: 0) - available))
        }
        if need(knobRowsShown: knobRowsShown, events: 0) > available { linesPerChannel = 1 }
        if need(knobRowsShown: knobRowsShown, events: 0) > available { knobRowsShown = 0 }
        // Spare room (a big terminal, a projector): a tall depth chart under each channel, as
        // long as the event log keeps a useful height.
        let spare = available - need(knobRowsShown: knobRowsShown, events: 0)
        let charted = channelCount - chartlessChannels.filter { $0 < channelCount }.count
        var chartLines = 0
        if linesPerChannel == 3, charted > 0, spare >= 8 + charted * 3 {
            chartLines = min(7, (spare - 8) / charted)
        }
        // A linked channel's two link lines, where three lines per channel fit and the events keep room.
        let linked = linkedChannels.filter { $0 < channelCount }.count
        let linkLines = linesPerChannel == 3 && spare - chartLines * charted >= 3 + 2 * linked ? 2 : 0
        let eventLines = max(0, available - need(knobRowsShown: knobRowsShown, events: 0) - chartLines * charted - linkLines * linked)

        var y = top
        func take(_ height: Int) -> Rect {
            let clipped = max(0, min(height, size.height - 1 - y))
            defer { y += clipped }
            return Rect(x: 0, y: y, width: width, height: clipped)
        }
        if headings { channelsHeading = take(1) }
        channels = (0..<channelCount).map {
            take(linesPerChannel + (chartlessChannels.contains($0) ? 0 : chartLines) + (linkedChannels.contains($0) ? linkLines : 0))
        }
        mailboxes = (0..<mailboxCount).map { _ in take(1) }
        if headings { groupsHeading = take(1) }
        groups = (0..<groupCount).map { _ in take(1) }
        managers = (0..<managerCount).map { _ in take(ManagerRowView.rows) }
        if withLegend { legend = take(1) }
        if headings && knobRowsShown > 0 { knobsHeading = take(1) }
        // Scroll the knob list so the selected knob is always on screen.
        let selectedRow = min(max(0, selectedKnob), max(0, knobCount - 1)) / knobColumns
        let firstRow = knobRowsShown >= knobRows ? 0 : min(max(0, selectedRow - knobRowsShown / 2), knobRows - knobRowsShown)
        let knobArea = take(knobRowsShown)
        let columnWidth = knobColumns == 1 ? width : (width - 2) / 2
        for row in 0..<knobArea.height {
            for column in 0..<knobColumns {
                let index = (firstRow + row) * knobColumns + column
                guard index < knobCount else { continue }
                knobs.append(KnobSlot(index: index, rect: Rect(x: column * (columnWidth + 2), y: knobArea.y + row, width: columnWidth, height: 1)))
            }
        }
        if headings && eventLines > 0 { eventsHeading = take(1) }
        events = take(eventLines)
    }
}
