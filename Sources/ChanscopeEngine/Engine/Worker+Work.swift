/// The `work` step: time spent like a sleep, but shown as working, or as reading or writing
/// inside the readers-writers database.
extension Worker {
    /// Spends the knob's milliseconds (± `jitter` of them, as a sleep) in state `working`, `reading` or `writing`; with an
    /// access the worker is inside the experiment's database for the whole time, which checks
    /// its entry (`RWSharedDatabase`).
    func work(knob: Int, jitter: Double, as access: RWAccess?) {
        switch access {
        case .read?: counters.set(.reading)
        case .write?: counters.set(.writing)
        case nil: counters.set(.working)
        }
        if let access { control.database.enter(access) }
        sleep(knob: knob, jitter: jitter)
        if let access { control.database.leave(access) }
        counters.set(.working)
    }
}
