import Channels

/// The outlets one worker has opened to other workers' mailboxes, made on its first reply to
/// each, closed with the worker's other handles.
///
/// WHY per worker and not the directory's sender: stopping a worker closes its own handles, and
/// a reply blocked on a full mailbox must return `cancelled` then, as a blocked send does.
final class ReplyOutlets: Sendable {
    private struct State {
        var outlets: [Int32: any MessageOutlet] = [:]
        var closed = false
    }

    /// (`Locked`, not `Mutex`: the thread sanitizer misreads a `Mutex` holding class instances.)
    private let state = Locked(State())

    /// The outlet to `owner`'s mailbox (made on first use), or nil once closed or when the
    /// owner has no mailbox.
    func outlet(to owner: Int32, in directory: MailboxDirectory) -> (any MessageOutlet)? {
        state.withLock { state in
            guard !state.closed else { return nil }
            if let outlet = state.outlets[owner] { return outlet }
            guard let mailbox = directory.mailbox(of: owner) else { return nil }
            let outlet = ChannelRoute(channel: mailbox.channel).makeOutlet()
            state.outlets[owner] = outlet
            return outlet
        }
    }

    /// Closes every outlet (a blocked reply returns `cancelled`); idempotent.
    func close() {
        let outlets = state.withLock { state in
            state.closed = true
            return Array(state.outlets.values)
        }
        for outlet in outlets { outlet.close() }
    }
}
