/// How the readers-writers resource manager decides whom to let in next.
///
/// The names are what a preset's choice knob lists (`policy: { choices: [readers-first,
/// writers-first, fair, as-written], value: readers-first }`) and what the screen and CSV show.
public enum RWPolicy: String, CaseIterable, Sendable, CustomStringConvertible {
    /// New readers come in while any reader is inside, even past waiting writers: writers can
    /// starve while readers keep arriving.
    case readersFirst = "readers-first"
    /// No new reader comes in while a writer waits: readers can starve while writers keep
    /// arriving.
    case writersFirst = "writers-first"
    /// In arrival order, consecutive readers together: nobody starves.
    case fair
    /// The course's skeleton as written: a request that cannot be granted at once is ignored,
    /// and nothing is signalled when the resource frees, so its sender waits forever.
    case asWritten = "as-written"

    public var description: String { rawValue }

    /// Every policy name, in the order a preset usually lists them.
    public static var names: [String] { allCases.map(\.rawValue) }
}
