import ChanscopeEngine

/// The number of terminal columns text takes on the screen.
///
/// WHY not `count`: a CJK character or an emoji takes two columns, and a control character is
/// shown escaped (`\u{1B}`, see `terminalSafe`), so laying out by characters would misalign
/// every column after such a name.
extension String {
    /// Columns `Grid.put` uses to write this text.
    public var displayWidth: Int {
        terminalSafe.reduce(0) { $0 + Cell($1).width }
    }
}
