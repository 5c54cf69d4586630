/// A kernel object a channel can be, between separate OS processes (preset `transport:`).
///
/// With a transport, each group that uses the channel runs in a worker process of its own and
/// the kernel holds the queue: the screen shows the kernel's own fill figures and names its
/// behaviour as the kernel does (`pipe_write`, `EAGAIN`, end of file, `EPIPE`).
public enum Transport: String, Sendable, Equatable, CaseIterable {
    /// An unnamed pipe (`pipe(2)`) between related processes: the parent makes it and hands
    /// each child one end.
    case pipe
    /// A named pipe (`mkfifo(3)`): each process opens the path itself, as unrelated ones would.
    case fifo

    /// What the screen calls it.
    public var title: String {
        switch self {
        case .pipe: "pipe"
        case .fifo: "named pipe (FIFO)"
        }
    }

    /// The names a preset may write, for messages.
    public static var allNames: [String] { allCases.map(\.rawValue) }

    /// The channel kinds a transport can behave as: a blocking write (`bounded`) or a
    /// non-blocking one whose `EAGAIN` counts as dropped (`dropping`).
    public static let kindNames = ["bounded", "dropping"]
}
