/// One screen cell: a character and its style, or the right half of a wide character.
///
/// WHY a continuation cell: a wide character (CJK, most emoji) takes two terminal columns, and a
/// grid position must map to exactly one column, otherwise a diff would move text sideways. So
/// the character sits in its left cell and the cell to its right is marked as its
/// continuation, which the backend never writes (the terminal fills it with the character).
public struct Cell: Hashable, Sendable {
    /// What is drawn: one or two columns wide (a space in a continuation cell).
    public private(set) var character: Character
    public var style: Style
    /// Columns this cell's character takes: 2 for a wide character, 1 otherwise, 0 for a
    /// continuation (worked out once, as the grid asks for it on every write).
    public private(set) var width: Int

    /// Makes a cell; a control or zero-width character becomes `Cell.replacement`, so nothing a
    /// terminal could obey ever reaches it.
    public init(_ character: Character = " ", style: Style = .plain) {
        let columns = character.displayWidth
        self.character = columns == 0 ? Cell.replacement : character
        self.style = style
        width = columns == 2 ? 2 : 1
    }

    /// The right half of a wide character drawn in `style`.
    public static func continuation(style: Style = .plain) -> Cell {
        var cell = Cell(" ", style: style)
        cell.width = 0
        return cell
    }

    /// True for the right half of the wide character in the cell to the left.
    public var isContinuation: Bool { width == 0 }

    /// Shown in place of a character that has no width of its own (a control, a lone mark).
    public static let replacement: Character = "?"

    /// A space in the default style: what a fresh grid holds.
    public static let blank = Cell()
}
