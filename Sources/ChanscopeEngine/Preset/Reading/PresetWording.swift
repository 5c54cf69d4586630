/// Every sentence a preset problem can say, in one place.
///
/// The decoder, the lints, the file reader and `--set` only decide *that* something is wrong
/// and *where*; how it is said lives here, so the messages keep one voice, one number format
/// and one way of listing choices, and a reworded message is a change to one line.
enum PresetWording {
    // MARK: - Files

    /// Why a file was not read, after `FILE: `.
    static func refused(_ refusal: PresetFileRefusal) -> String {
        switch refusal {
        case .system(let reason): "cannot read file: \(reason)"
        case .notRegular(let kind): "cannot read file: it is \(kind), not a regular file"
        case .tooLarge(let limit): "cannot read file: it is larger than \(bytes(limit)), the most a preset may be"
        case .utf16: "cannot read file: UTF-16 text; save the preset as UTF-8"
        case .notUTF8: "cannot read file: not UTF-8 text"
        }
    }

    /// A byte count as people say it: `1 MiB`, `64 KiB`, `100 bytes`.
    static func bytes(_ count: Int) -> String {
        if count >= 1 << 20, count % (1 << 20) == 0 { return "\(count >> 20) MiB" }
        if count >= 1 << 10, count % (1 << 10) == 0 { return "\(count >> 10) KiB" }
        return "\(count) bytes"
    }

    // MARK: - Keys

    /// A key that repeats one earlier in the same mapping.
    static func duplicateKey(_ key: String, firstLine: Int?) -> String {
        "duplicate key \"\(key)\"" + (firstLine.map { " (first on line \($0))" } ?? "")
    }
}
