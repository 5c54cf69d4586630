extension Experiment {
    /// Every manager group's state as of `now` (experiment lock held), in group order.
    func managerReadings(now: UInt64) -> [ManagerSnapshot] {
        let database = control.database.reading
        var names: [Int32: String] = [:]
        for group in groups {
            for worker in group.workers + group.retired { names[worker.id] = "\(group.name)-\(worker.id)" }
        }
        return groups.compactMap { group in
            group.manager.map { manager in
                ManagerSnapshot(
                    group: group.name, core: manager.state, database: database,
                    starvingAfter: manager.starvingMilliseconds(knobs: knobs), now: now) { names[$0] ?? "worker \($0)" }
            }
        }
    }

    /// The managers' rows before anything runs, for a CSV header.
    var managerLayout: [ManagerSnapshot] {
        groups.compactMap { group in
            group.manager.map { manager in
                ManagerSnapshot(group: group.name, policy: manager.policy(knobs: knobs).rawValue,
                                starvingAfterMilliseconds: manager.starvingMilliseconds(knobs: knobs))
            }
        }
    }
}
