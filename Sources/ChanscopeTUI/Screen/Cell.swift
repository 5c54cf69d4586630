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
    /// True for the right half of the wide character in the cell to the left.
    public private(set) var isContinuation: Bool

    /// Makes a cell; a control or zero-width character becomes `Cell.replacement`, so nothing a
    /// terminal could obey ever reaches it.
    public init(_ character: Character = " ", style: Style = .plain) {
        self.character = character.displayWidth == 0 ? Cell.replacement : character
        self.style = style
        isContinuation = false
    }

    /// The right half of a wide character drawn in `style`.
    public static func continuation(style: Style = .plain) -> Cell {
        var cell = Cell(" ", style: style)
        cell.isContinuation = true
        return cell
    }

    /// Columns this cell's character takes: 2 for a wide character, 1 otherwise, 0 for a
    /// continuation.
    public var width: Int {
        isContinuation ? 0 : (character.displayWidth == 2 ? 2 : 1)
    }

    /// Shown in place of a character that has no width of its own (a control, a lone mark).
    public static let replacement: Character = "?"

    /// A space in the default style: what a fresh grid holds.
    public static let blank = Cell()
}
