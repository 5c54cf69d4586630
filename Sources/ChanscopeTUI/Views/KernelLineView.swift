import ChanscopeEngine

/// A transport channel's kernel line: the kernel's own fill figures and where each end's
/// process waits, in the kernel's words.
///
/// `kernel 64192/65536 B = 4012 msgs of 16 B  writer 1234 blocked in pipe_write  reader 1235`:
/// bytes queued (`FIONREAD`) of the buffer's size (`F_GETPIPE_SZ`). A pipe is a stream of bytes: the kernel counts bytes, and the
/// messages are the bytes divided by the message size (each write of at most `PIPE_BUF` is whole).
struct KernelLineView {
    var kernel: KernelFill
    var theme: Theme

    /// The parts of the line with their styles, in order.
    var parts: [(String, Style)] {
        var parts: [(String, Style)] = []
        let messages = kernel.messageBytes > 0 ? kernel.bytesQueued / kernel.messageBytes : 0
        parts.append(("kernel \(kernel.bytesQueued)/\(kernel.capacityBytes) B = \(messages) msgs of \(kernel.messageBytes) B",
                      kernel.capacityBytes > 0 && kernel.bytesQueued >= kernel.capacityBytes ? theme.warning : theme.label))
        for (role, end) in [("writer", kernel.writer), ("reader", kernel.reader)] {
            guard let end else { continue }
            if let ending = end.ending {
                parts.append(("  \(role) \(end.pid) \(ending)", theme.alarm))
            } else if end.isBlockedInKernel {
                parts.append(("  \(role) \(end.pid) blocked in \(end.waitChannel)", theme.warning))
            } else {
                parts.append(("  \(role) \(end.pid)", theme.dim))
            }
        }
        if let path = kernel.path { parts.append(("  \(path)", theme.dim)) }
        return parts
    }

    func draw(in rect: Rect, on grid: inout Grid) {
        guard rect.height > 0 else { return }
        var x = rect.x
        for (text, style) in parts where x < rect.maxX {
            x += grid.put(text, x: x, y: rect.y, style: style, maxWidth: rect.maxX - x)
        }
    }

    /// What the counters line adds: the kernel's errors (with `zeros`, also when there were
    /// none), and end of file once read.
    func counterParts(zeros: Bool) -> [(String, Style)] {
        var parts: [(String, Style)] = []
        if zeros || kernel.eagain > 0 { parts.append(("  EAGAIN \(kernel.eagain)", kernel.eagain > 0 ? theme.alarm : theme.dim)) }
        if zeros || kernel.epipe > 0 { parts.append(("  EPIPE \(kernel.epipe)", kernel.epipe > 0 ? theme.alarm : theme.dim)) }
        if kernel.endOfFile { parts.append(("  EOF", theme.alarm)) }
        return parts
    }
}
