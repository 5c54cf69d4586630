/// One screen cell: a single character one column wide, and its style.
///
/// WHY width 1 only: a grid position must map to exactly one terminal column, otherwise a diff
/// would move text sideways. Characters of another width are replaced when the cell is made.
public struct Cell: Hashable, Sendable {
    /// What is drawn; always one terminal column wide.
    public private(set) var character: Character
    public var style: Style

    /// Makes a cell; a control, zero-width or wide character becomes `Cell.replacement`.
    public init(_ character: Character = " ", style: Style = .plain) {
        self.character = character.displayWidth == 1 ? character : Cell.replacement
        self.style = style
    }

    /// Shown in place of a character that is not one column wide.
    public static let replacement: Character = "?"

    /// A space in the default style: what a fresh grid holds.
    public static let blank = Cell()
}
