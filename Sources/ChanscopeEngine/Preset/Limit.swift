/// How many loop iterations a worker group runs in total before it finishes.
///
/// The count is shared by all workers of the group: for a producer it is the number of
/// messages it makes (the seeds' `max_work`). A value of 0, fixed or read from the knob,
/// means endless, so a `max_work` slider at 0 lets the experiment run until it is stopped;
/// a group with no `limit` at all is endless too.
public enum Limit: Sendable, Equatable {
    /// The limit is the current value of this knob (read live, so the slider can move it).
    case knob(String)
    /// The limit is this fixed number, 0 or more.
    case fixed(Int)
}
