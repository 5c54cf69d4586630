extension CSVRecorder {
    /// The kernel's columns of a transport channel, after its usual ones.
    static let kernelColumns = ["transport", "kernel_bytes", "kernel_capacity_bytes", "kernel_msgs", "eagain", "epipe",
                                "writer_wchan", "reader_wchan", "kernel_capacity_msgs", "send_memory_bytes", "write_error", "read_error"]

    /// A transport channel's kernel column names (none for a channel between threads).
    static func kernelHeader(for channel: ChannelSnapshot) -> [String] {
        channel.kernel == nil ? [] : kernelColumns.map { "\(channel.name).\($0)" }
    }

    /// Its fields: what the kernel says (`FIONREAD`, `SIOCINQ`, `F_GETPIPE_SZ`, `SO_SNDBUF`,
    /// `mq_getattr`), the errors it gave, and where each end's thread waits in the kernel
    /// (`/proc/PID/wchan`, empty while it runs). `kernel_msgs` is the kernel's own count of
    /// messages, so only a message queue's (`mq_curmsgs`): a pipe and a stream count bytes, and a
    /// datagram socket tells only the next datagram's size (its `kernel_bytes`).
    /// `kernel_capacity_msgs` is the whole messages the buffer holds (the panel's kind);
    /// `send_memory_bytes` a socket writer's `SIOCOUTQ`.
    static func kernelFields(for channel: ChannelSnapshot) -> [String] {
        guard let kernel = channel.kernel else { return [] }
        func waiting(_ end: KernelFill.End?) -> String {
            guard let end else { return "" }
            return end.ending ?? (end.isBlockedInKernel ? end.waitChannel : "")
        }
        // A message queue counts messages, not bytes.
        let bytes = kernel.transport.countsCapacityInMessages ? ["", ""] : [String(kernel.bytesQueued), String(kernel.capacityBytes)]
        return [kernel.transport.rawValue] + bytes + [
                kernel.kernelMessages.map(String.init) ?? "", String(kernel.eagain), String(kernel.epipe),
                waiting(kernel.writer), waiting(kernel.reader), String(kernel.capacityMessages),
                kernel.sendMemory.map(String.init) ?? "", kernel.peerError ?? "", kernel.readError ?? ""]
    }
}
