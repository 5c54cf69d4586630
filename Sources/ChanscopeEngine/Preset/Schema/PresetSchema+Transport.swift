extension PresetSchema {
    /// The keys of a channel that is a kernel object between worker processes.
    static let transportFields: [FieldDeclaration<PresetDraft.Channel>] = [
        .init("transport", takes: Transport.allNames.joined(separator: ", "),
              summary: "a kernel object between worker processes instead of a channel between threads") { channel, node, path, decoder in
            channel.transport = decoder.text(node, path)
            return channel.transport != nil
        },
        .init("buffer_bytes", takes: "a whole number: a pipe's 4096 up to /proc/sys/fs/pipe-max-size (1048576 by default), a socket's SO_SNDBUF 8192 up to twice /proc/sys/net/core/wmem_max",
              summary: "a pipe's or socket's kernel buffer (default: a pipe's 65536, rounded up to a power of two pages; a socket's wmem_default)") {
            channel, node, path, decoder in
            guard let bytes = decoder.wholeNumber(node, path) else { return false }
            if let problem = PresetWording.outside("buffer_bytes", PresetLimits.kernelBuffer, found: bytes, lowerNote: "") {
                decoder.meaning(node, path, problem)
                return false
            }
            channel.bufferBytes = bytes
            return true
        },
        .init("message_bytes", takes: "a whole number, \(PresetWording.range(PresetLimits.messageBytes)), or a knob",
              summary: "bytes per message through a transport (default 16); a knob's value applies when the experiment (re)starts") { channel, node, path, decoder in
            // A knob's name, or a whole number (`2.5` is neither).
            if case .scalar = node, node.null == nil, node.int == nil, node.float == nil, let knob = decoder.text(node, path) {
                decoder.use(knob, .ranged(Double(PresetLimits.messageBytes.lowerBound)...Double(PresetLimits.messageBytes.upperBound), what: "bytes per message"), at: node, path: path)
                channel.messageBytesKnob = knob
                return true
            }
            guard let bytes = decoder.wholeNumber(node, path) else { return false }
            if let problem = PresetWording.outside("message_bytes", PresetLimits.messageBytes, found: bytes, lowerNote: "") {
                decoder.meaning(node, path, problem)
                return false
            }
            channel.messageBytes = bytes
            return true
        },
    ]
}
