import Channels

/// The words a group's `select` takes, and the order each means.
enum SelectOrderWord: String, CaseIterable {
    case ordered, fair

    var order: Select.Order { self == .ordered ? .ordered : .fair }
}
