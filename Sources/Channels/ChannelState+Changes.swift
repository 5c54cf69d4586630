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
    mutating func setKind(_ newKind: ChannelKind, wakeups: inout Wakeups) {
        let newKind = newKind.normalized
        kind = newKind
        if let capacity = newKind.capacity, capacity <= 1 << 16 { queue.reserveCapacity(capacity) }
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
}
