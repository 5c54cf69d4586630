/// Something that draws itself into a rect of a grid, and nowhere else.
///
/// WHY a protocol: widgets are pure values (ratatui's `Widget`); the shared contract lets tests
/// check every widget the same way (zero and tiny areas, a sentinel-filled grid).
public protocol Widget {
    /// Draws into the part of `rect` that lies inside `grid`; never touches other cells.
    func draw(in rect: Rect, on grid: inout Grid)
}
