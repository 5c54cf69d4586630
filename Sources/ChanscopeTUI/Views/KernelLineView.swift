import ChanscopeEngine

/// A transport channel's kernel lines: the kernel's own fill figures and where each end's
/// process waits, in the kernel's words; and, where the panel has a row for it, what the figures
/// mean for this kind of kernel object.
///
/// `kernel 64192/65536 B = 4012 msgs of 16 B  writer 1234 blocked in pipe_write  reader 1235`:
/// bytes queued (`FIONREAD`) of the buffer's size (`F_GETPIPE_SZ`). A pipe is a stream of bytes:
/// the kernel counts bytes, and the messages are the bytes divided by the message size (each
/// write of at most `PIPE_BUF` is whole). A stream socket counts payload bytes (`SIOCINQ`) but
/// limits the writer by buffer memory (`SIOCOUTQ` of `SO_SNDBUF`); a datagram socket says only
/// the next datagram's size, so the processes' own count stands in; a message queue counts
/// messages (`mq_getattr`).
struct KernelLineView {
    var kernel: KernelFill
    var theme: Theme

    /// The parts of the main line with their styles, in order.
    var parts: [(String, Style)] {
        var parts: [(String, Style)] = [(fillText, isFull ? theme.warning : theme.label)]
        for (role, end) in [("writer", kernel.writer), ("reader", kernel.reader)] {
            guard let end else { continue }
            if let ending = end.ending {
                parts.append(("  \(role) \(end.pid) \(ending)", theme.alarm))
            } else if let function = end.shownWaitChannel {
                parts.append(("  \(role) \(end.pid) blocked in \(function)", theme.warning))
            } else {
                parts.append(("  \(role) \(end.pid)", theme.dim))
            }
        }
        return parts
    }

    /// The fill in the kernel's own unit.
    private var fillText: String {
        switch kernel.transport {
        case .pipe, .fifo:
            return "kernel \(kernel.bytesQueued)/\(kernel.capacityBytes) B = \(kernel.kernelCount ?? 0) msgs of \(kernel.messageBytes) B"
        case .unixStream:
            return "kernel \(kernel.bytesQueued) B = \(kernel.kernelCount ?? 0) msgs of \(kernel.messageBytes)+4 B"
        case .unixDatagram:
            return "kernel \(kernel.inFlight)/\(kernel.capacityMessages) datagrams of \(kernel.messageBytes) B"
        case .mqueue:
            return "kernel \(kernel.kernelMessages ?? 0)/\(kernel.capacityMessages) msgs of \(kernel.messageBytes) B (mq_getattr)"
        }
    }

    /// Whether the kernel's buffer is full: a pipe's bytes, a queue's messages, a socket's
    /// messages against what its send buffer holds.
    private var isFull: Bool {
        switch kernel.transport {
        case .pipe, .fifo: kernel.capacityBytes > 0 && kernel.bytesQueued >= kernel.capacityBytes
        case .mqueue: kernel.capacityMessages > 0 && (kernel.kernelMessages ?? 0) >= kernel.capacityMessages
        case .unixStream, .unixDatagram: kernel.capacityMessages > 0 && kernel.inFlight >= kernel.capacityMessages
        }
    }

    /// The second line: what this kernel object's figures mean, and its name. Empty for an
    /// unnamed pipe, whose main line says it all.
    var detailParts: [(String, Style)] {
        var parts: [(String, Style)] = []
        switch kernel.transport {
        case .pipe: return []
        case .fifo:
            parts.append(("mkfifo: each process opened the path itself", theme.dim))
        case .unixStream:
            parts.append(("SIOCINQ: payload  ", theme.dim))
            parts.append((sendBufferText, theme.label))
            parts.append(("  no message boundaries: a 4 B length before each", theme.dim))
        case .unixDatagram:
            parts.append(("counted by the processes (SIOCINQ: next datagram only, \(kernel.bytesQueued) B)", theme.dim))
            parts.append(("  limit \(kernel.datagramQueueLimit ?? 0) = max_dgram_qlen + 1  ", theme.label))
            parts.append((sendBufferText, theme.dim))
        case .mqueue:
            parts.append(("mq_curmsgs of mq_maxmsg; the queue outlives its processes: no end of file, no EPIPE", theme.dim))
        }
        if let path = kernel.path { parts.append(("  \(path)", theme.dim)) }
        return parts
    }

    /// A socket writer's buffer memory in use (`SIOCOUTQ`) of `SO_SNDBUF`, and what one message
    /// takes of it.
    private var sendBufferText: String {
        let perMessage = kernel.memoryPerMessage.map { ", \($0) B a msg" } ?? ""
        guard let memory = kernel.sendMemory else { return "send buffer \(kernel.capacityBytes) B (writer gone)" }
        return "send buffer \(memory)/\(kernel.capacityBytes) B (SIOCOUTQ\(perMessage))"
    }

    func draw(in rect: Rect, on grid: inout Grid) {
        guard rect.height > 0 else { return }
        Self.put(parts, at: rect.x, rect.y, maxX: rect.maxX, on: &grid)
        if rect.height > 1 { Self.put(detailParts, at: rect.x, rect.y + 1, maxX: rect.maxX, on: &grid) }
    }

    /// How many rows the kernel's lines want: one, and one more for a detail line.
    var rows: Int { detailParts.isEmpty ? 1 : 2 }

    private static func put(_ parts: [(String, Style)], at x0: Int, _ y: Int, maxX: Int, on grid: inout Grid) {
        var x = x0
        for (text, style) in parts where x < maxX {
            x += grid.put(text, x: x, y: y, style: style, maxWidth: maxX - x)
        }
    }

    /// What the counters line adds: the kernel's errors (with `zeros`, also when there were
    /// none), and end of file once read. A message queue gives neither: no end tells the other.
    func counterParts(zeros: Bool) -> [(String, Style)] {
        var parts: [(String, Style)] = []
        if zeros || kernel.eagain > 0 { parts.append(("  EAGAIN \(kernel.eagain)", kernel.eagain > 0 ? theme.alarm : theme.dim)) }
        guard kernel.transport.reportsPeerDeath else { return parts }
        let peerError = kernel.peerError ?? (kernel.transport == .unixDatagram ? "ECONNREFUSED" : "EPIPE")
        if zeros || kernel.epipe > 0 { parts.append(("  \(peerError) \(kernel.epipe)", kernel.epipe > 0 ? theme.alarm : theme.dim)) }
        if kernel.endOfFile { parts.append(("  \(kernel.readError ?? "EOF")", theme.alarm)) }
        return parts
    }
}
