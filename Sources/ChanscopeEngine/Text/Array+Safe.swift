extension Array {
    /// The element at `index`, or nil outside the array: for look-ups by an index that a
    /// selection or an older reading holds, which may be out of date.
    public subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
