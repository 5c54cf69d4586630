#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a preset file's bytes were not turned into text.
///
/// Kept as cases rather than strings so the loader can word every refusal in one place
/// (`PresetWording`) and tests can tell a FIFO from a file that is too large.
enum PresetFileRefusal: Error, Equatable {
    /// The system refused: the file is missing, unreadable, ... (`errno`'s own words).
    case system(String)
    /// The path names something other than a regular file: a directory, a FIFO, a device.
    case notRegular(String)
    /// The file holds more than `limit` bytes.
    case tooLarge(limit: Int)
    /// The text is UTF-16 (a byte-order mark, or every other byte NUL).
    case utf16
    /// The bytes are not valid UTF-8.
    case notUTF8

    /// The system's reason for an `errno` value, e.g. `No such file or directory`.
    static func system(_ code: Int32) -> PresetFileRefusal {
        .system(String(cString: strerror(code)))
    }
}
