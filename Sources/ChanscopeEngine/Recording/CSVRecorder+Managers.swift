/// A resource manager group's columns, after the group's own.
extension CSVRecorder {
    static let managerColumns = [
        "readers_inside", "writers_inside", "waiting_readers", "waiting_writers", "oldest_wait_reader_ms",
        "oldest_wait_writer_ms", "violations", "policy",
    ]

    /// `G.readers_inside ... G.policy` for a manager group, none for another.
    static func managerHeader(for manager: ManagerSnapshot?) -> [String] {
        guard let manager else { return [] }
        return managerColumns.map { "\(manager.group).\($0)" }
    }

    /// The same columns' values; an oldest wait is empty while nobody of the class waits.
    static func managerFields(for manager: ManagerSnapshot?) -> [String] {
        guard let m = manager else { return [] }
        return [
            String(m.readersInside), String(m.writersInside), String(m.waitingReaders), String(m.waitingWriters),
            m.oldestWaitReaderMilliseconds.map { fixed($0, 1) } ?? "", m.oldestWaitWriterMilliseconds.map { fixed($0, 1) } ?? "",
            String(m.violations), m.policy,
        ]
    }
}
