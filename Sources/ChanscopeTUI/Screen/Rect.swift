/// A rectangle of cells, the area a widget may draw into.
///
/// WHY so many helpers: layout is done by cutting rects (ratatui's model), and every helper
/// clamps to non-negative sizes so tiny terminals give empty rects instead of traps.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    /// Makes a rect; negative sizes are clamped to zero.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The empty rect at the origin.
    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    /// True when the rect holds no cell.
    public var isEmpty: Bool { width <= 0 || height <= 0 }
    /// One past the last column.
    public var maxX: Int { x + width }
    /// One past the last row.
    public var maxY: Int { y + height }
    /// Number of cells.
    public var area: Int { width * height }

    public var description: String { "Rect(x: \(x), y: \(y), width: \(width), height: \(height))" }

    /// True when the cell at (`x`, `y`) lies inside.
    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }

    /// The part inside both rects; empty (at `self`'s origin) when they do not overlap.
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// The rect shrunk by `amount` on every side.
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    /// The rect shrunk per side; never smaller than empty.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let w = max(0, width - left - right)
        let h = max(0, height - top - bottom)
        return Rect(x: x + min(left, width), y: y + min(top, height), width: w, height: h)
    }

    /// The single row at `index` (0 = top), empty when out of range.
    public func row(_ index: Int) -> Rect {
        guard index >= 0, index < height else { return Rect(x: x, y: y + height, width: width, height: 0) }
        return Rect(x: x, y: y + index, width: width, height: 1)
    }

    /// How much of a split a part takes.
    public enum Extent: Hashable, Sendable {
        /// Exactly this many cells, or what is left if fewer.
        case fixed(Int)
        /// A share of what the fixed parts leave, by weight; the remainder goes to the first.
        case fill(Int)

        /// An even share of the leftover space.
        public static let fill = Extent.fill(1)
    }

    /// Cuts the rect into stacked rows, top to bottom, one per extent.
    public func split(rows extents: [Extent]) -> [Rect] {
        Rect.sizes(extents, total: height).reduce(into: [Rect]()) { parts, size in
            let top = parts.last.map(\.maxY) ?? y
            parts.append(Rect(x: x, y: top, width: width, height: size))
        }
    }

    /// Cuts the rect into side-by-side columns, left to right, one per extent.
    public func split(columns extents: [Extent]) -> [Rect] {
        Rect.sizes(extents, total: width).reduce(into: [Rect]()) { parts, size in
            let left = parts.last.map(\.maxX) ?? x
            parts.append(Rect(x: left, y: y, width: size, height: height))
        }
    }

    /// Sizes for a split: fixed parts first in order, then fills share the rest by weight.
    static func sizes(_ extents: [Extent], total: Int) -> [Int] {
        var remaining = max(0, total)
        var sizes = [Int](repeating: 0, count: extents.count)
        for (i, extent) in extents.enumerated() {
            if case .fixed(let n) = extent {
                sizes[i] = min(max(0, n), remaining)
                remaining -= sizes[i]
            }
        }
        let weights = extents.map { extent -> Int in
            if case .fill(let w) = extent { return max(0, w) }
            return 0
        }
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0 else { return sizes }
        var given = 0
        for (i, w) in weights.enumerated() where w > 0 {
            sizes[i] = remaining * w / totalWeight
            given += sizes[i]
        }
        if let first = weights.firstIndex(where: { $0 > 0 }) { sizes[first] += remaining - given }
        return sizes
    }
}
