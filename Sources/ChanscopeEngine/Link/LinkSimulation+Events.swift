/// Time passing on the link: arrivals (forward and back) and retransmission timers, each handled
/// at the instant it is due, in time order.
extension LinkSimulation {
    /// When the next arrival or timer is due, if any.
    var nextEvent: UInt64? {
        let arrival = wire.min?.arrival
        let timer = nextTimer?.deadline
        switch (arrival, timer) {
        case let (a?, t?): return min(a, t)
        case let (a?, nil): return a
        case let (nil, t?): return t
        case (nil, nil): return nil
        }
    }

    /// The earliest retransmission deadline (ties: lowest sender, then lowest sequence number).
    var nextTimer: (sender: Int, sequence: UInt64, deadline: UInt64)? {
        guard protocolOn else { return nil }
        var best: (sender: Int, sequence: UInt64, deadline: UInt64)?
        for (id, state) in senders {
            for (sequence, pending) in state.unacked {
                if let b = best, (b.deadline, b.sender, b.sequence) <= (pending.deadline, id, sequence) { continue }
                best = (id, sequence, pending.deadline)
            }
        }
        return best
    }

    /// Handles everything due up to `now`, each at its own due time, so a late wake-up of the
    /// link's thread changes nothing but when the queue sees the result.
    mutating func advance(to now: UInt64, settings: LinkSettings) {
        apply(settings, now: now)
        while let due = nextEvent, due <= now {
            if let arrival = wire.min, arrival.arrival <= due {
                let transmission = wire.removeMin()
                arrive(transmission, settings: settings)
            } else if let timer = nextTimer {
                retransmit(timer.sender, timer.sequence, now: timer.deadline, settings: settings)
            }
        }
        // Every sender gone and nothing left to resend: a gap can no longer be filled.
        if openSenders == 0 && counters.onWire == 0 && senders.isEmpty { flushHeld() }
        while let first = roundTrips.first, now &- first.time > Self.rttWindow { roundTrips.removeFirst() }
    }

    private mutating func retransmit(_ sender: Int, _ sequence: UInt64, now: UInt64, settings: LinkSettings) {
        guard var pending = senders[sender]?.unacked[sequence] else { return }
        pending.retries += 1
        pending.deadline = now &+ settings.timeoutNanos
        senders[sender]?.unacked[sequence] = pending
        counters.retransmitted &+= 1
        transmit(pending.message, from: sender, sequence: sequence, now: now, settings: settings)
    }

    private mutating func arrive(_ transmission: LinkTransmission, settings: LinkSettings) {
        let now = transmission.arrival
        switch transmission.frame {
        case .ack(let ack):
            counters.acksOnWire &-= 1
            counters.acksArrived &+= 1
            guard protocolOn, ack.epoch == epoch, senders[ack.sender]?.unacked.removeValue(forKey: ack.sequence) != nil else { return }
            retireIfDone(ack.sender)
            recordRoundTrip(now &- min(now, ack.echo), now: now)
        case .data(let frame):
            counters.onWire &-= 1
            counters.arrived &+= 1
            land(frame.order)
            guard protocolOn, frame.sequence > 0, frame.epoch == epoch else {
                deliver(frame.message, duplicate: frame.isCopy)
                return
            }
            acknowledge(frame, now: now, settings: settings)
            receive(frame, dedup: settings.dedup)
        }
    }

    /// The receiver's part: deliver in sequence, hold back what is early, and deal with copies.
    private mutating func receive(_ frame: LinkTransmission.DataFrame, dedup: Bool) {
        // Taken out and put back, so its dictionary is not copied on every arrival.
        var state = receivers.removeValue(forKey: frame.sender) ?? ReceiverState()
        defer { receivers[frame.sender] = state }
        let sequence = frame.sequence
        let seenBefore = sequence < state.expected || state.held[sequence] != nil
        if seenBefore {
            if dedup {
                counters.dupDiscarded &+= 1
            } else {
                deliver(frame.message, duplicate: true)
            }
            return
        }
        guard sequence == state.expected else {
            state.held[sequence] = frame.message
            counters.heldOutOfOrder &+= 1
            return
        }
        deliver(frame.message, duplicate: false)
        state.expected += 1
        while let next = state.held.removeValue(forKey: state.expected) {
            counters.heldOutOfOrder &-= 1
            deliver(next, duplicate: false)
            state.expected += 1
        }
    }

    /// A data transmission of `order` arrived: it overtook one if an earlier one is still out.
    private mutating func land(_ order: UInt64) {
        let index = Int(order &- orderBase)
        guard inFlight.indices.contains(index) else { return }
        // The first entry is always one still out (landed ones are trimmed), so anything after
        // it overtook it.
        if index > 0 { counters.reordered &+= 1 }
        inFlight[index] = false
        while inFlight.first == false {
            inFlight.removeFirst()
            orderBase &+= 1
        }
    }
}
