extension ChannelState {
    // MARK: Handles

    mutating func addSender() { liveSenders += 1 }
    mutating func addReceiver() { liveReceivers += 1 }

    /// One sender handle is gone; the last one lets receivers drain and then disconnect.
    mutating func removeSender(wakeups: inout Wakeups) {
        liveSenders -= 1
        // Everyone re-checks: the last sender disconnects receivers, and a parked thread whose
        // own handle was closed must notice.
        wakeups.formUnion(.everyone)
    }

    /// One receiver handle is gone; the last one discards the queue and fails every sender.
    mutating func removeReceiver(wakeups: inout Wakeups) {
        liveReceivers -= 1
        if liveReceivers == 0 {
            discarded &+= UInt64(queue.count)
            queue.removeAll()
            discarded &+= UInt64(priority.removeAll())
            offers.removeAll()  // returned: their senders retry and fail as disconnected
        }
        wakeups.formUnion(.everyone)
    }

    // MARK: Changing the kind

    /// Switches kind or capacity live.
    ///
    /// Growing takes effect at once. Shrinking keeps a bounded queue as it is (sends wait until it
    /// drains); `dropping` evicts the newest and `overwriting` the oldest until the queue fits,
    /// each eviction counted as overwritten. A rendezvous keeps queued messages receivable;
    /// leaving rendezvous hands pending offers back to their senders, who retry under the new kind.
    /// Switching to `priority` sorts the queue into its levels (each message keeps its stamp, an
    /// unstamped one the time of the stamped one before it); leaving `priority` queues the
    /// messages in the order they arrived, and a shrunk priority channel keeps its excess like
    /// a bounded one.
    ///
    /// `now` stamps messages moving into the priority store before any stamped one (both locks).
    mutating func setKind(_ newKind: ChannelKind, now: UInt64 = 0, wakeups: inout Wakeups) {
        let newKind = newKind.normalized
        let wasPriority = kind.isPriority
        kind = newKind
        if newKind.isPriority && !wasPriority {
            moveRingIntoPriority(now: now)
        } else if !newKind.isPriority && wasPriority {
            for entry in priority.removeAllInArrivalOrder() { queue.append(entry.element, stamp: entry.acceptedAt) }
        }
        if let capacity = newKind.capacity, capacity <= 1 << 16, !newKind.isPriority { queue.reserveCapacity(capacity) }
        switch newKind {
        case .dropping(let capacity):
            while queue.count > capacity {
                queue.removeLast()
                overwritten &+= 1
            }
        case .overwriting(let capacity):
            while queue.count > capacity {
                _ = queue.popFirst()
                overwritten &+= 1
            }
        default:
            break
        }
        if newKind != .rendezvous {
            offers.removeAll()
        }
        wakeups.formUnion(.everyone)
    }

    /// Sorts the ring's messages into the priority store, oldest first, keeping their stamps;
    /// unstamped ones (see `StampPacer`) take the stamp of the stamped message before them, and
    /// those before any the first stamp there is (or `now`), so each level stays in time order.
    private mutating func moveRingIntoPriority(now: UInt64) {
        var taken: [(element: Element, stamp: UInt64)] = []
        taken.reserveCapacity(queue.count)
        while let entry = queue.popFirst() { taken.append(entry) }
        var last = taken.first(where: { $0.stamp != 0 })?.stamp ?? now
        for entry in taken {
            if entry.stamp != 0 { last = entry.stamp }
            priority.insert(entry.element, acceptedAt: last)
        }
    }
}
