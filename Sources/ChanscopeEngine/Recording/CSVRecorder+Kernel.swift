extension CSVRecorder {
    /// The kernel's columns of a transport channel, after its usual ones.
    static let kernelColumns = ["transport", "kernel_bytes", "kernel_capacity_bytes", "kernel_msgs", "eagain", "epipe",
                                "writer_wchan", "reader_wchan"]

    /// A transport channel's kernel column names (none for a channel between threads).
    static func kernelHeader(for channel: ChannelSnapshot) -> [String] {
        channel.kernel == nil ? [] : kernelColumns.map { "\(channel.name).\($0)" }
    }

    /// Its fields: what the kernel says (`FIONREAD`, `F_GETPIPE_SZ`), the errors it gave, and
    /// where each end's thread waits in the kernel (`/proc/PID/wchan`, empty while it runs).
    /// `kernel_msgs` stays empty for pipes and FIFOs: the kernel counts bytes there, not messages.
    static func kernelFields(for channel: ChannelSnapshot) -> [String] {
        guard let kernel = channel.kernel else { return [] }
        func waiting(_ end: KernelFill.End?) -> String {
            guard let end else { return "" }
            return end.ending ?? (end.isBlockedInKernel ? end.waitChannel : "")
        }
        return [kernel.transport.rawValue, String(kernel.bytesQueued), String(kernel.capacityBytes), "",
                String(kernel.eagain), String(kernel.epipe), waiting(kernel.writer), waiting(kernel.reader)]
    }
}
